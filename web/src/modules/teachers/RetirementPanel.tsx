import { Alert, Card, Col, Empty, Row, Table } from 'antd';
import { Link } from 'react-router';
import { Chart } from '../../shared/Chart';
import { postLabel, stageLabel, subjectLabel } from './labels';
import type { TeacherSummary } from './types';

type Retirements = TeacherSummary['retirements'];
type Period = Retirements['periods'][number];

/** A forecast year in words: 2025年 for a calendar year, else its dates. */
export function periodLabel(p: Pick<Period, 'from' | 'to'>): string {
  const calendarYear = p.from.endsWith('-01-01') && p.to.endsWith('-12-31') && p.from.slice(0, 4) === p.to.slice(0, 4);
  return calendarYear ? `${p.from.slice(0, 4)}年` : `${p.from}至${p.to}`;
}

/** Teachers reaching the statutory age in the next five years, by year and subject, and the 退一补一 plan. */
export function RetirementPanel({ summary }: { summary: TeacherSummary }) {
  const r = summary.retirements;
  const total = r.periods.reduce((sum, p) => sum + p.retirees, 0);
  const hires = r.replacementPlan.reduce((sum, l) => sum + l.hires, 0);
  return (
    <Card
      size="small"
      title={`退休预测（${periodLabel(r.periods[0])}至${periodLabel(r.periods[r.periods.length - 1])}）`}
      extra={
        <span className="jg-muted" style={{ fontSize: 12 }}>
          按渐进式延迟法定退休年龄测算；女教师按原55周岁口径
        </span>
      }
      style={{ marginTop: 12 }}
      data-testid="retirement-panel"
    >
      {r.overdue.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${r.overdue.length}名在职教师已达到法定退休年龄，尚未登记退休：${r.overdue
            .slice(0, 5)
            .map((t) => `${t.name}（${t.schoolName}）`)
            .join('、')}${r.overdue.length > 5 ? '等' : ''}`}
        />
      )}
      {total === 0 ? (
        <Empty description="未来五年没有到龄退休的在职教师" />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={11}>
            <Chart
              style={{ height: 240 }}
              option={{
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: '{b}：到龄{c}人' },
                grid: { left: 40, right: 16, top: 24, bottom: 30 },
                xAxis: { type: 'category', data: r.periods.map(periodLabel) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  {
                    type: 'bar',
                    barMaxWidth: 48,
                    itemStyle: { color: '#f59e0b' },
                    label: { show: true, position: 'top', formatter: '{c}人' },
                    data: r.periods.map((p) => p.retirees),
                  },
                ],
              }}
            />
            <Table
              size="small"
              rowKey={(s) => String(s.subject)}
              dataSource={r.bySubject}
              pagination={{ pageSize: 6, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                {
                  title: '学科',
                  dataIndex: 'subject',
                  render: (s: string | null) => (s ? subjectLabel(s) : '无任教学科'),
                },
                ...r.periods.map((p, i) => ({
                  title: periodLabel(p),
                  key: p.period,
                  align: 'right' as const,
                  render: (_: unknown, s: Retirements['bySubject'][number]) => s.byPeriod[i] || '',
                })),
                { title: '合计', dataIndex: 'total', align: 'right' as const },
              ]}
            />
          </Col>
          <Col xs={24} xl={13}>
            <h4 style={{ margin: '4px 0 8px' }}>
              退一补一计划：{r.years}年内到龄{total}人，其中在编{hires}人需按原学校、学段、学科补充
            </h4>
            <Table
              size="small"
              rowKey={(l) => `${l.period}-${l.schoolId}-${l.stage}-${l.post}-${l.subject}`}
              dataSource={r.replacementPlan}
              pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false }}
              columns={[
                { title: '年度', dataIndex: 'period', width: 80, render: (_: number, l) => periodLabel(l) },
                {
                  title: '学校',
                  dataIndex: 'schoolName',
                  render: (n: string, l) => <Link to={`/schools/${l.schoolId}`}>{n}</Link>,
                },
                { title: '学段', dataIndex: 'stage', width: 60, render: stageLabel },
                { title: '岗位', dataIndex: 'post', width: 80, render: postLabel },
                { title: '学科', dataIndex: 'subject', width: 90, render: subjectLabel },
                { title: '补充（人）', dataIndex: 'hires', width: 80, align: 'right' as const },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
