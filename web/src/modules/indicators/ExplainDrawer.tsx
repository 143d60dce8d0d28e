import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { formatValue, schoolYearLabel } from '../../shared/format';
import type { ExplainTarget, IndicatorValue } from './types';

interface Explanation {
  indicator: {
    id: string;
    name: string;
    unit: string;
    rate: boolean;
    decimals: number;
    direction: 'higher' | 'lower';
    formula: string;
    sources: string[];
  };
  scope: { level: string; id: string; name: string; stageLabel: string };
  schoolYear: number;
  value: IndicatorValue;
  threshold: { value: number | null; source: string | null; province: string; from: number } | null;
  tables: {
    title: string;
    columns: { key: string; title: string }[];
    rows: Record<string, string | number | null>[];
  }[];
}

/** The formula, the standard and its source, and the records behind one number. */
export function ExplainDrawer({ target, onClose }: { target: ExplainTarget | undefined; onClose(): void }) {
  const { county } = useSession();
  const { data, isLoading, error } = useQuery({
    queryKey: ['explain', county?.code, target],
    queryFn: () =>
      api<Explanation>(
        `/api/indicators/explain${qs({ county: county?.code, year: target!.year, indicator: target!.indicator, level: target!.level, scopeId: target!.scopeId, stage: target!.stage })}`,
      ),
    enabled: !!target,
  });
  const d = data?.indicator;
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={760}
      title={d ? `${d.name} · ${data.scope.name}` : '指标说明'}
      destroyOnHidden
    >
      {isLoading && <Skeleton active />}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && d && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="explain">
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="数值">
              <Typography.Text strong style={{ fontSize: 18 }}>
                {formatValue(data.value.v, d.decimals, d.unit, { threshold: data.value.t, direction: d.direction })}
              </Typography.Text>
              {data.value.s !== 'none' && (
                <Tag color={data.value.s === 'pass' ? 'green' : 'red'} style={{ marginLeft: 8 }}>
                  {data.value.s === 'pass' ? '达标' : '未达标'}
                </Tag>
              )}
              {data.value.n !== undefined && data.value.d !== undefined && (
                <span className="jg-muted" style={{ marginLeft: 8 }}>
                  （分子 {data.value.n.toLocaleString('zh-CN')}，分母 {data.value.d.toLocaleString('zh-CN')}）
                </span>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="范围">
              {data.scope.name} · {data.scope.stageLabel} · {schoolYearLabel(data.schoolYear)}
            </Descriptions.Item>
            <Descriptions.Item label="计算公式">{d.formula}</Descriptions.Item>
            {data.threshold && (
              <Descriptions.Item label="标准">
                {d.direction === 'higher' ? '不低于' : '不高于'} {data.threshold.value} {d.unit}
                <div className="jg-muted">
                  依据：{data.threshold.source}（
                  {data.threshold.province === '00' ? '全国' : `省级代码${data.threshold.province}`}，
                  {data.threshold.from}年起）
                </div>
              </Descriptions.Item>
            )}
            <Descriptions.Item label="文件依据">{d.sources.join('；')}</Descriptions.Item>
            {typeof data.value.x?.reason === 'string' && (
              <Descriptions.Item label="说明">{data.value.x.reason}</Descriptions.Item>
            )}
          </Descriptions>
          {data.tables.map((table) => (
            <div key={table.title}>
              <Typography.Title level={5} style={{ marginTop: 8 }}>
                {table.title}
              </Typography.Title>
              <Table
                size="small"
                rowKey={(_, i) => String(i)}
                scroll={{ x: 'max-content' }}
                pagination={table.rows.length > 15 ? { pageSize: 15 } : false}
                dataSource={table.rows}
                columns={table.columns.map((c) => ({
                  title: c.title,
                  dataIndex: c.key,
                  render: (v: unknown) =>
                    typeof v === 'number'
                      ? v.toLocaleString('zh-CN', { maximumFractionDigits: 4 })
                      : ((v as string) ?? '—'),
                }))}
              />
            </div>
          ))}
        </Space>
      )}
    </Drawer>
  );
}
