import { Segmented, Tooltip } from 'antd';
import { useState } from 'react';
import { formatValue } from '../../shared/format';
import type { Dashboard, ExplainTarget, IndicatorValue } from './types';

type Township = Dashboard['townships'][number];

const MEASURES: {
  key: string;
  label: string;
  unit: string;
  decimals: number;
  pick(t: Township): IndicatorValue | number | null;
  indicator?: string;
  stage?: ExplainTarget['stage'];
  worse: 'high' | 'low';
}[] = [
  {
    key: 'large',
    label: '大班额比例',
    unit: '%',
    decimals: 2,
    pick: (t) => t.largeClassShare,
    indicator: 'large_class_share',
    stage: 'compulsory',
    worse: 'high',
  },
  { key: 'staff', label: '教职工缺编', unit: '人', decimals: 0, pick: (t) => t.staffShortage, worse: 'high' },
  {
    key: 'pass',
    label: '小学资源配置达标率',
    unit: '%',
    decimals: 2,
    pick: (t) => t.primaryPassShare,
    indicator: 'quality_school_pass_share',
    stage: 'primary',
    worse: 'low',
  },
  {
    key: 'inclusive',
    label: '普惠覆盖率',
    unit: '%',
    decimals: 2,
    pick: (t) => t.inclusiveCoverage,
    indicator: 'inclusive_coverage',
    stage: 'preschool',
    worse: 'low',
  },
];

const numberOf = (v: IndicatorValue | number | null) => (v === null ? null : typeof v === 'number' ? v : v.v);

/** A map-like grid of the townships, shaded by how they stand on one measure. */
export function TownshipTiles({
  townships,
  year,
  onExplain,
}: {
  townships: Township[];
  year: number;
  onExplain(target: ExplainTarget): void;
}) {
  const [measureKey, setMeasureKey] = useState('large');
  const measure = MEASURES.find((m) => m.key === measureKey)!;
  const values = townships.map((t) => numberOf(measure.pick(t))).filter((v): v is number => v !== null);
  const max = Math.max(...values, 0);
  const min = Math.min(...values, max);
  const shade = (v: number | null) => {
    if (v === null || max === min) return '#eef2f7';
    const badness = measure.worse === 'high' ? (v - min) / (max - min) : (max - v) / (max - min);
    // Green for the best township, through neutral, to red for the worst.
    return badness < 0.5 ? `rgba(22, 163, 74, ${0.22 - badness * 0.4})` : `rgba(220, 38, 38, ${(badness - 0.5) * 1.1})`;
  };
  return (
    <div>
      <Segmented
        size="small"
        value={measureKey}
        onChange={(v) => setMeasureKey(v as string)}
        options={MEASURES.map((m) => ({ value: m.key, label: m.label }))}
        style={{ marginBottom: 12 }}
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 8 }}>
        {townships.map((t) => {
          const raw = measure.pick(t);
          const v = numberOf(raw);
          const status = raw && typeof raw !== 'number' ? raw.s : 'none';
          return (
            <Tooltip
              key={t.townshipId}
              title={`${t.name}：义务教育在校生${t.compulsoryStudents.toLocaleString('zh-CN')}人`}
            >
              <div
                onClick={() =>
                  measure.indicator &&
                  onExplain({
                    year,
                    indicator: measure.indicator,
                    level: 'township',
                    scopeId: String(t.townshipId),
                    stage: measure.stage!,
                  })
                }
                style={{
                  background: shade(v),
                  borderRadius: 6,
                  padding: '10px 12px',
                  cursor: measure.indicator ? 'pointer' : 'default',
                  border: status === 'fail' ? '1px solid #fca5a5' : '1px solid #e5e7eb',
                }}
              >
                <div style={{ fontWeight: 600 }}>{t.name}</div>
                <div style={{ fontSize: 18 }}>{formatValue(v, measure.decimals, measure.unit)}</div>
              </div>
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}
