import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, qs } from '../../api/client';
import type { Page } from '../../api/types';
import { formatDateTime } from '../../shared/labels';
import { PageTitle } from '../../shared/PageTitle';

interface AuditRow {
  id: number;
  at: string;
  actor_name: string;
  actor_role: string | null;
  county_code: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login.failed': '登录失败',
  'auth.login.refused': '拒绝登录',
  'auth.lock': '账号锁定',
  'auth.logout': '退出',
  'auth.password.change': '修改密码',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.password.reset': '重置密码',
  'user.lock': '锁定账号',
  'user.unlock': '解锁账号',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'school.create': '新建学校',
  'school.update': '更正学校',
  'school.rename': '学校更名',
  'school.merge': '学校撤并',
  'school.close': '学校撤销',
  'import.commit': '导入数据',
  export: '导出数据',
  'audit.verify': '校验日志',
  'county.create': '建立县区',
  'system.backup': '备份',
  'system.restore': '恢复',
  'pii.reveal': '查看敏感信息',
};

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="jg-muted">（无）</span>;
  return (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default function AuditLogPage() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<{ action?: string; actor?: string; range?: [Dayjs, Dayjs] }>({});
  const [page, setPage] = useState(1);
  const [detail, setDetail] = useState<AuditRow>();
  const [verify, setVerify] = useState<{ ok: boolean; checked: number; problem?: { id: number; reason: string } }>();
  const [verifying, setVerifying] = useState(false);
  const actions = useQuery({ queryKey: ['audit-actions'], queryFn: () => api<string[]>('/api/audit/actions') });
  const list = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () =>
      api<Page<AuditRow>>(
        `/api/audit${qs({ action: filter.action, actor: filter.actor, from: filter.range?.[0].format('YYYY-MM-DD'), to: filter.range?.[1].format('YYYY-MM-DD'), page, pageSize: 20 })}`,
      ),
    placeholderData: keepPreviousData,
  });

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api('/api/audit/verify', { method: 'POST' }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : '校验失败');
    } finally {
      setVerifying(false);
    }
  };

  return (
    <div className="jg-page">
      <PageTitle
        title="审计日志"
        subtitle="只可追加、不可修改；每条记录含前一条的哈希。序号可能因事务回退而不连续，完整性以哈希链校验为准"
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={runVerify} loading={verifying}>
            校验哈希链
          </Button>
        }
      />
      {verify && (
        <Alert
          style={{ marginBottom: 16 }}
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerify(undefined) }}
          title={
            verify.ok
              ? `校验通过：${verify.checked} 条记录的哈希链完整，未发现篡改`
              : `发现篡改：${verify.problem?.reason}`
          }
          data-testid="verify-result"
        />
      )}
      <Card>
        <Space wrap className="jg-filters">
          <Select
            placeholder="操作类型"
            allowClear
            style={{ width: 160 }}
            options={(actions.data ?? []).map((a) => ({ value: a, label: ACTION_LABELS[a] ?? a }))}
            onChange={(action) => {
              setFilter({ ...filter, action });
              setPage(1);
            }}
            aria-label="操作类型"
          />
          <Input.Search
            placeholder="操作人"
            allowClear
            style={{ width: 180 }}
            onSearch={(actor) => {
              setFilter({ ...filter, actor: actor.trim() || undefined });
              setPage(1);
            }}
            aria-label="操作人"
          />
          <DatePicker.RangePicker
            onChange={(range) => {
              setFilter({ ...filter, range: range?.[0] && range[1] ? [range[0], range[1]] : undefined });
              setPage(1);
            }}
          />
        </Space>
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items}
          onRow={(row) => ({ onClick: () => setDetail(row), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total,
            onChange: setPage,
            showTotal: (t) => `共 ${t} 条`,
            showQuickJumper: true,
          }}
          columns={[
            { title: '序号', dataIndex: 'id', width: 80 },
            { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
            { title: '操作人', dataIndex: 'actor_name', width: 220 },
            { title: '来源IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
            {
              title: '操作',
              dataIndex: 'action',
              width: 110,
              render: (a: string) => (
                <Tag color={a.includes('failed') || a.includes('lock') || a.includes('refused') ? 'red' : 'blue'}>
                  {ACTION_LABELS[a] ?? a}
                </Tag>
              ),
            },
            { title: '内容', dataIndex: 'summary' },
          ]}
        />
      </Card>
      <Drawer open={!!detail} onClose={() => setDetail(undefined)} title={`审计记录 #${detail?.id}`} size="large">
        {detail && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="时间">{formatDateTime(detail.at)}</Descriptions.Item>
              <Descriptions.Item label="操作人">{detail.actor_name}</Descriptions.Item>
              <Descriptions.Item label="来源IP">{detail.ip ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="操作">
                {ACTION_LABELS[detail.action] ?? detail.action}（{detail.action}）
              </Descriptions.Item>
              <Descriptions.Item label="对象">
                {detail.entity_type ? `${detail.entity_type} #${detail.entity_id}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="内容">{detail.summary}</Descriptions.Item>
              <Descriptions.Item label="变更前">
                <Json value={detail.before} />
              </Descriptions.Item>
              <Descriptions.Item label="变更后">
                <Json value={detail.after} />
              </Descriptions.Item>
              <Descriptions.Item label="前序哈希">
                <Typography.Text code style={{ fontSize: 11 }}>
                  {detail.prev_hash}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="本条哈希">
                <Typography.Text code style={{ fontSize: 11 }}>
                  {detail.hash}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary">身份证号等个人信息在审计日志中均已脱敏。</Typography.Text>
          </Space>
        )}
      </Drawer>
    </div>
  );
}
