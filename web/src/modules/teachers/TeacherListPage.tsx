import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, download, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { useTownships } from '../schools/useTownships';
import { HireModal } from './HireModal';
import { useSchoolOptions } from './hooks';
import {
  AGE_BANDS,
  ageOn,
  BACKBONE_COLORS,
  backboneLabel,
  channelLabel,
  channelOptions,
  educationLabel,
  establishmentLabel,
  establishmentOptions,
  postLabel,
  postOptions,
  sexLabel,
  stageLabel,
  stageOptions,
  statusLabel,
  subjectLabel,
  subjectOptions,
  titleLabel,
  titleOptions,
} from './labels';
import { TeachersHeader } from './TeachersHeader';
import type { TeacherList } from './types';

const STATUS_OPTIONS = [
  { value: 'employed', label: '在职' },
  { value: 'left', label: '已离开（退休、离职等）' },
  { value: 'all', label: '全部' },
];

const SELECT_FILTERS = [
  { key: 'post', label: '岗位', options: postOptions, width: 110 },
  { key: 'subject', label: '学科', options: subjectOptions, width: 120 },
  { key: 'stage', label: '学段', options: stageOptions, width: 90 },
  { key: 'title', label: '职称', options: titleOptions, width: 120 },
  { key: 'channel', label: '补充渠道', options: channelOptions, width: 120 },
  { key: 'establishment', label: '编制', options: establishmentOptions, width: 110 },
  { key: 'age', label: '年龄段', options: AGE_BANDS, width: 120 },
] as const;

export default function TeacherListPage() {
  const { county, can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [hiring, setHiring] = useState(false);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const value = (key: string) => params.get(key) ?? undefined;
  const band = AGE_BANDS.find((b) => b.value === params.get('age'));
  const filter = {
    q: value('q'),
    township: value('township'),
    school: value('school'),
    post: value('post'),
    subject: value('subject'),
    stage: value('stage'),
    title: value('title'),
    channel: value('channel'),
    establishment: value('establishment'),
    ageFrom: band?.from,
    ageTo: band?.to,
    status: value('status') ?? 'employed',
  };
  const setFilter = (key: string, next: string | undefined) => {
    const search = new URLSearchParams(params);
    if (next) search.set(key, next);
    else search.delete(key);
    if (key === 'township') search.delete('school');
    search.delete('page');
    setParams(search, { replace: true });
  };
  const townships = useTownships(county?.code);
  const schools = useSchoolOptions(county?.code);
  const list = useQuery({
    queryKey: ['teachers', county?.code, filter, page, pageSize],
    queryFn: () => api<TeacherList>(`/api/teachers${qs({ county: county?.code, ...filter, page, pageSize })}`),
    enabled: !!county,
    placeholderData: keepPreviousData,
  });

  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  const today = list.data?.today;
  const filtered = [...params.keys()].some((k) => k !== 'page' && k !== 'pageSize');
  const schoolOptions = (schools.data ?? [])
    .filter((s) => !filter.township || String(s.township_id) === filter.township)
    .map((s) => ({ value: String(s.id), label: s.name }));

  return (
    <div className="jg-page">
      <TeachersHeader
        subtitle={`${county.name}教职工名册${today ? `（${today.replaceAll('-', '/')}的状态）` : ''}`}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/exports/teachers${qs({ county: county.code })}`)}
            >
              导出Excel
            </Button>
            {can('teacher.import') && (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/imports?type=teachers')}>
                批量导入
              </Button>
            )}
            {can('teacher.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setHiring(true)}>
                登记新入职教师
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Space wrap className="jg-filters">
          <Input.Search
            placeholder="姓名或学校名称"
            allowClear
            defaultValue={filter.q}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ width: 200 }}
            aria-label="搜索教师"
          />
          <Select
            placeholder="乡镇"
            allowClear
            style={{ width: 110 }}
            value={filter.township}
            onChange={(v) => setFilter('township', v)}
            options={(townships.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
            aria-label="乡镇"
          />
          <Select
            placeholder="学校"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            value={filter.school}
            onChange={(v) => setFilter('school', v)}
            options={schoolOptions}
            aria-label="学校"
          />
          {SELECT_FILTERS.map((f) => (
            <Select
              key={f.key}
              placeholder={f.label}
              allowClear
              style={{ width: f.width }}
              value={value(f.key)}
              onChange={(v) => setFilter(f.key, v)}
              options={[...f.options]}
              popupMatchSelectWidth={false}
              aria-label={f.label}
            />
          ))}
          <Select
            style={{ width: 110 }}
            value={filter.status}
            onChange={(v) => setFilter('status', v === 'employed' ? undefined : v)}
            options={STATUS_OPTIONS}
            popupMatchSelectWidth={false}
            aria-label="状态"
          />
        </Space>
        <Table<TeacherList['rows'][number]>
          rowKey="id"
          size="middle"
          data-testid="teacher-table"
          loading={list.isLoading}
          dataSource={list.data?.rows}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => navigate(`/teachers/${row.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: (
              <Empty description={filtered ? '没有符合条件的教师' : '名册中还没有教师，可批量导入或登记新入职教师'} />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total,
            showSizeChanger: true,
            showQuickJumper: true,
            showTotal: (total) => `共 ${total} 人`,
            onChange: (p, size) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              next.set('pageSize', String(size));
              setParams(next, { replace: true });
            },
          }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              fixed: 'left',
              render: (name: string, row) => (
                <Link to={`/teachers/${row.id}`} onClick={(e) => e.stopPropagation()}>
                  {name}
                </Link>
              ),
            },
            { title: '性别', dataIndex: 'sex', render: sexLabel },
            { title: '年龄', dataIndex: 'birth_date', render: (b: string) => (today ? ageOn(b, today) : '') },
            {
              title: '身份证号',
              dataIndex: 'id_masked',
              render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
            },
            { title: '任职学校', dataIndex: 'school_name' },
            { title: '学段', dataIndex: 'stage', render: stageLabel },
            { title: '岗位', dataIndex: 'post', render: postLabel },
            { title: '学科', dataIndex: 'subject', render: subjectLabel },
            { title: '职称', dataIndex: 'title', render: titleLabel },
            { title: '最高学历', dataIndex: 'education', render: educationLabel },
            { title: '编制', dataIndex: 'establishment', render: establishmentLabel },
            { title: '补充渠道', dataIndex: 'channel', render: channelLabel },
            { title: '入职日期', dataIndex: 'hired_on' },
            {
              title: '标记',
              key: 'tags',
              render: (_: unknown, row) => (
                <Space size={4}>
                  {row.status !== 'employed' && <Tag>{statusLabel(row.status)}</Tag>}
                  {row.onLeave && <Tag color="orange">休假</Tag>}
                  {row.activeBackbone && (
                    <Tag color={BACKBONE_COLORS[row.activeBackbone]}>{backboneLabel(row.activeBackbone)}骨干</Tag>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {hiring && (
        <HireModal
          countyCode={county.code}
          onClose={() => setHiring(false)}
          onSaved={(id) => navigate(`/teachers/${id}`)}
        />
      )}
    </div>
  );
}
