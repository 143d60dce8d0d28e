import { describe, expect, it } from 'vitest';
import { formatRate, percentagePointChange, rateComparison } from './rate';

describe(formatRate.name, () => {
  it('writes two decimals and keeps trailing zeros', () => {
    // seed 000: 二B以上达线361人，达线率53.40% (361 of 676 is 53.4024%)
    expect(formatRate({ numerator: 361, denominator: 676 })).toBe('53.40%');
    // PRODUCT.md §5: 36.25%
    expect(formatRate({ numerator: 145, denominator: 400 })).toBe('36.25%');
    // standards.md §7: 普惠性幼儿园在园幼儿占比达89.55%, given as a percentage value
    expect(formatRate(89.5512)).toBe('89.55%');
    expect(formatRate(100)).toBe('100.00%');
  });
  it('rounds half up exactly, where floats would not', () => {
    expect(formatRate({ numerator: 1, denominator: 8 })).toBe('12.50%');
    expect(formatRate({ numerator: 1, denominator: 16 })).toBe('6.25%'); // 6.25 exactly
    expect(formatRate({ numerator: 1, denominator: 32 })).toBe('3.13%'); // 3.125 → 3.13
    expect(formatRate(1.005)).toBe('1.01%');
  });
  it('refuses a zero denominator', () => {
    expect(() => formatRate({ numerator: 1, denominator: 0 })).toThrow(RangeError);
  });
});

describe(percentagePointChange.name, () => {
  it('writes the change in 百分点 from the printed rates', () => {
    // PRODUCT.md §5: 提高4.06个百分点 (36.25% against 32.19%)
    expect(percentagePointChange({ numerator: 145, denominator: 400 }, 32.19)).toBe('提高4.06个百分点');
    // standards.md §7: 比上年提高1.6个百分点 (trailing zero dropped)
    expect(percentagePointChange(90.1, 88.5)).toBe('提高1.6个百分点');
    expect(percentagePointChange(88.5, 90.1)).toBe('下降1.6个百分点');
    expect(percentagePointChange(53.4, 53.4)).toBe('持平');
    // Rates that differ only beyond the printed decimals are 持平: the text must agree with the printed rates.
    expect(percentagePointChange(53.401, 53.399)).toBe('持平');
  });
});

describe(rateComparison.name, () => {
  it('adds the term compared against', () => {
    expect(rateComparison(36.25, 32.19)).toBe('较上年提高4.06个百分点');
    expect(rateComparison(36.25, 36.25)).toBe('与上年持平');
    expect(rateComparison(30, 36.25, '2023年')).toBe('较2023年下降6.25个百分点');
  });
});
