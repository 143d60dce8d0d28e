import { describe, expect, it } from 'vitest';
import { compareCounts, compareMoney } from './compare';

describe(compareCounts.name, () => {
  it('writes the difference and the growth rate', () => {
    // seed 003_7a0dac0510368ccd.txt: 今年中考我市600分以上1174人，较去年增加187人; PRODUCT.md §5: 增长18.9%
    expect(compareCounts(1174, 987, '人')).toBe('较上年增加187人，增长18.9%');
    expect(compareCounts(1174, 987, '人', { against: '去年' })).toBe('较去年增加187人，增长18.9%');
    expect(compareCounts(1174, 987, '人', { decimals: 2 })).toBe('较上年增加187人，增长18.95%');
  });
  it('writes decreases, no change and a zero base', () => {
    expect(compareCounts(37, 40, '所')).toBe('较上年减少3所，下降7.5%');
    expect(compareCounts(20, 20, '所')).toBe('与上年持平');
    expect(compareCounts(5, 0, '所')).toBe('较上年增加5所');
    expect(compareCounts(300, 200, '人')).toBe('较上年增加100人，增长50%');
  });
});

describe(compareMoney.name, () => {
  it('writes the difference in 万元', () => {
    // 1543.98万元 (seed 001) against 1423.58万元
    expect(compareMoney(1_543_980_000, 1_423_580_000)).toBe('较上年增加120.4万元，增长8.5%');
    expect(compareMoney(1_423_580_000, 1_543_980_000)).toBe('较上年减少120.4万元，下降7.8%');
  });
});
