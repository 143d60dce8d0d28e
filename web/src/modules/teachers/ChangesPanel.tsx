import { RECRUITMENT_CHANNELS, TRANSFER_KINDS } from '@domain/teachers/vocab';
import { Card, Col, Descriptions, Row } from 'antd';
import { Chart } from '../../shared/Chart';
import { channelLabel, transferKindLabel } from './labels';
import type { TeacherSummary } from './types';

function barOption(data: { name: string; value: number }[], color: string) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: '{b}：{c}人' },
    grid: { left: 96, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: data.map((d) => d.name), inverse: true, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color },
        label: { show: true, position: 'right', formatter: '{c}人' },
        data: data.map((d) => d.value),
      },
    ],
  };
}

/** The year's changes from the events: hires by channel, transfers by kind, and the other counts. */
export function ChangesPanel({ summary }: { summary: TeacherSummary }) {
  const { changes, year } = summary;
  const hires = Object.keys(RECRUITMENT_CHANNELS)
    .map((c) => ({ name: channelLabel(c), value: changes.hiresByChannel[c] ?? 0 }))
    .filter((d) => d.value > 0);
  const transfers = Object.keys(TRANSFER_KINDS)
    .map((k) => ({ name: transferKindLabel(k), value: changes.transfersByKind[k] ?? 0 }))
    .filter((d) => d.value > 0);
  const n = (kind: string) => `${changes.byKind[kind] ?? 0}人`;
  const height = (rows: number) => Math.max(120, rows * 34 + 40);
  return (
    <Card size="small" title={`${year}年队伍变动`} style={{ marginTop: 12 }} data-testid="changes-panel">
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <h4 style={{ margin: '4px 0 8px' }}>新补充教师（按补充渠道）</h4>
          {hires.length ? (
            <Chart style={{ height: height(hires.length) }} option={barOption(hires, '#16a34a')} />
          ) : (
            <div className="jg-muted">当年无新补充教师</div>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <h4 style={{ margin: '4px 0 8px' }}>交流调动（按方式）</h4>
          {transfers.length ? (
            <Chart style={{ height: height(transfers.length) }} option={barOption(transfers, '#2563eb')} />
          ) : (
            <div className="jg-muted">当年无调动</div>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <h4 style={{ margin: '4px 0 8px' }}>其他变动</h4>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="职称晋升">{n('title_promotion')}</Descriptions.Item>
            <Descriptions.Item label="骨干认定">{n('backbone')}</Descriptions.Item>
            <Descriptions.Item label="表彰奖励">{n('honor')}</Descriptions.Item>
            <Descriptions.Item label="师德考核">{n('ethics_review')}</Descriptions.Item>
            <Descriptions.Item label="退休">{n('retirement')}</Descriptions.Item>
            <Descriptions.Item label="离职">{n('resignation')}</Descriptions.Item>
            <Descriptions.Item label="师德不合格" span={2}>
              <span style={{ color: changes.ethicsUnqualified ? '#dc2626' : undefined }}>
                {changes.ethicsUnqualified}人（当年度晋升、评优一票否决）
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Col>
      </Row>
    </Card>
  );
}
