import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Empty, Row, Skeleton, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { Chart } from '../../shared/Chart';
import { ownershipLabel, schoolTypeLabel, urbanRuralLabel } from '../../shared/labels';
import { PageTitle } from '../../shared/PageTitle';

interface Overview {
  county: { name: string; city_name: string | null } | null;
  date: string;
  total: number;
  byType: Record<string, number>;
  byOwnership: Record<string, number>;
  byUrbanRural: Record<string, number>;
  byTownship: { townshipId: number; name: string; counts: Record<string, number>; total: number }[];
}

const TYPE_ORDER = [
  'kindergarten',
  'primary',
  'teaching_point',
  'junior',
  'nine_year',
  'complete_secondary',
  'senior',
  'vocational',
  'special',
];

export default function OverviewPage() {
  const { county } = useSession();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const { data, isLoading } = useQuery({
    queryKey: ['overview', county?.code, date.format('YYYY-MM-DD')],
    queryFn: () =>
      api<Overview>(`/api/schools/overview${qs({ county: county?.code, date: date.format('YYYY-MM-DD') })}`),
    enabled: !!county,
  });
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  const types = TYPE_ORDER.filter((t) => data?.byType[t]);
  const kindergartens = data?.byType.kindergarten ?? 0;
  const primary = (data?.byType.primary ?? 0) + (data?.byType.teaching_point ?? 0);
  const secondary =
    (data?.byType.junior ?? 0) +
    (data?.byType.nine_year ?? 0) +
    (data?.byType.complete_secondary ?? 0) +
    (data?.byType.senior ?? 0);

  return (
    <div className="jg-page">
      <PageTitle
        title={`${county.name}教育概况`}
        subtitle={`截至 ${date.format('YYYY年M月D日')} 在办学校`}
        extra={
          <DatePicker
            value={date}
            onChange={(d) => d && setDate(d)}
            allowClear={false}
            aria-label="统计日期"
            disabledDate={(d) => d.isAfter(dayjs())}
          />
        }
      />
      {isLoading || !data ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={16}>
            {[
              { title: '各级各类学校（含教学点）', value: data.total, suffix: '所' },
              { title: '幼儿园', value: kindergartens, suffix: '所' },
              { title: '小学及教学点', value: primary, suffix: '所' },
              { title: '中学（含九年一贯制）', value: secondary, suffix: '所' },
            ].map((s) => (
              <Col xs={12} lg={6} key={s.title}>
                <Card className="jg-stat-card">
                  <Statistic title={s.title} value={s.value} suffix={s.suffix} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} xl={16}>
              <Card title="各乡镇学校分布">
                <Chart
                  style={{ height: 440 }}
                  option={{
                    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                    legend: { top: 0 },
                    grid: { left: 40, right: 16, top: 40, bottom: 30 },
                    xAxis: { type: 'category', data: data.byTownship.map((t) => t.name) },
                    yAxis: { type: 'value', name: '所', minInterval: 1 },
                    series: types.map((t) => ({
                      name: schoolTypeLabel(t),
                      type: 'bar',
                      stack: 'total',
                      data: data.byTownship.map((row) => row.counts[t] ?? 0),
                    })),
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title="办学性质与城乡分布">
                <Chart
                  style={{ height: 440 }}
                  option={{
                    tooltip: { trigger: 'item', formatter: '{a}<br/>{b}：{c}所（{d}%）' },
                    title: [
                      // One above the other: side by side, a narrow card clips the outside labels.
                      { text: '办学性质', left: 4, top: 4, textStyle: { fontSize: 13, fontWeight: 'normal' } },
                      { text: '城乡类型', left: 4, top: '50%', textStyle: { fontSize: 13, fontWeight: 'normal' } },
                    ],
                    series: [
                      {
                        name: '办学性质',
                        type: 'pie',
                        radius: ['30%', '46%'],
                        center: ['50%', '27%'],
                        label: { formatter: '{b}\n{c}所', fontSize: 11 },
                        data: Object.entries(data.byOwnership).map(([k, v]) => ({ name: ownershipLabel(k), value: v })),
                      },
                      {
                        name: '城乡类型',
                        type: 'pie',
                        radius: ['30%', '46%'],
                        center: ['50%', '77%'],
                        label: { formatter: '{b}\n{c}所', fontSize: 11 },
                        data: Object.entries(data.byUrbanRural).map(([k, v]) => ({
                          name: urbanRuralLabel(k),
                          value: v,
                        })),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Card title="分乡镇统计表" style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="townshipId"
              pagination={false}
              dataSource={data.byTownship}
              columns={[
                { title: '乡镇', dataIndex: 'name' },
                ...types.map((t) => ({
                  title: schoolTypeLabel(t),
                  key: t,
                  align: 'right' as const,
                  render: (_: unknown, row: Overview['byTownship'][number]) => row.counts[t] ?? '—',
                })),
                { title: '合计', dataIndex: 'total', align: 'right' as const },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>全县</Table.Summary.Cell>
                  {types.map((t, i) => (
                    <Table.Summary.Cell index={i + 1} key={t} align="right">
                      {data.byType[t]}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={types.length + 1} align="right">
                    {data.total}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </>
      )}
    </div>
  );
}
