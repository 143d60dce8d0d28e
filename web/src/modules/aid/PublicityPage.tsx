import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, download, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { AidHeader, TermSelect } from './AidHeader';
import { useAidTerms } from './hooks';
import { PUBLICITY_STATES, termText } from './labels';
import type { PublicityList, PublicityRow } from './types';

/** 公示: each school's 公示 window for a term; the list itself shows only 姓名, 学校, 年级, 班级 and program. */
export default function PublicityPage() {
  const { county, can } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const terms = useAidTerms(county?.code);
  const term = params.get('term') ?? terms.data?.[0];
  const [publishing, setPublishing] = useState<PublicityRow>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [error, setError] = useState<string>();
  const [viewing, setViewing] = useState<number>();
  const schools = useQuery({
    queryKey: ['aid', 'publicity', county?.code, term],
    queryFn: () => api<PublicityRow[]>(`/api/aid/publicity${qs({ county: county?.code, term })}`),
    enabled: !!county && !!term,
  });
  const list = useQuery({
    queryKey: ['aid', 'publicity-rows', county?.code, viewing],
    queryFn: () => api<PublicityList>(`/api/aid/publicity/${viewing}/rows${qs({ county: county?.code })}`),
    enabled: !!county && viewing !== undefined,
    retry: false,
  });
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  const publish = async () => {
    if (!publishing || !range?.[0] || !range[1]) return;
    setError(undefined);
    try {
      await api(`/api/aid/publicity${qs({ county: county.code })}`, {
        body: {
          schoolId: publishing.school_id,
          term,
          startsOn: range[0].format('YYYY-MM-DD'),
          endsOn: range[1].format('YYYY-MM-DD'),
        },
      });
      message.success(`已发布${publishing.school_name}资助公示`);
      setPublishing(undefined);
      await client.invalidateQueries({ queryKey: ['aid', 'publicity'] });
    } catch (e) {
      setError(e instanceof Error ? e.message : '发布失败');
    }
  };
  const withdraw = async (id: number) => {
    try {
      await api(`/api/aid/publicity/${id}/withdraw${qs({ county: county.code })}`, { method: 'POST' });
      message.success('公示已撤下');
      await client.invalidateQueries({ queryKey: ['aid', 'publicity'] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : '撤下失败');
    }
  };
  return (
    <div className="jg-page">
      <AidHeader
        subtitle="公示名单只含姓名、学校、年级、班级和资助项目，不含身份证号、住址、电话、出生日期和银行卡号；期满撤下"
        extra={
          <TermSelect
            value={term}
            terms={terms.data}
            onChange={(v) => setParams(v ? { term: v } : {}, { replace: true })}
          />
        }
      />
      <Card title={`${termText(term)}各校资助公示`}>
        {schools.error && <Alert type="error" showIcon title={(schools.error as Error).message} />}
        <Table<PublicityRow>
          rowKey="school_id"
          size="middle"
          data-testid="aid-publicity"
          loading={schools.isLoading && !!term}
          dataSource={schools.data}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 所学校` }}
          locale={{ emptyText: <Empty description={`${termText(term)}没有学校资助名单`} /> }}
          columns={[
            { title: '学校', dataIndex: 'school_name' },
            { title: '名单', dataIndex: 'lists', align: 'right', render: (n: number) => `${n}份` },
            { title: '人次', dataIndex: 'rows', align: 'right' },
            {
              title: '公示期',
              key: 'window',
              render: (_: unknown, r) => (r.starts_on ? `${r.starts_on} 至 ${r.ends_on}` : '未发布'),
            },
            {
              title: '状态',
              dataIndex: 'state',
              render: (s: string | null) =>
                s ? <Tag color={PUBLICITY_STATES[s]?.color}>{PUBLICITY_STATES[s]?.label ?? s}</Tag> : <Tag>未公示</Tag>,
            },
            {
              title: '操作',
              key: 'actions',
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  {r.id && r.state === 'active' && (
                    <>
                      <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(r.id ?? undefined)}>
                        查看名单
                      </Button>
                      <Button
                        size="small"
                        icon={<DownloadOutlined />}
                        onClick={() => download(`/api/aid/publicity/${r.id}/export${qs({ county: county.code })}`)}
                      >
                        导出公示名单
                      </Button>
                    </>
                  )}
                  {can('aid.import') && (
                    <Button
                      size="small"
                      onClick={() => {
                        setPublishing(r);
                        setError(undefined);
                        setRange([dayjs(), dayjs().add(4, 'day')]);
                      }}
                    >
                      {r.id ? '调整公示期' : '发布公示'}
                    </Button>
                  )}
                  {can('aid.import') && r.id && (r.state === 'active' || r.state === 'scheduled') && (
                    <Popconfirm title="确定提前撤下该公示？" onConfirm={() => withdraw(r.id as number)}>
                      <Button size="small" danger>
                        撤下
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!publishing}
        title={`发布资助公示：${publishing?.school_name ?? ''}`}
        okText="发布"
        onOk={publish}
        okButtonProps={{ disabled: !range?.[0] || !range[1] }}
        onCancel={() => setPublishing(undefined)}
      >
        <p>公示期一般为5个工作日，最长30天，期满后名单自动撤下。</p>
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} aria-label="公示期" />
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      </Modal>
      <Modal
        open={viewing !== undefined}
        title={list.data?.title ?? '公示名单'}
        footer={null}
        width={760}
        onCancel={() => setViewing(undefined)}
      >
        {list.error ? (
          <Alert type="error" showIcon title={(list.error as Error).message} />
        ) : (
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.rows}
            pagination={{ pageSize: 15, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人次` }}
            columns={(['姓名', '学校', '年级', '班级', '资助项目'] as const).map((h) => ({ title: h, dataIndex: h }))}
          />
        )}
      </Modal>
    </div>
  );
}
