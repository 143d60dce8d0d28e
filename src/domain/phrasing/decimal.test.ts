import { describe, expect, it } from 'vitest';
import { decimalOf, divideToFixed, roundNumber, trimTrailingZeros } from './decimal';

describe(divideToFixed.name, () => {
  it('rounds half up and truncates exactly', () => {
    expect(divideToFixed(806620050, 1_000_000, 2)).toBe('806.62');
    expect(divideToFixed(806620050, 1_000_000, 0, 'truncate')).toBe('806');
    expect(divideToFixed(189006250, 1_000_000, 2)).toBe('189.01');
    expect(divideToFixed(5, 1000, 2)).toBe('0.01'); // 0.005 → 0.01
    expect(divideToFixed(4, 1000, 2)).toBe('0.00');
    expect(divideToFixed(1, 3, 4)).toBe('0.3333');
    expect(divideToFixed(2, 3, 0)).toBe('1');
  });
  it('keeps the sign and never writes -0', () => {
    expect(divideToFixed(-187, 10, 1)).toBe('-18.7');
    expect(divideToFixed(187, -10, 1)).toBe('-18.7');
    expect(divideToFixed(-1, 1000, 2)).toBe('0.00');
  });
  it('is exact beyond double precision', () => {
    expect(divideToFixed(10n ** 20n + 5n, 10n, 0)).toBe('10000000000000000001');
  });
  it('refuses a zero denominator and non-integers', () => {
    expect(() => divideToFixed(1, 0, 2)).toThrow(RangeError);
    expect(() => divideToFixed(0.1, 1, 2)).toThrow(RangeError);
  });
});

describe(trimTrailingZeros.name, () => {
  it('drops trailing zeros and a dangling point only after a decimal point', () => {
    expect(trimTrailingZeros('120.40')).toBe('120.4');
    expect(trimTrailingZeros('49.00')).toBe('49');
    expect(trimTrailingZeros('100')).toBe('100');
  });
});

describe(decimalOf.name, () => {
  it('reads the shortest decimal form, including exponents', () => {
    expect(decimalOf(36.245)).toEqual({ units: 36245n, scale: 3 });
    expect(decimalOf(-0.5)).toEqual({ units: -5n, scale: 1 });
    expect(decimalOf(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(decimalOf(1.5e21)).toEqual({ units: 1500000000000000000000n, scale: 0 });
  });
});

describe(roundNumber.name, () => {
  it('rounds the number as written, not its binary approximation', () => {
    // 1.005.toFixed(2) is '1.00' in JavaScript; the written value 1.005 rounds half-up to 1.01.
    expect(roundNumber(1.005, 2)).toBe('1.01');
    expect(roundNumber(36.245, 2)).toBe('36.25');
    expect(roundNumber(18.946, 1)).toBe('18.9');
  });
});
