import { describe, expect, it } from 'vitest';
import { chineseNumeral, chineseOrdinal, chineseQuantity, enumerate, headingNumber } from './numerals';

describe(chineseNumeral.name, () => {
  it('writes numerals as read', () => {
    const expected: Record<number, string> = {
      0: '零',
      1: '一',
      10: '十',
      11: '十一',
      20: '二十',
      35: '三十五',
      99: '九十九',
      100: '一百',
      101: '一百零一',
      110: '一百一十',
      1001: '一千零一',
      1010: '一千零一十',
      10000: '一万',
      10001: '一万零一',
      100010: '十万零一十',
      150000: '十五万',
      1000100: '一百万零一百',
    };
    for (const [n, text] of Object.entries(expected)) expect(chineseNumeral(Number(n))).toBe(text);
  });
  it('refuses what it cannot write', () => {
    expect(() => chineseNumeral(-1)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
    expect(() => chineseNumeral(100_000_000)).toThrow(RangeError);
  });
});

describe(headingNumber.name, () => {
  it('numbers the four GB/T 9704 levels', () => {
    // seed 000: 一、领导班子建设情况; （六）校园建设平安稳定
    expect(headingNumber(1, 1)).toBe('一、');
    expect(headingNumber(2, 6)).toBe('（六）');
    expect(headingNumber(3, 2)).toBe('2.');
    expect(headingNumber(4, 3)).toBe('（3）');
  });
  it('goes past ten and up to 99', () => {
    expect(headingNumber(1, 12)).toBe('十二、');
    expect(headingNumber(2, 20)).toBe('（二十）');
    expect(headingNumber(2, 99)).toBe('（九十九）');
    expect(headingNumber(4, 99)).toBe('（99）');
  });
});

describe(chineseOrdinal.name, () => {
  it('writes rank words as in the seeds', () => {
    // seed 000: 全市县区高中排名第三; 综合排名全市第四
    expect(chineseOrdinal(3)).toBe('第三');
    expect(chineseOrdinal(4)).toBe('第四');
    expect(chineseOrdinal(11)).toBe('第十一');
  });
});

describe(chineseQuantity.name, () => {
  it('uses 两 for two before a measure word', () => {
    // seed 003: 两名教师被评为省优秀班主任; seed 000: 有四名同学荣获……第三名
    expect(`${chineseQuantity(2)}名教师`).toBe('两名教师');
    expect(`${chineseQuantity(4)}名同学`).toBe('四名同学');
    expect(chineseQuantity(12)).toBe('十二');
  });
});

describe(enumerate.name, () => {
  it('joins items with 一是……；二是……。', () => {
    // seed 000, 存在问题和不足: 一是城乡教育发展不平衡。……二是教师队伍结构不合理。……三是高中教育基础薄弱。……四是职业教育发展滞后。
    expect(enumerate(['城乡教育发展不平衡', '教师队伍结构不合理。', '高中教育基础薄弱；', '职业教育发展滞后'])).toBe(
      '一是城乡教育发展不平衡；二是教师队伍结构不合理；三是高中教育基础薄弱；四是职业教育发展滞后。',
    );
  });
  it('skips empty items and returns nothing for none', () => {
    expect(enumerate(['推进干部制度改革', ' '])).toBe('一是推进干部制度改革。');
    expect(enumerate([])).toBe('');
  });
});
