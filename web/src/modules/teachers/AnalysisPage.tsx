import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Select, Skeleton, Statistic } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { ChangesPanel } from './ChangesPanel';
import { useDefaultYear } from './hooks';
import { channelLabel, percent } from './labels';
import { RetirementPanel } from './RetirementPanel';
import { ShortagePanel, StaffingPanel } from './ShortagePanel';
import { StructureCharts } from './StructureCharts';
import { TeachersHeader } from './TeachersHeader';
import type { TeacherSummary } from './types';

const count = (n: number) => n.toLocaleString('zh-CN');

function HeadlineCards({ summary }: { summary: TeacherSummary }) {
  const { totals, training, structure, changes } = summary;
  const hires = Object.entries(changes.hiresByChannel).sort(([, a], [, b]) => b - a);
  const hired = hires.reduce((sum, [, n]) => sum + n, 0);
  const areas = structure.byUrbanRural;
  const cards = [
    {
      key: 'employed',
      title: '在职教职工',
      value: count(totals.employed),
      suffix: '人',
      note: `其中休假 ${totals.onLeave} 人`,
    },
    {
      key: 'full-time',
      title: '专任教师',
      value: count(totals.fullTime),
      suffix: '人',
      note: `平均年龄 ${structure.county.averageAge?.toFixed(1) ?? '—'} 岁`,
    },
    {
      key: 'backbone',
      title: '骨干教师（县级及以上）',
      value: count(totals.backbone),
      suffix: '人',
      note: `占在职教职工 ${percent(totals.employed ? (totals.backbone / totals.employed) * 100 : null)}`,
    },
    {
      key: 'hires',
      title: `${summary.year}年新补充教师`,
      value: count(hired),
      suffix: '人',
      note: hires.length ? hires.map(([c, n]) => `${channelLabel(c)}${n}`).join('、') : '当年无新补充',
    },
    {
      key: 'training',
      title: `${summary.year}年培训`,
      value: count(training.personTimes),
      suffix: '人次',
      note: `${count(training.hours)} 学时，专任教师覆盖 ${percent(training.coveragePercent)}`,
    },
    {
      key: 'aged',
      title: `${structure.ageingFrom}岁以上专任教师占比`,
      value: percent(structure.county.agedPercent),
      suffix: '',
      note: `城区 ${percent(areas.urban.agedPercent)} · 镇区 ${percent(areas.town.agedPercent)} · 乡村 ${percent(areas.rural.agedPercent)}`,
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col xs={12} lg={8} xxl={4} key={c.key}>
          <Card size="small" className="jg-stat-card" style={{ height: '100%' }} data-testid={`headline-${c.key}`}>
            <Statistic title={c.title} value={c.value} suffix={c.suffix} />
            <div className="jg-muted" style={{ fontSize: 12 }}>
              {c.note}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export default function AnalysisPage() {
  const { county } = useSession();
  const defaults = useDefaultYear(county?.code);
  const [year, setYear] = useState<number>();
  const selected = year ?? defaults.year;
  const summary = useQuery({
    queryKey: ['teachers-summary', county?.code, selected],
    queryFn: () => api<TeacherSummary>(`/api/teachers-summary${qs({ county: county?.code, year: selected })}`),
    enabled: !!county && !!selected,
  });
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  const s = summary.data;
  return (
    <div className="jg-page">
      <TeachersHeader
        subtitle={
          s
            ? `截至${s.asOf.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}的名册${s.statYear ? `；班级数与在校生按${s.statYear}-${s.statYear + 1}学年基表` : ''}`
            : undefined
        }
        extra={
          <Select
            style={{ width: 120 }}
            value={selected}
            onChange={setYear}
            options={defaults.years.map((y) => ({ value: y, label: `${y}年` }))}
            aria-label="年度"
          />
        }
      />
      {summary.error && <Alert type="error" showIcon title={(summary.error as Error).message} />}
      {!s ? (
        !summary.error && <Skeleton active />
      ) : s.totals.employed === 0 ? (
        <Empty style={{ marginTop: 60 }} description={`${s.year}年名册中没有在职教师`} />
      ) : (
        <>
          <HeadlineCards summary={s} />
          <StructureCharts summary={s} countyCode={county.code} />
          <ShortagePanel summary={s} />
          <StaffingPanel summary={s} />
          <RetirementPanel summary={s} />
          <ChangesPanel summary={s} />
        </>
      )}
    </div>
  );
}
