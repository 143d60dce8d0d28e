import { AID_CATEGORIES, HARDSHIP_LEVELS } from '@domain/aid/categories';
import { AID_CHECK_RULES } from '@domain/aid/check-rules';
import { AID_STAGES, REPORT_GROUPS } from '@domain/aid/types';
import { parseTerm, termLabel } from '@domain/period';
import type { BatchStatus } from './types';

export const BATCH_STATUS: Record<BatchStatus, { label: string; color: string }> = {
  draft: { label: '待提交', color: 'default' },
  submitted: { label: '待审核', color: 'processing' },
  reviewed: { label: '待发放', color: 'blue' },
  paid: { label: '已发放', color: 'green' },
};
export const batchStatusOptions = Object.entries(BATCH_STATUS).map(([value, s]) => ({ value, label: s.label }));

/** Actions as the workflow names them (batch-workflow.ts), plus the batch's creation. */
export const BATCH_ACTIONS: Record<string, string> = {
  create: '生成批次',
  submit: '提交审核',
  return: '退回修改',
  review: '审核通过',
  pay: '确认发放',
};

/** '2024-autumn' → '2024年秋季学期'. */
export function termText(code: string | null | undefined): string {
  if (!code) return '';
  const term = parseTerm(code);
  return term ? termLabel(term) : code;
}

/** Fen as 元 with thousands separators and two decimals: 3125000 → '31,250.00'. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Fen as 万元 with two decimals for tables: 806620050 → '806.62'. */
export function wan(fen: number): string {
  return (fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export const stageLabel = (stage: string) => AID_STAGES[stage as keyof typeof AID_STAGES] ?? stage;
export const groupLabel = (group: string) => REPORT_GROUPS[group as keyof typeof REPORT_GROUPS] ?? group;
export const categoryLabel = (code: string) => AID_CATEGORIES[code as keyof typeof AID_CATEGORIES]?.label ?? code;
export const hardshipLabel = (code: string | null) =>
  code ? (HARDSHIP_LEVELS[code as keyof typeof HARDSHIP_LEVELS] ?? code) : '';

export function ruleInfo(rule: string): { label: string; blocking: boolean } {
  const known = AID_CHECK_RULES[rule as keyof typeof AID_CHECK_RULES];
  return known ? { label: known.label, blocking: known.severity === 'block' } : { label: rule, blocking: false };
}

export const UNIT_LABELS: Record<string, string> = {
  year: '每生每年',
  term: '每生每学期',
  once: '每生一次',
  day: '每生每天',
};
export const BASIS_LABELS: Record<string, string> = {
  fixed: '按标准定额',
  ceiling: '不超过上限',
  per_day: '按天计',
};
export const VERIFICATION_LABELS: Record<string, { label: string; color: string }> = {
  src: { label: '有文件依据', color: 'green' },
  computed: { label: '推算', color: 'gold' },
  unverified: { label: '待核实', color: 'orange' },
  local: { label: '本县配置', color: 'blue' },
};

export const PUBLICITY_STATES: Record<string, { label: string; color: string }> = {
  scheduled: { label: '待公示', color: 'default' },
  active: { label: '公示中', color: 'green' },
  ended: { label: '已到期撤下', color: 'default' },
  withdrawn: { label: '已撤下', color: 'orange' },
};

/** '较上年增加187人次，增长18.9%' → red for a fall, green for a rise, grey otherwise. */
export function changeColor(text: string | null): string | undefined {
  if (!text) return undefined;
  if (text.includes('增加')) return '#15803d';
  if (text.includes('减少')) return '#b91c1c';
  return '#6b7280';
}
