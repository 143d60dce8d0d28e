import {
  AuditOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  LockOutlined,
  SaveOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { checkDraft } from '@domain/report/check';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JSONContent } from '@tiptap/core';
import { Alert, App, Breadcrumb, Button, Col, Input, Popconfirm, Result, Row, Skeleton, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useSession } from '../../app/session';
import { PageTitle } from '../../shared/PageTitle';
import { docToDraft, factSetOf } from './convert';
import { useReportDetail, useReportVersions } from './hooks';
import { ReportEditor } from './ReportEditor';
import { CheckPanel, VersionsPanel } from './ReportSidePanels';
import { saveFile } from './saveFile';
import type { ReportDetail, SavedVersion } from './types';

export default function ReportEditorPage() {
  const { id } = useParams();
  const detail = useReportDetail(id);
  if (detail.isLoading) return <Skeleton active style={{ padding: 24 }} />;
  if (detail.error || !detail.data) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '该稿不存在或您无权查看' : '加载失败'}
        subTitle={(detail.error as Error)?.message}
        extra={<Link to="/reports">返回工作总结</Link>}
      />
    );
  }
  // A fresh editor for each version.
  return <VersionEditor key={id} detail={detail.data} />;
}

function VersionEditor({ detail }: { detail: ReportDetail }) {
  const { can } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { version } = detail;
  const [doc, setDoc] = useState<JSONContent>();
  const [note, setNote] = useState('');
  const factSet = useMemo(() => factSetOf(detail.facts), [detail.facts]);
  const draft = useMemo(() => (doc ? docToDraft(doc, detail.draft.title) : detail.draft), [doc, detail.draft]);
  const check = useMemo(() => checkDraft(draft, factSet), [draft, factSet]);
  const versions = useReportVersions(version.county_code, version.year);
  const approved = versions.data?.find((v) => v.approved_at) ?? (version.approved_at ? version : undefined);
  const locked = !!approved;
  const editable = can('report.write') && !locked;
  const dirty = doc !== undefined;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const refresh = () => {
    client.invalidateQueries({ queryKey: ['reports'] });
    client.invalidateQueries({ queryKey: ['report'] });
  };
  const fail = (error: Error) => message.error(error instanceof ApiError ? error.message : '操作失败');
  const save = useMutation({
    mutationFn: () =>
      api<SavedVersion>(`/api/reports/${version.id}/save`, { body: { draft, note: note.trim() || null } }),
    onSuccess: (saved) => {
      message.success(`已保存为第${saved.version}稿`);
      refresh();
      navigate(`/reports/${saved.id}`);
    },
    onError: fail,
  });
  const approval = useMutation({
    mutationFn: (approve: boolean) =>
      api(`/api/reports/${version.id}/${approve ? 'approve' : 'unapprove'}`, { method: 'POST' }),
    onSuccess: (_, approve) => {
      message.success(approve ? `已审定第${version.version}稿，本年度总结已锁定` : '已撤销审定');
      refresh();
    },
    onError: fail,
  });
  const exporting = useMutation({
    mutationFn: (kind: 'docx' | 'pdf') => {
      if (dirty) message.info(`有未保存的修改；导出的是已保存的第${version.version}稿`);
      return saveFile(`/api/reports/${version.id}/${kind}`, `${version.title}（第${version.version}稿）.${kind}`);
    },
    onError: fail,
  });

  const problems = check.figures.filter((f) => f.state === 'stale' || f.state === 'missing').length;
  return (
    <div className="jg-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={`/reports?year=${version.year}`}>年度工作总结</Link> },
          { title: `${version.year}年 · 第${version.version}稿` },
        ]}
      />
      <PageTitle
        title={
          <Space size={8}>
            <span>{draft.title}</span>
            <Tag>第{version.version}稿</Tag>
            {version.approved_at ? (
              <Tag color="green" icon={<LockOutlined />} data-testid="report-status">
                已审定
              </Tag>
            ) : (
              <Tag data-testid="report-status">草稿</Tag>
            )}
            {dirty && <Tag color="orange">有未保存的修改</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <>
                <Input
                  placeholder="修改说明（可选）"
                  style={{ width: 180 }}
                  maxLength={200}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  aria-label="修改说明"
                />
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={!dirty}
                  loading={save.isPending}
                  onClick={() => save.mutate()}
                  data-testid="save-report"
                >
                  保存为新稿
                </Button>
              </>
            )}
            {can('report.approve') &&
              (version.approved_at ? (
                <Popconfirm
                  title="撤销审定后，本年度总结可以再修改。确定撤销？"
                  okText="撤销审定"
                  onConfirm={() => approval.mutate(false)}
                >
                  <Button icon={<UnlockOutlined />} loading={approval.isPending} data-testid="unapprove-report">
                    撤销审定
                  </Button>
                </Popconfirm>
              ) : (
                !approved && (
                  <Popconfirm
                    title={`审定第${version.version}稿？审定后本年度总结锁定，不能再修改。`}
                    okText="审定"
                    onConfirm={() => approval.mutate(true)}
                  >
                    <Button
                      type="primary"
                      icon={<AuditOutlined />}
                      loading={approval.isPending}
                      data-testid="approve-report"
                    >
                      审定此稿
                    </Button>
                  </Popconfirm>
                )
              ))}
            <Button
              icon={<FileWordOutlined />}
              loading={exporting.isPending && exporting.variables === 'docx'}
              onClick={() => exporting.mutate('docx')}
              data-testid="export-docx"
            >
              导出 Word
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              loading={exporting.isPending && exporting.variables === 'pdf'}
              onClick={() => exporting.mutate('pdf')}
              data-testid="export-pdf"
            >
              导出 PDF
            </Button>
          </Space>
        }
      />
      {approved && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 12 }}
          data-testid="report-locked"
          title={
            approved.id === version.id
              ? `本稿已于${dayjs(approved.approved_at).format('YYYY-MM-DD HH:mm')}由${approved.approved_by_name ?? '局领导'}审定，已锁定，不能修改`
              : `本年度第${approved.version}稿已审定，本年度总结已锁定，其他各稿不能再修改`
          }
          description={can('report.approve') ? undefined : '如需修改，请局领导先撤销审定。'}
        />
      )}
      {!approved && !can('report.write') && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="您可以查看和导出本稿，不能修改。" />
      )}
      {!approved && problems > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`稿中有${problems}处数字与最新数据不一致（成稿后数据已更新），请重新生成或修改后再审定`}
        />
      )}
      <Row gutter={16} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <ReportEditor draft={detail.draft} facts={detail.facts} editable={editable} onChange={setDoc} />
        </Col>
        <Col flex="320px">
          <div style={{ position: 'sticky', top: 12 }}>
            <CheckPanel check={check} facts={detail.facts} />
            <VersionsPanel versions={versions.data} currentId={version.id} />
          </div>
        </Col>
      </Row>
    </div>
  );
}
