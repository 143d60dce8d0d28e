/**
 * The declaration of a 学生资助 program: one plain object per program, national or local, that drives the standard
 * resolver, the import checks, the totals and the report paragraph.
 */
import type { Term } from '../period';
import type { AidCategory } from './categories';

/** 学段 a program pays in. University is where 生源地贷款 and 新生入学资助 students study. */
export const AID_STAGES = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '普通高中',
  vocational: '中职',
  university: '高校',
} as const;
export type AidStage = keyof typeof AID_STAGES;

/**
 * How the seeds report a program. School-level aid is summed into 受助学生人次 and 资助金额; loans, new-student
 * travel aid and the nutrition program each get their own sentence and are not in that sum (seed 000).
 */
export const REPORT_GROUPS = {
  school_aid: '学校资助',
  loan: '生源地信用助学贷款',
  freshman_travel: '大学新生入学资助',
  nutrition: '营养改善计划',
} as const;
export type ReportGroup = keyof typeof REPORT_GROUPS;

/** How reliable a number is, with the legend of standards.md. `local` is a county's own configuration. */
export type Verification = 'src' | 'computed' | 'unverified' | 'local';

/**
 * How a row's amount relates to the standard:
 * - `fixed`: the amount equals one of the tiers (助学金, 生活补助, 免学费);
 * - `ceiling`: any amount from `minYuan` up to the tier (助学贷款);
 * - `per_day`: a whole number of days at the tier's daily rate, at most `maxDaysPerYear` days (营养改善计划).
 */
export type StandardBasis = 'fixed' | 'ceiling' | 'per_day';

/** The unit the documents state the tier amounts in. A per-year `fixed` standard is paid half each 学期. */
export type StandardUnit = 'year' | 'term' | 'once' | 'day';

export interface StandardTier {
  /** Stable id: 'standard', 'primary', 'tier_1', 'in_province'. */
  id: string;
  /** Chinese label: 小学, 一档, 省内院校. */
  label: string;
  /** Amount in 元, in the period's `unit`. */
  yuan: number;
  /** The tier applies only to these 学段 (寄宿生补助: 小学 1000, 初中 1250). */
  stages?: readonly AidStage[];
  /** The tier applies only when the 年级 cell contains one of these words (研究生 loans). */
  gradeKeywords?: readonly string[];
}

/** A standard in force from `from` until the next period of the same program starts. */
export interface StandardPeriod {
  from: Term;
  basis: StandardBasis;
  unit: StandardUnit;
  /** Empty when there is no national amount: the county must configure one (a local override). */
  tiers: readonly StandardTier[];
  /** `ceiling`: the smallest amount allowed. */
  minYuan?: number;
  /** `per_day`: the most days paid in a year. */
  maxDaysPerYear?: number;
  /** Years within the 学段 covered (中职助学金: 一、二年级 until 2024, all three from 2025). Absent: all. */
  grades?: readonly number[];
  /** Where the numbers come from (document and URL as in standards.md §3). */
  source: string;
  verification: Verification;
}

/** A county's own standard for a program (its tiers, its fee), replacing the shipped one from `from` on. */
export interface StandardOverride extends StandardPeriod {
  programId: string;
}

/** Central share in percent by region tier (西部 / 中部 / 东部); absent when set by the province. */
export interface FundingSplit {
  centralShare?: { west?: number; central?: number; east?: number };
  /** The split in words, as the documents put it. */
  note: string;
  source: string;
  verification: Verification;
}

export interface AidProgram {
  /** Stable English snake_case id, used in storage and configuration. */
  id: string;
  /** Chinese name as in the documents. */
  name: string;
  /** How the annual summary introduces it when it has no sentence of its own (local programs). */
  reportPhrase?: string;
  stages: readonly AidStage[];
  reportGroup: ReportGroup;
  funding: FundingSplit;
  /** The student must hold at least one 资助对象类别 (need-based aid). */
  requiresCategory: boolean;
  /** When set, the categories the policy names; others are accepted after review (provinces widen the list). */
  eligibleCategories?: readonly AidCategory[];
  /** Programs a student cannot hold in the same 学期 together with this one (checked both ways). */
  exclusiveWith: readonly string[];
  /** Paid once per person ever (新生入学资助), so a second row in any term is a duplicate. */
  oncePerPerson?: boolean;
  /** Shipped standards in time order; may be empty for a local program that sets them by override. */
  standards: readonly StandardPeriod[];
  /** A county's own program rather than a national one. */
  local?: boolean;
}
