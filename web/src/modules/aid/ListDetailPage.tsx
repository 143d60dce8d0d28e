import { ArrowLeftOutlined, CheckOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Result, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/labels';
import { AidHeader } from './AidHeader';
import { useProgramNames } from './hooks';
import { BATCH_STATUS, categoryLabel, hardshipLabel, ruleInfo, stageLabel, termText, yuan } from './labels';
import type { AidBeneficiaryRow, AidFindingRow, AidListDetail, Paged } from './types';

/** One list: its status, its check findings by row and rule, and its rows with ID numbers masked. */
export default function ListDetailPage() {
  const { id } = useParams();
  const { county, can, me } = useSession();
  const navigate = useNavigate();
  const programName = useProgramNames(county?.code);
  const detail = useQuery({
    queryKey: ['aid', 'list', county?.code, id],
    queryFn: () => api<AidListDetail>(`/api/aid/lists/${id}${qs({ county: county?.code })}`),
    enabled: !!county,
  });
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  if (detail.error)
    return (
      <Result
        status={detail.error instanceof ApiError && detail.error.status === 404 ? '404' : 'error'}
        title="无法打开资助名单"
        subTitle={(detail.error as Error).message}
        extra={<Button onClick={() => navigate('/aid')}>返回名单列表</Button>}
      />
    );
  if (!detail.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const { list, findings } = detail.data;
  const status = BATCH_STATUS[list.status];
  const canResolve = can('aid.review') && me.scope.level !== 'school' && me.scope.level !== 'township';
  return (
    <div className="jg-page">
      <AidHeader
        subtitle={`${termText(list.term)} · ${programName(list.program_id)}`}
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/aid?term=${list.term}`)}>
              返回名单列表
            </Button>
            {can('aid.import') && list.status === 'draft' && (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/imports?type=aid-beneficiaries')}>
                重新导入本名单
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          size="small"
          data-testid="aid-list-info"
          items={[
            { label: '学期', children: termText(list.term) },
            { label: '资助项目', children: programName(list.program_id) },
            { label: '学校', children: list.school_name ?? '县学生资助管理中心' },
            { label: '人次', children: `${list.row_count}人次` },
            { label: '金额', children: `${yuan(list.amount_fen)}元` },
            { label: '状态', children: <Tag color={status?.color}>{status?.label ?? list.status}</Tag> },
            {
              label: '发放批次',
              children:
                list.batch_id && list.batch_seq ? (
                  <Link to={`/aid/batches/${list.batch_id}`}>第{list.batch_seq}批</Link>
                ) : (
                  '尚未编入批次'
                ),
            },
            { label: '更新时间', children: formatDateTime(list.updated_at) },
          ]}
        />
        {list.status === 'draft' && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title="名单待提交：如需修改，请改正Excel文件后重新导入，新文件将整体替换本名单。"
          />
        )}
      </Card>
      <FindingsCard listId={list.id} findings={findings} canResolve={canResolve} />
      <RowsCard listId={list.id} />
    </div>
  );
}

function FindingsCard(props: { listId: number; findings: AidFindingRow[]; canResolve: boolean }) {
  const { county } = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<number[]>([]);
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const open = props.findings.filter((f) => f.status === 'open');
  const resolve = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const result = await api<{ resolved: number }>(`/api/aid/findings/resolve${qs({ county: county?.code })}`, {
        body: { ids: selected, resolution },
      });
      message.success(`已确认${result.resolved}条核查提示`);
      setResolving(false);
      setSelected([]);
      setResolution('');
      await client.invalidateQueries({ queryKey: ['aid'] });
    } catch (e) {
      setError(e instanceof Error ? e.message : '确认失败');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      title={`核查提示（${props.findings.length}条，待确认${open.length}条）`}
      style={{ marginBottom: 16 }}
      extra={
        props.canResolve &&
        open.length > 0 && (
          <Button
            icon={<CheckOutlined />}
            disabled={!selected.length}
            onClick={() => setResolving(true)}
            data-testid="resolve-findings"
          >
            确认所选提示（{selected.length}）
          </Button>
        )
      }
    >
      {!props.canResolve && open.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          title="以下提示不影响导入，由县学生资助管理中心逐条核实确认后方可审核；如确属填报错误，请改正文件后重新导入。"
        />
      )}
      <Table<AidFindingRow>
        rowKey="id"
        size="small"
        data-testid="aid-findings"
        dataSource={props.findings}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
        rowSelection={
          props.canResolve
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (f) => ({ disabled: f.status !== 'open', 'aria-label': `选择第${f.row_number}行` }),
              }
            : undefined
        }
        locale={{ emptyText: <Empty description="没有核查提示：名单通过了全部核查规则" /> }}
        columns={[
          { title: '行号', dataIndex: 'row_number', width: 80, render: (r: number) => `第${r}行` },
          { title: '规则', dataIndex: 'rule', width: 170, render: (r: string) => ruleInfo(r).label },
          { title: '列', dataIndex: 'column_name', width: 110 },
          { title: '说明', dataIndex: 'message' },
          {
            title: '级别',
            dataIndex: 'rule',
            key: 'severity',
            width: 90,
            render: (r: string) =>
              ruleInfo(r).blocking ? <Tag color="red">阻断</Tag> : <Tag color="gold">需复核</Tag>,
          },
          {
            title: '处理',
            dataIndex: 'status',
            width: 260,
            render: (s: string, f) =>
              s === 'open' ? (
                <Tag color="orange">待确认</Tag>
              ) : (
                <span>
                  <Tag color="green">已确认</Tag>
                  {f.resolution}
                  <span className="jg-muted">
                    （{f.resolved_by_name ?? ''} {formatDateTime(f.resolved_at)}）
                  </span>
                </span>
              ),
          },
        ]}
      />
      <Modal
        open={resolving}
        title={`确认${selected.length}条核查提示`}
        okText="确认"
        onOk={resolve}
        confirmLoading={saving}
        okButtonProps={{ disabled: resolution.trim().length < 2 }}
        onCancel={() => setResolving(false)}
      >
        <p>请填写核实情况，确认后记入审计日志：</p>
        <Input.TextArea
          rows={3}
          maxLength={300}
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          placeholder="如：该生4月转学，按在校时间折算发放，已核实"
          aria-label="核实情况"
        />
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      </Modal>
    </Card>
  );
}

function RowsCard({ listId }: { listId: number }) {
  const { county } = useSession();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const rows = useQuery({
    queryKey: ['aid', 'list-rows', county?.code, listId, q, page, pageSize],
    queryFn: () =>
      api<Paged<AidBeneficiaryRow>>(`/api/aid/lists/${listId}/rows${qs({ county: county?.code, q, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      title="名单中的学生"
      extra={
        <Input.Search
          placeholder="姓名或班级"
          allowClear
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
          style={{ width: 200 }}
          aria-label="搜索学生"
        />
      }
    >
      <Table<AidBeneficiaryRow>
        rowKey="id"
        size="small"
        data-testid="aid-rows"
        loading={rows.isLoading}
        dataSource={rows.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={q ? '没有符合条件的学生' : '名单中没有学生'} /> }}
        pagination={{
          current: page,
          pageSize,
          total: rows.data?.total,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 人次`,
          onChange: (p, size) => {
            setPage(p);
            setPageSize(size);
          },
        }}
        columns={[
          { title: '行号', dataIndex: 'row_number', width: 70 },
          { title: '姓名', dataIndex: 'name' },
          {
            title: '身份证号',
            dataIndex: 'id_masked',
            render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
          },
          { title: '年级', dataIndex: 'grade' },
          { title: '班级', dataIndex: 'class_name' },
          { title: '学段', dataIndex: 'stage', render: stageLabel },
          {
            title: '资助对象类别',
            dataIndex: 'categories',
            render: (c: string[]) => c.map(categoryLabel).join('、'),
          },
          { title: '困难等级', dataIndex: 'hardship_level', render: hardshipLabel },
          { title: '金额(元)', dataIndex: 'amount_fen', align: 'right', render: yuan },
          {
            title: '更正',
            key: 'corrections',
            render: (_: unknown, r) =>
              r.paid_corrections_fen || r.pending_corrections_fen ? (
                <Space size={4}>
                  {r.paid_corrections_fen !== 0 && <Tag color="blue">已更正 {yuan(r.paid_corrections_fen)}元</Tag>}
                  {r.pending_corrections_fen !== 0 && (
                    <Tag color="gold">待发放更正 {yuan(r.pending_corrections_fen)}元</Tag>
                  )}
                </Space>
              ) : (
                ''
              ),
          },
        ]}
      />
    </Card>
  );
}
