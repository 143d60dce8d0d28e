import { describe, expect, it } from 'vitest';
import { approximateCount, formatCount, persons, personTimes } from './count';

describe(formatCount.name, () => {
  it('writes counts without separators (seed 000: 受助学生11834人次; 学校20所)', () => {
    expect(formatCount(20, '所')).toBe('20所');
    expect(personTimes(11834)).toBe('11834人次');
    // seed 001: 惠及贫困学生23652人次; seed 000: 资助学前教育幼儿993人
    expect(personTimes(23652)).toBe('23652人次');
    expect(persons(993)).toBe('993人');
  });
  it('refuses negative and fractional counts', () => {
    expect(() => persons(-1)).toThrow(RangeError);
    expect(() => persons(1.5)).toThrow(RangeError);
  });
});

describe(approximateCount.name, () => {
  it('truncates to two significant digits and writes 万 from ten thousand on', () => {
    // PRODUCT.md §5 and seed 001 (累计培训教师1.4万余人次): 14,210 人次
    expect(approximateCount(14_210, '人次')).toBe('1.4万余人次');
    // 14,999 is still 1.4万余, never 1.5万
    expect(approximateCount(14_999, '人次')).toBe('1.4万余人次');
    // seed 003: 参与师生2.6万余人次; 配备1500余台电脑; 11万余份
    expect(approximateCount(26_480, '人次')).toBe('2.6万余人次');
    expect(approximateCount(1_532, '台')).toBe('1500余台');
    expect(approximateCount(113_000, '份')).toBe('11万余份');
    // seed 000: 发放……8万余份 (80,000 to 80,999 with two significant digits)
    expect(approximateCount(80_400, '份')).toBe('8万余份');
  });
  it('keeps one significant digit on request (seed 000: 排查整改安全隐患200余条; 400余名选手)', () => {
    expect(approximateCount(236, '条', { significantDigits: 1 })).toBe('200余条');
    expect(approximateCount(236, '条')).toBe('230余条');
    expect(approximateCount(412, '名', { significantDigits: 1 })).toBe('400余名');
  });
  it('writes no 余 when nothing is dropped, and small counts as they are', () => {
    expect(approximateCount(14_000, '人次')).toBe('1.4万人次');
    expect(approximateCount(200, '条')).toBe('200条');
    expect(approximateCount(7, '所')).toBe('7所');
  });
});
