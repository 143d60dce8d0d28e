import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { schoolYearLabel } from '../../shared/format';
import { formatDateTime, schoolTypeLabel } from '../../shared/labels';
import { PageTitle } from '../../shared/PageTitle';
import { useStatYears } from '../indicators/IndicatorsPage';
import { useTownships } from '../schools/useTownships';

const STAGE_LABELS: Record<string, string> = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  special: '特教',
};

interface StatRow {
  id: number;
  school_id: number;
  school_code: string;
  school_name: string;
  school_type: string;
  township_name: string;
  stage: string;
  students: number;
  classes: number;
  full_time_teachers: number;
  staff: number;
  teaching_area: number;
  sports_area: number;
  equipment_value: number;
  large_classes: number;
  super_large_classes: number;
  explanations: { message: string; explanation: string }[] | null;
  updated_at: string;
}

function StatTable({ year }: { year: number }) {
  const { county } = useSession();
  const townships = useTownships(county?.code);
  const [filter, setFilter] = useState<{ township?: number; stage?: string; q?: string }>({});
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['stats', county?.code, year, filter, page],
    queryFn: () =>
      api<{ items: StatRow[]; total: number }>(
        `/api/stats${qs({ county: county?.code, year, ...filter, page, pageSize: 20 })}`,
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Space wrap className="jg-filters">
        <Input.Search
          placeholder="学校名称或标识码"
          allowClear
          style={{ width: 220 }}
          onSearch={(q) => {
            setFilter({ ...filter, q: q.trim() || undefined });
            setPage(1);
          }}
        />
        <Select
          placeholder="乡镇"
          allowClear
          style={{ width: 120 }}
          onChange={(township) => {
            setFilter({ ...filter, township });
            setPage(1);
          }}
          options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        />
        <Select
          placeholder="学段"
          allowClear
          style={{ width: 100 }}
          onChange={(stage) => {
            setFilter({ ...filter, stage });
            setPage(1);
          }}
          options={Object.entries(STAGE_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <Table<StatRow>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="该学年没有基表数据" /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 行`,
        }}
        columns={[
          {
            title: '学校',
            dataIndex: 'school_name',
            fixed: 'left',
            render: (n: string, r) => (
              <span>
                <Link to={`/schools/${r.school_id}`}>{n}</Link>
                <div className="jg-muted" style={{ fontSize: 12 }}>
                  {r.school_code} · {r.township_name} · {schoolTypeLabel(r.school_type)}
                </div>
              </span>
            ),
          },
          { title: '学段', dataIndex: 'stage', render: (s: string) => STAGE_LABELS[s] },
          { title: '在校生', dataIndex: 'students', align: 'right' as const },
          { title: '班级', dataIndex: 'classes', align: 'right' as const },
          { title: '专任教师', dataIndex: 'full_time_teachers', align: 'right' as const },
          { title: '教职工', dataIndex: 'staff', align: 'right' as const },
          { title: '教学用房㎡', dataIndex: 'teaching_area', align: 'right' as const },
          { title: '运动场馆㎡', dataIndex: 'sports_area', align: 'right' as const },
          { title: '仪器设备万元', dataIndex: 'equipment_value', align: 'right' as const },
          { title: '56～65人班', dataIndex: 'large_classes', align: 'right' as const },
          {
            title: '66人以上班',
            dataIndex: 'super_large_classes',
            align: 'right' as const,
            render: (v: number) => (v ? <Tag color="red">{v}</Tag> : v),
          },
          {
            title: '说明',
            dataIndex: 'explanations',
            render: (e: StatRow['explanations']) =>
              e?.length ? <span title={e.map((x) => x.message).join('；')}>{e[0].explanation}</span> : '',
          },
          { title: '更新时间', dataIndex: 'updated_at', render: formatDateTime },
        ]}
      />
    </>
  );
}

function PopulationTable({ year }: { year: number }) {
  const { county } = useSession();
  const rows = useQuery({
    queryKey: ['population', county?.code, year],
    queryFn: () =>
      api<
        {
          id: number;
          age: number;
          population: number;
          disabled: number;
          enrolled_special: number;
          enrolled_regular: number;
          enrolled_home: number;
          source: string | null;
        }[]
      >(`/api/population${qs({ county: county?.code, year })}`),
  });
  return (
    <Table
      size="small"
      rowKey="id"
      loading={rows.isLoading}
      dataSource={rows.data}
      pagination={false}
      locale={{ emptyText: <Empty description="该年没有人口数据" /> }}
      columns={[
        { title: '年龄', dataIndex: 'age', render: (a: number) => `${a}岁` },
        { title: '人口数', dataIndex: 'population', align: 'right' as const },
        { title: '适龄三类残疾儿童少年', dataIndex: 'disabled', align: 'right' as const },
        { title: '特教学校就读', dataIndex: 'enrolled_special', align: 'right' as const },
        { title: '随班就读', dataIndex: 'enrolled_regular', align: 'right' as const },
        { title: '送教上门', dataIndex: 'enrolled_home', align: 'right' as const },
        { title: '来源', dataIndex: 'source' },
      ]}
    />
  );
}

function CohortBase() {
  const { county, can, me } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const rows = useQuery({
    queryKey: ['cohort-base', county?.code],
    queryFn: () =>
      api<{ id: number; school_year: number; base: number; note: string | null }[]>(
        `/api/indicators/cohort-base${qs({ county: county?.code })}`,
      ),
  });
  const editable = can('stats.import') && ['system', 'city', 'county'].includes(me.scope.level);
  const save = async (values: { schoolYear: number; base: number; note?: string }) => {
    try {
      await api(`/api/indicators/cohort-base${qs({ county: county?.code })}`, { method: 'PUT', body: values });
      message.success('已登记；相关指标已重新计算');
      form.resetFields();
      await client.invalidateQueries();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length)
        form.setFields(e.issues.map((i) => ({ name: i.path, errors: [i.message] })));
      else message.error(e instanceof Error ? e.message : '保存失败');
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div className="jg-muted">
        九年义务教育巩固率 = 当年初中九年级在校生数 ÷
        该届学生小学一年级入学时人数（按正常流动调整）。平台内没有该届一年级数据时，在此每年登记一次入学基数。
      </div>
      {editable && (
        <Form form={form} layout="inline" onFinish={save}>
          <Form.Item name="schoolYear" label="九年级所在学年" rules={[{ required: true, message: '请填写学年' }]}>
            <InputNumber min={2000} max={2100} placeholder="如 2024" />
          </Form.Item>
          <Form.Item name="base" label="入学基数" rules={[{ required: true, message: '请填写入学基数' }]}>
            <InputNumber min={1} placeholder="人" />
          </Form.Item>
          <Form.Item name="note" label="依据">
            <Input placeholder="如 2016年秋季一年级入学人数，已按转入转出调整" style={{ width: 320 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            登记
          </Button>
        </Form>
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={rows.data}
        pagination={false}
        columns={[
          { title: '学年', dataIndex: 'school_year', render: schoolYearLabel },
          { title: '入学基数（人）', dataIndex: 'base', align: 'right' as const },
          { title: '依据', dataIndex: 'note' },
        ]}
      />
    </Space>
  );
}

export default function StatsPage() {
  const { county, can } = useSession();
  const navigate = useNavigate();
  const years = useStatYears(county?.code);
  const [year, setYear] = useState<number>();
  const selected = year ?? years.data?.[0];
  if (!county) return <Empty style={{ marginTop: 80 }} />;
  return (
    <div className="jg-page">
      <PageTitle
        title="基表数据"
        subtitle="学校年度基表（统计时点9月30日）、适龄人口与巩固率入学基数"
        extra={
          <Space>
            <Select
              style={{ width: 170 }}
              value={selected}
              onChange={setYear}
              options={(years.data ?? []).map((y) => ({ value: y, label: schoolYearLabel(y) }))}
              placeholder="学年"
              aria-label="学年"
            />
            {can('stats.import') && (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/imports?type=school-stats')}>
                导入基表
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        {!selected ? (
          <Empty description="尚未导入任何学年的基表">
            {can('stats.import') && (
              <Button type="primary" onClick={() => navigate('/imports?type=school-stats')}>
                导入基表
              </Button>
            )}
          </Empty>
        ) : (
          <Tabs
            items={[
              { key: 'stats', label: '学校年度基表', children: <StatTable year={selected} /> },
              { key: 'population', label: '适龄人口', children: <PopulationTable year={selected} /> },
              { key: 'cohort', label: '巩固率入学基数', children: <CohortBase /> },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
