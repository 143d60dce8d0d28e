import { describe, expect, it } from 'vitest';
import { rosterAsOf, type TeacherEvent } from './events';
import {
  retirementAgeLabel,
  retirementDue,
  retirementForecast,
  statutoryRetirementAge,
  teacherRetirementCategory,
} from './retirement';
import { hireEvent } from './test-fixtures';

const due = (birthDate: string, category: Parameters<typeof retirementDue>[1]) => {
  const result = retirementDue(birthDate, category);
  return `${retirementAgeLabel(result.age)} ${result.date}`;
};

describe(retirementDue.name, () => {
  it('men: 60 until the 1964-12 cohort, then one month more every four months, up to 63 from 1976-09', () => {
    expect(due('1964-12-15', 'male')).toBe('60岁 2024-12-15');
    expect(due('1965-01-15', 'male')).toBe('60岁1个月 2025-02-15');
    expect(due('1965-04-30', 'male')).toBe('60岁1个月 2025-05-30');
    expect(due('1965-05-01', 'male')).toBe('60岁2个月 2025-07-01');
    // k = 60 months after 1965-01: 60 / 4 + 1 = 16 months.
    expect(due('1970-01-01', 'male')).toBe('61岁4个月 2031-05-01');
    expect(due('1976-08-10', 'male')).toBe('62岁11个月 2039-07-10');
    expect(due('1976-09-10', 'male')).toBe('63岁 2039-09-10');
    expect(due('1990-06-01', 'male')).toBe('63岁 2053-06-01');
  });

  it('women cadres (teachers): 55 until the 1969-12 cohort, 58 from 1981-09', () => {
    expect(due('1969-12-01', 'female_cadre')).toBe('55岁 2024-12-01');
    expect(due('1970-01-10', 'female_cadre')).toBe('55岁1个月 2025-02-10');
    expect(due('1981-08-01', 'female_cadre')).toBe('57岁11个月 2039-07-01');
    expect(due('1981-09-01', 'female_cadre')).toBe('58岁 2039-09-01');
  });

  it('women workers: 50 until the 1974-12 cohort, one month every two months, 55 from 1984-11', () => {
    expect(due('1974-12-01', 'female_worker')).toBe('50岁 2024-12-01');
    expect(due('1975-01-01', 'female_worker')).toBe('50岁1个月 2025-02-01');
    expect(due('1975-02-01', 'female_worker')).toBe('50岁1个月 2025-03-01');
    expect(due('1975-03-01', 'female_worker')).toBe('50岁2个月 2025-05-01');
    expect(due('1984-10-01', 'female_worker')).toBe('54岁11个月 2039-09-01');
    expect(due('1984-11-01', 'female_worker')).toBe('55岁 2039-11-01');
  });

  it('puts a missing day on the last day of the month and reports the 退休时间 month', () => {
    expect(retirementDue('1965-01-31', 'male')).toEqual({
      category: 'male',
      age: { years: 60, months: 1, delayMonths: 1 },
      date: '2025-02-28',
      month: '2025-02',
    });
    expect(statutoryRetirementAge('1968-02-29', 'female_cadre')).toEqual({ years: 55, months: 0, delayMonths: 0 });
    expect(retirementDue('1968-02-29', 'female_cadre').date).toBe('2023-02-28');
  });

  it('treats women teachers as cadres', () => {
    expect(teacherRetirementCategory('female')).toBe('female_cadre');
    expect(teacherRetirementCategory('male')).toBe('male');
  });
});

describe(retirementForecast.name, () => {
  const events: TeacherEvent[] = [
    // Due 2025-08-30 (60岁2个月), the day before asOf: overdue.
    hireEvent(1, '1990-09-01', '1965-06-30', 'male', { schoolId: 2, subject: 'math' }),
    // Due 2025-09-30 (55岁2个月) and 2026-05-15 (55岁4个月): year 1, school 1 音乐.
    hireEvent(2, '1992-09-01', '1970-07-31', 'female', { subject: 'music' }),
    hireEvent(6, '1992-09-01', '1971-01-15', 'female', { subject: 'music' }),
    // Due 2027-08-31 = asOf + 2 years exactly (60岁7个月): in year 2.
    hireEvent(3, '1990-09-01', '1967-01-31', 'male', { schoolId: 2, subject: 'pe' }),
    // Due 2027-09-01, one day after the horizon: left out.
    hireEvent(4, '1990-09-01', '1967-02-01', 'male', { schoolId: 2, subject: 'pe' }),
    // Due 2027-08-31 (55岁7个月) but 劳务派遣: retires, no 退一补一 post.
    hireEvent(5, '2015-09-01', '1972-01-31', 'female', {
      schoolId: 2,
      subject: 'pe',
      channel: 'dispatch',
      establishment: 'dispatched',
    }),
    // Resigned: not on the forecast.
    hireEvent(7, '1990-09-01', '1965-02-01', 'male'),
    { kind: 'resignation', teacherId: 7, effective: '2010-01-01' },
  ];
  const forecast = retirementForecast(rosterAsOf(events, '2025-08-31'), '2025-08-31', 2);

  it('counts a teacher due exactly on asOf + N years, and not one due the day after', () => {
    expect(forecast.periods).toEqual([
      { period: 1, from: '2025-09-01', to: '2026-08-31', retirees: 2 },
      { period: 2, from: '2026-09-01', to: '2027-08-31', retirees: 2 },
    ]);
    expect(forecast.retiring.map((t) => [t.teacherId, t.due.date, t.period])).toEqual([
      [2, '2025-09-30', 1],
      [6, '2026-05-15', 1],
      [3, '2027-08-31', 2],
      [5, '2027-08-31', 2],
    ]);
    expect(forecast.overdue.map((t) => [t.teacherId, t.due.date])).toEqual([[1, '2025-08-30']]);
  });

  it('groups by school and subject, and plans one hire per 在编 retiree', () => {
    expect(forecast.bySchoolAndSubject).toEqual([
      { schoolId: 1, stage: 'primary', post: 'full_time_teacher', subject: 'music', byPeriod: [2, 0], total: 2 },
      { schoolId: 2, stage: 'primary', post: 'full_time_teacher', subject: 'pe', byPeriod: [0, 2], total: 2 },
    ]);
    expect(forecast.bySubject).toEqual([
      { subject: 'music', byPeriod: [2, 0], total: 2 },
      { subject: 'pe', byPeriod: [0, 2], total: 2 },
    ]);
    expect(forecast.replacementPlan).toEqual([
      {
        period: 1,
        from: '2025-09-01',
        to: '2026-08-31',
        schoolId: 1,
        stage: 'primary',
        post: 'full_time_teacher',
        subject: 'music',
        hires: 2,
      },
      {
        period: 2,
        from: '2026-09-01',
        to: '2027-08-31',
        schoolId: 2,
        stage: 'primary',
        post: 'full_time_teacher',
        subject: 'pe',
        hires: 1,
      },
    ]);
  });

  it('takes the category as a parameter and refuses a horizon outside 1–5 years', () => {
    const worker = rosterAsOf(
      [hireEvent(1, '1995-09-01', '1975-03-01', 'female', { post: 'logistics', subject: null })],
      '2025-01-01',
    );
    const asWorker = retirementForecast(worker, '2025-01-01', 1, { categoryOf: () => 'female_worker' });
    expect(asWorker.retiring.map((t) => t.due.date)).toEqual(['2025-05-01']);
    expect(retirementForecast(worker, '2025-01-01', 1).retiring).toEqual([]);
    expect(() => retirementForecast(worker, '2025-01-01', 6)).toThrow(RangeError);
  });
});
