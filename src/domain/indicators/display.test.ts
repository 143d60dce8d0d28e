import { describe, expect, it } from 'vitest';
import { displayDecimals } from './display';

describe(displayDecimals.name, () => {
  it('keeps the usual decimals when rounding does not change the verdict', () => {
    expect(displayDecimals(2.46, 2, 2.4, 'higher')).toBe(2);
    expect(displayDecimals(5.92, 2, 5, 'lower')).toBe(2);
    expect(displayDecimals(0.526, 3, null, 'lower')).toBe(3);
  });

  it('adds decimals until a failing value no longer looks like it meets the standard', () => {
    // 2.3996 rounds to 2.40 (looks ≥ 2.4) and to 2.400 — only four decimals show the shortfall.
    expect(displayDecimals(2.3996, 2, 2.4, 'higher')).toBe(4);
    expect(Number((2.3996).toFixed(4))).toBeLessThan(2.4);
    // A 差异系数 of 0.5004 fails ≤ 0.50 and shows as 0.500 at three decimals.
    expect(displayDecimals(0.5004, 3, 0.5, 'lower')).toBe(4);
  });
});
