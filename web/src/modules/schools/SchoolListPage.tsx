import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, download, qs } from '../../api/client';
import type { Page, SchoolRow } from '../../api/types';
import { useSession } from '../../app/session';
import {
  ownershipLabel,
  ownershipOptions,
  STATUS_COLORS,
  schoolTypeLabel,
  schoolTypeOptions,
  statusLabel,
  statusOptions,
  urbanRuralLabel,
  urbanRuralOptions,
} from '../../shared/labels';
import { PageTitle } from '../../shared/PageTitle';
import { SchoolFormModal } from './SchoolFormModal';
import { useTownships } from './useTownships';

interface AsOfRow {
  id: number;
  code: string;
  name: string;
  type: string;
  ownership: string;
  urban_rural: string;
  township_name: string;
}

export default function SchoolListPage() {
  const { county, can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const filter = {
    township: params.get('township') ?? undefined,
    type: params.get('type') ?? undefined,
    ownership: params.get('ownership') ?? undefined,
    urbanRural: params.get('urbanRural') ?? undefined,
    status: params.get('status') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const townships = useTownships(county?.code);
  const list = useQuery({
    queryKey: ['schools', county?.code, filter, page, pageSize],
    queryFn: () => api<Page<SchoolRow>>(`/api/schools${qs({ county: county?.code, ...filter, page, pageSize })}`),
    enabled: !!county && !asOf,
    placeholderData: keepPreviousData,
  });
  const asOfList = useQuery({
    queryKey: ['schools-as-of', county?.code, asOf?.format('YYYY-MM-DD')],
    queryFn: () =>
      api<AsOfRow[]>(`/api/schools/as-of${qs({ county: county?.code, date: asOf?.format('YYYY-MM-DD') })}`),
    enabled: !!county && !!asOf,
  });

  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;

  const typeColumn = { title: '类型', dataIndex: 'type', width: 100, render: (t: string) => schoolTypeLabel(t) };
  return (
    <div className="jg-page">
      <PageTitle
        title="学校管理"
        subtitle={
          asOf ? `${asOf.format('YYYY年M月D日')}在办学校（按当时名称）` : `${county.name}全部学校、幼儿园与教学点`
        }
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/exports/schools${qs({ county: county.code })}`)}
            >
              导出Excel
            </Button>
            {can('org.import') && (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/imports?type=schools')}>
                批量导入
              </Button>
            )}
            {can('org.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建学校
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Space wrap className="jg-filters">
          <Input.Search
            placeholder="学校名称、标识码或信用代码"
            allowClear
            defaultValue={filter.q}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ width: 260 }}
            disabled={!!asOf}
            aria-label="搜索学校"
          />
          <Select
            placeholder="所属乡镇"
            allowClear
            style={{ width: 130 }}
            value={filter.township}
            onChange={(v) => setFilter('township', v)}
            options={(townships.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
            disabled={!!asOf}
            aria-label="所属乡镇"
          />
          <Select
            placeholder="学校类型"
            allowClear
            style={{ width: 130 }}
            value={filter.type}
            onChange={(v) => setFilter('type', v)}
            options={schoolTypeOptions}
            disabled={!!asOf}
            aria-label="学校类型"
          />
          <Select
            placeholder="办学性质"
            allowClear
            style={{ width: 130 }}
            value={filter.ownership}
            onChange={(v) => setFilter('ownership', v)}
            options={ownershipOptions}
            disabled={!!asOf}
            aria-label="办学性质"
          />
          <Select
            placeholder="城乡类型"
            allowClear
            style={{ width: 110 }}
            value={filter.urbanRural}
            onChange={(v) => setFilter('urbanRural', v)}
            options={urbanRuralOptions}
            disabled={!!asOf}
            aria-label="城乡类型"
          />
          <Select
            placeholder="办学状态"
            allowClear
            style={{ width: 120 }}
            value={filter.status}
            onChange={(v) => setFilter('status', v)}
            options={statusOptions}
            disabled={!!asOf}
            aria-label="办学状态"
          />
          <DatePicker placeholder="查看某日在办学校" value={asOf} onChange={setAsOf} aria-label="查看某日在办学校" />
        </Space>
        {asOf ? (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${asOf.format('YYYY年M月D日')}在办学校共 ${asOfList.data?.length ?? '…'} 所；名称和属性为当日的状态。清除日期可回到当前列表。`}
            />
            <Table<AsOfRow>
              rowKey="id"
              size="middle"
              loading={asOfList.isLoading}
              dataSource={asOfList.data}
              pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 所` }}
              columns={[
                { title: '学校标识码', dataIndex: 'code', width: 120 },
                {
                  title: '学校名称（当时）',
                  dataIndex: 'name',
                  render: (name: string, row) => <Link to={`/schools/${row.id}`}>{name}</Link>,
                },
                typeColumn,
                { title: '办学性质', dataIndex: 'ownership', width: 110, render: ownershipLabel },
                { title: '城乡', dataIndex: 'urban_rural', width: 80, render: urbanRuralLabel },
                { title: '所属乡镇', dataIndex: 'township_name', width: 110 },
              ]}
            />
          </>
        ) : (
          <Table<SchoolRow>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data?.items}
            locale={{ emptyText: <Empty description="没有符合条件的学校" /> }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total,
              showSizeChanger: true,
              showQuickJumper: true,
              showTotal: (total) => `共 ${total} 所`,
              onChange: (p, size) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                next.set('pageSize', String(size));
                setParams(next, { replace: true });
              },
            }}
            columns={[
              { title: '学校标识码', dataIndex: 'code', width: 120 },
              {
                title: '学校名称',
                dataIndex: 'name',
                render: (name: string, row) => <Link to={`/schools/${row.id}`}>{name}</Link>,
              },
              typeColumn,
              { title: '办学性质', dataIndex: 'ownership', width: 110, render: ownershipLabel },
              { title: '城乡', dataIndex: 'urban_rural', width: 70, render: urbanRuralLabel },
              { title: '所属乡镇', dataIndex: 'township_name', width: 100 },
              { title: '所属学校', dataIndex: 'parent_name', width: 150, render: (v: string | null) => v ?? '—' },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s)}</Tag>,
              },
            ]}
          />
        )}
      </Card>
      {creating && (
        <SchoolFormModal
          countyCode={county.code}
          onClose={() => setCreating(false)}
          onSaved={(id) => navigate(`/schools/${id}`)}
        />
      )}
    </div>
  );
}
