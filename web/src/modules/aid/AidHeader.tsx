import { Select, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { PageTitle } from '../../shared/PageTitle';
import { termOptions } from './hooks';

const SECTIONS = [
  { key: '/aid', label: '资助名单' },
  { key: '/aid/batches', label: '发放批次' },
  { key: '/aid/dashboard', label: '统计看板' },
  { key: '/aid/programs', label: '项目与标准' },
  { key: '/aid/publicity', label: '公示' },
  { key: '/aid/history', label: '资助记录查询', permission: 'pii.reveal' },
];

/** The title of the 学生资助 pages and the tabs between its sections. */
export function AidHeader({ subtitle, extra }: { subtitle?: ReactNode; extra?: ReactNode }) {
  const navigate = useNavigate();
  const { can } = useSession();
  const { pathname } = useLocation();
  const active = SECTIONS.find((s) => s.key !== '/aid' && pathname.startsWith(s.key))?.key ?? '/aid';
  return (
    <>
      <PageTitle title="学生资助" subtitle={subtitle} extra={extra} />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key)}
        items={SECTIONS.filter((s) => !s.permission || can(s.permission)).map((s) => ({ key: s.key, label: s.label }))}
        style={{ marginTop: -8, marginBottom: 4 }}
        aria-label="学生资助栏目"
      />
    </>
  );
}

export function TermSelect(props: {
  value: string | undefined;
  terms: string[] | undefined;
  onChange(term: string | undefined): void;
  allowClear?: boolean;
  extra?: string[];
}) {
  return (
    <Select<string>
      placeholder="学期"
      allowClear={props.allowClear}
      style={{ width: 170 }}
      value={props.value}
      onChange={(v) => props.onChange(v)}
      options={termOptions(props.terms, [props.value, ...(props.extra ?? [])])}
      aria-label="学期"
    />
  );
}
