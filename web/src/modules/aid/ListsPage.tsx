import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Empty, Select, Space, Table, Tag } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, download, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/labels';
import { AidHeader, TermSelect } from './AidHeader';
import { useAidPrograms, useAidTerms, useProgramNames } from './hooks';
import { BATCH_STATUS, batchStatusOptions, termText, yuan } from './labels';
import type { AidListRow, Paged } from './types';

/** 资助名单: every list of a term in scope, with its status and check findings. */
export default function ListsPage() {
  const { county, can, me } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const terms = useAidTerms(county?.code);
  const programs = useAidPrograms(county?.code);
  const programName = useProgramNames(county?.code);
  const term = params.get('term') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const filter = {
    term,
    program: params.get('program') ?? undefined,
    status: params.get('status') ?? undefined,
    findings: params.get('findings') ?? undefined,
  };
  // Open on the newest term with lists.
  useEffect(() => {
    if (!params.has('term') && terms.data?.[0]) {
      const next = new URLSearchParams(params);
      next.set('term', terms.data[0]);
      setParams(next, { replace: true });
    }
  }, [params, setParams, terms.data]);
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const lists = useQuery({
    queryKey: ['aid', 'lists', county?.code, filter, page, pageSize],
    queryFn: () => api<Paged<AidListRow>>(`/api/aid/lists${qs({ county: county?.code, ...filter, page, pageSize })}`),
    enabled: !!county && (params.has('term') || terms.isFetched),
    placeholderData: keepPreviousData,
  });

  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  const filtered = !!(filter.program || filter.status || filter.findings);
  const schoolUser = me.scope.level === 'school';

  return (
    <div className="jg-page">
      <AidHeader
        subtitle={schoolUser ? '本校各学期资助名单及核查提示' : `${county.name}各学期资助名单及核查提示`}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/exports/aid-beneficiaries${qs({ county: county.code })}`)}
            >
              导出名单（身份证号脱敏）
            </Button>
            {can('aid.import') && (
              <Button
                type="primary"
                icon={<UploadOutlined />}
                onClick={() => navigate('/imports?type=aid-beneficiaries')}
              >
                导入资助名单
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Space wrap className="jg-filters">
          <TermSelect value={term} terms={terms.data} onChange={(v) => setFilter('term', v)} />
          <Select
            placeholder="资助项目"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 300 }}
            value={filter.program}
            onChange={(v) => setFilter('program', v)}
            options={(programs.data?.programs ?? []).map((p) => ({ value: p.id, label: p.name }))}
            aria-label="资助项目"
          />
          <Select
            placeholder="状态"
            allowClear
            style={{ width: 110 }}
            value={filter.status}
            onChange={(v) => setFilter('status', v)}
            options={batchStatusOptions}
            aria-label="状态"
          />
          <Checkbox
            checked={filter.findings === 'open'}
            onChange={(e) => setFilter('findings', e.target.checked ? 'open' : undefined)}
          >
            只看有待确认核查提示的名单
          </Checkbox>
        </Space>
        {lists.error && <Alert type="error" showIcon title={`名单加载失败：${(lists.error as Error).message}`} />}
        <Table<AidListRow>
          rowKey="id"
          size="middle"
          data-testid="aid-list-table"
          loading={lists.isLoading}
          dataSource={lists.data?.items}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => navigate(`/aid/lists/${row.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: (
              <Empty
                description={
                  filtered || term
                    ? `${termText(term)}没有符合条件的资助名单`
                    : '还没有资助名单，请下载模板填写后在“数据导入”中上传'
                }
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: lists.data?.total,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 份名单`,
            onChange: (p, size) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              next.set('pageSize', String(size));
              setParams(next, { replace: true });
            },
          }}
          columns={[
            { title: '学期', dataIndex: 'term', render: termText, width: 140 },
            {
              title: '资助项目',
              dataIndex: 'program_id',
              render: (id: string, row) => (
                <Link to={`/aid/lists/${row.id}`} onClick={(e) => e.stopPropagation()}>
                  {programName(id)}
                </Link>
              ),
            },
            {
              title: '学校',
              dataIndex: 'school_name',
              render: (name: string | null) => name ?? '县学生资助管理中心',
            },
            { title: '人次', dataIndex: 'row_count', align: 'right' },
            { title: '金额(元)', dataIndex: 'amount_fen', align: 'right', render: yuan },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: AidListRow['status']) => (
                <Tag color={BATCH_STATUS[s]?.color}>{BATCH_STATUS[s]?.label ?? s}</Tag>
              ),
            },
            {
              title: '发放批次',
              dataIndex: 'batch_seq',
              render: (seq: number | null, row) =>
                seq && row.batch_id ? (
                  <Link to={`/aid/batches/${row.batch_id}`} onClick={(e) => e.stopPropagation()}>
                    第{seq}批
                  </Link>
                ) : (
                  <span className="jg-muted">未编批</span>
                ),
            },
            {
              title: '核查提示',
              key: 'findings',
              render: (_: unknown, row) =>
                row.findings === 0 ? (
                  <span className="jg-muted">无</span>
                ) : (
                  <Space size={4}>
                    {row.open_findings > 0 && <Tag color="gold">{row.open_findings}条待确认</Tag>}
                    {row.findings - row.open_findings > 0 && <Tag>{row.findings - row.open_findings}条已确认</Tag>}
                  </Space>
                ),
            },
            { title: '更新时间', dataIndex: 'updated_at', render: formatDateTime },
          ]}
        />
      </Card>
    </div>
  );
}
