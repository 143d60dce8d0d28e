import { displayDecimals } from '@domain/indicators/display';

/** A standard a value is judged against: its display never rounds a failing value into a passing-looking one. */
export interface Judge {
  threshold: number | null | undefined;
  direction: 'higher' | 'lower';
}

/** Numbers as Chinese reports write them: a rate with two decimals and %, a change in a rate in 百分点. */
export function formatValue(value: number | null | undefined, decimals: number, unit = '', judge?: Judge): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const shown = judge ? displayDecimals(value, decimals, judge.threshold, judge.direction) : decimals;
  const text = value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: shown });
  return unit && unit !== '%'
    ? `${text}${unit === '人/百生' || unit === '间/百生' || unit === '台/百生' ? '' : unit}`
    : `${text}${unit}`;
}

export function formatChange(change: number | null | undefined, decimals: number, changeUnit: string): string {
  if (change === null || change === undefined) return '';
  if (Math.abs(change) < 10 ** -decimals / 2) return '与上年持平';
  const sign = change > 0 ? '+' : '−';
  return `${sign}${Math.abs(change).toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}${changeUnit === '%' ? '' : changeUnit}`;
}

export const schoolYearLabel = (year: number) => `${year}-${year + 1}学年`;
