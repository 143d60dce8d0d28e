/**
 * Structure of the teaching force on a roster date: age, sex, education, title and subject, per school, township,
 * 城区/镇区/乡村 and county (the seeds: "乡镇中小学教师老龄化现象较为严重"); and the teacher columns of the 基表, computed
 * from the roster so that schools no longer type them.
 */
import type { StatRow } from '../indicators/inputs';
import type { UrbanRural } from '../org/school-types';
import { ageOn } from './dates';
import type { Roster, RosterEntry } from './events';
import { DEFAULT_ABOVE_QUALIFIED_MINIMUM, isAboveQualified } from './qualification';
import { effectiveTitle } from './teacher-state';
import {
  compareStages,
  EDUCATION_LEVELS,
  type EducationLevel,
  MID_TITLE_MIN_RANK,
  type Post,
  SEXES,
  type Sex,
  type Subject,
  type TeacherStage,
  TITLES,
  type Title,
} from './vocab';

/** A school as the structure analysis needs it. */
export interface SchoolRef {
  id: number;
  townshipId: number;
  urbanRural: UrbanRural;
}

/** An age band in 周岁, `max` inclusive (null: no upper bound). */
export interface AgeBand {
  key: string;
  label: string;
  min: number;
  max: number | null;
}

/**
 * Bands for reports. 50 is where county reports start to speak of ageing ("50岁以上"), and 55 splits off the women
 * teachers' original retirement age, so 50–54 and 55+ are kept apart.
 */
export const REPORT_AGE_BANDS: readonly AgeBand[] = [
  { key: 'to_29', label: '29岁及以下', min: 0, max: 29 },
  { key: '30_39', label: '30～39岁', min: 30, max: 39 },
  { key: '40_49', label: '40～49岁', min: 40, max: 49 },
  { key: '50_54', label: '50～54岁', min: 50, max: 54 },
  { key: '55_plus', label: '55岁及以上', min: 55, max: null },
];

/** Five-year bands as in the 教育统计 专任教师年龄 table [unverified: check the current 基层表 before use]. */
export const STATISTICS_AGE_BANDS: readonly AgeBand[] = [
  { key: 'to_24', label: '24岁及以下', min: 0, max: 24 },
  ...[25, 30, 35, 40, 45, 50, 55].map((min) => ({
    key: `${min}_${min + 4}`,
    label: `${min}～${min + 4}岁`,
    min,
    max: min + 4,
  })),
  { key: '60_plus', label: '60岁及以上', min: 60, max: null },
];

export interface StructureOptions {
  /** Posts analysed; default 专任教师 only, as the reports speak of 专任教师. */
  posts?: readonly Post[];
  /** 代课 teachers are not 教职工 in 教育统计; default false. */
  includeSubstitutes?: boolean;
  ageBands?: readonly AgeBand[];
  /** Age from which a teacher counts as ageing; default 50. */
  ageingFrom?: number;
  /** Title that counts: the appointed level when recorded (default) or the held title. */
  titleBasis?: 'appointed' | 'held';
}

export interface StructureGroup {
  total: number;
  byAgeBand: Record<string, number>;
  bySex: Record<Sex, number>;
  byEducation: Record<EducationLevel, number>;
  byTitle: Record<Title, number>;
  /** Main subject; 'none' for teachers with no subject. */
  bySubject: Partial<Record<Subject | 'none', number>>;
  /** Teachers aged `ageingFrom` or more. */
  aged: number;
  /** aged ÷ total × 100, unrounded; null for an empty group. */
  agedPercent: number | null;
  averageAge: number | null;
}

export interface StructureReport {
  asOf: string;
  ageBands: readonly AgeBand[];
  ageingFrom: number;
  county: StructureGroup;
  byUrbanRural: Record<UrbanRural, StructureGroup>;
  townships: { townshipId: number; group: StructureGroup }[];
  schools: { schoolId: number; townshipId: number; urbanRural: UrbanRural; group: StructureGroup }[];
  /** Schools on the roster that are missing from `schools`: their teachers are left out of every group. */
  unknownSchoolIds: number[];
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

function emptyGroup(bands: readonly AgeBand[]): StructureGroup & { ageSum: number } {
  return {
    total: 0,
    byAgeBand: zeroes(bands.map((band) => band.key)),
    bySex: zeroes(Object.keys(SEXES) as Sex[]),
    byEducation: zeroes(Object.keys(EDUCATION_LEVELS) as EducationLevel[]),
    byTitle: zeroes(Object.keys(TITLES) as Title[]),
    bySubject: {},
    aged: 0,
    agedPercent: null,
    averageAge: null,
    ageSum: 0,
  };
}

/** The entries a count or analysis covers: employed, not 代课 unless asked. */
function counted(entry: RosterEntry, includeSubstitutes: boolean): boolean {
  return entry.status === 'employed' && (includeSubstitutes || entry.establishment !== 'substitute');
}

/** Age, sex, education, title and subject structure of the roster, joined with the schools' township and 城乡类型. */
export function teacherStructure(
  roster: Roster,
  schools: readonly SchoolRef[],
  options: StructureOptions = {},
): StructureReport {
  const posts = new Set<Post>(options.posts ?? ['full_time_teacher']);
  const bands = options.ageBands ?? REPORT_AGE_BANDS;
  const ageingFrom = options.ageingFrom ?? 50;
  const schoolById = new Map(schools.map((school) => [school.id, school]));
  type Group = ReturnType<typeof emptyGroup>;
  const county = emptyGroup(bands);
  const byUrbanRural: Record<UrbanRural, Group> = {
    urban: emptyGroup(bands),
    town: emptyGroup(bands),
    rural: emptyGroup(bands),
  };
  const townships = new Map<number, Group>();
  const bySchool = new Map<number, Group>();
  const unknown = new Set<number>();
  for (const school of schools) {
    bySchool.set(school.id, emptyGroup(bands));
    if (!townships.has(school.townshipId)) townships.set(school.townshipId, emptyGroup(bands));
  }
  for (const entry of roster.entries) {
    if (!counted(entry, options.includeSubstitutes ?? false) || !posts.has(entry.post)) continue;
    const school = schoolById.get(entry.schoolId);
    if (!school) {
      unknown.add(entry.schoolId);
      continue;
    }
    const age = ageOn(entry.birthDate, roster.asOf);
    const band = bands.find((b) => age >= b.min && (b.max === null || age <= b.max));
    const title = effectiveTitle(entry, options.titleBasis);
    const subject = entry.subject ?? 'none';
    for (const group of [
      county,
      byUrbanRural[school.urbanRural],
      townships.get(school.townshipId)!,
      bySchool.get(school.id)!,
    ]) {
      group.total++;
      group.ageSum += age;
      if (band) group.byAgeBand[band.key]++;
      group.bySex[entry.sex]++;
      group.byEducation[entry.education]++;
      group.byTitle[title]++;
      group.bySubject[subject] = (group.bySubject[subject] ?? 0) + 1;
      if (age >= ageingFrom) group.aged++;
    }
  }
  const finish = (group: Group): StructureGroup => {
    const { ageSum, ...rest } = group;
    return {
      ...rest,
      agedPercent: group.total > 0 ? (group.aged / group.total) * 100 : null,
      averageAge: group.total > 0 ? ageSum / group.total : null,
    };
  };
  return {
    asOf: roster.asOf,
    ageBands: bands,
    ageingFrom,
    county: finish(county),
    byUrbanRural: {
      urban: finish(byUrbanRural.urban),
      town: finish(byUrbanRural.town),
      rural: finish(byUrbanRural.rural),
    },
    townships: [...townships.entries()]
      .sort(([a], [b]) => a - b)
      .map(([townshipId, group]) => ({ townshipId, group: finish(group) })),
    schools: [...schools]
      .sort((a, b) => a.id - b.id)
      .map((school) => ({
        schoolId: school.id,
        townshipId: school.townshipId,
        urbanRural: school.urbanRural,
        group: finish(bySchool.get(school.id)!),
      })),
    unknownSchoolIds: [...unknown].sort((a, b) => a - b),
  };
}

/**
 * The 基表 teacher columns a roster supplies, under the 基表's own field names (StatRow; Chinese headers in
 * stats/stat-checks FIGURE_LABELS):
 * - staff 教职工数: employed people of every 岗位 (专任教师, 管理, 教辅, 工勤), 代课 excluded;
 * - fullTimeTeachers 专任教师数; and among 专任教师:
 * - aboveQualified 高于规定学历 (qualification.ts), backbone 县级及以上骨干 in force, pe/music/art 体育/音乐/美术 by
 *   main subject, midTitle 中级及以上职称 (一级教师 or higher, appointed level when recorded).
 * Teachers on leave still count: they hold the post.
 */
export type RosterStatFigures = Pick<
  StatRow,
  'fullTimeTeachers' | 'staff' | 'aboveQualified' | 'backbone' | 'pe' | 'music' | 'art' | 'midTitle'
>;

export interface RosterStatRow extends RosterStatFigures {
  schoolId: number;
  stage: TeacherStage;
}

export interface StatFigureOptions {
  includeSubstitutes?: boolean;
  titleBasis?: 'appointed' | 'held';
  aboveQualifiedMinimum?: Readonly<Record<TeacherStage, EducationLevel>>;
}

/** 基表 teacher figures by school and 学段, from the roster on the statistics date (rows sorted by school, 学段). */
export function statFiguresFromRoster(roster: Roster, options: StatFigureOptions = {}): RosterStatRow[] {
  const minimum = options.aboveQualifiedMinimum ?? DEFAULT_ABOVE_QUALIFIED_MINIMUM;
  const rows = new Map<string, RosterStatRow>();
  for (const entry of roster.entries) {
    if (!counted(entry, options.includeSubstitutes ?? false)) continue;
    const key = `${entry.schoolId}|${entry.stage}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        schoolId: entry.schoolId,
        stage: entry.stage,
        fullTimeTeachers: 0,
        staff: 0,
        aboveQualified: 0,
        backbone: 0,
        pe: 0,
        music: 0,
        art: 0,
        midTitle: 0,
      };
      rows.set(key, row);
    }
    row.staff++;
    if (entry.post !== 'full_time_teacher') continue;
    row.fullTimeTeachers++;
    if (isAboveQualified(entry.education, entry.stage, minimum)) row.aboveQualified++;
    if (entry.activeBackbone !== null) row.backbone++;
    if (entry.subject === 'pe') row.pe++;
    if (entry.subject === 'music') row.music++;
    if (entry.subject === 'art') row.art++;
    if (TITLES[effectiveTitle(entry, options.titleBasis)].rank >= MID_TITLE_MIN_RANK) row.midTitle++;
  }
  return [...rows.values()].sort((a, b) => a.schoolId - b.schoolId || compareStages(a.stage, b.stage));
}
