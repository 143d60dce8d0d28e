import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../api/client';
import type { Page } from '../../api/types';
import { formatDateTime } from '../../shared/labels';
import { PageTitle } from '../../shared/PageTitle';
import { UserFormModal } from './UserFormModal';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  roleLabel: string;
  scope_level: string;
  county_code: string | null;
  county_name: string | null;
  township_id: number | null;
  township_name: string | null;
  school_id: number | null;
  school_name: string | null;
  phone: string | null;
  locked: boolean;
  disabled: boolean;
  must_change_password: boolean;
  last_login_at: string | null;
}

export default function UserListPage() {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [search, setSearch] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UserRow | 'new'>();
  const users = useQuery({
    queryKey: ['users', search, page],
    queryFn: () => api<Page<UserRow>>(`/api/users${qs({ q: search, page, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });

  const act = async (user: UserRow, action: string, done: string) => {
    try {
      const result = await api<{ password?: string }>(`/api/users/${user.id}/${action}`, { method: 'POST' });
      if (result.password) {
        modal.success({
          title: `已重置 ${user.username} 的密码`,
          content: (
            <div>
              临时密码：
              <Typography.Text copyable code>
                {result.password}
              </Typography.Text>
              <div className="jg-muted">请通过安全渠道告知本人；下次登录须修改。</div>
            </div>
          ),
        });
      } else {
        message.success(done);
      }
      await client.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : '操作失败');
    }
  };

  const showCreated = (username: string, password: string) =>
    modal.success({
      title: `账号 ${username} 已创建`,
      content: (
        <div>
          初始密码：
          <Typography.Text copyable code data-testid="initial-password">
            {password}
          </Typography.Text>
          <div className="jg-muted">仅显示这一次；首次登录须修改密码。</div>
        </div>
      ),
    });

  return (
    <div className="jg-page">
      <PageTitle
        title="用户管理"
        subtitle="账号、角色与数据范围"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建账号
          </Button>
        }
      />
      <Card>
        <Space className="jg-filters">
          <Input.Search
            placeholder="用户名或姓名"
            allowClear
            onSearch={(v) => {
              setSearch(v.trim() || undefined);
              setPage(1);
            }}
            style={{ width: 240 }}
            aria-label="搜索账号"
          />
        </Space>
        <Table<UserRow>
          rowKey="id"
          size="middle"
          loading={users.isLoading}
          dataSource={users.data?.items}
          pagination={{
            current: page,
            pageSize: 20,
            total: users.data?.total,
            onChange: setPage,
            showTotal: (t) => `共 ${t} 个账号`,
          }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 110 },
            { title: '姓名', dataIndex: 'display_name', width: 240 },
            { title: '角色', dataIndex: 'roleLabel', width: 110, render: (r: string) => <Tag color="blue">{r}</Tag> },
            {
              title: '数据范围',
              width: 200,
              render: (_: unknown, u) =>
                u.school_name ?? u.township_name ?? u.county_name ?? (u.scope_level === 'city' ? '市级' : '全系统'),
            },
            { title: '手机号', dataIndex: 'phone', width: 120, render: (p: string | null) => p ?? '—' },
            {
              title: '状态',
              width: 150,
              render: (_: unknown, u) => (
                <Space size={4}>
                  {u.disabled ? (
                    <Tag>已停用</Tag>
                  ) : u.locked ? (
                    <Tag color="red">已锁定</Tag>
                  ) : (
                    <Tag color="green">正常</Tag>
                  )}
                  {u.must_change_password && <Tag color="gold">待改密</Tag>}
                </Space>
              ),
            },
            {
              title: '最近登录',
              dataIndex: 'last_login_at',
              width: 170,
              render: (v: string | null) => (v ? formatDateTime(v) : '从未登录'),
            },
            {
              title: '操作',
              width: 260,
              render: (_: unknown, u) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    修改
                  </Button>
                  <Popconfirm title={`重置 ${u.username} 的密码？`} onConfirm={() => act(u, 'reset-password', '')}>
                    <Button type="link" size="small">
                      重置密码
                    </Button>
                  </Popconfirm>
                  {u.locked ? (
                    <Button type="link" size="small" onClick={() => act(u, 'unlock', '已解锁')}>
                      解锁
                    </Button>
                  ) : (
                    <Popconfirm title={`锁定 ${u.username}？锁定后无法登录`} onConfirm={() => act(u, 'lock', '已锁定')}>
                      <Button type="link" size="small" danger>
                        锁定
                      </Button>
                    </Popconfirm>
                  )}
                  {u.disabled ? (
                    <Button type="link" size="small" onClick={() => act(u, 'enable', '已启用')}>
                      启用
                    </Button>
                  ) : (
                    <Popconfirm title={`停用 ${u.username}？`} onConfirm={() => act(u, 'disable', '已停用')}>
                      <Button type="link" size="small" danger>
                        停用
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <UserFormModal
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onCreated={showCreated}
        />
      )}
    </div>
  );
}
