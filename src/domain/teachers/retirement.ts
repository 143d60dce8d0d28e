/**
 * Statutory retirement (法定退休年龄) with the 渐进式延迟法定退休年龄 reform: 全国人民代表大会常务委员会关于实施
 * 渐进式延迟法定退休年龄的决定 (2024-09-13) and its 《国务院关于渐进式延迟法定退休年龄的办法》, in force from
 * 2025-01-01. From that day, for men and for women whose original age was 55, the age rises one month every four
 * months (to 63 and 58); for women whose original age was 50, one month every two months (to 55).
 *
 * Month by month: the first affected cohort is born in January of (2025 − original age): their original date falls
 * on or after 2025-01-01. For a birth month k months after that January (k ≥ 0), the delay is
 * min(floor(k / step) + 1, cap) months. This reproduces the 办法's tables: men born 1965-01 retire at 60岁1个月
 * (2025-02), 1965-05 at 60岁2个月, 1976-09 and later at 63; women (55) born 1970-01 at 55岁1个月, 1981-09 and later
 * at 58; women (50) born 1975-01 at 50岁1个月, 1984-11 and later at 55.
 *
 * Not modelled: 弹性退休 (up to 3 years earlier or later by agreement), special-type early retirement, and
 * "国家另有规定的，从其规定" exceptions (e.g. 高级职称 women kept to 60 under older rules): callers may override the
 * category or record the actual retirement event.
 */
import { addMonths, addYears, monthOf, nextDay } from './dates';
import type { Roster, RosterEntry } from './events';
import { compareStages, type Establishment, type Post, type Sex, type Subject, type TeacherStage } from './vocab';

export type RetirementCategory = 'male' | 'female_cadre' | 'female_worker';

export const RETIREMENT_CATEGORIES: Record<RetirementCategory, string> = {
  male: '男职工（原60周岁）',
  female_cadre: '女干部（原55周岁）',
  female_worker: '女工人（原50周岁）',
};

interface Schedule {
  baseYears: number;
  targetYears: number;
  /** One month of delay for every `stepMonths` months of birth. */
  stepMonths: number;
}

const SCHEDULES: Record<RetirementCategory, Schedule> = {
  male: { baseYears: 60, targetYears: 63, stepMonths: 4 },
  female_cadre: { baseYears: 55, targetYears: 58, stepMonths: 4 },
  female_worker: { baseYears: 50, targetYears: 55, stepMonths: 2 },
};

const REFORM_YEAR = 2025;

/**
 * The category used for teachers: 教师 are 专业技术人员, so a woman teacher follows the 女干部 rule (original 55).
 * A deployment that treats some posts (工勤) as 女工人 passes its own function to the forecast.
 */
export function teacherRetirementCategory(sex: Sex): RetirementCategory {
  return sex === 'male' ? 'male' : 'female_cadre';
}

export interface RetirementAge {
  years: number;
  months: number;
  /** Months added by the reform (0 for cohorts it does not reach). */
  delayMonths: number;
}

/** Statutory retirement age for a birth date and category. */
export function statutoryRetirementAge(birthDate: string, category: RetirementCategory): RetirementAge {
  const schedule = SCHEDULES[category];
  const birthYear = Number(birthDate.slice(0, 4));
  const birthMonth = Number(birthDate.slice(5, 7));
  const k = (birthYear - (REFORM_YEAR - schedule.baseYears)) * 12 + (birthMonth - 1);
  const cap = (schedule.targetYears - schedule.baseYears) * 12;
  const delayMonths = k < 0 ? 0 : Math.min(Math.floor(k / schedule.stepMonths) + 1, cap);
  const total = schedule.baseYears * 12 + delayMonths;
  return { years: Math.floor(total / 12), months: total % 12, delayMonths };
}

export interface RetirementDue {
  category: RetirementCategory;
  age: RetirementAge;
  /** The day the teacher reaches the statutory age. */
  date: string;
  /** 'YYYY-MM': the 改革后退休时间 column of the 办法's tables. */
  month: string;
}

/**
 * When a person born on `birthDate` reaches the statutory age: the birth date plus the age in months, a missing day
 * falling on the month's last day.
 *
 * @example retirementDue('1965-01-15', 'male').date // '2025-02-15' (60岁1个月)
 */
export function retirementDue(birthDate: string, category: RetirementCategory): RetirementDue {
  const age = statutoryRetirementAge(birthDate, category);
  const date = addMonths(birthDate, age.years * 12 + age.months);
  return { category, age, date, month: monthOf(date) };
}

/** Chinese phrasing of an age: 60岁, 60岁1个月. */
export function retirementAgeLabel(age: RetirementAge): string {
  return age.months === 0 ? `${age.years}岁` : `${age.years}岁${age.months}个月`;
}

export interface ForecastOptions {
  /** Category of each teacher; default `teacherRetirementCategory(sex)`. */
  categoryOf?: (entry: RosterEntry) => RetirementCategory;
  /** 编制 whose retirement frees a post that 退一补一 refills; default 在编 only. */
  replaceEstablishments?: readonly Establishment[];
}

export interface RetiringTeacher {
  teacherId: number;
  name: string;
  schoolId: number;
  stage: TeacherStage;
  post: Post;
  subject: Subject | null;
  establishment: Establishment;
  due: RetirementDue;
  /** 1…N: the forecast year the date falls in; 0 for a teacher already past the date on `asOf` (overdue). */
  period: number;
}

export interface ForecastPeriod {
  period: number;
  /** Inclusive date range: (asOf + (period − 1) years, asOf + period years]. */
  from: string;
  to: string;
  retirees: number;
}

/** Retirees of one school, 学段, 岗位 and subject, per period (index 0 = year 1). */
export interface RetirementGroup {
  schoolId: number;
  stage: TeacherStage;
  post: Post;
  subject: Subject | null;
  byPeriod: number[];
  total: number;
}

/** 退一补一: one hire per retiree, at the same school, 学段, 岗位 and subject, in the retiree's period. */
export interface ReplacementLine {
  period: number;
  from: string;
  to: string;
  schoolId: number;
  stage: TeacherStage;
  post: Post;
  subject: Subject | null;
  hires: number;
}

export interface RetirementForecast {
  asOf: string;
  years: number;
  periods: ForecastPeriod[];
  /** Employed teachers reaching the statutory age within the periods, by date. */
  retiring: RetiringTeacher[];
  /** Employed teachers whose date is on or before `asOf`: due now, or a missing retirement event. */
  overdue: RetiringTeacher[];
  bySchoolAndSubject: RetirementGroup[];
  bySubject: { subject: Subject | null; byPeriod: number[]; total: number }[];
  replacementPlan: ReplacementLine[];
}

/**
 * Who among the teachers employed on the roster reaches the statutory retirement age within `years` (1–5) after
 * `asOf`, in yearly periods (asOf, asOf+1y], (asOf+1y, asOf+2y], …; a date exactly on asOf + N years is in period N.
 * With asOf = 8月31日 the periods are 学年, the horizon of a 招聘计划.
 */
export function retirementForecast(
  roster: Roster,
  asOf: string,
  years: number,
  options: ForecastOptions = {},
): RetirementForecast {
  if (!Number.isInteger(years) || years < 1 || years > 5) throw new RangeError(`years must be 1..5, got ${years}`);
  const categoryOf = options.categoryOf ?? ((entry: RosterEntry) => teacherRetirementCategory(entry.sex));
  const replace = new Set<Establishment>(options.replaceEstablishments ?? ['in_establishment']);
  const periods: ForecastPeriod[] = [];
  for (let period = 1; period <= years; period++) {
    periods.push({ period, from: nextDay(addYears(asOf, period - 1)), to: addYears(asOf, period), retirees: 0 });
  }
  const retiring: RetiringTeacher[] = [];
  const overdue: RetiringTeacher[] = [];
  for (const entry of roster.entries) {
    if (entry.status !== 'employed') continue;
    const due = retirementDue(entry.birthDate, categoryOf(entry));
    const period = due.date <= asOf ? 0 : periods.find((p) => due.date <= p.to)?.period;
    if (period === undefined) continue;
    const teacher: RetiringTeacher = {
      teacherId: entry.teacherId,
      name: entry.name,
      schoolId: entry.schoolId,
      stage: entry.stage,
      post: entry.post,
      subject: entry.subject,
      establishment: entry.establishment,
      due,
      period,
    };
    if (period === 0) overdue.push(teacher);
    else {
      retiring.push(teacher);
      periods[period - 1].retirees++;
    }
  }
  const byDate = (a: RetiringTeacher, b: RetiringTeacher) =>
    a.due.date < b.due.date ? -1 : a.due.date > b.due.date ? 1 : a.teacherId - b.teacherId;
  retiring.sort(byDate);
  overdue.sort(byDate);

  const groups = new Map<string, RetirementGroup>();
  const subjects = new Map<string, { subject: Subject | null; byPeriod: number[]; total: number }>();
  const plan = new Map<string, ReplacementLine>();
  for (const teacher of retiring) {
    const groupKey = `${teacher.schoolId}|${teacher.stage}|${teacher.post}|${teacher.subject}`;
    let group = groups.get(groupKey);
    if (!group) {
      const { schoolId, stage, post, subject } = teacher;
      group = { schoolId, stage, post, subject, byPeriod: new Array(years).fill(0), total: 0 };
      groups.set(groupKey, group);
    }
    group.byPeriod[teacher.period - 1]++;
    group.total++;
    let subjectRow = subjects.get(String(teacher.subject));
    if (!subjectRow) {
      subjectRow = { subject: teacher.subject, byPeriod: new Array(years).fill(0), total: 0 };
      subjects.set(String(teacher.subject), subjectRow);
    }
    subjectRow.byPeriod[teacher.period - 1]++;
    subjectRow.total++;
    if (!replace.has(teacher.establishment)) continue;
    const lineKey = `${teacher.period}|${groupKey}`;
    const line = plan.get(lineKey);
    if (line) line.hires++;
    else {
      const { from, to } = periods[teacher.period - 1];
      const { period, schoolId, stage, post, subject } = teacher;
      plan.set(lineKey, { period, from, to, schoolId, stage, post, subject, hires: 1 });
    }
  }
  const bySchool = (a: { schoolId: number; stage: TeacherStage; subject: Subject | null }, b: typeof a) =>
    a.schoolId - b.schoolId || compareStages(a.stage, b.stage) || String(a.subject).localeCompare(String(b.subject));
  return {
    asOf,
    years,
    periods,
    retiring,
    overdue,
    bySchoolAndSubject: [...groups.values()].sort(bySchool),
    bySubject: [...subjects.values()].sort(
      (a, b) => b.total - a.total || String(a.subject).localeCompare(String(b.subject)),
    ),
    replacementPlan: [...plan.values()].sort((a, b) => a.period - b.period || bySchool(a, b)),
  };
}
