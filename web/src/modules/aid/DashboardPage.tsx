import { CopyOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Row, Segmented, Select, Space, Spin, Statistic, Tabs } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { Chart } from '../../shared/Chart';
import { AidHeader } from './AidHeader';
import { changeColor, wan, yuan } from './labels';
import { TotalsTable } from './TotalsTable';
import type { AidDashboard, AidSummary, TotalRow } from './types';

const PERIODS = [
  { value: '', label: '全年' },
  { value: '春', label: '春季学期' },
  { value: '秋', label: '秋季学期' },
];

function trendOption(data: AidDashboard) {
  const years = data.trend.map((t) => `${t.year}年`);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['学校资助人次', '学校资助金额(万元)'] },
    grid: { left: 60, right: 60, top: 56, bottom: 30 },
    xAxis: { type: 'category', data: years },
    yAxis: [
      { type: 'value', name: '人次' },
      { type: 'value', name: '万元', splitLine: { show: false } },
    ],
    series: [
      {
        name: '学校资助人次',
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color: '#3b82f6' },
        data: data.trend.map((t) => t.groups.school_aid?.personTimes ?? 0),
      },
      {
        name: '学校资助金额(万元)',
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: '#f59e0b' },
        data: data.trend.map((t) => t.groups.school_aid?.amountWan ?? 0),
      },
    ],
  };
}

function GroupCard({ row }: { row: TotalRow }) {
  const small = { content: { fontSize: 20 } };
  return (
    <Card size="small" data-testid={`aid-group-${row.key}`}>
      <div style={{ fontWeight: 600, marginBottom: 6 }}>{row.label}</div>
      <Row gutter={8}>
        <Col span={9} data-testid={`aid-group-${row.key}-times`} data-value={row.personTimes}>
          <Statistic title="人次" value={row.personTimes} styles={small} />
        </Col>
        <Col span={7}>
          <Statistic title="人数" value={row.persons} styles={small} />
        </Col>
        <Col span={8}>
          <Statistic title="金额(万元)" value={wan(row.amountFen)} styles={small} />
        </Col>
      </Row>
      <div style={{ fontSize: 12, marginTop: 6, minHeight: 18, color: changeColor(row.personTimesChange) }}>
        {row.personTimesChange ? `人次${row.personTimesChange}` : '上年无数据'}
      </div>
    </Card>
  );
}

/** 统计看板: a calendar year's paid aid by report group, program, 学段 and township, with the report paragraph. */
export default function DashboardPage() {
  const { county, me } = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const current = new Date().getFullYear();
  const year = Number(params.get('year') ?? current);
  const period = params.get('period') ?? '';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const dashboard = useQuery({
    queryKey: ['aid', 'dashboard', county?.code, year],
    queryFn: () => api<AidDashboard>(`/api/aid/dashboard${qs({ county: county?.code, year })}`),
    enabled: !!county,
    placeholderData: keepPreviousData,
  });
  const summary = useQuery({
    queryKey: ['aid', 'summary', county?.code, year, period],
    queryFn: () => api<AidSummary>(`/api/aid/summary${qs({ county: county?.code, year, term: period })}`),
    enabled: !!county,
  });
  // Without a chosen year, open on the latest year with paid aid rather than an empty current year.
  const latest = dashboard.data?.years[0];
  const empty = dashboard.data?.groups.every((g) => g.personTimes === 0);
  useEffect(() => {
    if (!params.has('year') && empty && latest && latest !== year) set('year', String(latest));
  });

  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  const data = dashboard.data;
  const years = [...new Set([current, ...(data?.years ?? []), year])].sort((a, b) => b - a);
  const countyWide = me.scope.level !== 'school' && me.scope.level !== 'township';
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      message.success('已复制到剪贴板');
    } catch {
      message.error('浏览器不允许访问剪贴板，请手动选中复制');
    }
  };
  return (
    <div className="jg-page">
      <AidHeader
        subtitle={`${county.name}${countyWide ? '' : '（本单位）'}学生资助统计 · 按日历年，仅计已发放批次`}
        extra={
          <Select
            value={year}
            onChange={(v) => set('year', String(v))}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 110 }}
            aria-label="年度"
          />
        }
      />
      {dashboard.error && <Alert type="error" showIcon title={`统计加载失败：${(dashboard.error as Error).message}`} />}
      {!data ? (
        <Spin style={{ display: 'block', marginTop: 80 }} />
      ) : (
        <>
          {(data.pending.lists > 0 || data.pending.openFindings > 0) && (
            <Alert
              style={{ marginBottom: 16 }}
              type="info"
              showIcon
              data-testid="aid-pending"
              title={[
                data.pending.lists > 0 &&
                  `${year}年尚有${data.pending.lists}份名单未发放（${data.pending.rows}人次，${yuan(data.pending.amountFen)}元），不计入下列统计`,
                data.pending.openFindings > 0 && `各学期名单共有${data.pending.openFindings}条核查提示待确认`,
              ]
                .filter(Boolean)
                .join('；')}
              action={<Link to="/aid?findings=open">查看名单</Link>}
            />
          )}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {data.groups.map((g) => (
              <Col key={g.key} xs={24} md={12} xl={6}>
                <GroupCard row={g} />
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={15}>
              <Card
                title="报告表述（由发放记录自动生成）"
                style={{ marginBottom: 16, height: 'calc(100% - 16px)' }}
                extra={
                  <Space>
                    <Segmented
                      options={PERIODS}
                      value={period}
                      onChange={(v) => set('period', String(v))}
                      aria-label="统计期间"
                    />
                    {summary.data?.paragraph && (
                      <Button icon={<CopyOutlined />} onClick={() => copy(summary.data.paragraph)}>
                        复制
                      </Button>
                    )}
                  </Space>
                }
              >
                {summary.error ? (
                  <Alert type="error" showIcon title={(summary.error as Error).message} />
                ) : (
                  <p
                    data-testid="aid-paragraph"
                    style={{ fontSize: 15, lineHeight: 1.9, textIndent: '2em', margin: 0 }}
                  >
                    {summary.isLoading
                      ? '正在生成……'
                      : summary.data?.paragraph ||
                        (countyWide
                          ? `${summary.data?.period.label ?? ''}没有已发放的资助。`
                          : '报告表述以全县为口径，学校、学区账号只显示本单位的统计数。')}
                  </p>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Card title="近年学校资助" style={{ marginBottom: 16 }}>
                <Chart option={trendOption(data)} style={{ height: 240 }} />
              </Card>
            </Col>
          </Row>
          <Card style={{ marginBottom: 16 }}>
            <Tabs
              items={[
                {
                  key: 'groups',
                  label: '按统计口径',
                  children: (
                    <TotalsTable
                      rows={data.groups}
                      first="统计口径"
                      hasPrevious={data.hasPrevious}
                      testId="aid-by-group"
                    />
                  ),
                },
                {
                  key: 'programs',
                  label: '按资助项目',
                  children: (
                    <TotalsTable
                      rows={data.programs}
                      first="资助项目"
                      hasPrevious={data.hasPrevious}
                      testId="aid-by-program"
                    />
                  ),
                },
                {
                  key: 'stages',
                  label: '按学段',
                  children: (
                    <TotalsTable rows={data.stages} first="学段" hasPrevious={data.hasPrevious} testId="aid-by-stage" />
                  ),
                },
                {
                  key: 'townships',
                  label: '按乡镇',
                  children: (
                    <TotalsTable rows={data.townships} first="乡镇" hasPrevious={false} testId="aid-by-township" />
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
