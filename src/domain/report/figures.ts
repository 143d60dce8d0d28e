/**
 * Runs that state figures of facts, each tagged with the fact it phrases. All wording of numbers comes from
 * `domain/phrasing`; this file only picks the phrasing for a fact and attaches the tag.
 */

import { compareCounts } from '../phrasing/compare';
import { approximateCount, formatCount } from '../phrasing/count';
import { roundNumber, trimTrailingZeros } from '../phrasing/decimal';
import { formatWan, type MoneyStyle, parseYuanToFen } from '../phrasing/money';
import { chineseNumeral } from '../phrasing/numerals';
import { formatRate, rateComparison } from '../phrasing/rate';
import type { NumericFact, ReportContext } from './context';
import { figure, type Run, text } from './draft';
import type { Fact } from './facts';

/**
 * A figure that states a fact's threshold rather than its value is tagged `<fact id>#threshold` with the threshold's
 * value: FactRef has no field to say which part of a fact a run states (see the proposal in the report).
 */
export const THRESHOLD_REF_SUFFIX = '#threshold';

export const thresholdFactId = (factId: string): string => `${factId}${THRESHOLD_REF_SUFFIX}`;

/** '30名', '34915人': the fact's count with its unit, or another measure word for the same thing. */
export function countRun(fact: NumericFact, unit: string = fact.unit): Run {
  return figure(formatCount(fact.value, unit), fact.id, fact.value);
}

/** '1.4万余人次': truncated, with 余 when digits were dropped. A fractional count (学时) is truncated first. */
export function approximateRun(fact: NumericFact, unit: string = fact.unit): Run {
  return figure(approximateCount(Math.floor(fact.value), unit), fact.id, fact.value);
}

/** '88.10%'. */
export function rateRun(fact: NumericFact): Run {
  return figure(formatRate(fact.value), fact.id, fact.value);
}

/** A plain decimal, half-up, trailing zeros kept: 差异系数 '0.562' (3), 生师比 '16.52' (2). */
export function decimalRun(fact: NumericFact, decimals: number, suffix = ''): Run {
  return figure(`${roundNumber(fact.value, decimals)}${suffix}`, fact.id, fact.value);
}

/** An amount in 万元. Facts carry money in 分 (aid) or 元 (facts.ts); both are phrased from exact fen. */
export function moneyRun(fact: NumericFact, style: MoneyStyle = 'auto'): Run | undefined {
  const fen = fact.unit === '分' ? fact.value : parseYuanToFen(fact.value);
  if (fen === undefined || !Number.isSafeInteger(fen) || fen < 0) return undefined;
  return figure(formatWan(fen, style), fact.id, fact.value);
}

/** '较上年增加187人，增长18.9%', tagged with this year's fact; undefined without last year's value. */
export function countChangeRun(ctx: ReportContext, fact: NumericFact, unit: string = fact.unit): Run | undefined {
  const previous = ctx.previousValue(fact.id);
  if (previous === undefined || !isCount(previous) || !isCount(fact.value)) return undefined;
  return figure(compareCounts(fact.value, previous, unit), fact.id, fact.value);
}

/** '较上年提高1.2个百分点' or '与上年持平', tagged with this year's fact; undefined without last year's value. */
export function rateChangeRun(ctx: ReportContext, fact: NumericFact): Run | undefined {
  const previous = ctx.previousValue(fact.id);
  if (previous === undefined) return undefined;
  return figure(rateComparison(fact.value, previous), fact.id, fact.value);
}

/**
 * A threshold as a standard or target is written: '80%', '0.50' (two decimals, as the 办法 print 差异系数 limits).
 * Rates drop trailing zeros ("稳定在90%以上"); the figure is tagged `<id>#threshold`.
 */
export function thresholdRun(fact: Fact & { threshold: NonNullable<Fact['threshold']> }, rate: boolean): Run {
  const value = fact.threshold.value;
  const rendered = rate ? `${trimTrailingZeros(roundNumber(value, 2))}%` : roundNumber(value, 2);
  return figure(rendered, thresholdFactId(fact.id), value);
}

/** Runs joined by a separator: 、 for lists, ， for clauses. */
export function joinRuns(parts: readonly (readonly Run[])[], separator = '、'): Run[] {
  const out: Run[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(text(separator));
    out.push(...part);
  });
  return out;
}

/** '小学、初中生师比分别为16.52、13.2' or '小学生师比为16.52': names before, figures after. */
export function respectively(names: readonly string[], figures: readonly Run[], lead = ''): Run[] {
  return [
    text(`${names.join('、')}${lead}${figures.length > 1 ? '分别为' : '为'}`),
    ...joinRuns(figures.map((run) => [run])),
  ];
}

/**
 * 一是……；二是……。 over runs, so tagged figures survive: the same text as `enumerate` of phrasing/numerals gives for
 * the items' plain text (the tests hold the two together).
 */
export function enumerateRuns(items: readonly (readonly Run[])[]): Run[] {
  const present = items.filter((item) => item.length > 0);
  if (present.length === 0) return [];
  const out: Run[] = [];
  present.forEach((item, index) => {
    out.push(text(`${index > 0 ? '；' : ''}${chineseNumeral(index + 1)}是`), ...item);
  });
  out.push(text('。'));
  return mergePlainRuns(out);
}

/** Adjacent untagged runs merged into one, so the draft stays small and its text easy to read. */
export function mergePlainRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && !last.fact && !run.fact) out[out.length - 1] = text(last.text + run.text);
    else out.push(run);
  }
  return out;
}

/** At most this many schools are named in a sentence; more are only counted. */
export const MAX_NAMED_SCHOOLS = 5;

/** '（红旗小学、东风小学）' when there are few schools to name, otherwise nothing. */
export function namedSchools(schools: readonly string[]): string {
  return schools.length > 0 && schools.length <= MAX_NAMED_SCHOOLS ? `（${schools.join('、')}）` : '';
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
