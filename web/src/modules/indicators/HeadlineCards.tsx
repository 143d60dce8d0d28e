import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tag, Typography } from 'antd';
import { formatChange, formatValue } from '../../shared/format';
import type { Comparison, ExplainTarget } from './types';

const STAGE_IN_NAME = new Set([
  'staff_shortage',
  'quality_school_pass_share',
  'basic_composite_cv',
  'student_teacher_ratio',
]);

/** One card per key county indicator: this year, last year, the change (百分点 for rates) and the standard. */
export function HeadlineCards({
  items,
  year,
  onExplain,
}: {
  items: Comparison[];
  year: number;
  onExplain(target: ExplainTarget): void;
}) {
  return (
    <Row gutter={[12, 12]}>
      {items.map((item) => {
        const better =
          item.change === null || item.change === 0 ? null : item.change > 0 === (item.direction === 'higher');
        return (
          <Col xs={24} sm={12} lg={8} xl={6} key={`${item.id}-${item.stage}`}>
            <Card
              size="small"
              hoverable
              onClick={() =>
                onExplain({ year, indicator: item.id, level: 'county', scopeId: item.scopeId, stage: item.stage })
              }
              style={{
                height: '100%',
                borderTop: `3px solid ${item.status === 'fail' ? '#dc2626' : item.status === 'pass' ? '#16a34a' : '#cbd5e1'}`,
              }}
              data-testid={`headline-${item.id}-${item.stage}`}
            >
              <div className="jg-muted" style={{ fontSize: 13, minHeight: 20 }}>
                {item.name}
                {STAGE_IN_NAME.has(item.id) ? `（${item.stageLabel}）` : ''}
              </div>
              <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, margin: '4px 0' }}>
                <Typography.Text strong style={{ fontSize: 24 }}>
                  {formatValue(item.value, item.decimals, item.unit, item)}
                </Typography.Text>
                {item.status !== 'none' && (
                  <Tag color={item.status === 'pass' ? 'green' : 'red'}>
                    {item.status === 'pass' ? '达标' : '未达标'}
                  </Tag>
                )}
              </div>
              <div style={{ fontSize: 12, color: '#6b7280', display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <span>
                  上年 {formatValue(item.previous, item.decimals, item.unit)}
                  {item.change !== null && (
                    <span
                      style={{ marginLeft: 6, color: better === null ? '#6b7280' : better ? '#16a34a' : '#dc2626' }}
                    >
                      {item.change > 0 ? <ArrowUpOutlined /> : item.change < 0 ? <ArrowDownOutlined /> : null}{' '}
                      {formatChange(item.change, item.decimals, item.changeUnit)}
                    </span>
                  )}
                </span>
                {item.threshold !== null && (
                  <span>
                    标准{item.direction === 'higher' ? '≥' : '≤'}
                    {item.threshold}
                    {item.unit === '%' ? '%' : ''}
                  </span>
                )}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
