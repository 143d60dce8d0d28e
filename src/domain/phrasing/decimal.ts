/**
 * Exact decimal arithmetic for figures written in text. Amounts and counts are integers (fen, persons); every division
 * that a sentence needs (fen → 万元, count → 万, part → %) goes through bigint so no binary floating error reaches
 * the words.
 */

/** How a quotient loses digits: half-up (school-book rounding, as statistics tables do) or truncation (余, 多). */
export type Rounding = 'half_up' | 'truncate';

/**
 * numerator ÷ denominator with exactly `places` decimals. Half-up rounds .5 away from zero.
 *
 * ```ts
 * divideToFixed(8066200, 10000, 2) // '806.62'
 * divideToFixed(80662005, 100000, 0, 'truncate') // '806'
 * ```
 */
export function divideToFixed(
  numerator: bigint | number,
  denominator: bigint | number,
  places: number,
  rounding: Rounding = 'half_up',
): string {
  let n = toBigInt(numerator);
  let d = toBigInt(denominator);
  if (d === 0n) throw new RangeError('divideToFixed: denominator is zero');
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`divideToFixed: bad places ${places}`);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const scaled = (negative ? -n : n) * 10n ** BigInt(places);
  let quotient = scaled / d;
  if (rounding === 'half_up' && (scaled % d) * 2n >= d) quotient += 1n;
  const digits = quotient.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const text = places > 0 ? `${whole}.${digits.slice(digits.length - places)}` : whole;
  return negative && quotient !== 0n ? `-${text}` : text;
}

/** Drops trailing zeros of a fixed decimal and a dangling point: '120.40' → '120.4', '49.00' → '49'. */
export function trimTrailingZeros(fixed: string): string {
  if (!fixed.includes('.')) return fixed;
  return fixed.replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * A finite number as an exact scaled integer, read from its shortest round-trip decimal form, so 36.245 means
 * 36.245 (not 36.24499999…) when it is later rounded: `{ units: 36245n, scale: 3 }`.
 */
export function decimalOf(value: number): { units: bigint; scale: number } {
  if (!Number.isFinite(value)) throw new RangeError(`decimalOf: ${value} is not finite`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`decimalOf: cannot read ${value}`);
  const [, sign, whole, fraction = '', exponentText] = match;
  const exponent = exponentText ? Number(exponentText) : 0;
  let units = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/** Rounds a number (read exactly as written) to `places` decimals: roundNumber(36.245, 2) → '36.25'. */
export function roundNumber(value: number, places: number, rounding: Rounding = 'half_up'): string {
  const { units, scale } = decimalOf(value);
  return divideToFixed(units, 10n ** BigInt(scale), places, rounding);
}

function toBigInt(value: bigint | number): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`expected a safe integer, got ${value}`);
  return BigInt(value);
}
