import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useSession } from '../../app/session';
import {
  formatDateTime,
  ownershipLabel,
  STATUS_COLORS,
  schoolTypeLabel,
  statusLabel,
  urbanRuralLabel,
} from '../../shared/labels';
import { PageTitle } from '../../shared/PageTitle';
import { type LifecycleKind, LifecycleModal } from './LifecycleModal';
import { SchoolFormModal } from './SchoolFormModal';

interface Version {
  id: number;
  valid_from: string;
  valid_to: string | null;
  name: string;
  type: string;
  ownership: string;
  urban_rural: string;
  status: string;
  change_kind: string;
  note: string | null;
  township_name: string | null;
  merged_into_name: string | null;
  parent_name: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
}

interface Detail {
  school: {
    id: number;
    county_code: string;
    code: string;
    name: string;
    type: string;
    ownership: string;
    urban_rural: string;
    status: string;
    credit_code: string | null;
    address: string | null;
    opened_on: string | null;
    closed_on: string | null;
    township_id: number;
  };
  township: { name: string; code: string } | null;
  parent: { id: number; code: string; name: string } | null;
  mergedInto: { id: number; code: string; name: string } | null;
  children: { id: number; code: string; name: string; status: string }[];
  versions: Version[];
  changes: { id: number; at: string; actor_name: string; action: string; summary: string | null }[];
}

const CHANGE_LABELS: Record<string, string> = {
  open: '建校/建档',
  rename: '更名',
  merge: '撤并',
  close: '撤销',
  reparent: '划转隶属',
};

function describeVersion(v: Version): string {
  if (v.change_kind === 'open')
    return `${v.note ?? '建档'}：${v.name}（${schoolTypeLabel(v.type)}，${v.township_name}）`;
  if (v.change_kind === 'rename') return `更名为“${v.name}”`;
  if (v.change_kind === 'merge') return `并入“${v.merged_into_name}”`;
  if (v.change_kind === 'close') return '撤销，停止办学';
  if (v.change_kind === 'reparent') return `隶属调整为“${v.parent_name}”`;
  return v.change_kind;
}

export default function SchoolDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<LifecycleKind>();
  const { data, isLoading, error } = useQuery({
    queryKey: ['school', id],
    queryFn: () => api<Detail>(`/api/schools/${id}`),
  });

  if (isLoading) return <Skeleton active style={{ padding: 24 }} />;
  if (error || !data) {
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={error instanceof ApiError && error.status === 404 ? '学校不存在或您无权查看' : '加载失败'}
        subTitle={(error as Error)?.message}
        extra={<Link to="/schools">返回学校列表</Link>}
      />
    );
  }
  const { school } = data;
  const open = school.status === 'open';
  return (
    <div className="jg-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/schools">学校管理</Link> }, { title: school.name }]}
      />
      <PageTitle
        title={
          <Space>
            {school.name}
            <Tag color={STATUS_COLORS[school.status]}>{statusLabel(school.status)}</Tag>
          </Space>
        }
        extra={
          can('org.write') &&
          open && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                更正信息
              </Button>
              <Button onClick={() => setAction('rename')}>更名</Button>
              <Button onClick={() => setAction('merge')}>撤并</Button>
              <Button danger onClick={() => setAction('close')}>
                撤销
              </Button>
            </Space>
          )
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title="基本信息">
            <Descriptions column={2} size="middle" bordered>
              <Descriptions.Item label="学校标识码">{school.code}</Descriptions.Item>
              <Descriptions.Item label="学校类型">{schoolTypeLabel(school.type)}</Descriptions.Item>
              <Descriptions.Item label="办学性质">{ownershipLabel(school.ownership)}</Descriptions.Item>
              <Descriptions.Item label="城乡类型">{urbanRuralLabel(school.urban_rural)}</Descriptions.Item>
              <Descriptions.Item label="所属乡镇">
                {data.township ? `${data.township.name}（${data.township.code}）` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="统一社会信用代码">{school.credit_code ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="建校日期">{school.opened_on ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="所属学校">
                {data.parent ? <Link to={`/schools/${data.parent.id}`}>{data.parent.name}</Link> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="地址" span={2}>
                {school.address ?? '—'}
              </Descriptions.Item>
              {!open && (
                <Descriptions.Item label={school.status === 'merged' ? '撤并日期' : '撤销日期'}>
                  {school.closed_on}
                </Descriptions.Item>
              )}
              {data.mergedInto && (
                <Descriptions.Item label="并入学校">
                  <Link to={`/schools/${data.mergedInto.id}`}>{data.mergedInto.name}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {data.children.length > 0 && (
            <Card title={`下属教学点（${data.children.length}）`} style={{ marginTop: 16 }}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={data.children}
                columns={[
                  { title: '学校标识码', dataIndex: 'code' },
                  {
                    title: '名称',
                    dataIndex: 'name',
                    render: (n: string, r) => <Link to={`/schools/${r.id}`}>{n}</Link>,
                  },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s)}</Tag>,
                  },
                ]}
              />
            </Card>
          )}
          <Card title="变更记录" style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              dataSource={data.changes}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description="暂无变更记录" /> }}
              columns={[
                { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
                { title: '操作人', dataIndex: 'actor_name', width: 200 },
                { title: '内容', dataIndex: 'summary' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="办学沿革">
            <Timeline
              items={data.versions.map((v) => ({
                key: v.id,
                color:
                  v.change_kind === 'close' || v.change_kind === 'merge'
                    ? 'red'
                    : v.change_kind === 'open'
                      ? 'green'
                      : 'blue',
                title: `${v.valid_from}${v.valid_to ? ` 至 ${v.valid_to}` : ' 起'}`,
                content: (
                  <div>
                    <Tag>{CHANGE_LABELS[v.change_kind] ?? v.change_kind}</Tag>
                    {describeVersion(v)}
                    {v.note && v.change_kind !== 'open' && <div className="jg-muted">依据：{v.note}</div>}
                    <div className="jg-muted" style={{ fontSize: 12 }}>
                      登记：{v.recorded_by_name ?? '系统'} · {formatDateTime(v.recorded_at)}
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {editing && (
        <SchoolFormModal
          countyCode={school.county_code}
          schoolId={school.id}
          initial={{
            code: school.code,
            name: school.name,
            type: school.type,
            ownership: school.ownership,
            urbanRural: school.urban_rural,
            townshipId: school.township_id,
            parentCode: data.parent?.code,
            creditCode: school.credit_code ?? undefined,
            address: school.address ?? undefined,
            openedOn: school.opened_on as never,
          }}
          onClose={() => setEditing(false)}
          onSaved={() => undefined}
        />
      )}
      {action && <LifecycleModal kind={action} school={school} onClose={() => setAction(undefined)} />}
    </div>
  );
}
