import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Input,
  Modal,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, download, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/labels';
import { AidHeader } from './AidHeader';
import { useProgramNames } from './hooks';
import { BATCH_ACTIONS, BATCH_STATUS, termText, yuan } from './labels';
import type { AidBatchDetail, BatchStatus } from './types';

type Action = 'submit' | 'return' | 'review' | 'pay';

/** A batch: its lists, the actions open to the viewer, the bank file and the history of transitions. */
export default function BatchDetailPage() {
  const { id } = useParams();
  const { county, can, me } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const programName = useProgramNames(county?.code);
  const [dialog, setDialog] = useState<Action>();
  const [comment, setComment] = useState('');
  const [paidOn, setPaidOn] = useState<Dayjs | null>(dayjs());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const detail = useQuery({
    queryKey: ['aid', 'batch', county?.code, id],
    queryFn: () => api<AidBatchDetail>(`/api/aid/batches/${id}${qs({ county: county?.code })}`),
    enabled: !!county,
  });
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  if (detail.error)
    return (
      <Result
        status={detail.error instanceof ApiError && detail.error.status === 404 ? '404' : 'error'}
        title="无法打开发放批次"
        subTitle={(detail.error as Error).message}
        extra={<Button onClick={() => navigate('/aid/batches')}>返回批次列表</Button>}
      />
    );
  if (!detail.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const { batch, lists, corrections, history } = detail.data;
  const status = batch.status as BatchStatus;
  const countyWide = me.scope.level === 'county' || me.scope.level === 'system' || me.scope.level === 'city';
  const reviewer = can('aid.review') && countyWide;
  const openFindings = lists.reduce((sum, l) => sum + l.open_findings, 0);
  const name = `${termText(batch.term)}第${batch.seq}批${batch.kind === 'correction' ? '（更正）' : ''}`;

  const run = async (action: Action) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/aid/batches/${batch.id}/transitions${qs({ county: county.code })}`, {
        body: {
          action,
          comment: comment.trim() || null,
          paidOn: action === 'pay' ? (paidOn?.format('YYYY-MM-DD') ?? null) : null,
        },
      });
      message.success(`${BATCH_ACTIONS[action]}：${name}`);
      setDialog(undefined);
      setComment('');
      await client.invalidateQueries({ queryKey: ['aid'] });
    } catch (e) {
      const text = e instanceof Error ? e.message : '操作失败';
      if (dialog) setError(text);
      else message.error(text);
    } finally {
      setBusy(false);
    }
  };
  const exportBankFile = () => {
    download(`/api/aid/batches/${batch.id}/bank-file${qs({ county: county.code })}`);
    message.info('银行代发文件含完整身份证号，本次导出已记入审计日志');
    // The server records the export as the file is produced; show it once the download has started.
    setTimeout(() => client.invalidateQueries({ queryKey: ['aid', 'batch'] }), 1500);
  };

  const actions = (
    <Space wrap data-testid="batch-actions">
      {status === 'draft' && can('aid.import') && (
        <Button type="primary" loading={busy} onClick={() => run('submit')}>
          提交审核
        </Button>
      )}
      {status === 'submitted' && reviewer && (
        <Button type="primary" loading={busy} onClick={() => run('review')} disabled={openFindings > 0}>
          审核通过
        </Button>
      )}
      {(status === 'reviewed' || status === 'paid') && reviewer && can('pii.reveal') && (
        <Button icon={<DownloadOutlined />} onClick={exportBankFile}>
          {status === 'paid' ? '重新下载银行代发文件' : '导出银行代发文件'}
        </Button>
      )}
      {status === 'reviewed' && reviewer && (
        <Button type="primary" onClick={() => setDialog('pay')} disabled={!batch.bank_file_exported_at}>
          确认发放
        </Button>
      )}
      {(status === 'submitted' || status === 'reviewed') && reviewer && (
        <Button danger onClick={() => setDialog('return')}>
          退回修改
        </Button>
      )}
    </Space>
  );

  return (
    <div className="jg-page">
      <AidHeader
        subtitle={`${batch.school_name ?? '县学生资助管理中心'} · ${name}`}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/aid/batches')}>
            返回批次列表
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }} title={name} extra={actions}>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          size="small"
          data-testid="batch-info"
          items={[
            { label: '学校', children: batch.school_name ?? '县学生资助管理中心' },
            { label: '学期', children: termText(batch.term) },
            {
              label: '状态',
              children: <Tag color={BATCH_STATUS[status]?.color}>{BATCH_STATUS[status]?.label ?? status}</Tag>,
            },
            { label: '人次', children: `${batch.row_count}人次` },
            { label: '金额', children: `${yuan(batch.total_fen)}元` },
            { label: '发放日期', children: batch.paid_on ?? '—' },
            {
              label: '银行代发文件',
              children: batch.bank_file_exported_at
                ? `已导出（${formatDateTime(batch.bank_file_exported_at)}）`
                : '未导出',
            },
            { label: '生成时间', children: formatDateTime(batch.created_at) },
          ]}
        />
        {status === 'submitted' && openFindings > 0 && reviewer && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={`批次中还有${openFindings}条核查提示未确认，请打开下列名单逐条核实确认后再审核。`}
          />
        )}
        {status === 'reviewed' && reviewer && !batch.bank_file_exported_at && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title="请先导出银行代发文件交银行发放，银行发放后再确认发放。"
          />
        )}
        {status === 'paid' && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            title="该批次已发放并锁定；如需调整，请在名单中登记更正（生成更正批次），原记录不修改。"
          />
        )}
      </Card>
      {batch.kind === 'regular' ? (
        <Card title={`名单（${lists.length}份）`} style={{ marginBottom: 16 }}>
          <Table
            rowKey="id"
            size="small"
            data-testid="batch-lists"
            dataSource={lists}
            pagination={false}
            locale={{ emptyText: <Empty description="批次中没有名单" /> }}
            columns={[
              {
                title: '资助项目',
                dataIndex: 'program_id',
                render: (p: string, l) => <Link to={`/aid/lists/${l.id}`}>{programName(p)}</Link>,
              },
              { title: '人次', dataIndex: 'row_count', align: 'right' },
              { title: '金额(元)', dataIndex: 'amount_fen', align: 'right', render: yuan },
              {
                title: '待确认提示',
                dataIndex: 'open_findings',
                align: 'right',
                render: (n: number) => (n ? <Tag color="gold">{n}条</Tag> : <span className="jg-muted">无</span>),
              },
            ]}
          />
        </Card>
      ) : (
        <Card title={`更正记录（${corrections.length}条）`} style={{ marginBottom: 16 }}>
          <Table
            rowKey="id"
            size="small"
            dataSource={corrections}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '资助项目', dataIndex: 'program_id', render: programName },
              { title: '姓名', dataIndex: 'name' },
              { title: '身份证号', dataIndex: 'id_masked' },
              { title: '年级', dataIndex: 'grade' },
              { title: '原发放(元)', dataIndex: 'original_fen', align: 'right', render: yuan },
              { title: '调整(元)', dataIndex: 'amount_fen', align: 'right', render: yuan },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
      <Card title="流转记录">
        <Timeline
          data-testid="batch-history"
          items={history.map((h) => ({
            color: h.action === 'return' ? 'red' : h.action === 'pay' ? 'green' : 'blue',
            content: (
              <div>
                <strong>{BATCH_ACTIONS[h.action] ?? h.action}</strong>
                <span style={{ margin: '0 8px' }}>
                  {h.from_status ? `${BATCH_STATUS[h.from_status as BatchStatus]?.label ?? h.from_status} → ` : ''}
                  {BATCH_STATUS[h.to_status as BatchStatus]?.label ?? h.to_status}
                </span>
                <span className="jg-muted">
                  {h.actor_name} · {formatDateTime(h.at)}
                </span>
                {h.comment && <div>意见：{h.comment}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      <Modal
        open={dialog !== undefined}
        title={dialog === 'pay' ? `确认发放：${name}` : `退回修改：${name}`}
        okText={dialog === 'pay' ? '确认发放' : '退回'}
        okButtonProps={{
          danger: dialog === 'return',
          disabled: dialog === 'pay' ? !paidOn : comment.trim().length < 2,
        }}
        confirmLoading={busy}
        onOk={() => dialog && run(dialog)}
        onCancel={() => {
          setDialog(undefined);
          setError(undefined);
        }}
      >
        {dialog === 'pay' ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>
              银行发放日期：
              <DatePicker
                value={paidOn}
                onChange={setPaidOn}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                aria-label="发放日期"
              />
            </div>
            <div className="jg-muted">
              共{batch.row_count}人次，{yuan(batch.total_fen)}元。确认后批次锁定，计入资助统计。
            </div>
            <Input.TextArea
              rows={2}
              maxLength={300}
              placeholder="备注（选填）"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-label="备注"
            />
          </Space>
        ) : (
          <Input.TextArea
            rows={3}
            maxLength={300}
            placeholder="请填写退回原因，学校将据此修改名单"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-label="退回原因"
          />
        )}
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      </Modal>
    </div>
  );
}
