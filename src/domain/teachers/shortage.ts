/**
 * Subject shortages (the seeds: "音体美等专业教师配置不足"): for 体育, 音乐, 美术, 心理健康 and 信息科技, the teachers a
 * school needs, from its classes and the weekly periods of each subject, against the 专任教师 it has.
 *
 * need (FTE) = Σ over grades (classes × weekly periods per class) ÷ standard weekly load of one teacher
 * gap = need − have (positive: short of teachers)
 */
import type { Roster } from './events';
import { compareStages, type TeacherStage } from './vocab';

export type ShortageSubject = 'pe' | 'music' | 'art' | 'mental_health' | 'it';
export type ShortageStage = Extract<TeacherStage, 'primary' | 'junior'>;

export const SHORTAGE_SUBJECTS: readonly ShortageSubject[] = ['pe', 'music', 'art', 'mental_health', 'it'];
export const GRADES_PER_STAGE: Record<ShortageStage, number> = { primary: 6, junior: 3 };

export interface ShortageConfig {
  /** Weekly periods per class, one number per grade (小学 一至六年级, 初中 七至九年级). */
  periods: Record<ShortageStage, Record<ShortageSubject, readonly number[]>>;
  /** Standard weekly teaching load (课时/周) of one full-time teacher. */
  weeklyLoad: Record<ShortageStage, number>;
  /** A different load for some subjects (e.g. a province that sets 体育 teachers' load apart). */
  weeklyLoadBySubject?: Partial<Record<ShortageSubject, Partial<Record<ShortageStage, number>>>>;
}

/**
 * Defaults. 义务教育课程方案（2022年版） fixes nine-year shares (体育与健康 10–11%, 艺术 9–11%, 信息科技 1–3% in
 * 三至八年级, of 9522 periods) and leaves weekly tables to the provinces; these weekly figures are a typical
 * provincial table that meets those shares:
 * - 体育: 4 in 一、二年级, 3 in 三至九年级 (the long-standing national rule, restated in 国办发〔2012〕53号
 *   [unverified]), 10.6% of the nine years;
 * - 艺术: 4 in 一至六年级 and 2 in 七至九年级 as in those tables, 11.0%; split here as 音乐 2 + 美术 2 and 1 + 1
 *   (an assumption: 八、九年级 艺术 is 分项选择 in 2022, and schools may teach 音乐/美术 in alternate terms);
 * - 信息科技: 1 in 三至八年级, 2.2%;
 * - 心理健康: not a national course; 《中小学心理健康教育指导纲要（2012年修订）》 gives it 地方/校本 time. One period
 *   every two weeks (0.5) is a common provincial rule, an assumption here.
 * Weekly load: 小学 16, 初中 14 periods — a configurable assumption (no national workload standard; provinces set it).
 */
export const DEFAULT_SHORTAGE_CONFIG: ShortageConfig = {
  periods: {
    primary: {
      pe: [4, 4, 3, 3, 3, 3],
      music: [2, 2, 2, 2, 2, 2],
      art: [2, 2, 2, 2, 2, 2],
      mental_health: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      it: [0, 0, 1, 1, 1, 1],
    },
    junior: {
      pe: [3, 3, 3],
      music: [1, 1, 1],
      art: [1, 1, 1],
      mental_health: [0.5, 0.5, 0.5],
      it: [1, 1, 0],
    },
  },
  weeklyLoad: { primary: 16, junior: 14 },
};

/** Classes of a school in one 学段: by grade when known, else a total spread evenly over the grades. */
export interface ClassCount {
  schoolId: number;
  stage: ShortageStage;
  classes: number;
  classesByGrade?: readonly number[];
}

export interface SubjectShortage {
  schoolId: number;
  stage: ShortageStage;
  subject: ShortageSubject;
  /** Periods per week the school must teach in this subject. */
  weeklyPeriods: number;
  needFte: number;
  have: number;
  /** needFte − have, unrounded: positive means short. */
  gap: number;
  /** Needs the subject but has no teacher of it. */
  none: boolean;
}

export interface ShortageTotal {
  stage: ShortageStage;
  subject: ShortageSubject;
  needFte: number;
  have: number;
  /** Sum of the positive gaps only: one school's surplus does not fill another's shortage. */
  shortageFte: number;
  schoolsShort: number;
  schoolsWithNone: number;
}

export interface ShortageReport {
  lines: SubjectShortage[];
  totals: ShortageTotal[];
  schoolsWithNone: { schoolId: number; stage: ShortageStage; subject: ShortageSubject }[];
}

export interface ShortageOptions {
  config?: ShortageConfig;
  /** Teachers on leave do not teach; default false (not counted). */
  countOnLeave?: boolean;
  /** 代课 teachers; default false, as in the 基表. */
  includeSubstitutes?: boolean;
}

/** Weekly periods a school's classes need in one subject. */
export function weeklyPeriodsNeeded(count: ClassCount, perGrade: readonly number[]): number {
  const grades = GRADES_PER_STAGE[count.stage];
  if (count.classesByGrade) {
    if (count.classesByGrade.length !== grades) {
      throw new RangeError(`school ${count.schoolId}: ${grades} grades expected, got ${count.classesByGrade.length}`);
    }
    return count.classesByGrade.reduce((sum, classes, grade) => sum + classes * perGrade[grade], 0);
  }
  const mean = perGrade.reduce((sum, periods) => sum + periods, 0) / grades;
  return count.classes * mean;
}

/** Need, have and gap per school, 学段 and subject, with county totals and the schools that have no teacher. */
export function subjectShortages(
  roster: Roster,
  classCounts: readonly ClassCount[],
  options: ShortageOptions = {},
): ShortageReport {
  const config = options.config ?? DEFAULT_SHORTAGE_CONFIG;
  const have = new Map<string, number>();
  for (const entry of roster.entries) {
    if (entry.status !== 'employed' || entry.post !== 'full_time_teacher' || entry.subject === null) continue;
    if (entry.onLeave && !options.countOnLeave) continue;
    if (entry.establishment === 'substitute' && !options.includeSubstitutes) continue;
    const key = `${entry.schoolId}|${entry.stage}|${entry.subject}`;
    have.set(key, (have.get(key) ?? 0) + 1);
  }
  const lines: SubjectShortage[] = [];
  const totals = new Map<string, ShortageTotal>();
  for (const count of [...classCounts].sort((a, b) => a.schoolId - b.schoolId || compareStages(a.stage, b.stage))) {
    for (const subject of SHORTAGE_SUBJECTS) {
      const weeklyPeriods = weeklyPeriodsNeeded(count, config.periods[count.stage][subject]);
      const load = config.weeklyLoadBySubject?.[subject]?.[count.stage] ?? config.weeklyLoad[count.stage];
      const needFte = weeklyPeriods / load;
      const teachers = have.get(`${count.schoolId}|${count.stage}|${subject}`) ?? 0;
      const line: SubjectShortage = {
        schoolId: count.schoolId,
        stage: count.stage,
        subject,
        weeklyPeriods,
        needFte,
        have: teachers,
        gap: needFte - teachers,
        none: needFte > 0 && teachers === 0,
      };
      lines.push(line);
      const totalKey = `${count.stage}|${subject}`;
      let total = totals.get(totalKey);
      if (!total) {
        total = {
          stage: count.stage,
          subject,
          needFte: 0,
          have: 0,
          shortageFte: 0,
          schoolsShort: 0,
          schoolsWithNone: 0,
        };
        totals.set(totalKey, total);
      }
      total.needFte += needFte;
      total.have += teachers;
      // Floating-point noise is not a shortage.
      if (line.gap > 1e-9) {
        total.shortageFte += line.gap;
        total.schoolsShort++;
      }
      if (line.none) total.schoolsWithNone++;
    }
  }
  return {
    lines,
    totals: [...totals.values()].sort(
      (a, b) =>
        compareStages(a.stage, b.stage) || SHORTAGE_SUBJECTS.indexOf(a.subject) - SHORTAGE_SUBJECTS.indexOf(b.subject),
    ),
    schoolsWithNone: lines
      .filter((line) => line.none)
      .map(({ schoolId, stage, subject }) => ({ schoolId, stage, subject })),
  };
}
