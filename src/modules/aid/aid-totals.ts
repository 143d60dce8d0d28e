import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { aidParagraphParts, type ParagraphPart } from '../../domain/aid/paragraph';
import type { AidRecord } from '../../domain/aid/records';
import { type AidPeriod, type AidTotals, computeAidTotals, periodLabel, termsOfPeriod } from '../../domain/aid/totals';
import type { AidProgram, AidStage } from '../../domain/aid/types';
import { parseTerm, type Term, termCode } from '../../domain/period';
import { isCountyWide, type Scope } from '../../platform/scope';
import { loadAidCatalog } from './aid-catalog';
import { loadAidDirectory } from './aid-directory';

/**
 * The payments that count: rows of paid batches, each with the corrections paid since folded into its amount. A
 * payment corrected to nothing was not a payment and is left out (it is neither 人次 nor money). The ID hash stands
 * for the ID number: the totals only count distinct persons with it.
 */
export async function loadAidRecords(
  db: Kysely<DB>,
  scope: Scope,
  countyCode: string,
  terms: readonly Term[],
): Promise<AidRecord[]> {
  if (!terms.length) return [];
  const codes = sql.join(terms.map(termCode));
  const inScope = isCountyWide(scope)
    ? sql``
    : scope.level === 'school'
      ? sql`and b.school_id in (${sql.join(scope.schoolIds)})`
      : scope.level === 'township'
        ? sql`and b.school_id in (select id from school where county_code = ${countyCode} and township_id = ${scope.townshipId})`
        : sql`and false`;
  const { rows } = await sql<{
    term: string;
    program_id: string;
    school_code: string;
    id_hash: string;
    stage: string;
    amount_fen: number;
  }>`with corrections as (
      select c.corrects_id, sum(c.amount_fen) as fen from aid_beneficiary c
      join aid_batch cb on cb.id = c.batch_id and cb.status = 'paid'
      where c.county_code = ${countyCode} and c.kind = 'correction' and c.term in (${codes})
      group by c.corrects_id)
    select b.term, b.program_id, b.school_code, b.id_hash, b.stage, b.amount_fen + coalesce(k.fen, 0) as amount_fen
    from aid_beneficiary b
    join aid_batch bb on bb.id = b.batch_id and bb.status = 'paid'
    left join corrections k on k.corrects_id = b.id
    where b.county_code = ${countyCode} and b.kind = 'original' and b.term in (${codes}) ${inScope}`.execute(db);
  const parsed = new Map(terms.map((t) => [termCode(t), t]));
  const records: AidRecord[] = [];
  for (const r of rows) {
    const amountFen = Number(r.amount_fen);
    if (amountFen <= 0) continue;
    records.push({
      term: parsed.get(r.term) ?? parseTerm(r.term)!,
      programId: r.program_id,
      schoolCode: r.school_code,
      idNumber: r.id_hash,
      stage: r.stage as AidStage,
      amountFen,
    });
  }
  return records;
}

export interface AidTotalsResult {
  period: AidPeriod;
  label: string;
  totals: AidTotals;
  parts: ParagraphPart[];
  paragraph: string;
  programs: AidProgram[];
}

/** Totals of a period and its paragraph, for the viewer's scope (a school sees its own pupils only). */
export async function aidTotals(
  db: Kysely<DB>,
  scope: Scope,
  countyCode: string,
  period: AidPeriod,
): Promise<AidTotalsResult> {
  const [catalog, directory] = await Promise.all([loadAidCatalog(db, countyCode), loadAidDirectory(db, countyCode)]);
  const records = await loadAidRecords(db, scope, countyCode, termsOfPeriod(period));
  return totalsOf(records, period, catalog.programs, directory.townshipOf, isCountyWide(scope));
}

export function totalsOf(
  records: readonly AidRecord[],
  period: AidPeriod,
  programs: AidProgram[],
  townshipOf: (code: string) => string | undefined,
  countyWide = true,
): AidTotalsResult {
  const totals = computeAidTotals(records, { period, programs, townshipOf });
  // The paragraph speaks for 全县: a school's or township's share of it has no sentence of its own.
  const parts = countyWide ? aidParagraphParts(totals, { programs }) : [];
  return {
    period,
    label: periodLabel(period),
    totals,
    parts,
    paragraph: parts.map((p) => p.text).join(''),
    programs,
  };
}

/** Calendar years that have paid aid in the county, newest first. */
export async function aidYears(db: Kysely<DB>, countyCode: string): Promise<number[]> {
  const rows = await db
    .selectFrom('aid_batch')
    .select('term')
    .distinct()
    .where('county_code', '=', countyCode)
    .where('status', '=', 'paid')
    .execute();
  return [...new Set(rows.map((r) => Number(r.term.slice(0, 4))))].sort((a, b) => b - a);
}
