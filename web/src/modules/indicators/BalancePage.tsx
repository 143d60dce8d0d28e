import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Segmented, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { Chart } from '../../shared/Chart';
import { formatValue, schoolYearLabel } from '../../shared/format';
import { schoolTypeLabel } from '../../shared/labels';
import { PageTitle } from '../../shared/PageTitle';
import { ExplainDrawer } from './ExplainDrawer';
import { useStatYears } from './IndicatorsPage';
import type { ExplainTarget, IndicatorValue } from './types';

interface BalanceRow {
  schoolId: number;
  code: string;
  name: string;
  type: string;
  township: string;
  students: number | null;
  values: (IndicatorValue & { id: string })[];
  met: number | null;
  pass: 'pass' | 'fail' | 'none';
  detail: { missed?: string[]; mergedTeachingPoints?: number[] } | null;
}

interface Balance {
  stage: 'primary' | 'junior';
  rows: BalanceRow[];
  indicators: {
    id: string;
    name: string;
    unit: string;
    threshold: number | null;
    countyMean: number | null;
    cv: IndicatorValue | null;
  }[];
  basic: { composite: IndicatorValue | null; components: { id: string; name: string; value: number | null }[] };
  passShare: IndicatorValue | null;
}

const SHORT: Record<string, string> = {
  quality_l1: '高学历教师\n人/百生',
  quality_l2: '骨干教师\n人/百生',
  quality_l3: '体艺教师\n人/百生',
  quality_l4: '教学用房\n㎡/生',
  quality_l5: '运动场馆\n㎡/生',
  quality_l6: '仪器设备\n元/生',
  quality_l7: '多媒体教室\n间/百生',
};

export default function BalancePage() {
  const { county } = useSession();
  const years = useStatYears(county?.code);
  const [year, setYear] = useState<number>();
  const [stage, setStage] = useState<'primary' | 'junior'>('primary');
  const [spreadOf, setSpreadOf] = useState('quality_l4');
  const [explain, setExplain] = useState<ExplainTarget>();
  const selected = year ?? years.data?.[0];
  const balance = useQuery({
    queryKey: ['balance', county?.code, selected, stage],
    queryFn: () => api<Balance>(`/api/indicators/balance${qs({ county: county?.code, year: selected, stage })}`),
    enabled: !!county && !!selected,
  });
  if (!county) return <Empty style={{ marginTop: 80 }} />;
  const b = balance.data;
  const threshold = stage === 'primary' ? 0.5 : 0.45;
  const spread = b?.indicators.find((i) => i.id === spreadOf);
  const explainValue = (indicator: string, level: ExplainTarget['level'], scopeId: string) =>
    selected && setExplain({ year: selected, indicator, level, scopeId, stage });

  return (
    <div className="jg-page">
      <PageTitle
        title="义务教育优质均衡"
        subtitle="资源配置7项指标：每校至少6项达标、余项不低于标准的85%；校际差异系数小学≤0.50、初中≤0.45"
        extra={
          <span style={{ display: 'flex', gap: 8 }}>
            <Segmented
              value={stage}
              onChange={(v) => setStage(v as 'primary' | 'junior')}
              options={[
                { value: 'primary', label: '小学' },
                { value: 'junior', label: '初中' },
              ]}
            />
            <Select
              style={{ width: 170 }}
              value={selected}
              onChange={setYear}
              options={(years.data ?? []).map((y) => ({ value: y, label: schoolYearLabel(y) }))}
              aria-label="学年"
            />
          </span>
        }
      />
      {!b || !county.code ? (
        <Skeleton active />
      ) : (
        <>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 10 }}>
            {b.indicators.map((i) => (
              <Card
                key={i.id}
                size="small"
                hoverable
                onClick={() => explainValue(i.id.replace('quality_', 'quality_cv_'), 'county', county.code)}
                style={{ borderTop: `3px solid ${i.cv?.s === 'fail' ? '#dc2626' : '#16a34a'}` }}
                data-testid={`cv-${i.id}`}
              >
                <div className="jg-muted" style={{ fontSize: 12, height: 34, overflow: 'hidden' }}>
                  {i.name}
                </div>
                <div style={{ fontSize: 20, fontWeight: 600, color: i.cv?.s === 'fail' ? '#dc2626' : undefined }}>
                  {formatValue(i.cv?.v ?? null, 3, '', { threshold: i.cv?.t, direction: 'lower' })}
                </div>
                <div className="jg-muted" style={{ fontSize: 12 }}>
                  差异系数（≤{threshold.toFixed(2)}） · 全县 {formatValue(i.countyMean, i.unit === '元' ? 0 : 2)}
                </div>
              </Card>
            ))}
          </div>
          <Row gutter={12} style={{ marginTop: 12 }}>
            <Col xs={24} xl={16}>
              <Card
                size="small"
                title={
                  <span>
                    逐校情况：{b.rows.filter((r) => r.pass === 'pass').length}/{b.rows.length} 所达标
                    {b.passShare && (
                      <Tag color={b.passShare.s === 'fail' ? 'red' : 'green'} style={{ marginLeft: 8 }}>
                        {formatValue(b.passShare.v, 2, '%')}
                      </Tag>
                    )}
                  </span>
                }
              >
                <Table<BalanceRow>
                  size="small"
                  rowKey="schoolId"
                  dataSource={b.rows}
                  scroll={{ x: 'max-content' }}
                  pagination={{ pageSize: 15, hideOnSinglePage: true }}
                  data-testid="balance-table"
                  columns={[
                    {
                      title: '学校',
                      dataIndex: 'name',
                      fixed: 'left',
                      width: 170,
                      render: (n: string, r) => (
                        <span>
                          <Link to={`/schools/${r.schoolId}`}>{n}</Link>
                          {r.detail?.mergedTeachingPoints?.length ? (
                            <Tooltip title={`含${r.detail.mergedTeachingPoints.length}个不足50人的教学点`}>
                              <Tag style={{ marginLeft: 4 }}>含教学点</Tag>
                            </Tooltip>
                          ) : null}
                          <div className="jg-muted" style={{ fontSize: 12 }}>
                            {r.township} · {schoolTypeLabel(r.type)}
                          </div>
                        </span>
                      ),
                    },
                    { title: '在校生', dataIndex: 'students', width: 70, align: 'right' as const },
                    ...b.indicators.map((indicator, index) => ({
                      title: <span style={{ whiteSpace: 'pre-line', fontSize: 12 }}>{SHORT[indicator.id]}</span>,
                      key: indicator.id,
                      width: 86,
                      align: 'right' as const,
                      render: (_: unknown, r: BalanceRow) => {
                        const v = r.values[index];
                        return (
                          <a
                            onClick={() => explainValue(indicator.id, 'school', String(r.schoolId))}
                            style={{
                              color: v.s === 'fail' ? '#dc2626' : undefined,
                              fontWeight: v.s === 'fail' ? 600 : undefined,
                            }}
                            className={v.s === 'fail' ? 'jg-fail' : undefined}
                          >
                            {formatValue(v.v, indicator.unit === '元' ? 0 : 2, '', {
                              threshold: v.t,
                              direction: 'higher',
                            })}
                          </a>
                        );
                      },
                    })),
                    {
                      title: '达标项',
                      dataIndex: 'met',
                      width: 64,
                      align: 'center' as const,
                      render: (m: number | null) => (m === null ? '—' : `${m}/7`),
                    },
                    {
                      title: '结论',
                      dataIndex: 'pass',
                      width: 74,
                      fixed: 'right',
                      render: (p: string, r) => (
                        <a onClick={() => explainValue('quality_school_met', 'school', String(r.schoolId))}>
                          <Tag color={p === 'pass' ? 'green' : 'red'}>{p === 'pass' ? '达标' : '未达标'}</Tag>
                        </a>
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card
                size="small"
                title="校际分布"
                extra={
                  <Select
                    size="small"
                    style={{ width: 150 }}
                    value={spreadOf}
                    onChange={setSpreadOf}
                    options={b.indicators.map((i) => ({ value: i.id, label: SHORT[i.id].replace('\n', ' ') }))}
                  />
                }
              >
                {spread && (
                  <Chart
                    style={{ height: 320 }}
                    option={{
                      tooltip: {
                        trigger: 'item',
                        formatter: (p: { data: [number, number, string] }) =>
                          `${p.data[2]}<br/>在校生 ${p.data[0]} 人<br/>${spread.name}：${p.data[1]}`,
                      },
                      grid: { left: 50, right: 20, top: 30, bottom: 40 },
                      xAxis: { type: 'log', name: '在校生', nameLocation: 'middle', nameGap: 26 },
                      yAxis: { type: 'value', name: spread.unit },
                      series: [
                        {
                          type: 'scatter',
                          symbolSize: (d: [number]) => Math.max(6, Math.sqrt(d[0]) / 2.2),
                          data: b.rows
                            .filter((r) => r.students)
                            .map((r) => {
                              const v = r.values.find((x) => x.id === spread.id)!;
                              return {
                                value: [r.students, Number((v.v ?? 0).toFixed(2)), r.name],
                                itemStyle: { color: v.s === 'fail' ? '#dc2626' : '#1d4ed8' },
                              };
                            }),
                          markLine: {
                            symbol: 'none',
                            data: [
                              { yAxis: spread.threshold ?? 0, label: { formatter: '标准' } },
                              {
                                yAxis: Number((spread.countyMean ?? 0).toFixed(2)),
                                label: { formatter: '全县' },
                                lineStyle: { type: 'dotted' },
                              },
                            ],
                          },
                        },
                      ],
                    }}
                  />
                )}
                <Typography.Paragraph className="jg-muted" style={{ fontSize: 12, margin: 0 }}>
                  圆点大小表示在校生数；差异系数按在校生数加权。基本均衡综合差异系数：
                  <a onClick={() => explainValue('basic_composite_cv', 'county', county.code)}>
                    {formatValue(b.basic.composite?.v ?? null, 3, '', {
                      threshold: b.basic.composite?.t,
                      direction: 'lower',
                    })}
                  </a>
                  （{stage === 'primary' ? '≤0.65' : '≤0.55'}）
                </Typography.Paragraph>
              </Card>
            </Col>
          </Row>
        </>
      )}
      <ExplainDrawer target={explain} onClose={() => setExplain(undefined)} />
    </div>
  );
}
