/**
 * Rates in generated text (PRODUCT.md §5, standards.md §2): two decimals and %, trailing zeros kept so rates line up
 * (seed 000: 达线率53.40%); a change in a rate is in 百分点, never a % growth of the rate.
 */
import { decimalOf, divideToFixed, trimTrailingZeros } from './decimal';

/** A rate as its counts, e.g. 达线人数 / 参考人数. Prefer this over a float: it rounds exactly. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

/** A rate given as counts, or as a percentage already (89.55 means 89.55%), as indicator values are stored. */
export type RateInput = Ratio | number;

/** '53.40%' from 361/676; '89.55%' from 89.5512. Half-up to two decimals. */
export function formatRate(rate: RateInput): string {
  return `${fixedPercent(toHundredths(rate))}%`;
}

/**
 * The change from `previous` to `current` in 百分点: '提高4.06个百分点', '下降1.6个百分点', '持平'. It is the
 * difference of the two rates as printed (two decimals), so a reader who subtracts the printed rates gets the same
 * figure; trailing zeros are dropped as in "提高1.6个百分点".
 */
export function percentagePointChange(current: RateInput, previous: RateInput): string {
  const change = toHundredths(current) - toHundredths(previous);
  if (change === 0n) return '持平';
  const magnitude = trimTrailingZeros(fixedPercent(change < 0n ? -change : change));
  return `${change > 0n ? '提高' : '下降'}${magnitude}个百分点`;
}

/** '较上年提高4.06个百分点' or '与上年持平'. */
export function rateComparison(current: RateInput, previous: RateInput, against = '上年'): string {
  const change = percentagePointChange(current, previous);
  return change === '持平' ? `与${against}持平` : `较${against}${change}`;
}

// A rate in hundredths of a percent (basis points), rounded half-up: the unit in which rates are printed.
function toHundredths(rate: RateInput): bigint {
  if (typeof rate === 'number') {
    const { units, scale } = decimalOf(rate);
    return BigInt(divideToFixed(units, 10n ** BigInt(scale), 2).replace('.', ''));
  }
  if (!Number.isSafeInteger(rate.numerator) || !Number.isSafeInteger(rate.denominator)) {
    throw new RangeError(`a ratio needs integer counts, got ${rate.numerator}/${rate.denominator}`);
  }
  if (rate.denominator === 0) throw new RangeError('a rate over zero is undefined');
  return BigInt(divideToFixed(BigInt(rate.numerator) * 10_000n, rate.denominator, 0));
}

function fixedPercent(hundredths: bigint): string {
  return divideToFixed(hundredths, 100n, 2);
}
