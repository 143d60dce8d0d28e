/**
 * Counts in generated text (PRODUCT.md §5). 人次 is for flows (aid paid each term, training), 人 for stocks (teachers,
 * students): the caller knows which it has and picks the helper. No thousands separators: the seeds write 11834人次.
 */
import { divideToFixed, trimTrailingZeros } from './decimal';

/** '11834人次', '993人', '20所'. */
export function formatCount(count: number, unit: string): string {
  assertCount(count);
  return `${count}${unit}`;
}

/** A flow: each payment, each training, each visit counts once (人次). */
export const personTimes = (count: number): string => formatCount(count, '人次');

/** A stock: distinct people (人). */
export const persons = (count: number): string => formatCount(count, '人');

export interface ApproximateCountOptions {
  /** Significant digits kept before 余; the seeds keep two (1.4万余人次, 2.6万余人次, 1500余台). */
  significantDigits?: number;
}

/**
 * An approximate count with 余 after the magnitude: 14,210 → '1.4万余人次', 236 → '230余条' (or '200余条' with one
 * significant digit). Digits are truncated, never rounded up: 余 promises "at least", so 1.5万余 for 14,999 would be
 * false. From 1万 on the figure is written in 万. A count that loses nothing is written without 余.
 */
export function approximateCount(count: number, unit: string, options: ApproximateCountOptions = {}): string {
  assertCount(count);
  const significant = options.significantDigits ?? 2;
  if (!Number.isInteger(significant) || significant < 1) throw new RangeError(`bad significantDigits ${significant}`);
  if (count < 10) return formatCount(count, unit);
  const dropped = Math.max(String(count).length - significant, 0);
  const factor = 10 ** dropped;
  const kept = Math.floor(count / factor) * factor;
  const text = kept >= 10_000 ? `${trimTrailingZeros(divideToFixed(kept, 10_000, 4))}万` : String(kept);
  return `${text}${kept < count ? '余' : ''}${unit}`;
}

function assertCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`expected a non-negative integer, got ${count}`);
}
