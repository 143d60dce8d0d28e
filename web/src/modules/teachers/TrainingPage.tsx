import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { CourseDrawer } from './CourseDrawer';
import { useDefaultYear } from './hooks';
import { TRAINING_LEVEL_COLORS, trainingLevelLabel, trainingLevelOptions } from './labels';
import { TeachersHeader } from './TeachersHeader';
import type { TrainingCourseList, TrainingCourseRow } from './types';

const ALL = 0;

export default function TrainingPage() {
  const { county, can } = useSession();
  const navigate = useNavigate();
  const defaults = useDefaultYear(county?.code);
  const [year, setYear] = useState<number>();
  const [level, setLevel] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [courseId, setCourseId] = useState<number>();
  const selected = year ?? defaults.year;
  const list = useQuery({
    queryKey: ['training-courses', county?.code, selected, level, page, pageSize],
    queryFn: () =>
      api<TrainingCourseList>(
        `/api/training-courses${qs({ county: county?.code, year: selected || undefined, level, page, pageSize })}`,
      ),
    enabled: !!county && selected !== undefined,
    placeholderData: keepPreviousData,
  });
  // Totals per level: one small query each (the list endpoint sums 人次 and 学时 for its filter).
  const byLevel = useQueries({
    queries: trainingLevelOptions.map((l) => ({
      queryKey: ['training-courses', county?.code, selected, l.value, 1, 1],
      queryFn: () =>
        api<TrainingCourseList>(
          `/api/training-courses${qs({ county: county?.code, year: selected || undefined, level: l.value, pageSize: 1 })}`,
        ),
      enabled: !!county && selected !== undefined,
    })),
  });
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  const d = list.data;
  const scope = `${selected ? `${selected}年` : '历年'}${level ? trainingLevelLabel(level) : ''}`;
  return (
    <div className="jg-page">
      <TeachersHeader
        subtitle="国培、省培、市培、县培、校本培训；按培训结束日期计入年度"
        extra={
          can('teacher.import') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/imports?type=training')}>
              导入培训记录
            </Button>
          )
        }
      />
      <Row gutter={12} style={{ marginBottom: 12 }}>
        {[
          { key: 'courses', title: `${scope}培训项目`, value: d?.total, suffix: '个' },
          { key: 'person-times', title: `${scope}参训`, value: d?.personTimes, suffix: '人次' },
          { key: 'hours', title: `${scope}培训学时`, value: d?.hours, suffix: '学时' },
          {
            key: 'average',
            title: '人均学时（每人次）',
            value: d?.personTimes ? (d.hours / d.personTimes).toFixed(1) : '—',
            suffix: '',
          },
        ].map((s) => (
          <Col xs={12} lg={6} key={s.key}>
            <Card size="small" className="jg-stat-card" data-testid={`training-${s.key}`}>
              <Statistic title={s.title} value={s.value ?? '—'} suffix={s.suffix} loading={list.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={`${selected ? `${selected}年` : '历年'}按培训级别（点击筛选）`}
        style={{ marginBottom: 12 }}
      >
        <div
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: 8 }}
          data-testid="training-by-level"
        >
          {trainingLevelOptions.map((l, i) => {
            const totals = byLevel[i]?.data;
            return (
              <div
                key={l.value}
                onClick={() => {
                  setLevel(level === l.value ? undefined : l.value);
                  setPage(1);
                }}
                style={{
                  border: `1px solid ${level === l.value ? '#1d4ed8' : '#e5e7eb'}`,
                  borderRadius: 6,
                  padding: '8px 12px',
                  cursor: 'pointer',
                }}
              >
                <Tag color={TRAINING_LEVEL_COLORS[l.value]}>{l.label}</Tag>
                {totals ? (
                  <span>
                    <b>{totals.personTimes.toLocaleString('zh-CN')}</b>人次 · {totals.hours.toLocaleString('zh-CN')}学时
                  </span>
                ) : (
                  <span className="jg-muted">…</span>
                )}
              </div>
            );
          })}
        </div>
      </Card>
      <Card>
        <Space wrap className="jg-filters">
          <Select
            style={{ width: 120 }}
            value={selected}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
            options={[{ value: ALL, label: '全部年度' }, ...defaults.years.map((y) => ({ value: y, label: `${y}年` }))]}
            aria-label="年度"
          />
          <Select
            placeholder="培训级别"
            allowClear
            style={{ width: 120 }}
            value={level}
            onChange={(v) => {
              setLevel(v);
              setPage(1);
            }}
            options={trainingLevelOptions}
            aria-label="培训级别"
          />
        </Space>
        <Table<TrainingCourseRow>
          rowKey="id"
          size="middle"
          data-testid="course-table"
          loading={list.isLoading}
          dataSource={d?.rows}
          onRow={(row) => ({ onClick: () => setCourseId(row.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty description={`${scope}没有培训记录`} /> }}
          pagination={{
            current: page,
            pageSize,
            total: d?.total,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 个项目`,
            onChange: (p, size) => {
              setPage(p);
              setPageSize(size);
            },
          }}
          columns={[
            { title: '培训项目', dataIndex: 'name', render: (n: string) => <a>{n}</a> },
            {
              title: '级别',
              dataIndex: 'level',
              width: 80,
              render: (l: string) => <Tag color={TRAINING_LEVEL_COLORS[l]}>{trainingLevelLabel(l)}</Tag>,
            },
            { title: '主办单位', dataIndex: 'organizer', render: (v: string | null) => v ?? '—' },
            {
              title: '起止日期',
              key: 'dates',
              width: 210,
              render: (_: unknown, r) => `${r.start_date} 至 ${r.end_date}`,
            },
            { title: '项目学时', dataIndex: 'hours', width: 90, align: 'right' },
            { title: '参训人次', dataIndex: 'participants', width: 90, align: 'right' },
            {
              title: '总学时',
              dataIndex: 'total_hours',
              width: 100,
              align: 'right',
              render: (v: number) => v.toLocaleString('zh-CN'),
            },
          ]}
        />
      </Card>
      <CourseDrawer courseId={courseId} onClose={() => setCourseId(undefined)} />
    </div>
  );
}
