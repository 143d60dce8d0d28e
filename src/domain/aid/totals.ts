/**
 * Totals of accepted aid records for a 学期, a 学年 or a calendar year, by program, school, township, 学段 and
 * report group: 人次 (rows), distinct persons (by ID number), distinct schools and the amount in exact fen. A
 * student aided in both terms of a year is 2 人次 and 1 person.
 */
import { type SchoolYear, schoolYearLabel, type Term, termCode, termLabel, termsOfCalendarYear } from '../period';
import { FEN_PER_WAN, FEN_PER_YUAN } from '../phrasing/money';
import { programById } from './programs';
import type { AidRecord } from './records';
import { type AidProgram, type AidStage, REPORT_GROUPS, type ReportGroup } from './types';

/** A calendar year is its spring term plus its autumn term; a 学年 is its autumn term plus the next spring. */
export type AidPeriod =
  | { kind: 'term'; term: Term }
  | { kind: 'school_year'; schoolYear: SchoolYear }
  | { kind: 'calendar_year'; year: number };

export interface AidTotal {
  /** Rows: each payment to a student in a term (人次). */
  personTimes: number;
  /** Distinct ID numbers (人). */
  persons: number;
  /** Distinct 学校标识码. */
  schools: number;
  /** Exact amount; phrase figures from this. */
  amountFen: number;
  /** For tables and charts only (a float). */
  amountYuan: number;
  /** For tables and charts only (a float). */
  amountWan: number;
}

export interface AidTotals {
  period: AidPeriod;
  all: AidTotal;
  /** Every report group is present, with zeros when it has no rows. */
  byGroup: Record<ReportGroup, AidTotal>;
  byProgram: Record<string, AidTotal>;
  bySchool: Record<string, AidTotal>;
  /** Schools the township lookup does not know (a 生源地贷款 student's university) are under UNASSIGNED_TOWNSHIP. */
  byTownship: Record<string, AidTotal>;
  byStage: Partial<Record<AidStage, AidTotal>>;
}

export const UNASSIGNED_TOWNSHIP = 'unassigned';

class Accumulator {
  #personTimes = 0;
  #amountFen = 0;
  readonly #persons = new Set<string>();
  readonly #schools = new Set<string>();

  add(record: AidRecord): void {
    if (!Number.isSafeInteger(record.amountFen))
      throw new RangeError(`amount must be integer fen: ${record.amountFen}`);
    this.#personTimes += 1;
    this.#amountFen += record.amountFen;
    this.#persons.add(record.idNumber);
    this.#schools.add(record.schoolCode);
  }

  total(): AidTotal {
    return {
      personTimes: this.#personTimes,
      persons: this.#persons.size,
      schools: this.#schools.size,
      amountFen: this.#amountFen,
      amountYuan: this.#amountFen / FEN_PER_YUAN,
      amountWan: this.#amountFen / FEN_PER_WAN,
    };
  }
}

/** An empty total, for a program or group that has no rows. */
export const EMPTY_AID_TOTAL: AidTotal = Object.freeze(new Accumulator().total());

export interface AidTotalsOptions {
  period: AidPeriod;
  programs: readonly AidProgram[];
  /** The township (乡镇/学区) id of a school; undefined for schools outside the county. */
  townshipOf?: (schoolCode: string) => string | undefined;
}

/** The terms a period covers, in order. */
export function termsOfPeriod(period: AidPeriod): Term[] {
  switch (period.kind) {
    case 'term':
      return [period.term];
    case 'school_year':
      return [
        { year: period.schoolYear, season: 'autumn' },
        { year: period.schoolYear + 1, season: 'spring' },
      ];
    case 'calendar_year':
      return termsOfCalendarYear(period.year);
  }
}

/** '2023年秋季学期', '2023-2024学年', '2023年'. */
export function periodLabel(period: AidPeriod): string {
  switch (period.kind) {
    case 'term':
      return termLabel(period.term);
    case 'school_year':
      return schoolYearLabel(period.schoolYear);
    case 'calendar_year':
      return `${period.year}年`;
  }
}

/** Totals of the records that fall in the period. Throws on a record whose program is not declared. */
export function computeAidTotals(records: readonly AidRecord[], options: AidTotalsOptions): AidTotals {
  const terms = new Set(termsOfPeriod(options.period).map(termCode));
  const all = new Accumulator();
  const byGroup = new Map<string, Accumulator>(Object.keys(REPORT_GROUPS).map((group) => [group, new Accumulator()]));
  const byProgram = new Map<string, Accumulator>();
  const bySchool = new Map<string, Accumulator>();
  const byTownship = new Map<string, Accumulator>();
  const byStage = new Map<string, Accumulator>();
  for (const record of records) {
    if (!terms.has(termCode(record.term))) continue;
    const program = programById(options.programs, record.programId);
    if (!program) throw new RangeError(`aid record for undeclared program ${record.programId}`);
    const township = options.townshipOf?.(record.schoolCode) ?? UNASSIGNED_TOWNSHIP;
    all.add(record);
    byGroup.get(program.reportGroup)!.add(record);
    bucket(byProgram, program.id).add(record);
    bucket(bySchool, record.schoolCode).add(record);
    bucket(byTownship, township).add(record);
    bucket(byStage, record.stage).add(record);
  }
  return {
    period: options.period,
    all: all.total(),
    byGroup: totalsOf(byGroup) as Record<ReportGroup, AidTotal>,
    byProgram: totalsOf(byProgram),
    bySchool: totalsOf(bySchool),
    byTownship: totalsOf(byTownship),
    byStage: totalsOf(byStage) as Partial<Record<AidStage, AidTotal>>,
  };
}

function bucket(map: Map<string, Accumulator>, key: string): Accumulator {
  let accumulator = map.get(key);
  if (!accumulator) {
    accumulator = new Accumulator();
    map.set(key, accumulator);
  }
  return accumulator;
}

function totalsOf(map: Map<string, Accumulator>): Record<string, AidTotal> {
  return Object.fromEntries([...map].map(([key, accumulator]) => [key, accumulator.total()]));
}
