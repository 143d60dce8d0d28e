import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { AidHeader, TermSelect } from './AidHeader';
import { useAidTerms } from './hooks';
import { BATCH_STATUS, batchStatusOptions, termText, yuan } from './labels';
import type { AidBatchRow, BatchableOwner, Paged } from './types';

/** 发放批次: the batches in scope (a school sees its own) and, for those who import, new batches from draft lists. */
export default function BatchesPage() {
  const { county, can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const terms = useAidTerms(county?.code);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const filter = { term: params.get('term') ?? undefined, status: params.get('status') ?? undefined };
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const batches = useQuery({
    queryKey: ['aid', 'batches', county?.code, filter, page, pageSize],
    queryFn: () =>
      api<Paged<AidBatchRow>>(`/api/aid/batches${qs({ county: county?.code, ...filter, page, pageSize })}`),
    enabled: !!county,
    placeholderData: keepPreviousData,
  });
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  return (
    <div className="jg-page">
      <AidHeader subtitle="学校提交 → 资助中心审核 → 导出银行代发文件 → 确认发放；已发放的批次锁定" />
      {can('aid.import') && <NewBatchCard terms={terms.data} />}
      <Card title="发放批次">
        <Space wrap className="jg-filters">
          <TermSelect value={filter.term} terms={terms.data} onChange={(v) => setFilter('term', v)} allowClear />
          <Select
            placeholder="状态"
            allowClear
            style={{ width: 110 }}
            value={filter.status}
            onChange={(v) => setFilter('status', v)}
            options={batchStatusOptions}
            aria-label="批次状态"
          />
        </Space>
        {batches.error && <Alert type="error" showIcon title={`批次加载失败：${(batches.error as Error).message}`} />}
        <Table<AidBatchRow>
          rowKey="id"
          size="middle"
          data-testid="aid-batch-table"
          loading={batches.isLoading}
          dataSource={batches.data?.items}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => navigate(`/aid/batches/${row.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty description="没有发放批次" /> }}
          pagination={{
            current: page,
            pageSize,
            total: batches.data?.total,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 个批次`,
            onChange: (p, size) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              next.set('pageSize', String(size));
              setParams(next, { replace: true });
            },
          }}
          columns={[
            { title: '学期', dataIndex: 'term', render: termText },
            {
              title: '批次',
              dataIndex: 'seq',
              render: (seq: number, row) => (
                <Link to={`/aid/batches/${row.id}`} onClick={(e) => e.stopPropagation()}>
                  第{seq}批{row.kind === 'correction' ? '（更正）' : ''}
                </Link>
              ),
            },
            { title: '学校', dataIndex: 'school_name', render: (n: string | null) => n ?? '县学生资助管理中心' },
            { title: '名单', dataIndex: 'lists', align: 'right', render: (n: number) => `${n}份` },
            { title: '人次', dataIndex: 'row_count', align: 'right' },
            { title: '金额(元)', dataIndex: 'total_fen', align: 'right', render: yuan },
            {
              title: '待确认提示',
              dataIndex: 'open_findings',
              align: 'right',
              render: (n: number) => (n ? <Tag color="gold">{n}条</Tag> : <span className="jg-muted">无</span>),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: AidBatchRow['status']) => <Tag color={BATCH_STATUS[s]?.color}>{BATCH_STATUS[s]?.label}</Tag>,
            },
            { title: '发放日期', dataIndex: 'paid_on', render: (d: string | null) => d ?? '' },
          ]}
        />
      </Card>
    </div>
  );
}

/** The owners with draft lists of a term not yet in a batch, each with a button that batches them. */
function NewBatchCard({ terms }: { terms: string[] | undefined }) {
  const { county } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string>();
  const [creating, setCreating] = useState<number | 'center'>();
  const term = chosen ?? terms?.[0];
  const owners = useQuery({
    queryKey: ['aid', 'batchable', county?.code, term],
    queryFn: () => api<BatchableOwner[]>(`/api/aid/batches/batchable${qs({ county: county?.code, term })}`),
    enabled: !!county && !!term,
  });
  const create = async (owner: BatchableOwner) => {
    setCreating(owner.school_id ?? 'center');
    try {
      const result = await api<{ batchId: number; lists: number; rows: number }>(
        `/api/aid/batches${qs({ county: county?.code })}`,
        { body: { term, schoolId: owner.school_id } },
      );
      message.success(`已生成发放批次：${result.lists}份名单，${result.rows}人次`);
      await client.invalidateQueries({ queryKey: ['aid'] });
      navigate(`/aid/batches/${result.batchId}`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : '生成批次失败');
    } finally {
      setCreating(undefined);
    }
  };
  return (
    <Card
      title="生成发放批次"
      style={{ marginBottom: 16 }}
      extra={<TermSelect value={term} terms={terms} onChange={setChosen} />}
      data-testid="batchable"
    >
      <Table<BatchableOwner>
        rowKey={(o) => o.school_id ?? 'center'}
        size="small"
        loading={owners.isLoading && !!term}
        dataSource={owners.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={`${termText(term)}没有待编入批次的名单`} /> }}
        columns={[
          { title: '学校', dataIndex: 'school_name', render: (n: string | null) => n ?? '县学生资助管理中心' },
          { title: '待编批名单', dataIndex: 'lists', align: 'right', render: (n: number) => `${n}份` },
          { title: '人次', dataIndex: 'rows', align: 'right' },
          { title: '金额(元)', dataIndex: 'fen', align: 'right', render: yuan },
          {
            title: '操作',
            key: 'action',
            width: 140,
            render: (_: unknown, owner) => (
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                loading={creating === (owner.school_id ?? 'center')}
                onClick={() => create(owner)}
              >
                生成批次
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
