import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Input, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { TRAINING_LEVEL_COLORS, trainingLevelLabel } from './labels';
import type { TrainingCourseDetail } from './types';

/** One training course and its participants (ID numbers masked). */
export function CourseDrawer({ courseId, onClose }: { courseId: number | undefined; onClose(): void }) {
  const [search, setSearch] = useState('');
  const { data, isLoading, error } = useQuery({
    queryKey: ['training-course', courseId],
    queryFn: () => api<TrainingCourseDetail>(`/api/training-courses/${courseId}`),
    enabled: courseId !== undefined,
  });
  const c = data?.course;
  const participants = (data?.participants ?? []).filter(
    (p) => !search || p.name.includes(search) || p.school_name.includes(search),
  );
  const hours = (data?.participants ?? []).reduce((sum, p) => sum + p.hours, 0);
  return (
    <Drawer
      open={courseId !== undefined}
      onClose={() => {
        setSearch('');
        onClose();
      }}
      size={720}
      title={c ? c.name : '培训项目'}
      destroyOnHidden
    >
      {isLoading && <Skeleton active />}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && c && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="course-drawer">
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="级别">
              <Tag color={TRAINING_LEVEL_COLORS[c.level]}>{trainingLevelLabel(c.level)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="主办单位">{c.organizer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="起止日期">
              {c.start_date} 至 {c.end_date}
            </Descriptions.Item>
            <Descriptions.Item label="项目学时">{c.hours}</Descriptions.Item>
            <Descriptions.Item label="参训" span={2}>
              {data.participants.length}人次，合计{hours.toLocaleString('zh-CN')}学时
            </Descriptions.Item>
          </Descriptions>
          <Input.Search
            placeholder="按姓名或学校查找"
            allowClear
            onSearch={(v) => setSearch(v.trim())}
            style={{ width: 260 }}
            aria-label="查找参训教师"
          />
          <Table
            size="small"
            rowKey="id"
            dataSource={participants}
            pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (t) => `共 ${t} 人` }}
            columns={[
              {
                title: '姓名',
                dataIndex: 'name',
                render: (n: string, p) => <Link to={`/teachers/${p.id}`}>{n}</Link>,
              },
              {
                title: '身份证号',
                dataIndex: 'id_masked',
                render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
              },
              { title: '学校', dataIndex: 'school_name' },
              { title: '获得学时', dataIndex: 'hours', width: 90, align: 'right' as const },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
