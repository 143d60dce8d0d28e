import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { PageTitle } from '../../shared/PageTitle';

const SECTIONS = [
  { key: '/teachers', label: '教师名册' },
  { key: '/teachers/analysis', label: '队伍分析' },
  { key: '/teachers/training', label: '培训' },
];

/** The title of the 教师队伍 pages and the tabs between 名册, 队伍分析 and 培训. */
export function TeachersHeader({ subtitle, extra }: { subtitle?: ReactNode; extra?: ReactNode }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = SECTIONS.find((s) => s.key !== '/teachers' && pathname.startsWith(s.key))?.key ?? '/teachers';
  return (
    <>
      <PageTitle title="教师队伍" subtitle={subtitle} extra={extra} />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key)}
        items={SECTIONS.map((s) => ({ key: s.key, label: s.label }))}
        style={{ marginTop: -8, marginBottom: 4 }}
        aria-label="教师队伍栏目"
      />
    </>
  );
}
