import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AidPeriod, AidTotal } from '../../domain/aid/totals';
import { REPORT_GROUPS, type ReportGroup } from '../../domain/aid/types';
import { parseTerm, type Term } from '../../domain/period';
import { divideToFixed, trimTrailingZeros } from '../../domain/phrasing/decimal';
import { FEN_PER_WAN, fenToYuanText, formatWan } from '../../domain/phrasing/money';
import { validationError } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { aidTotals } from './aid-totals';

/** A total as the CLI prints it: 人次, persons, and the amount exactly in 元 and in 万元 (as strings, no float). */
function figures(total: AidTotal) {
  return {
    personTimes: total.personTimes,
    persons: total.persons,
    schools: total.schools,
    amountFen: total.amountFen,
    amountYuan: fenToYuanText(total.amountFen),
    amountWan: trimTrailingZeros(divideToFixed(total.amountFen, FEN_PER_WAN, 6)),
    amountText: formatWan(total.amountFen, 'auto'),
  };
}

/**
 * The period of `aid summary`: the calendar year, or one of its terms ('秋', '2024秋', '2024年秋季学期', 'autumn').
 */
export function summaryPeriod(year: number, term?: string): AidPeriod {
  if (!term) return { kind: 'calendar_year', year };
  const season = /^(春|春季|spring)$/i.test(term.trim())
    ? 'spring'
    : /^(秋|秋季|autumn)$/i.test(term.trim())
      ? 'autumn'
      : undefined;
  const parsed: Term | undefined = season ? { year, season } : parseTerm(term);
  if (!parsed) throw validationError(`--term “${term}”无效，应为 春、秋 或 2024年秋季学期`);
  if (parsed.year !== year) throw validationError(`--term 的年份${parsed.year}与 --year ${year} 不一致`);
  return { kind: 'term', term: parsed };
}

/** Totals per program and report group, with the generated paragraph, for the CLI and scripts. */
export async function aidSummary(db: Kysely<DB>, scope: Scope, countyCode: string, period: AidPeriod) {
  const result = await aidTotals(db, scope, countyCode, period);
  return {
    county: countyCode,
    period: { ...period, label: result.label },
    all: figures(result.totals.all),
    groups: (Object.keys(REPORT_GROUPS) as ReportGroup[]).map((group) => ({
      id: group,
      name: REPORT_GROUPS[group],
      ...figures(result.totals.byGroup[group]),
    })),
    programs: result.programs
      .filter((program) => result.totals.byProgram[program.id])
      .map((program) => ({
        id: program.id,
        name: program.name,
        reportGroup: program.reportGroup,
        ...figures(result.totals.byProgram[program.id]),
      })),
    paragraph: result.paragraph,
  };
}

/** The summary as a table for a terminal. */
export function summaryText(summary: Awaited<ReturnType<typeof aidSummary>>): string {
  const line = (name: string, f: ReturnType<typeof figures>) =>
    `  ${name}\t${f.personTimes}人次\t${f.persons}人\t${f.amountYuan}元\t${f.amountWan}万元`;
  return [
    `${summary.period.label}学生资助（${summary.county}）`,
    '按统计口径：',
    ...summary.groups.map((g) => line(g.name, g)),
    '按项目：',
    ...summary.programs.map((p) => line(p.name, p)),
    '',
    summary.paragraph || '（该期间没有已发放的资助）',
  ].join('\n');
}
