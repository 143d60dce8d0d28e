/**
 * What the annual-summary composer hands to each section and problem detector, and the two registry shapes. A new
 * area of the report is one `ReportSection` (its 成效 paragraph) and, if it can fail a standard, one
 * `ProblemDetector` (its 存在问题 item and the matching 工作计划 item), each added to its folder's index.
 */
import type { Block, Run } from './draft';
import type { Fact, FactSet } from './facts';

/** A fact whose value can be stated: present and numeric. */
export type NumericFact = Fact & { value: number };

export interface ReportContext {
  /** 青禾县. */
  countyName: string;
  /** The year reported on. */
  year: number;
  /** The last character of the county's name (县, 市, 区, 旗): "全县", "县委、县政府". */
  area: string;
  facts: FactSet;
  /** The same facts for year − 1, for comparisons of a fact with itself. */
  previous: FactSet;
  /** The fact of this year, when it has a value. */
  fact(id: string): NumericFact | undefined;
  /** The same fact's value of the previous year, when it has one. */
  previousValue(id: string): number | undefined;
}

/** A 成效 subsection: （一）{title}。 followed by its paragraphs. `null` (or no block) when it has no data. */
export interface ReportSection {
  id: string;
  /** Position among the subsections of 一、YYYY年工作成效. */
  order: number;
  title(ctx: ReportContext): string;
  compose(ctx: ReportContext): Block[] | null;
}

/**
 * A shortcoming found in the facts: its item of 二、存在的问题 (without the "一是" and the closing punctuation) and the
 * item of the 工作计划 that answers it (a short first sentence, which becomes the item's heading, then the measures).
 */
export interface Problem {
  id: string;
  evidence: Run[];
  plan: Run[];
}

export interface ProblemDetector {
  id: string;
  /** Position of the item among the problems and among the plan items. */
  order: number;
  detect(ctx: ReportContext): Problem | null;
}

export interface ReportContextInput {
  countyName: string;
  year: number;
  facts: FactSet;
  previous: FactSet;
}

const AREA_WORDS = ['县', '市', '区', '旗'];

export function createReportContext(input: ReportContextInput): ReportContext {
  const last = input.countyName.trim().slice(-1);
  const numeric = (set: FactSet, id: string): NumericFact | undefined => {
    const fact = set.get(id);
    return fact && typeof fact.value === 'number' && Number.isFinite(fact.value) ? (fact as NumericFact) : undefined;
  };
  return {
    countyName: input.countyName,
    year: input.year,
    area: AREA_WORDS.includes(last) ? last : '县',
    facts: input.facts,
    previous: input.previous,
    fact: (id) => numeric(input.facts, id),
    previousValue: (id) => numeric(input.previous, id)?.value,
  };
}

/** A stated fact that was judged against a threshold. */
export type JudgedFact = NumericFact & { threshold: NonNullable<Fact['threshold']> };

/** True when the fact has a value, is judged against a threshold and fails it. */
export function failsThreshold(fact: Fact | undefined): fact is JudgedFact {
  return fact !== undefined && typeof fact.value === 'number' && fact.threshold !== undefined && !fact.threshold.pass;
}

/** School names a fact carries in `detail.schools`, or none. */
export function detailSchools(fact: Fact | undefined): string[] {
  const schools = fact?.detail?.schools;
  return Array.isArray(schools) ? schools.filter((name): name is string => typeof name === 'string') : [];
}
