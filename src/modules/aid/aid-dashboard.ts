import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AidTotal } from '../../domain/aid/totals';
import { AID_STAGES, REPORT_GROUPS, type ReportGroup } from '../../domain/aid/types';
import { termsOfCalendarYear } from '../../domain/period';
import { compareCounts, compareMoney } from '../../domain/phrasing/compare';
import { formatWan } from '../../domain/phrasing/money';
import { isCountyWide, type Scope } from '../../platform/scope';
import { loadAidCatalog } from './aid-catalog';
import { loadAidDirectory } from './aid-directory';
import { listInScope } from './aid-lists.repository';
import { aidYears, loadAidRecords, totalsOf } from './aid-totals';

const TREND_YEARS = 5;

export interface TotalRow {
  key: string;
  label: string;
  personTimes: number;
  persons: number;
  schools: number;
  amountFen: number;
  /** For charts and tables only; phrasing uses amountFen. */
  amountWan: number;
  amountText: string;
  previous: { personTimes: number; persons: number; amountFen: number } | null;
  /** '较上年增加187人次，增长18.9%'. */
  personTimesChange: string | null;
  amountChange: string | null;
}

function row(key: string, label: string, current: AidTotal, previous: AidTotal | undefined): TotalRow {
  return {
    key,
    label,
    personTimes: current.personTimes,
    persons: current.persons,
    schools: current.schools,
    amountFen: current.amountFen,
    amountWan: current.amountWan,
    amountText: formatWan(current.amountFen, 'exact'),
    previous: previous
      ? { personTimes: previous.personTimes, persons: previous.persons, amountFen: previous.amountFen }
      : null,
    personTimesChange: previous ? compareCounts(current.personTimes, previous.personTimes, '人次') : null,
    amountChange: previous ? compareMoney(current.amountFen, previous.amountFen) : null,
  };
}

const EMPTY: AidTotal = { personTimes: 0, persons: 0, schools: 0, amountFen: 0, amountYuan: 0, amountWan: 0 };

/**
 * The 资助 dashboard of a calendar year for the viewer's scope: totals by report group, program, 学段 and township
 * with the change on the previous year, a few years' trend, the generated paragraph, and what is still waiting
 * (lists not yet paid, review findings open).
 */
export async function aidDashboard(db: Kysely<DB>, scope: Scope, countyCode: string, year: number) {
  const [catalog, directory, years] = await Promise.all([
    loadAidCatalog(db, countyCode),
    loadAidDirectory(db, countyCode),
    aidYears(db, countyCode),
  ]);
  const trendYears = [...new Set([year, year - 1, ...years.filter((y) => y <= year)])]
    .sort((a, b) => b - a)
    .slice(0, TREND_YEARS)
    .sort((a, b) => a - b);
  const records = await loadAidRecords(
    db,
    scope,
    countyCode,
    trendYears.flatMap((y) => termsOfCalendarYear(y)),
  );
  const countyWide = isCountyWide(scope);
  const byYear = new Map(
    trendYears.map((y) => [
      y,
      totalsOf(
        records.filter((r) => r.term.year === y),
        { kind: 'calendar_year', year: y },
        catalog.programs,
        directory.townshipOf,
        countyWide,
      ),
    ]),
  );
  const current = byYear.get(year)!;
  const previous = byYear.get(year - 1);
  const hasPrevious = !!previous && previous.totals.all.personTimes > 0;
  const prev = <T extends Record<string, AidTotal>>(map: T | undefined, key: string) =>
    hasPrevious ? (map?.[key] ?? EMPTY) : undefined;

  const groups = (Object.keys(REPORT_GROUPS) as ReportGroup[]).map((group) =>
    row(group, REPORT_GROUPS[group], current.totals.byGroup[group], prev(previous?.totals.byGroup, group)),
  );
  const programs = catalog.programs
    .filter((p) => current.totals.byProgram[p.id] || (hasPrevious && previous?.totals.byProgram[p.id]))
    .map((p) => ({
      ...row(p.id, p.name, current.totals.byProgram[p.id] ?? EMPTY, prev(previous?.totals.byProgram, p.id)),
      reportGroup: p.reportGroup,
    }));
  const stages = Object.entries(current.totals.byStage).map(([stage, total]) =>
    row(stage, AID_STAGES[stage as keyof typeof AID_STAGES], total, prev(previous?.totals.byStage, stage)),
  );
  const townships = Object.entries(current.totals.byTownship)
    .map(([name, total]) => row(name, name === 'unassigned' ? '县外高校（贷款、新生资助）' : name, total, undefined))
    .sort((a, b) => b.amountFen - a.amountFen);

  const pending = await db
    .selectFrom('aid_list')
    .leftJoin('school', 'school.id', 'aid_list.school_id')
    .where(listInScope(scope, countyCode))
    .where(
      'aid_list.term',
      'in',
      termsOfCalendarYear(year).map((t) => `${t.year}-${t.season}`),
    )
    .where('aid_list.status', '<>', 'paid')
    .select((eb) => [
      eb.fn.countAll<number>().as('lists'),
      eb.fn.coalesce(eb.fn.sum<number>('aid_list.row_count'), eb.lit(0)).as('rows'),
      eb.fn.coalesce(eb.fn.sum<number>('aid_list.amount_fen'), eb.lit(0)).as('fen'),
    ])
    .executeTakeFirstOrThrow();
  const openFindings = await db
    .selectFrom('aid_check_finding as f')
    .innerJoin('aid_list', 'aid_list.id', 'f.list_id')
    .leftJoin('school', 'school.id', 'aid_list.school_id')
    .where(listInScope(scope, countyCode))
    .where('f.status', '=', 'open')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

  return {
    year,
    years,
    hasPrevious,
    all: row('all', '合计', current.totals.all, hasPrevious ? previous?.totals.all : undefined),
    groups,
    programs,
    stages,
    townships,
    trend: trendYears.map((y) => {
      const t = byYear.get(y)!.totals;
      return {
        year: y,
        groups: Object.fromEntries(
          (Object.keys(REPORT_GROUPS) as ReportGroup[]).map((g) => [
            g,
            { personTimes: t.byGroup[g].personTimes, amountWan: t.byGroup[g].amountWan },
          ]),
        ),
      };
    }),
    paragraph: current.paragraph,
    parts: current.parts,
    pending: {
      lists: Number(pending.lists),
      rows: Number(pending.rows),
      amountFen: Number(pending.fen),
      openFindings: Number(openFindings.n),
    },
  };
}
