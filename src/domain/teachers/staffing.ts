/**
 * Over- and under-staffing against the 编制标准 (教职工:学生 = 高中 1:12.5, 初中 1:13.5, 小学 1:19; standards.md §2),
 * per school and 学段, with the staff counted from the roster. The arithmetic is `staffingNeed` of the indicator
 * engine, so the roster and the 基表 indicator staff_shortage agree.
 */
import { staffingNeed } from '../indicators/compute';
import type { Roster } from './events';
import { compareStages, type Establishment, type TeacherStage } from './vocab';

/** 在校生数 of a school in one 学段 (for a kindergarten, 在园幼儿数). */
export interface Enrolment {
  schoolId: number;
  stage: TeacherStage;
  students: number;
}

export interface StaffingLine {
  schoolId: number;
  stage: TeacherStage;
  students: number;
  /** Students per 教职工 in the standard. */
  standardRatio: number;
  /** students ÷ ratio, unrounded. */
  required: number;
  have: number;
  /** Posts missing (the required count rounded up, minus have), 0 when none. */
  shortage: number;
  /** Staff beyond the required count rounded up, 0 when none. */
  surplus: number;
}

export interface StaffingReport {
  lines: StaffingLine[];
  /** Sum over schools short of staff (as the indicator staff_shortage adds them up). */
  shortage: number;
  surplus: number;
  /** 学段 of enrolments with no ratio given: not judged. */
  withoutStandard: { schoolId: number; stage: TeacherStage }[];
}

export interface StaffingOptions {
  /** 编制 counted as staff; default every kind but 代课 (the 基表 教职工数). Pass ['in_establishment'] for 在编. */
  establishments?: readonly Establishment[];
}

/**
 * Staffing per school and 学段 against the ratios given (usually `Policy.staffingRatio` of the province and year).
 * Staff are the teachers employed on the roster date in every 岗位, placed in the 学段 they serve.
 */
export function staffingBalance(
  roster: Roster,
  enrolments: readonly Enrolment[],
  ratios: Partial<Record<TeacherStage, number>>,
  options: StaffingOptions = {},
): StaffingReport {
  const counted = new Set<Establishment>(options.establishments ?? ['in_establishment', 'contract', 'dispatched']);
  const staff = new Map<string, number>();
  for (const entry of roster.entries) {
    if (entry.status !== 'employed' || !counted.has(entry.establishment)) continue;
    const key = `${entry.schoolId}|${entry.stage}`;
    staff.set(key, (staff.get(key) ?? 0) + 1);
  }
  const lines: StaffingLine[] = [];
  const withoutStandard: StaffingReport['withoutStandard'] = [];
  for (const enrolment of [...enrolments].sort((a, b) => a.schoolId - b.schoolId || compareStages(a.stage, b.stage))) {
    const ratio = ratios[enrolment.stage];
    if (ratio === undefined || ratio <= 0) {
      withoutStandard.push({ schoolId: enrolment.schoolId, stage: enrolment.stage });
      continue;
    }
    const have = staff.get(`${enrolment.schoolId}|${enrolment.stage}`) ?? 0;
    const need = staffingNeed(enrolment.students, have, ratio);
    lines.push({
      schoolId: enrolment.schoolId,
      stage: enrolment.stage,
      students: enrolment.students,
      standardRatio: ratio,
      required: need.required,
      have,
      shortage: need.shortage,
      // Same rounding as staffingNeed: the required count is rounded up before comparing.
      surplus: Math.max(0, have - Math.ceil(need.required - 1e-9)),
    });
  }
  return {
    lines,
    shortage: lines.reduce((sum, line) => sum + line.shortage, 0),
    surplus: lines.reduce((sum, line) => sum + line.surplus, 0),
    withoutStandard,
  };
}
