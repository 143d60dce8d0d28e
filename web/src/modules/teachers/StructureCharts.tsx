import { SHORTAGE_SUBJECTS } from '@domain/teachers/shortage';
import type { StructureGroup } from '@domain/teachers/structure';
import { EDUCATION_LEVELS, TITLES } from '@domain/teachers/vocab';
import { Card, Col, Row } from 'antd';
import { Chart } from '../../shared/Chart';
import { useTownships } from '../schools/useTownships';
import { educationLabel, subjectLabel, titleLabel } from './labels';
import type { TeacherSummary } from './types';

// Young to old: cool to warm, so the ageing bands stand out.
const BAND_COLORS = ['#93c5fd', '#3b82f6', '#1e40af', '#f59e0b', '#dc2626'];

const share = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 1000) / 10 : 0);

type Structure = TeacherSummary['structure'];

/** Age bands of two groups facing each other, as shares of each group (the groups differ in size). */
function pyramidOption(structure: Structure, left: { name: string; group: StructureGroup }, right: typeof left) {
  const bands = structure.ageBands;
  const side = (g: StructureGroup, sign: number) =>
    bands.map((b) => ({ value: sign * share(g.byAgeBand[b.key] ?? 0, g.total), count: g.byAgeBand[b.key] ?? 0 }));
  const label = (position: 'left' | 'right') => ({
    show: true,
    position,
    fontSize: 11,
    formatter: (p: { value: number }) => `${Math.abs(p.value)}%`,
  });
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; name: string; value: number; data: { count: number } }) =>
        `${p.seriesName} ${p.name}<br/>${p.data.count}人，占${Math.abs(p.value)}%`,
    },
    legend: { top: 0 },
    grid: { left: 90, right: 40, top: 32, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.abs(v)}%` } },
    yAxis: { type: 'category', data: bands.map((b) => b.label), axisTick: { show: false } },
    series: [
      {
        name: `${left.name}（${left.group.total}人）`,
        type: 'bar',
        stack: 'age',
        barWidth: '60%',
        itemStyle: { color: '#3b82f6' },
        label: label('left'),
        data: side(left.group, -1),
      },
      {
        name: `${right.name}（${right.group.total}人）`,
        type: 'bar',
        stack: 'age',
        itemStyle: { color: '#f59e0b' },
        label: label('right'),
        data: side(right.group, 1),
      },
    ],
  };
}

/** Merges groups (镇区 and 乡村 into 乡镇) by adding their counts. */
function merge(groups: StructureGroup[]): StructureGroup {
  const add = (pick: (g: StructureGroup) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const g of groups) for (const [k, v] of Object.entries(pick(g))) out[k] = (out[k] ?? 0) + (v ?? 0);
    return out;
  };
  const total = groups.reduce((s, g) => s + g.total, 0);
  const aged = groups.reduce((s, g) => s + g.aged, 0);
  return {
    ...groups[0],
    total,
    aged,
    agedPercent: total ? (aged / total) * 100 : null,
    byAgeBand: add((g) => g.byAgeBand),
  } as StructureGroup;
}

/** One distribution as horizontal bars, largest category on top, with counts and shares. */
function distributionOption(data: { name: string; value: number }[], total: number, color: string) {
  const shown = data.filter((d) => d.value > 0);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: '{b}：{c}人' },
    grid: { left: 84, right: 84, top: 8, bottom: 8 },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: shown.map((d) => d.name), inverse: true, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => `${p.value}人（${share(p.value, total)}%）`,
        },
        data: shown.map((d) => d.value),
      },
    ],
  };
}

/** Age (城乡 pyramid, bands by township), education and title of the 专任教师. */
export function StructureCharts({ summary, countyCode }: { summary: TeacherSummary; countyCode: string }) {
  const townships = useTownships(countyCode);
  const s = summary.structure;
  const names = new Map((townships.data ?? []).map((t) => [t.id, t.name]));
  const rows = s.townships.filter((t) => t.group.total > 0);
  const rural = merge([s.byUrbanRural.town, s.byUrbanRural.rural]);
  const subjects = Object.entries(s.county.bySubject).sort(([, a], [, b]) => (b ?? 0) - (a ?? 0)) as [string, number][];
  return (
    <>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title="专任教师年龄结构：城区与乡镇"
            extra={
              <span className="jg-muted" style={{ fontSize: 12 }}>
                男 {s.county.bySex.male} 人 · 女 {s.county.bySex.female} 人
              </span>
            }
            style={{ height: '100%' }}
          >
            <Chart
              style={{ height: 320 }}
              option={pyramidOption(s, { name: '城区', group: s.byUrbanRural.urban }, { name: '乡镇', group: rural })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="各乡镇专任教师年龄构成" style={{ height: '100%' }}>
            <Chart
              style={{ height: 320 }}
              option={{
                tooltip: {
                  trigger: 'axis',
                  axisPointer: { type: 'shadow' },
                  formatter: (items: { dataIndex: number; seriesName: string; marker: string; value: number }[]) => {
                    const t = rows[items[0]?.dataIndex ?? 0];
                    if (!t) return '';
                    const lines = items.map(
                      (i) =>
                        `${i.marker}${i.seriesName}：${t.group.byAgeBand[s.ageBands.find((b) => b.label === i.seriesName)?.key ?? ''] ?? 0}人（${i.value}%）`,
                    );
                    return [
                      `${names.get(t.townshipId) ?? ''}：${t.group.total}人，${s.ageingFrom}岁以上占${t.group.agedPercent?.toFixed(2) ?? '—'}%`,
                      ...lines,
                    ].join('<br/>');
                  },
                },
                legend: { top: 0 },
                grid: { left: 44, right: 16, top: 36, bottom: 44 },
                xAxis: {
                  type: 'category',
                  data: rows.map((t) => `${names.get(t.townshipId) ?? ''}\n${t.group.total}人`),
                  axisLabel: { interval: 0, fontSize: 11, lineHeight: 15 },
                },
                yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                series: s.ageBands.map((b, i) => ({
                  name: b.label,
                  type: 'bar',
                  stack: 'age',
                  itemStyle: { color: BAND_COLORS[i % BAND_COLORS.length] },
                  data: rows.map((t) => share(t.group.byAgeBand[b.key] ?? 0, t.group.total)),
                })),
              }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12} xl={6}>
          <Card size="small" title="专任教师最高学历" style={{ height: '100%' }}>
            <Chart
              style={{ height: 300 }}
              option={distributionOption(
                Object.keys(EDUCATION_LEVELS).map((k) => ({
                  name: educationLabel(k),
                  value: s.county.byEducation[k as keyof typeof EDUCATION_LEVELS] ?? 0,
                })),
                s.county.total,
                '#0891b2',
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12} xl={6}>
          <Card size="small" title="专任教师职称（聘任等级）" style={{ height: '100%' }}>
            <Chart
              style={{ height: 300 }}
              option={distributionOption(
                Object.keys(TITLES).map((k) => ({
                  name: titleLabel(k),
                  value: s.county.byTitle[k as keyof typeof TITLES] ?? 0,
                })),
                s.county.total,
                '#7c3aed',
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title="专任教师任教学科"
            extra={<span className="jg-muted">橙色为体育、音乐、美术、心理健康、信息科技</span>}
            style={{ height: '100%' }}
          >
            <Chart
              style={{ height: 300 }}
              option={{
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: '{b}：{c}人' },
                grid: { left: 40, right: 12, top: 16, bottom: 56 },
                xAxis: {
                  type: 'category',
                  data: subjects.map(([k]) => (k === 'none' ? '无' : subjectLabel(k))),
                  axisLabel: { interval: 0, rotate: 40, fontSize: 11 },
                },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  {
                    type: 'bar',
                    barMaxWidth: 20,
                    data: subjects.map(([k, n]) => ({
                      value: n,
                      itemStyle: { color: SHORTAGE_SUBJECTS.includes(k as never) ? '#f59e0b' : '#3b82f6' },
                    })),
                  },
                ],
              }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
