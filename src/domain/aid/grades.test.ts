import { describe, expect, it } from 'vitest';
import { parseGrade } from './grades';

describe(parseGrade.name, () => {
  it('reads the ways schools write grades', () => {
    expect(parseGrade('大班')).toEqual({ stage: 'preschool', year: 3 });
    expect(parseGrade('三年级')).toEqual({ stage: 'primary', year: 3 });
    expect(parseGrade('3年级')).toEqual({ stage: 'primary', year: 3 });
    expect(parseGrade('七年级')).toEqual({ stage: 'junior', year: 1 });
    expect(parseGrade('初三')).toEqual({ stage: 'junior', year: 3 });
    expect(parseGrade('初中二年级')).toEqual({ stage: 'junior', year: 2 });
    expect(parseGrade('高二')).toEqual({ stage: 'senior', year: 2 });
    expect(parseGrade('中职三年级')).toEqual({ stage: 'vocational', year: 3 });
    expect(parseGrade('高职一年级')).toEqual({ stage: 'university', year: 1 });
    expect(parseGrade('大一')).toEqual({ stage: 'university', year: 1 });
    expect(parseGrade('大学新生')).toEqual({ stage: 'university', year: 1 });
    expect(parseGrade('硕士研究生')).toEqual({ stage: 'university', year: 0 });
  });
  it('reads a bare N年级 in the school’s own 学段', () => {
    expect(parseGrade('一年级', ['vocational'])).toEqual({ stage: 'vocational', year: 1 });
    expect(parseGrade('二年级', ['senior'])).toEqual({ stage: 'senior', year: 2 });
    expect(parseGrade('二年级', ['primary', 'junior'])).toEqual({ stage: 'primary', year: 2 });
    expect(parseGrade('八年级', ['primary', 'junior'])).toEqual({ stage: 'junior', year: 2 });
    // 完全中学: 一年级 could be 初一 or 高一
    expect(parseGrade('一年级', ['junior', 'senior'])).toBeUndefined();
    expect(parseGrade('五年级', ['vocational'])).toBeUndefined();
  });
  it('refuses what it cannot read', () => {
    expect(parseGrade('')).toBeUndefined();
    expect(parseGrade('高四')).toBeUndefined();
    expect(parseGrade('十年级')).toBeUndefined();
    expect(parseGrade('毕业班')).toBeUndefined();
  });
});
