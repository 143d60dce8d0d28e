import { describe, expect, it } from 'vitest';
import { chineseDate, chineseYearMonth } from './dates';

describe('dates in text', () => {
  it('writes dates in Arabic numerals without zero padding', () => {
    // seed 003: （2023年12月20日）; the brief: 2024年12月5日
    expect(chineseDate('2023-12-20')).toBe('2023年12月20日');
    expect(chineseDate('2024-12-05')).toBe('2024年12月5日');
  });
  it('writes a month the same way', () => {
    // seed 000: （2024年1月）
    expect(chineseYearMonth('2024-01-15')).toBe('2024年1月');
    expect(chineseYearMonth('2024-01')).toBe('2024年1月');
    expect(() => chineseYearMonth('2024-13')).toThrow(RangeError);
    expect(() => chineseYearMonth('一月')).toThrow(RangeError);
  });
});
