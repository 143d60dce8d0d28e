import { describe, expect, it } from 'vitest';
import { rosterAsOf, type TeacherEvent } from './events';
import { DEFAULT_SHORTAGE_CONFIG, subjectShortages, weeklyPeriodsNeeded } from './shortage';
import { hireEvent } from './test-fixtures';

const events: TeacherEvent[] = [
  hireEvent(1, '2015-09-01', '1990-01-01', 'male', { subject: 'pe' }),
  // On leave on the date: does not teach.
  hireEvent(2, '2015-09-01', '1991-01-01', 'female', { subject: 'pe' }),
  { kind: 'leave', teacherId: 2, effective: '2025-03-01' },
  hireEvent(3, '2015-09-01', '1992-01-01', 'female', { subject: 'art' }),
  hireEvent(4, '2015-09-01', '1993-01-01', 'female', { subject: 'art' }),
  hireEvent(5, '2015-09-01', '1994-01-01', 'male', { subject: 'it' }),
  hireEvent(6, '2015-09-01', '1995-01-01', 'female', { schoolId: 2, stage: 'junior', subject: 'music' }),
  // 小学 music at school 2 does not count for its 初中.
  hireEvent(7, '2015-09-01', '1996-01-01', 'female', { schoolId: 2, subject: 'music' }),
];
const roster = rosterAsOf(events, '2025-09-01');
const classCounts = [
  { schoolId: 1, stage: 'primary' as const, classes: 12, classesByGrade: [2, 2, 2, 2, 2, 2] },
  { schoolId: 2, stage: 'junior' as const, classes: 9 },
];

describe(subjectShortages.name, () => {
  const report = subjectShortages(roster, classCounts);
  const line = (schoolId: number, subject: string) =>
    report.lines.find((l) => l.schoolId === schoolId && l.subject === subject)!;

  it('computes need from classes and weekly periods, by hand', () => {
    // 2 classes × (4+4+3+3+3+3) = 40 periods ÷ 16 = 2.5 FTE; one 体育 teacher at work.
    expect(line(1, 'pe')).toEqual({
      schoolId: 1,
      stage: 'primary',
      subject: 'pe',
      weeklyPeriods: 40,
      needFte: 2.5,
      have: 1,
      gap: 1.5,
      none: false,
    });
    // 2 × 2 × 6 = 24 ÷ 16 = 1.5, nobody.
    expect(line(1, 'music')).toMatchObject({ weeklyPeriods: 24, needFte: 1.5, have: 0, gap: 1.5, none: true });
    expect(line(1, 'art')).toMatchObject({ needFte: 1.5, have: 2, gap: -0.5, none: false });
    // 2 × 0.5 × 6 = 6 ÷ 16.
    expect(line(1, 'mental_health')).toMatchObject({ weeklyPeriods: 6, needFte: 0.375, none: true });
    // 2 × 1 × 4 (三至六年级) = 8 ÷ 16.
    expect(line(1, 'it')).toMatchObject({ weeklyPeriods: 8, needFte: 0.5, have: 1, gap: -0.5 });
  });

  it('spreads a class total evenly over the grades when grades are unknown', () => {
    // 9 classes × 3 = 27 ÷ 14; 信息科技 9 × (1+1+0)/3 = 6 ÷ 14.
    expect(line(2, 'pe').weeklyPeriods).toBe(27);
    expect(line(2, 'pe').needFte).toBeCloseTo(1.928571, 6);
    expect(line(2, 'it').weeklyPeriods).toBeCloseTo(6, 9);
    expect(line(2, 'music')).toMatchObject({ weeklyPeriods: 9, have: 1 });
    expect(line(2, 'music').gap).toBeCloseTo(9 / 14 - 1, 9);
  });

  it('sums positive gaps only and lists the schools with none', () => {
    const primaryArt = report.totals.find((t) => t.stage === 'primary' && t.subject === 'art');
    expect(primaryArt).toEqual({
      stage: 'primary',
      subject: 'art',
      needFte: 1.5,
      have: 2,
      shortageFte: 0,
      schoolsShort: 0,
      schoolsWithNone: 0,
    });
    expect(report.totals.find((t) => t.stage === 'primary' && t.subject === 'pe')).toMatchObject({
      shortageFte: 1.5,
      schoolsShort: 1,
    });
    expect(report.schoolsWithNone).toEqual([
      { schoolId: 1, stage: 'primary', subject: 'music' },
      { schoolId: 1, stage: 'primary', subject: 'mental_health' },
      { schoolId: 2, stage: 'junior', subject: 'pe' },
      { schoolId: 2, stage: 'junior', subject: 'art' },
      { schoolId: 2, stage: 'junior', subject: 'mental_health' },
      { schoolId: 2, stage: 'junior', subject: 'it' },
    ]);
  });

  it('takes the configuration: a subject load and teachers on leave', () => {
    const config = { ...DEFAULT_SHORTAGE_CONFIG, weeklyLoadBySubject: { pe: { primary: 20 } } };
    const adjusted = subjectShortages(roster, classCounts, { config, countOnLeave: true });
    expect(adjusted.lines.find((l) => l.schoolId === 1 && l.subject === 'pe')).toMatchObject({
      needFte: 2,
      have: 2,
      gap: 0,
    });
  });
});

describe(weeklyPeriodsNeeded.name, () => {
  it('refuses class counts that do not match the grades of the 学段', () => {
    expect(() =>
      weeklyPeriodsNeeded({ schoolId: 5, stage: 'junior', classes: 2, classesByGrade: [1, 1] }, [3, 3, 3]),
    ).toThrow(RangeError);
  });
});
