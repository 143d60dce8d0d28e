import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Progress, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, download, qs, upload } from '../../api/client';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/labels';
import { PageTitle } from '../../shared/PageTitle';
import { ImportResult } from './ImportResult';
import type { ImportJob, ImportType } from './types';

const STATUS: Record<string, { label: string; color: string }> = {
  uploaded: { label: '已上传', color: 'default' },
  validating: { label: '校验中', color: 'processing' },
  validated: { label: '待确认', color: 'blue' },
  rejected: { label: '有错误', color: 'red' },
  committing: { label: '写入中', color: 'processing' },
  committed: { label: '已导入', color: 'green' },
  failed: { label: '失败', color: 'red' },
};

export default function ImportPage() {
  const { county } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [uploadFraction, setUploadFraction] = useState<number>();
  const [jobId, setJobId] = useState<string>();
  const types = useQuery({ queryKey: ['import-types'], queryFn: () => api<ImportType[]>('/api/imports/types') });
  const importable = (types.data ?? []).filter((t) => t.canImport);
  const type = importable.find((t) => t.type === params.get('type')) ?? importable[0];

  const job = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => api<ImportJob>(`/api/imports/jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (query) =>
      ['uploaded', 'validating', 'committing'].includes(query.state.data?.status ?? 'uploaded') ? 500 : false,
  });
  const history = useQuery({
    queryKey: ['import-jobs', county?.code],
    queryFn: () =>
      api<
        {
          id: string;
          type: string;
          file_name: string;
          status: string;
          total_rows: number;
          inserted: number;
          updated: number;
          unchanged: number;
          error_count: number;
          created_at: string;
          created_by_name: string | null;
        }[]
      >(`/api/imports/jobs${qs({ county: county?.code })}`),
    enabled: !!county,
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status && !['uploaded', 'validating', 'committing'].includes(status))
      client.invalidateQueries({ queryKey: ['import-jobs'] });
    if (status === 'committed') client.invalidateQueries({ queryKey: ['schools'] });
  }, [status, client]);

  if (!county || !type) return <Empty style={{ marginTop: 80 }} description="没有可导入的数据类型" />;

  const restart = () => {
    setJobId(undefined);
    setUploadFraction(undefined);
  };
  const commit = async (explanations: Record<number, string>) => {
    await api(`/api/imports/jobs/${jobId}/commit`, { method: 'POST', body: { explanations } });
    await client.invalidateQueries({ queryKey: ['import-job', jobId] });
  };
  const step = !jobId ? 1 : status === 'committed' ? 3 : status === 'committing' ? 3 : 2;
  const busy = status === 'uploaded' || status === 'validating' || status === 'committing';

  return (
    <div className="jg-page">
      <PageTitle title="数据导入" subtitle={`${county.name} · 下载模板 → 上传 → 校验预览 → 确认导入`} />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: '下载模板' }, { title: '上传文件' }, { title: '校验预览' }, { title: '确认导入' }]}
        />
        <Space style={{ marginBottom: 16 }} wrap>
          <span>导入类型：</span>
          <Select
            style={{ width: 180 }}
            value={type.type}
            onChange={(value) => {
              setParams({ type: value });
              restart();
            }}
            options={importable.map((t) => ({ value: t.type, label: t.label }))}
            disabled={!!jobId}
            aria-label="导入类型"
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`/api/imports/${type.type}/template${qs({ county: county.code })}`)}
          >
            下载{type.label}导入模板
          </Button>
          <Typography.Text type="secondary">
            必填列：
            {type.columns
              .filter((c) => c.required)
              .map((c) => c.header)
              .join('、')}
          </Typography.Text>
        </Space>
        {!jobId ? (
          <>
            <Upload.Dragger
              accept=".xlsx,.xls,.csv"
              showUploadList={false}
              disabled={uploadFraction !== undefined}
              customRequest={async ({ file }) => {
                setUploadFraction(0);
                try {
                  const created = await upload<ImportJob>(
                    `/api/imports/${type.type}/jobs${qs({ county: county.code })}`,
                    file as File,
                    setUploadFraction,
                  );
                  setJobId(created.id);
                } catch (e) {
                  message.error(e instanceof Error ? e.message : '上传失败');
                  setUploadFraction(undefined);
                }
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或将文件拖到此处上传</p>
              <p className="ant-upload-hint">
                支持 .xlsx、.xls、.csv（UTF-8 或 GBK 编码）；任何一行有错误时整个文件都不会写入
              </p>
            </Upload.Dragger>
            {uploadFraction !== undefined && (
              <Progress percent={Math.round(uploadFraction * 100)} status="active" style={{ marginTop: 12 }} />
            )}
          </>
        ) : busy || !job.data ? (
          <div style={{ padding: '24px 0' }} data-testid="import-progress">
            <Typography.Paragraph>
              {status === 'committing' ? '正在写入数据库（一个事务）……' : `正在校验“${job.data?.fileName ?? ''}”……`}
              {job.data?.progress ? `已处理 ${job.data.progress.rows} 行` : ''}
            </Typography.Paragraph>
            <Progress percent={Math.round((job.data?.progress?.fraction ?? 0) * 100)} status="active" />
          </div>
        ) : (
          <ImportResult job={job.data} onCommit={commit} onRestart={restart} />
        )}
      </Card>
      <Card title="导入记录" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          loading={history.isLoading}
          dataSource={history.data}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="暂无导入记录" /> }}
          columns={[
            { title: '时间', dataIndex: 'created_at', width: 170, render: formatDateTime },
            {
              title: '类型',
              dataIndex: 'type',
              width: 90,
              render: (t: string) => types.data?.find((x) => x.type === t)?.label ?? t,
            },
            { title: '文件', dataIndex: 'file_name' },
            { title: '操作人', dataIndex: 'created_by_name', width: 160, render: (v: string | null) => v ?? '命令行' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: string) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.label ?? s}</Tag>,
            },
            {
              title: '结果',
              width: 260,
              render: (
                _: unknown,
                r: { status: string; inserted: number; updated: number; unchanged: number; error_count: number },
              ) =>
                r.status === 'rejected'
                  ? `${r.error_count}处错误`
                  : `新增${r.inserted} 更新${r.updated} 无变化${r.unchanged}`,
            },
          ]}
        />
      </Card>
    </div>
  );
}
