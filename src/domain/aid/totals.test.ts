import { describe, expect, it } from 'vitest';
import { NATIONAL_AID_PROGRAMS } from './programs';
import type { AidRecord } from './records';
import { computeAidTotals, EMPTY_AID_TOTAL, periodLabel, termsOfPeriod, UNASSIGNED_TOWNSHIP } from './totals';

const record = (
  term: string,
  programId: string,
  schoolCode: string,
  idNumber: string,
  stage: AidRecord['stage'],
  amountFen: number,
): AidRecord => {
  const [year, season] = term.split('-');
  return {
    term: { year: Number(year), season: season as 'spring' | 'autumn' },
    programId,
    schoolCode,
    idNumber,
    stage,
    amountFen,
  };
};

// X is a boarder aided in three terms and fed by the nutrition program; Y holds 高中助学金 and 免学费 in one term;
// Z took a loan at a university outside the county; W was aided in 2022 秋 only.
const RECORDS: AidRecord[] = [
  record('2023-spring', 'boarding_subsidy', 'A', 'X', 'primary', 50_000),
  record('2023-autumn', 'boarding_subsidy', 'A', 'X', 'primary', 50_000),
  record('2023-autumn', 'senior_grant', 'S', 'Y', 'senior', 100_000),
  record('2023-autumn', 'senior_tuition_waiver', 'S', 'Y', 'senior', 60_000),
  record('2024-spring', 'boarding_subsidy', 'A', 'X', 'primary', 62_500),
  record('2023-autumn', 'student_loan', 'U', 'Z', 'university', 800_000),
  record('2023-spring', 'nutrition_program', 'A', 'X', 'primary', 47_500),
  record('2022-autumn', 'boarding_subsidy', 'A', 'W', 'primary', 50_000),
];
const TOWNSHIPS: Record<string, string> = { A: '定昌镇', S: '郭村镇' };
const totalsFor = (period: Parameters<typeof computeAidTotals>[1]['period']) =>
  computeAidTotals(RECORDS, { period, programs: NATIONAL_AID_PROGRAMS, townshipOf: (code) => TOWNSHIPS[code] });

describe(computeAidTotals.name, () => {
  it('counts a calendar year as its spring and autumn terms, in 人次, persons and exact fen', () => {
    const totals = totalsFor({ kind: 'calendar_year', year: 2023 });
    expect(totals.all).toEqual({
      personTimes: 6,
      persons: 3,
      schools: 3,
      amountFen: 1_107_500,
      amountYuan: 11_075,
      amountWan: 1.1075,
    });
    // A student aided in both terms is 2 人次 and 1 person.
    expect(totals.byProgram.boarding_subsidy).toMatchObject({ personTimes: 2, persons: 1, amountFen: 100_000 });
    expect(totals.byGroup.school_aid).toMatchObject({ personTimes: 4, persons: 2, schools: 2, amountFen: 260_000 });
    expect(totals.byGroup.loan).toMatchObject({ personTimes: 1, amountFen: 800_000 });
    expect(totals.byGroup.nutrition).toMatchObject({ personTimes: 1, amountFen: 47_500 });
    expect(totals.byGroup.freshman_travel).toEqual(EMPTY_AID_TOTAL);
  });

  it('totals by school, township and 学段', () => {
    const totals = totalsFor({ kind: 'calendar_year', year: 2023 });
    expect(totals.bySchool.A).toMatchObject({ personTimes: 3, persons: 1, amountFen: 147_500 });
    expect(totals.byTownship).toEqual({
      定昌镇: expect.objectContaining({ personTimes: 3, persons: 1, schools: 1, amountFen: 147_500 }),
      郭村镇: expect.objectContaining({ personTimes: 2, persons: 1, schools: 1, amountFen: 160_000 }),
      [UNASSIGNED_TOWNSHIP]: expect.objectContaining({ personTimes: 1, amountFen: 800_000 }),
    });
    expect(Object.keys(totals.byStage).sort()).toEqual(['primary', 'senior', 'university']);
    expect(totals.byStage.senior).toMatchObject({ personTimes: 2, persons: 1, amountFen: 160_000 });
  });

  it('counts a 学年 as its autumn term and the next spring term', () => {
    const totals = totalsFor({ kind: 'school_year', schoolYear: 2023 });
    expect(totals.all.personTimes).toBe(5);
    expect(totals.byProgram.boarding_subsidy).toMatchObject({ personTimes: 2, persons: 1, amountFen: 112_500 });
    const previous = totalsFor({ kind: 'school_year', schoolYear: 2022 });
    expect(previous.byProgram.boarding_subsidy).toMatchObject({ personTimes: 2, persons: 2, amountFen: 100_000 });
    expect(previous.all).toMatchObject({ personTimes: 3, persons: 2 });
  });

  it('counts a single term', () => {
    const totals = totalsFor({ kind: 'term', term: { year: 2022, season: 'autumn' } });
    expect(totals.all).toMatchObject({ personTimes: 1, persons: 1, amountFen: 50_000 });
    expect(totals.byProgram).toEqual({ boarding_subsidy: expect.objectContaining({ personTimes: 1 }) });
  });

  it('refuses a record of an undeclared program and fractional fen', () => {
    const stray = [record('2023-spring', 'county_bonus', 'A', 'X', 'primary', 100)];
    expect(() =>
      computeAidTotals(stray, { period: { kind: 'calendar_year', year: 2023 }, programs: NATIONAL_AID_PROGRAMS }),
    ).toThrow(/county_bonus/);
    const fractional = [record('2023-spring', 'boarding_subsidy', 'A', 'X', 'primary', 0.5)];
    expect(() =>
      computeAidTotals(fractional, { period: { kind: 'calendar_year', year: 2023 }, programs: NATIONAL_AID_PROGRAMS }),
    ).toThrow(RangeError);
  });
});

describe(termsOfPeriod.name, () => {
  it('lists the terms of each kind of period', () => {
    expect(termsOfPeriod({ kind: 'calendar_year', year: 2024 })).toEqual([
      { year: 2024, season: 'spring' },
      { year: 2024, season: 'autumn' },
    ]);
    expect(termsOfPeriod({ kind: 'school_year', schoolYear: 2023 })).toEqual([
      { year: 2023, season: 'autumn' },
      { year: 2024, season: 'spring' },
    ]);
  });
});

describe(periodLabel.name, () => {
  it('labels periods as reports name them', () => {
    expect(periodLabel({ kind: 'term', term: { year: 2023, season: 'autumn' } })).toBe('2023年秋季学期');
    expect(periodLabel({ kind: 'school_year', schoolYear: 2023 })).toBe('2023-2024学年');
    expect(periodLabel({ kind: 'calendar_year', year: 2023 })).toBe('2023年');
  });
});
