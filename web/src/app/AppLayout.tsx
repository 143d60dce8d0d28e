import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DownOutlined,
  FileTextOutlined,
  KeyOutlined,
  LogoutOutlined,
  MoneyCollectOutlined,
  PartitionOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Dropdown, Layout, Menu, Select, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useSession } from './session';

const ICONS: Record<string, ReactNode> = {
  overview: <DashboardOutlined />,
  indicators: <BarChartOutlined />,
  balance: <PartitionOutlined />,
  stats: <TableOutlined />,
  teachers: <SolutionOutlined />,
  aid: <MoneyCollectOutlined />,
  reports: <FileTextOutlined />,
  schools: <BankOutlined />,
  imports: <CloudUploadOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
};
export const MODULE_PATHS: Record<string, string> = {
  overview: '/',
  indicators: '/indicators',
  balance: '/balance',
  stats: '/stats',
  teachers: '/teachers',
  aid: '/aid',
  reports: '/reports',
  schools: '/schools',
  imports: '/imports',
  users: '/users',
  audit: '/audit',
};

export function AppLayout({ children }: { children: ReactNode }) {
  const { me, county, setCountyCode } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const { message } = App.useApp();
  const selected = me.modules
    .map((m) => m.key)
    .filter((k) =>
      MODULE_PATHS[k] === '/' ? location.pathname === '/' : location.pathname.startsWith(MODULE_PATHS[k]),
    );

  const logout = async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch {
      // Already logged out on the server: leave anyway.
    }
    client.clear();
    message.success('已退出登录');
    navigate('/login', { replace: true });
  };

  const scopeTag =
    me.scope.level === 'system'
      ? '全系统'
      : me.scope.level === 'city'
        ? '市级'
        : me.scope.level === 'county'
          ? '县级'
          : me.scope.level === 'township'
            ? '学区'
            : '学校';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64}>
        <div className="jg-brand">
          <span className="jg-brand-mark">教</span>
          <span>教管平台</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected}
          items={me.modules.map((m) => ({ key: m.key, icon: ICONS[m.key], label: m.label }))}
          onClick={({ key }) => navigate(MODULE_PATHS[key])}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="jg-header">
          <Space size="middle">
            <span className="jg-header-title">{county ? `${county.name}教育管理平台` : '县域教育管理平台'}</span>
            {me.counties.length > 1 && (
              <Select
                size="small"
                value={county?.code}
                style={{ width: 160 }}
                options={me.counties.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))}
                onChange={(code) => {
                  setCountyCode(code);
                  client.invalidateQueries();
                }}
                aria-label="切换县区"
              />
            )}
          </Space>
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => navigate('/password') },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout },
              ],
            }}
          >
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d4ed8' }} />
              <span>{me.displayName}</span>
              <Tag color="blue">{me.roleLabel}</Tag>
              <Tag>{scopeTag}</Tag>
              <DownOutlined style={{ fontSize: 10 }} />
            </Space>
          </Dropdown>
        </Layout.Header>
        <Layout.Content>{children}</Layout.Content>
        <Layout.Footer
          style={{ textAlign: 'center', color: '#9ca3af', padding: '12px 0 16px', background: 'transparent' }}
        >
          教管 Jiaoguan · 数据一次采集、处处复用 · 所有操作均记入审计日志
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
