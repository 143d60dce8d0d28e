import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  isIsoDate,
  parseSchoolYear,
  parseTerm,
  schoolYearLabel,
  schoolYearOf,
  schoolYearOfTerm,
  termLabel,
  termRange,
  todayInChina,
} from './period';

describe('school years', () => {
  it('labels and parses', () => {
    expect(schoolYearLabel(2023)).toBe('2023-2024学年');
    expect(parseSchoolYear('2023-2024学年')).toBe(2023);
    expect(parseSchoolYear('2023—2024')).toBe(2023);
    expect(parseSchoolYear('2023-2025学年')).toBeUndefined();
    expect(parseSchoolYear('二〇二三')).toBeUndefined();
  });
  it('places dates in the right 学年 at the 9月1日 boundary', () => {
    expect(schoolYearOf('2023-08-31')).toBe(2022);
    expect(schoolYearOf('2023-09-01')).toBe(2023);
  });
});

describe('terms', () => {
  it('labels, parses and maps to 学年', () => {
    expect(termLabel({ year: 2023, season: 'autumn' })).toBe('2023年秋季学期');
    expect(parseTerm('2023年秋季学期')).toEqual({ year: 2023, season: 'autumn' });
    expect(parseTerm('2024春')).toEqual({ year: 2024, season: 'spring' });
    expect(parseTerm('2024-spring')).toEqual({ year: 2024, season: 'spring' });
    expect(parseTerm('2024夏')).toBeUndefined();
    expect(schoolYearOfTerm({ year: 2024, season: 'spring' })).toBe(2023);
    expect(termRange({ year: 2023, season: 'autumn' })).toEqual({ from: '2023-09-01', to: '2024-01-31' });
  });
});

describe('dates', () => {
  it('validates ISO dates and writes 公文 dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(chineseDate('2025-01-05')).toBe('2025年1月5日');
    expect(todayInChina(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });
});

describe('parseDateText', async () => {
  const { parseDateText } = await import('./period');
  it('reads the common spellings and rejects impossible dates', () => {
    for (const text of ['2001-09-01', '2001/9/1', '2001.9.1', '2001年9月1日', '20010901'])
      expect(parseDateText(text)).toBe('2001-09-01');
    expect(parseDateText('2001-02-30')).toBeUndefined();
    expect(parseDateText('九月一日')).toBeUndefined();
  });
});
