import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Select, Skeleton, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { Chart } from '../../shared/Chart';
import { formatValue, schoolYearLabel } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { ExplainDrawer } from './ExplainDrawer';
import { HeadlineCards } from './HeadlineCards';
import { TownshipTiles } from './TownshipTiles';
import type { Dashboard, ExplainTarget } from './types';

const CV_SHORT: Record<string, string> = {
  l1: '高学历教师',
  l2: '骨干教师',
  l3: '体艺教师',
  l4: '教学用房',
  l5: '运动场馆',
  l6: '仪器设备',
  l7: '多媒体教室',
};

const STAGE_NAMES: Record<string, string> = {
  preschool: '在园幼儿',
  primary: '小学在校生',
  junior: '初中在校生',
  senior: '普通高中在校生',
  compulsory: '义务教育',
};

export function useStatYears(countyCode: string | undefined) {
  return useQuery({
    queryKey: ['stat-years', countyCode],
    queryFn: () => api<number[]>(`/api/stats/years${qs({ county: countyCode })}`),
    enabled: !!countyCode,
  });
}

export default function IndicatorsPage() {
  const { county, can } = useSession();
  const navigate = useNavigate();
  const years = useStatYears(county?.code);
  // A fact's source link (from a report) opens the page on its 学年 with the explanation drawer showing.
  const [params] = useSearchParams();
  const linkedYear = Number(params.get('year')) || undefined;
  const [year, setYear] = useState<number | undefined>(linkedYear);
  const selected = year ?? years.data?.[0];
  const [explain, setExplain] = useState<ExplainTarget | undefined>(() => {
    const indicator = params.get('explain');
    const stage = params.get('stage') as ExplainTarget['stage'] | null;
    return linkedYear && indicator && stage && county
      ? { year: linkedYear, indicator, level: 'county', scopeId: county.code, stage }
      : undefined;
  });
  const dashboard = useQuery({
    queryKey: ['dashboard', county?.code, selected],
    queryFn: () => api<Dashboard>(`/api/indicators/dashboard${qs({ county: county?.code, year: selected })}`),
    enabled: !!county && !!selected,
  });
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  if (years.data && years.data.length === 0) {
    return (
      <Empty style={{ marginTop: 80 }} description="尚未导入学校年度基表，暂无指标">
        {can('stats.import') && (
          <Button type="primary" onClick={() => navigate('/imports?type=school-stats')}>
            导入基表
          </Button>
        )}
      </Empty>
    );
  }
  const d = dashboard.data;
  return (
    <div className="jg-page">
      <PageTitle
        title={`${county.name}教育指标`}
        subtitle="点击任一数字查看公式、标准与所依据的记录"
        extra={
          <Select
            style={{ width: 180 }}
            value={selected}
            onChange={setYear}
            options={(years.data ?? []).map((y) => ({ value: y, label: schoolYearLabel(y) }))}
            aria-label="学年"
          />
        }
      />
      {!d || !selected ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {d.enrollment.map((e) => (
              <Col xs={12} lg={6} key={e.stage}>
                <Card size="small">
                  <Statistic title={STAGE_NAMES[e.stage]} value={e.students ?? 0} suffix="人" />
                  <div className="jg-muted" style={{ fontSize: 12 }}>
                    {e.previous !== null && e.students !== null
                      ? `较上年${e.students >= e.previous ? '增加' : '减少'}${Math.abs(e.students - e.previous).toLocaleString('zh-CN')}人`
                      : '上年无数据'}
                  </div>
                </Card>
              </Col>
            ))}
          </Row>
          <HeadlineCards items={d.headline} year={selected} onExplain={setExplain} />
          <Row gutter={12} style={{ marginTop: 12 }}>
            <Col xs={24} xl={12}>
              <Card title="分乡镇情况" size="small" style={{ height: '100%' }}>
                <TownshipTiles townships={d.townships} year={selected} onExplain={setExplain} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                title="优质均衡差异系数（小学≤0.50，初中≤0.45）"
                size="small"
                extra={<Link to="/balance">逐校查看</Link>}
                style={{ height: '100%' }}
              >
                <Chart
                  style={{ height: 300 }}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    grid: { left: 40, right: 20, top: 36, bottom: 30 },
                    xAxis: {
                      type: 'category',
                      data: d.balance[0].cvs.map((c) => CV_SHORT[c.key]),
                      axisLabel: { interval: 0, fontSize: 11 },
                    },
                    yAxis: { type: 'value', name: '差异系数' },
                    series: d.balance.map((b) => ({
                      name: b.stage === 'primary' ? '小学' : '初中',
                      type: 'bar',
                      data: b.cvs.map((c) => ({
                        value: c.value === null ? null : Number(c.value.toFixed(3)),
                        itemStyle: c.status === 'fail' ? { color: '#dc2626' } : undefined,
                      })),
                      markLine: {
                        symbol: 'none',
                        label: { formatter: b.stage === 'primary' ? '小学0.50' : '初中0.45' },
                        data: [{ yAxis: b.stage === 'primary' ? 0.5 : 0.45 }],
                      },
                    })),
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={12} style={{ marginTop: 12 }}>
            <Col xs={24} xl={12}>
              <Card title="大班额学校" size="small">
                <Table
                  size="small"
                  rowKey={(r) => `${r.schoolId}-${r.stage}`}
                  pagination={false}
                  dataSource={d.hotspots}
                  locale={{ emptyText: <Empty description="没有56人以上的班级" /> }}
                  columns={[
                    {
                      title: '学校',
                      dataIndex: 'name',
                      render: (n: string, r) => <Link to={`/schools/${r.schoolId}`}>{n}</Link>,
                    },
                    {
                      title: '学段',
                      dataIndex: 'stage',
                      width: 90,
                      render: (s: string) => (s === 'senior' ? '高中' : '义务教育'),
                    },
                    { title: '56～65人', dataIndex: 'large', width: 90, align: 'right' as const },
                    {
                      title: '66人以上',
                      dataIndex: 'superLarge',
                      width: 90,
                      align: 'right' as const,
                      render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v),
                    },
                    {
                      title: '占比',
                      dataIndex: 'share',
                      width: 90,
                      align: 'right' as const,
                      render: (v: number | null, r) => (
                        <a
                          onClick={() =>
                            setExplain({
                              year: selected,
                              indicator: 'large_class_share',
                              level: 'school',
                              scopeId: String(r.schoolId),
                              stage: r.stage,
                            })
                          }
                        >
                          {formatValue(v, 2, '%')}
                        </a>
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="教职工缺编学校（对照2014年编制标准）" size="small">
                <Table
                  size="small"
                  rowKey={(r) => `${r.schoolId}-${r.stage}`}
                  pagination={false}
                  dataSource={d.staffing}
                  locale={{ emptyText: <Empty description="没有缺编学校" /> }}
                  columns={[
                    {
                      title: '学校',
                      dataIndex: 'name',
                      render: (n: string, r) => <Link to={`/schools/${r.schoolId}`}>{n}</Link>,
                    },
                    {
                      title: '学段',
                      dataIndex: 'stage',
                      width: 70,
                      render: (s: string) => ({ primary: '小学', junior: '初中', senior: '高中' })[s],
                    },
                    { title: '应配', dataIndex: 'required', width: 70, align: 'right' as const },
                    { title: '实有', dataIndex: 'staff', width: 70, align: 'right' as const },
                    {
                      title: '缺编',
                      dataIndex: 'shortage',
                      width: 70,
                      align: 'right' as const,
                      render: (v: number, r) => (
                        <a
                          onClick={() =>
                            setExplain({
                              year: selected,
                              indicator: 'staff_shortage',
                              level: 'school',
                              scopeId: String(r.schoolId),
                              stage: r.stage,
                            })
                          }
                        >
                          {v}人
                        </a>
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <ExplainDrawer target={explain} onClose={() => setExplain(undefined)} />
    </div>
  );
}
