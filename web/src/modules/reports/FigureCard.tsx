import { LinkOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FlagState } from './convert';
import { FLAG_LABELS, periodLabel, valueLabel } from './labels';
import type { FactSource } from './types';

const THRESHOLD = '#threshold';

export type HoveredFigure = { top: number; left: number; text: string } & (
  | {
      kind: 'figure';
      factId: string;
      /** The value the figure was written from. */
      value: number | string | null;
      rendered: string | null;
      state: FlagState;
    }
  | { kind: 'untagged' }
);

interface Props {
  hovered: HoveredFigure;
  facts: Record<string, FactSource>;
  width: number;
  onMouseEnter(): void;
  onMouseLeave(): void;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="jg-figure-card-row">
      <span className="jg-figure-card-label">{label}</span>
      <span>{children}</span>
    </div>
  );
}

/** The source of a hovered figure: its fact's label, value, unit, period, scope and formula, and where the records are. */
export function FigureCard({ hovered, facts, width, onMouseEnter, onMouseLeave }: Props) {
  const style = { top: hovered.top, left: hovered.left, width };
  const common = { className: 'jg-figure-card', style, onMouseEnter, onMouseLeave, 'data-testid': 'figure-card' };
  if (hovered.kind === 'untagged') {
    const flag = FLAG_LABELS.untagged;
    return (
      <div {...common} role="tooltip">
        <div className="jg-figure-card-title">
          <span>“{hovered.text}”</span>
          <Tag color={flag.color}>{flag.label}</Tag>
        </div>
        <div className="jg-muted">{flag.help}。请核实，或改用按数据生成的表述。</div>
      </div>
    );
  }
  const isThreshold = hovered.factId.endsWith(THRESHOLD);
  const baseId = isThreshold ? hovered.factId.slice(0, -THRESHOLD.length) : hovered.factId;
  const fact = facts[baseId];
  const flag = FLAG_LABELS[hovered.state];
  const now = isThreshold ? (fact?.threshold?.value ?? null) : fact?.value;
  return (
    <div {...common} role="tooltip">
      <div className="jg-figure-card-title">
        <span>
          {fact?.label ?? '未知数据'}
          {isThreshold && '（标准）'}
        </span>
        <Tag color={flag.color}>{flag.label}</Tag>
      </div>
      <Row label="文中">“{hovered.text}”</Row>
      {fact ? (
        <>
          <Row label="数据">
            <b>{valueLabel(now, fact.unit)}</b>
            {hovered.state === 'stale' && (
              <span className="jg-figure-card-warn">（成稿时为 {valueLabel(hovered.value, fact.unit)}）</span>
            )}
          </Row>
          {!isThreshold && fact.threshold && (
            <Row label="标准">
              {fact.threshold.direction === 'lower' ? '≤' : '≥'}
              {valueLabel(fact.threshold.value, fact.unit)}（{fact.threshold.pass ? '达标' : '未达标'}）
            </Row>
          )}
          <Row label="统计期">{periodLabel(fact.period)}</Row>
          {fact.scope && <Row label="范围">{fact.scope.name}</Row>}
          <Row label="口径">{fact.formula}</Row>
        </>
      ) : (
        <Row label="数据">该数据已不存在</Row>
      )}
      {hovered.state === 'edited' && hovered.rendered !== null && (
        <Row label="原文">
          <span className="jg-figure-card-warn">“{hovered.rendered}”（文字已被改动，请核实）</span>
        </Row>
      )}
      <div className="jg-figure-card-foot">
        <code>{hovered.factId}</code>
        {fact?.href && (
          <Link to={fact.href}>
            <LinkOutlined /> 查看数据来源
          </Link>
        )}
      </div>
    </div>
  );
}
