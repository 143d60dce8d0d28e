import { Card, Col, Empty, Row, Segmented, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { schoolYearLabel } from '../../shared/format';
import { fte, stageLabel, subjectLabel } from './labels';
import type { TeacherSummary } from './types';

type Line = TeacherSummary['shortages']['lines'][number];
type StaffLine = TeacherSummary['staffing']['lines'][number];

const NONE_ROW = { style: { background: '#fef2f2' } };

/** 音体美、心理、信息科技 teachers against the need from class counts; schools with none in red. */
export function ShortagePanel({ summary }: { summary: TeacherSummary }) {
  const { lines, totals } = summary.shortages;
  const [subject, setSubject] = useState<string>('all');
  const subjects = [...new Set(totals.map((t) => t.subject))];
  const shown = lines
    .filter((l) => subject === 'all' || l.subject === subject)
    .sort((a, b) => Number(b.none) - Number(a.none) || b.gap - a.gap);
  const noneCount = summary.shortages.schoolsWithNone.length;
  return (
    <Card
      size="small"
      title="音体美等学科教师缺口"
      extra={
        <span className="jg-muted" style={{ fontSize: 12 }}>
          需要数 = 各年级班级数 × 周课时 ÷ 教师周标准课时；红色为没有该学科专任教师的学校
        </span>
      }
      style={{ marginTop: 12 }}
      data-testid="shortage-panel"
    >
      {!summary.statYear ? (
        <Empty description="尚无学校年度基表，无法按班级数测算学科教师需要" />
      ) : (
        <Tabs
          items={[
            {
              key: 'schools',
              label: `逐校缺口（${lines.length}）`,
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Segmented
                    size="small"
                    value={subject}
                    onChange={(v) => setSubject(v as string)}
                    options={[
                      { value: 'all', label: '全部学科' },
                      ...subjects.map((s) => ({ value: s, label: subjectLabel(s) })),
                    ]}
                  />
                  <Table<Line>
                    size="small"
                    rowKey={(l) => `${l.schoolId}-${l.stage}-${l.subject}`}
                    dataSource={shown}
                    onRow={(l) => (l.none ? NONE_ROW : {})}
                    pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false }}
                    locale={{ emptyText: <Empty description="没有缺口" /> }}
                    columns={[
                      {
                        title: '学校',
                        dataIndex: 'schoolName',
                        render: (n: string, l) => (
                          <Space size={4}>
                            <Link to={`/schools/${l.schoolId}`}>{n}</Link>
                            {l.none && <Tag color="red">无专任教师</Tag>}
                          </Space>
                        ),
                      },
                      { title: '学段', dataIndex: 'stage', width: 70, render: stageLabel },
                      { title: '学科', dataIndex: 'subject', width: 90, render: subjectLabel },
                      { title: '需要（人）', dataIndex: 'needFte', width: 90, align: 'right', render: fte },
                      { title: '现有（人）', dataIndex: 'have', width: 90, align: 'right' },
                      {
                        title: '缺口（人）',
                        dataIndex: 'gap',
                        width: 90,
                        align: 'right',
                        render: (g: number, l) => (
                          <span style={{ color: l.none ? '#dc2626' : undefined, fontWeight: 600 }}>{fte(g)}</span>
                        ),
                      },
                    ]}
                  />
                </Space>
              ),
            },
            {
              key: 'totals',
              label: `全县汇总（${noneCount}处没有该学科专任教师）`,
              children: (
                <Table
                  size="small"
                  rowKey={(t) => `${t.stage}-${t.subject}`}
                  dataSource={totals}
                  pagination={false}
                  columns={[
                    { title: '学段', dataIndex: 'stage', render: stageLabel },
                    { title: '学科', dataIndex: 'subject', render: subjectLabel },
                    { title: '需要（人）', dataIndex: 'needFte', align: 'right', render: fte },
                    { title: '现有（人）', dataIndex: 'have', align: 'right' },
                    { title: '各校缺口合计（人）', dataIndex: 'shortageFte', align: 'right', render: fte },
                    { title: '不足学校（所）', dataIndex: 'schoolsShort', align: 'right' },
                    {
                      title: '无专任教师学校（所）',
                      dataIndex: 'schoolsWithNone',
                      align: 'right',
                      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function staffColumns(kind: 'shortage' | 'surplus') {
  return [
    {
      title: '学校',
      dataIndex: 'schoolName',
      render: (n: string, l: StaffLine) => <Link to={`/schools/${l.schoolId}`}>{n}</Link>,
    },
    { title: '学段', dataIndex: 'stage', width: 60, render: stageLabel },
    { title: '在校生', dataIndex: 'students', width: 70, align: 'right' as const },
    {
      title: '标准',
      dataIndex: 'standardRatio',
      width: 70,
      align: 'right' as const,
      render: (r: number) => `1:${r}`,
    },
    { title: '应配', dataIndex: 'required', width: 60, align: 'right' as const, render: fte },
    { title: '实有', dataIndex: 'have', width: 60, align: 'right' as const },
    {
      title: kind === 'shortage' ? '缺编' : '超编',
      dataIndex: kind,
      width: 60,
      align: 'right' as const,
      render: (n: number) => <Tag color={kind === 'shortage' ? 'red' : 'gold'}>{n}</Tag>,
    },
  ];
}

/** 教职工 against the 编制标准 (students ÷ ratio) per school and 学段: under- and over-staffed. */
export function StaffingPanel({ summary }: { summary: TeacherSummary }) {
  const { lines, shortage, surplus } = summary.staffing;
  const short = lines.filter((l) => l.shortage > 0).sort((a, b) => b.shortage - a.shortage);
  const over = lines.filter((l) => l.surplus > 0).sort((a, b) => b.surplus - a.surplus);
  const table = (rows: StaffLine[], kind: 'shortage' | 'surplus') => (
    <Table<StaffLine>
      size="small"
      rowKey={(l) => `${l.schoolId}-${l.stage}`}
      dataSource={rows}
      pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description={kind === 'shortage' ? '没有缺编学校' : '没有超编学校'} /> }}
      columns={staffColumns(kind)}
    />
  );
  return (
    <Card
      size="small"
      title="对照编制标准的教职工配备"
      extra={
        <span className="jg-muted" style={{ fontSize: 12 }}>
          教职工含专任教师、管理、教辅、工勤，不含代课；在校生按
          {summary.statYear ? schoolYearLabel(summary.statYear) : ''}基表
        </span>
      }
      style={{ marginTop: 12 }}
    >
      {!summary.statYear ? (
        <Empty description="尚无学校年度基表，无法对照编制标准" />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <h4 style={{ margin: '4px 0 8px' }}>
              缺编学校 {new Set(short.map((l) => l.schoolId)).size} 所，合计缺编{' '}
              <span style={{ color: '#dc2626' }}>{shortage}</span> 人
            </h4>
            {table(short, 'shortage')}
          </Col>
          <Col xs={24} xl={12}>
            <h4 style={{ margin: '4px 0 8px' }}>
              超编学校 {new Set(over.map((l) => l.schoolId)).size} 所，合计超编{' '}
              <span style={{ color: '#b45309' }}>{surplus}</span> 人
            </h4>
            {table(over, 'surplus')}
          </Col>
        </Row>
      )}
    </Card>
  );
}
