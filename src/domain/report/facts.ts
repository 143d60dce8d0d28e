/**
 * Facts (PRODUCT.md §4): named figures a module publishes with their unit, period, scope and the records behind them.
 * Dashboards, targets and reports read facts only; none computes a figure of its own.
 */
export type FactPeriod =
  /** A calendar year (aid paid, training held, hires made in that year). */
  | { kind: 'year'; year: number }
  /** A 学年 by its starting year, counted on its statistics date (the 基表, indicators, the roster). */
  | { kind: 'school_year'; schoolYear: number };

export interface FactScope {
  level: 'county' | 'township' | 'school';
  id: string;
  name: string;
}

export interface Fact {
  /** Stable, dotted: `<module>.<name>[.<qualifier>]`, e.g. `teachers.hired.special_post`. */
  id: string;
  label: string;
  /** 人, 人次, 所, 元, %, 个, 学时… Money is always in 元 (exact); phrasing turns it into 万元. */
  unit: string;
  value: number | null;
  period: FactPeriod;
  scope: FactScope;
  /** How the value is obtained, in words a bureau official can check. */
  formula: string;
  /** Where the records behind it are, as a path of the web app (with its query). */
  href: string;
  /** A threshold the value is judged against, when there is one. */
  threshold?: { value: number; pass: boolean; direction: 'higher' | 'lower' };
  /** Extra structured detail a report may quote (names of schools, breakdowns). */
  detail?: Record<string, unknown>;
}

/** Facts of one county and year, keyed by id. */
export type FactSet = ReadonlyMap<string, Fact>;
