/**
 * Year-over-year comparisons of counts and amounts (PRODUCT.md §5): '较上年增加187人，增长18.9%'. For rates use
 * `rateComparison` (百分点) instead.
 */
import { divideToFixed, trimTrailingZeros } from './decimal';
import { formatWan } from './money';

export interface ComparisonOptions {
  /** What is compared against: 上年 (default), 去年, 2023年. */
  against?: string;
  /**
   * Decimals of the growth percentage, half-up, trailing zeros dropped. Default 1: PRODUCT.md writes 增长18.9% for
   * 1174 against 987 (seed 003's 中考 600分以上), which is 18.946%.
   */
  decimals?: number;
}

/**
 * '较上年增加187人，增长18.9%', '较上年减少12所，下降7.5%', '与上年持平'. When the previous figure is zero there is
 * no growth rate, and only the difference is written.
 */
export function compareCounts(
  current: number,
  previous: number,
  unit: string,
  options: ComparisonOptions = {},
): string {
  assertNonNegativeInteger(current);
  assertNonNegativeInteger(previous);
  return comparison(current, previous, (difference) => `${difference}${unit}`, options);
}

/** '较上年增加120.4万元，增长12.5%', amounts in integer fen; the difference is written exactly in 万元. */
export function compareMoney(currentFen: number, previousFen: number, options: ComparisonOptions = {}): string {
  assertNonNegativeInteger(currentFen);
  assertNonNegativeInteger(previousFen);
  return comparison(currentFen, previousFen, (difference) => formatWan(difference, 'exact'), options);
}

function comparison(
  current: number,
  previous: number,
  writeDifference: (difference: number) => string,
  options: ComparisonOptions,
): string {
  const against = options.against ?? '上年';
  const difference = current - previous;
  if (difference === 0) return `与${against}持平`;
  const magnitude = Math.abs(difference);
  const [change, growth] = difference > 0 ? ['增加', '增长'] : ['减少', '下降'];
  const head = `较${against}${change}${writeDifference(magnitude)}`;
  if (previous === 0) return head;
  const percent = trimTrailingZeros(divideToFixed(BigInt(magnitude) * 100n, previous, options.decimals ?? 1));
  return `${head}，${growth}${percent}%`;
}

function assertNonNegativeInteger(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`expected a non-negative integer, got ${value}`);
}
