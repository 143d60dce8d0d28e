import type { StageKey } from './definitions';

/** 学段 of a 基表 row (the statistics system's own split; 中职 and 特教 are their own). */
export type StatStage = 'preschool' | 'primary' | 'junior' | 'senior' | 'vocational' | 'special';

/** One 基表 row: a school's figures for one 学年 and 学段. */
export interface StatRow {
  schoolId: number;
  stage: StatStage;
  /** 在校生数; for a kindergarten, 在园幼儿数. */
  students: number;
  classes: number;
  fullTimeTeachers: number;
  staff: number;
  aboveQualified: number;
  backbone: number;
  pe: number;
  music: number;
  art: number;
  midTitle: number;
  teachingArea: number;
  sportsArea: number;
  /** 教学仪器设备值, in 万元 as the statistics report it. */
  equipmentValue: number;
  multimediaRooms: number;
  books: number;
  computers: number;
  largeClasses: number;
  superLargeClasses: number;
  /** For a kindergarten: counted as 普惠 that year (a public kindergarten always is). */
  inclusive: boolean | null;
  /** Students by grade ('1'…'9'), when entered per grade. */
  grades: Record<string, number> | null;
}

/** A school as it was on the statistics date of the 学年. */
export interface SchoolInfo {
  id: number;
  code: string;
  name: string;
  type: string;
  ownership: string;
  urbanRural: string;
  townshipId: number;
  parentId: number | null;
}

/** Persons of one age in the county (公安户籍 or 统计), with the 三类残疾 children of that age. */
export interface PopulationRow {
  age: number;
  population: number;
  disabled: number;
  enrolledSpecial: number;
  enrolledRegular: number;
  enrolledHome: number;
}

export interface CountyYearInput {
  countyCode: string;
  schoolYear: number;
  schools: readonly SchoolInfo[];
  townshipIds: readonly number[];
  stats: readonly StatRow[];
  population: readonly PopulationRow[];
  /** 九年巩固率 denominator: the cohort's first-grade intake adjusted for transfers, recorded once per year. */
  cohortBase: number | null;
}

/** The province's rules for a year, resolved from configuration. */
export interface Policy {
  threshold(indicatorId: string, stage: StageKey): number | undefined;
  /** 教职工:学生 standard by 学段 (2014 编制标准). */
  staffingRatio: Record<'primary' | 'junior' | 'senior', number>;
  /** 教学点 with fewer students are counted within their parent school for the 均衡 indicators; null keeps them apart. */
  smallTeachingPointMergeBelow: number | null;
  includePrivateInBalance: boolean;
  countHomeDeliveryAsEnrolled: boolean;
}

export interface IndicatorValue {
  /** The value, unrounded; null when it cannot be computed (no students, no population). */
  v: number | null;
  n?: number;
  d?: number;
  /** The threshold applied, when there is one. */
  t?: number;
  s: 'pass' | 'fail' | 'none';
  /** Extra facts behind the value (e.g. which indicators a school missed). */
  x?: Record<string, unknown>;
}

export interface SnapshotRow {
  level: 'school' | 'township' | 'county';
  scopeId: string;
  stage: StageKey;
  values: Record<string, IndicatorValue>;
}
