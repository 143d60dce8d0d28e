import { Table, Tag } from 'antd';
import { changeColor, groupLabel, wan } from './labels';
import type { TotalRow } from './types';

/** Totals of one breakdown with the previous year beside them and the change as the reports phrase it. */
export function TotalsTable(props: { rows: TotalRow[]; first: string; hasPrevious: boolean; testId: string }) {
  return (
    <Table<TotalRow>
      rowKey="key"
      size="small"
      data-testid={props.testId}
      dataSource={props.rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本年度没有已发放的资助' }}
      columns={[
        {
          title: props.first,
          dataIndex: 'label',
          render: (label: string, row) => (
            <span>
              {label}
              {row.reportGroup && row.reportGroup !== 'school_aid' && (
                <Tag style={{ marginLeft: 6 }}>{groupLabel(row.reportGroup)}</Tag>
              )}
            </span>
          ),
        },
        { title: '人次', dataIndex: 'personTimes', align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
        { title: '人数', dataIndex: 'persons', align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
        { title: '金额(万元)', dataIndex: 'amountFen', align: 'right', render: wan },
        ...(props.hasPrevious
          ? [
              {
                title: '上年人次',
                key: 'prevTimes',
                align: 'right' as const,
                render: (_: unknown, r: TotalRow) => r.previous?.personTimes.toLocaleString('zh-CN') ?? '—',
              },
              {
                title: '上年金额(万元)',
                key: 'prevAmount',
                align: 'right' as const,
                render: (_: unknown, r: TotalRow) => (r.previous ? wan(r.previous.amountFen) : '—'),
              },
              {
                title: '人次同比',
                dataIndex: 'personTimesChange',
                render: (t: string | null) => <span style={{ color: changeColor(t) }}>{t ?? '—'}</span>,
              },
              {
                title: '金额同比',
                dataIndex: 'amountChange',
                render: (t: string | null) => <span style={{ color: changeColor(t) }}>{t ?? '—'}</span>,
              },
            ]
          : []),
      ]}
    />
  );
}
