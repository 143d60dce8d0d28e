import type { FactPeriod } from '@domain/report/facts';
import type { FlagState } from './convert';

export const periodLabel = (period: FactPeriod | undefined): string =>
  !period ? '—' : period.kind === 'year' ? `${period.year}年` : `${period.schoolYear}-${period.schoolYear + 1}学年`;

/** A fact value with its unit as the hover card shows it (money stays exact, in 元). */
export function valueLabel(value: number | string | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 4 })}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
}

export const FLAG_LABELS: Record<FlagState, { label: string; color: string; help: string }> = {
  current: { label: '与数据一致', color: 'blue', help: '数字来自数据，与最新数据一致' },
  edited: { label: '已手工改动', color: 'orange', help: '数字的文字被手工改动，已与数据不一致' },
  stale: { label: '数据已更新', color: 'red', help: '成稿后数据已变化，文中数字已过时' },
  missing: { label: '数据已不存在', color: 'red', help: '该数字所依据的数据已不存在' },
  untagged: { label: '手工输入', color: 'gold', help: '手工输入的数字，没有关联的数据来源' },
};
