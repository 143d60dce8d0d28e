import { describe, expect, it } from 'vitest';
import type { Term } from '../period';
import { NATIONAL_AID_PROGRAMS, programById } from './programs';
import { activePeriod, applicableStandards, compareTerms, describeStandards, resolveStandard } from './standards';
import type { AidProgram, StandardOverride } from './types';

const program = (id: string): AidProgram => programById(NATIONAL_AID_PROGRAMS, id)!;
const term = (year: number, season: Term['season']): Term => ({ year, season });
const fenOf = (id: string, at: Term, extra: { stage?: 'primary' | 'junior'; tier?: string; grade?: string } = {}) =>
  resolveStandard({ program: program(id), term: at, ...extra })?.fen;

describe(compareTerms.name, () => {
  it('orders spring before autumn within a year', () => {
    expect(compareTerms(term(2023, 'autumn'), term(2024, 'spring'))).toBeLessThan(0);
    expect(compareTerms(term(2024, 'spring'), term(2023, 'autumn'))).toBeGreaterThan(0);
    expect(compareTerms(term(2024, 'spring'), term(2024, 'spring'))).toBe(0);
  });
});

describe(resolveStandard.name, () => {
  it('pays half the yearly 寄宿生 standard each term, changing in 2024 春', () => {
    // 1000 / 1250 a year until 2023 秋, 1250 / 1500 from 2024 春 (standards.md §3)
    expect(fenOf('boarding_subsidy', term(2023, 'autumn'), { stage: 'primary' })).toBe(50_000);
    expect(fenOf('boarding_subsidy', term(2023, 'autumn'), { stage: 'junior' })).toBe(62_500);
    expect(fenOf('boarding_subsidy', term(2024, 'spring'), { stage: 'primary' })).toBe(62_500);
    expect(fenOf('boarding_subsidy', term(2024, 'spring'), { stage: 'junior' })).toBe(75_000);
    expect(fenOf('non_boarding_subsidy', term(2023, 'spring'), { stage: 'junior' })).toBe(31_250);
    expect(fenOf('non_boarding_subsidy', term(2024, 'autumn'), { stage: 'junior' })).toBe(37_500);
  });
  it('raises the 高中 and 中职 助学金 average to 2300 in 2025 春', () => {
    expect(fenOf('senior_grant', term(2024, 'autumn'))).toBe(100_000);
    expect(fenOf('senior_grant', term(2025, 'spring'))).toBe(115_000);
    const vocational = resolveStandard({ program: program('vocational_grant'), term: term(2025, 'spring') });
    expect(vocational).toMatchObject({ fen: 115_000, yuan: 1150, per: 'term', grades: [1, 2, 3], origin: 'national' });
    expect(resolveStandard({ program: program('vocational_grant'), term: term(2024, 'autumn') })?.grades).toEqual([
      1, 2,
    ]);
  });
  it('states what the amount is per for loans, nutrition and one-off aid', () => {
    const loan = resolveStandard({
      program: program('student_loan'),
      term: term(2023, 'autumn'),
      tier: 'undergraduate',
    });
    expect(loan).toMatchObject({ basis: 'ceiling', per: 'year', fen: 1_600_000, minFen: 100_000 });
    expect(fenOf('student_loan', term(2023, 'spring'), { tier: 'undergraduate' })).toBe(1_200_000); // [unverified]
    expect(resolveStandard({ program: program('nutrition_program'), term: term(2023, 'spring') })).toMatchObject({
      basis: 'per_day',
      per: 'day',
      fen: 500,
      maxDaysPerYear: 200,
    });
    expect(fenOf('freshman_aid', term(2023, 'autumn'), { tier: 'out_of_province' })).toBe(100_000);
  });
  it('needs a tier when several apply', () => {
    expect(resolveStandard({ program: program('boarding_subsidy'), term: term(2023, 'autumn') })).toBeUndefined();
    expect(fenOf('boarding_subsidy', term(2023, 'autumn'), { tier: 'junior' })).toBe(62_500);
  });
  it('has nothing before a program starts or where only a local amount can apply', () => {
    expect(resolveStandard({ program: program('preschool_fee_waiver'), term: term(2025, 'spring') })).toBeUndefined();
    expect(activePeriod(program('preschool_fee_waiver'), term(2025, 'autumn'))?.period.grades).toEqual([3]);
    expect(applicableStandards({ program: program('preschool_fee_waiver'), term: term(2025, 'autumn') })).toEqual([]);
    expect(applicableStandards({ program: program('senior_tuition_waiver'), term: term(2024, 'spring') })).toEqual([]);
  });
});

describe('local overrides', () => {
  // A province's 一档/二档 for 普通高中国家助学金 (average 2000), from 2023 秋.
  const tiers: StandardOverride = {
    programId: 'senior_grant',
    from: term(2023, 'autumn'),
    basis: 'fixed',
    unit: 'year',
    tiers: [
      { id: 'tier_1', label: '一档', yuan: 2500 },
      { id: 'tier_2', label: '二档', yuan: 1500 },
    ],
    source: 'province notice (test)',
    verification: 'local',
  };
  it('replace the shipped standard from their term on', () => {
    expect(fenOf('senior_grant', term(2023, 'spring'))).toBe(100_000);
    const resolved = resolveStandard({
      program: program('senior_grant'),
      term: term(2024, 'spring'),
      tier: 'tier_1',
      overrides: [tiers],
    });
    expect(resolved).toMatchObject({ fen: 125_000, tierLabel: '一档', origin: 'local', verification: 'local' });
    const all = applicableStandards({
      program: program('senior_grant'),
      term: term(2024, 'spring'),
      overrides: [tiers],
    });
    expect(all.map((standard) => standard.fen)).toEqual([125_000, 75_000]);
  });
  it('give way to a later national change, which the county must re-declare', () => {
    const resolved = resolveStandard({
      program: program('senior_grant'),
      term: term(2025, 'spring'),
      overrides: [tiers],
    });
    expect(resolved).toMatchObject({ tierId: 'standard', fen: 115_000, origin: 'national' });
  });
  it('win over a shipped period that starts in the same term', () => {
    const fee: StandardOverride = {
      programId: 'preschool_fee_waiver',
      from: term(2025, 'autumn'),
      basis: 'fixed',
      unit: 'term',
      tiers: [{ id: 'public', label: '公办园', yuan: 900 }],
      grades: [3],
      source: 'county fee approval (test)',
      verification: 'local',
    };
    expect(fenOf('preschool_fee_waiver', term(2025, 'autumn'))).toBeUndefined();
    const resolved = resolveStandard({
      program: program('preschool_fee_waiver'),
      term: term(2026, 'spring'),
      overrides: [fee],
    });
    expect(resolved).toMatchObject({ fen: 90_000, origin: 'local', grades: [3] });
  });
  it('only apply to their own program', () => {
    expect(fenOf('vocational_grant', term(2024, 'spring'))).toBe(100_000);
    expect(
      applicableStandards({ program: program('vocational_grant'), term: term(2024, 'spring'), overrides: [tiers] }),
    ).toHaveLength(1);
  });
});

describe('tier restrictions', () => {
  it('filters by 学段 and by 年级 words', () => {
    const loan = (grade: string) =>
      applicableStandards({ program: program('student_loan'), term: term(2024, 'autumn'), grade }).map((s) => s.tierId);
    expect(loan('大二')).toEqual(['undergraduate']);
    expect(loan('硕士一年级')).toEqual(['undergraduate', 'postgraduate']);
    const boarding = applicableStandards({
      program: program('boarding_subsidy'),
      term: term(2024, 'autumn'),
      stage: 'junior',
    });
    expect(boarding.map((s) => s.tierId)).toEqual(['junior']);
  });
});

describe(describeStandards.name, () => {
  it('words standards for messages', () => {
    const boarding = applicableStandards({ program: program('non_boarding_subsidy'), term: term(2023, 'autumn') });
    expect(describeStandards(boarding)).toBe('小学250元/学期，初中312.5元/学期');
    const loan = applicableStandards({ program: program('student_loan'), term: term(2023, 'autumn'), grade: '大一' });
    expect(describeStandards(loan)).toBe('本专科生最高16000元/年');
    const nutrition = applicableStandards({ program: program('nutrition_program'), term: term(2023, 'autumn') });
    expect(describeStandards(nutrition)).toBe('每生5元/天');
  });
});
