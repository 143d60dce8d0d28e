import { FileAddOutlined, LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { PageTitle } from '../../shared/PageTitle';
import { useReportVersions, useReportYears } from './hooks';
import type { ReportVersionRow, SavedVersion } from './types';

export default function ReportListPage() {
  const { me, county, setCountyCode, can } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const defaults = useReportYears(county?.code);
  const year = Number(params.get('year')) || defaults.year;
  const [withPlan, setWithPlan] = useState(false);
  const versions = useReportVersions(county?.code, year);
  const approved = versions.data?.find((v) => v.approved_at);

  const generate = useMutation({
    mutationFn: () =>
      api<SavedVersion>(`/api/reports/generate${qs({ county: county?.code })}`, { body: { year, withPlan } }),
    onSuccess: (saved) => {
      message.success(`已按最新数据生成第${saved.version}稿`);
      client.invalidateQueries({ queryKey: ['reports'] });
      navigate(`/reports/${saved.id}`);
    },
    onError: (error) => message.error(error instanceof ApiError ? error.message : '生成失败'),
  });

  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  return (
    <div className="jg-page">
      <PageTitle
        title="年度工作总结"
        subtitle="按各模块发布的数据生成初稿；文中每个数字都可追溯到数据来源"
        extra={
          can('report.write') && (
            <Space>
              <Checkbox checked={withPlan} onChange={(e) => setWithPlan(e.target.checked)}>
                标题含{year ? `${year + 1}年` : '下一年'}工作计划
              </Checkbox>
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                loading={generate.isPending}
                disabled={!year || !!approved}
                onClick={() => generate.mutate()}
                data-testid="generate-report"
              >
                生成初稿
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <Space wrap className="jg-filters">
          {me.counties.length > 1 && (
            <Select
              style={{ width: 180 }}
              value={county.code}
              onChange={(code) => setCountyCode(code)}
              options={me.counties.map((c) => ({ value: c.code, label: c.name }))}
              aria-label="县区"
            />
          )}
          <Select
            style={{ width: 120 }}
            value={year}
            loading={year === undefined}
            onChange={(y) => setParams({ year: String(y) })}
            options={defaults.years.map((y) => ({ value: y, label: `${y}年` }))}
            aria-label="年度"
            data-testid="report-year"
          />
          {approved && (
            <Alert
              type="success"
              showIcon
              icon={<LockOutlined />}
              title={`第${approved.version}稿已由${approved.approved_by_name ?? '局领导'}审定，本年度总结已锁定`}
              style={{ padding: '2px 12px' }}
            />
          )}
        </Space>
        <Table<ReportVersionRow>
          rowKey="id"
          size="middle"
          data-testid="report-versions"
          loading={versions.isLoading}
          dataSource={versions.data}
          pagination={false}
          locale={{
            emptyText: (
              <Empty
                description={`${county.name}${year ?? ''}年工作总结尚未起草${can('report.write') ? '，点击“生成初稿”开始' : ''}`}
              />
            ),
          }}
          columns={[
            { title: '稿次', dataIndex: 'version', width: 80, render: (v: number) => `第${v}稿` },
            {
              title: '标题',
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/reports/${row.id}`}>{title}</Link>,
            },
            {
              title: '来源',
              dataIndex: 'origin',
              width: 90,
              render: (o: ReportVersionRow['origin']) => (o === 'generated' ? '按数据生成' : '修改保存'),
            },
            {
              title: '修改说明',
              dataIndex: 'note',
              render: (n: string | null) => n ?? <span className="jg-muted">—</span>,
            },
            { title: '撰写人', dataIndex: 'created_by_name', width: 180 },
            {
              title: '时间',
              dataIndex: 'created_at',
              width: 150,
              render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: '状态',
              key: 'status',
              width: 220,
              render: (_: unknown, row) =>
                row.approved_at ? (
                  <Tag color="green" icon={<LockOutlined />}>
                    已审定 · {row.approved_by_name} {dayjs(row.approved_at).format('MM-DD HH:mm')}
                  </Tag>
                ) : (
                  <Tag>草稿</Tag>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
