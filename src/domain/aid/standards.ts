/**
 * Resolves the standard of a program for a 学期, from the shipped declarations plus the county's local overrides.
 * Standards are stated as the documents state them (per year, per day, once); the resolver says what the amount it
 * returns is per, and converts a per-year `fixed` standard into the per-term payment (half a year).
 */
import type { Term } from '../period';
import { formatYuan, parseYuanToFen } from '../phrasing/money';
import type { AidProgram, AidStage, StandardBasis, StandardOverride, StandardPeriod, Verification } from './types';

/** A number that orders terms: 2023 spring < 2023 autumn < 2024 spring. */
export function termOrdinal(term: Term): number {
  return term.year * 2 + (term.season === 'autumn' ? 1 : 0);
}

export function compareTerms(a: Term, b: Term): number {
  return termOrdinal(a) - termOrdinal(b);
}

export interface ActivePeriod {
  period: StandardPeriod;
  origin: 'national' | 'local';
}

/**
 * The standard period in force for `program` in `term`: the one that started last on or before it. A local override
 * starting in the same term as a shipped period wins; a later national change replaces an earlier local override, so
 * a county re-declares its tiers when the national standard moves (as in 2024 春 and 2025 春).
 */
export function activePeriod(
  program: AidProgram,
  term: Term,
  overrides: readonly StandardOverride[] = [],
): ActivePeriod | undefined {
  const at = termOrdinal(term);
  let best: ActivePeriod | undefined;
  const consider = (period: StandardPeriod, origin: ActivePeriod['origin']) => {
    const from = termOrdinal(period.from);
    if (from > at) return;
    const bestFrom = best ? termOrdinal(best.period.from) : -1;
    if (from > bestFrom || (from === bestFrom && origin === 'local')) best = { period, origin };
  };
  for (const period of program.standards) consider(period, 'national');
  for (const period of overrides) if (period.programId === program.id) consider(period, 'local');
  return best;
}

/** A standard resolved for one term and tier, in fen, with what it is per. */
export interface ResolvedStandard {
  programId: string;
  term: Term;
  tierId: string;
  tierLabel: string;
  basis: StandardBasis;
  /**
   * What `fen` is per: `term` (one 学期's payment; a per-year standard is halved), `once` (a one-off payment),
   * `day` (营养改善计划), or `year` (a 助学贷款 ceiling for the 学年).
   */
  per: 'term' | 'once' | 'day' | 'year';
  fen: number;
  yuan: number;
  /** `ceiling`: the smallest amount, per year. */
  minFen?: number;
  /** `per_day`: the most days paid in a year. */
  maxDaysPerYear?: number;
  /** Years within the 学段 the standard covers; absent: all. */
  grades?: readonly number[];
  origin: 'national' | 'local';
  source: string;
  verification: Verification;
}

export interface StandardQuery {
  program: AidProgram;
  term: Term;
  /** The student's 学段: tiers for other 学段 are left out. Absent: all tiers. */
  stage?: AidStage;
  /** The 年级 cell, for tiers that depend on it (研究生 loans). */
  grade?: string;
  overrides?: readonly StandardOverride[];
}

/** Every tier of the standard in force that applies to the query's 学段 and 年级, in declaration order. */
export function applicableStandards(query: StandardQuery): ResolvedStandard[] {
  const active = activePeriod(query.program, query.term, query.overrides);
  if (!active) return [];
  const { period, origin } = active;
  return period.tiers
    .filter((tier) => query.stage === undefined || !tier.stages || tier.stages.includes(query.stage))
    .filter((tier) => !tier.gradeKeywords || tier.gradeKeywords.some((word) => (query.grade ?? '').includes(word)))
    .map((tier) => {
      const fen = paymentFen(tier.yuan, period, query.program.id);
      return {
        programId: query.program.id,
        term: query.term,
        tierId: tier.id,
        tierLabel: tier.label,
        basis: period.basis,
        per: perOf(period),
        fen,
        yuan: fen / 100,
        ...(period.minYuan !== undefined ? { minFen: toFen(period.minYuan, query.program.id) } : {}),
        ...(period.maxDaysPerYear !== undefined ? { maxDaysPerYear: period.maxDaysPerYear } : {}),
        ...(period.grades ? { grades: period.grades } : {}),
        origin,
        source: period.source,
        verification: period.verification,
      };
    });
}

/**
 * The standard of one tier: `resolveStandard({ program, term, stage: 'junior' })` for 寄宿生补助 in 2023年秋季学期
 * is 625元 per term (1250元 a year). Without `tier`, the single applicable tier; undefined when there is none, or
 * several and no tier was named.
 */
export function resolveStandard(query: StandardQuery & { tier?: string }): ResolvedStandard | undefined {
  const tiers = applicableStandards(query);
  if (query.tier !== undefined) return tiers.find((tier) => tier.tierId === query.tier);
  return tiers.length === 1 ? tiers[0] : undefined;
}

/** The standards in words for a message: '小学500元/学期', '本专科生最高16000元/年'. */
export function describeStandards(standards: readonly ResolvedStandard[]): string {
  return standards
    .map((standard) => {
      const amount = `${formatYuan(standard.fen)}/${PER_LABELS[standard.per]}`;
      const prefix = standard.basis === 'ceiling' ? '最高' : '';
      return `${standard.tierLabel}${prefix}${amount}`;
    })
    .join('，');
}

const PER_LABELS = { term: '学期', once: '人（一次性）', day: '天', year: '年' } as const;

function perOf(period: StandardPeriod): ResolvedStandard['per'] {
  if (period.unit === 'year') return period.basis === 'fixed' ? 'term' : 'year';
  return period.unit;
}

function paymentFen(yuan: number, period: StandardPeriod, programId: string): number {
  const fen = toFen(yuan, programId);
  if (period.unit !== 'year' || period.basis !== 'fixed') return fen;
  // A per-year standard is paid in two equal 学期 instalments (1250元/年 → 625元 each term).
  if (fen % 2 !== 0) throw new RangeError(`${programId}: ${yuan}元/年 cannot be halved into whole fen`);
  return fen / 2;
}

function toFen(yuan: number, programId: string): number {
  const fen = parseYuanToFen(yuan);
  if (fen === undefined) throw new RangeError(`${programId}: standard ${yuan}元 is not an amount in yuan`);
  return fen;
}
