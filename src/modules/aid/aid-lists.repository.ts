import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { AID_CATEGORIES, HARDSHIP_LEVELS } from '../../domain/aid/categories';
import { programById } from '../../domain/aid/programs';
import { AID_COLUMNS } from '../../domain/aid/records';
import { compareTerms } from '../../domain/aid/standards';
import { parseTerm, termLabel } from '../../domain/period';
import { fenToYuanText } from '../../domain/phrasing/money';
import { notFound } from '../../platform/errors';
import { isCountyWide, type Scope, schoolInScope } from '../../platform/scope';
import { loadAidCatalog } from './aid-catalog';
import { termOrder } from './term-order';

/** Lists whose school is in scope; the 资助中心's own lists (no school) only for county-wide accounts. */
export function listInScope(scope: Scope, countyCode: string) {
  return (eb: ExpressionBuilder<DB, 'aid_list' | 'school'>) =>
    eb.and([
      eb('aid_list.county_code', '=', countyCode),
      isCountyWide(scope) ? eb.lit(true) : schoolInScope(scope)(eb as never),
    ]);
}

export interface ListFilter {
  term?: string;
  programId?: string;
  schoolId?: number;
  status?: string;
  /** Only lists with review findings not yet resolved. */
  withOpenFindings?: boolean;
  page?: number;
  pageSize?: number;
}

const LIST_COLUMNS = [
  'aid_list.id',
  'aid_list.term',
  'aid_list.program_id',
  'aid_list.school_id',
  'school.name as school_name',
  'school.code as school_code',
  'aid_list.status',
  'aid_list.batch_id',
  'aid_batch.seq as batch_seq',
  'aid_list.row_count',
  'aid_list.amount_fen',
  'aid_list.updated_at',
] as const;

/** One page of lists in scope, newest term first, with their findings counted. */
export async function listAidLists(db: Kysely<DB>, scope: Scope, countyCode: string, filter: ListFilter) {
  const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 200);
  const page = Math.max(filter.page ?? 1, 1);
  let query = db
    .selectFrom('aid_list')
    .leftJoin('school', 'school.id', 'aid_list.school_id')
    .leftJoin('aid_batch', 'aid_batch.id', 'aid_list.batch_id')
    .where(listInScope(scope, countyCode));
  if (filter.term) query = query.where('aid_list.term', '=', filter.term);
  if (filter.programId) query = query.where('aid_list.program_id', '=', filter.programId);
  if (filter.schoolId) query = query.where('aid_list.school_id', '=', filter.schoolId);
  if (filter.status) query = query.where('aid_list.status', '=', filter.status as 'draft');
  if (filter.withOpenFindings)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('aid_check_finding as f')
          .select('f.id')
          .whereRef('f.list_id', '=', 'aid_list.id')
          .where('f.status', '=', 'open'),
      ),
    );
  const [rows, total] = await Promise.all([
    query
      .select([...LIST_COLUMNS])
      .select((eb) => [
        eb
          .selectFrom('aid_check_finding as f')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('f.list_id', '=', 'aid_list.id')
          .where('f.status', '=', 'open')
          .as('open_findings'),
        eb
          .selectFrom('aid_check_finding as f')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('f.list_id', '=', 'aid_list.id')
          .as('findings'),
      ])
      .orderBy(termOrder('aid_list.term'), 'desc')
      .orderBy('aid_list.program_id')
      .orderBy(sql`school.code nulls first`)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    page,
    pageSize,
    items: rows.map((r) => ({
      ...r,
      open_findings: Number(r.open_findings ?? 0),
      findings: Number(r.findings ?? 0),
    })),
  };
}

/** A list in scope with its findings, or NOT_FOUND. */
export async function findAidList(db: Kysely<DB>, scope: Scope, countyCode: string, listId: number) {
  const list = await db
    .selectFrom('aid_list')
    .leftJoin('school', 'school.id', 'aid_list.school_id')
    .leftJoin('aid_batch', 'aid_batch.id', 'aid_list.batch_id')
    .where(listInScope(scope, countyCode))
    .where('aid_list.id', '=', listId)
    .select([...LIST_COLUMNS, 'aid_list.import_job_id', 'aid_batch.status as batch_status'])
    .executeTakeFirst();
  if (!list) throw notFound('资助名单');
  const findings = await db
    .selectFrom('aid_check_finding as f')
    .leftJoin('app_user as u', 'u.id', 'f.resolved_by')
    .select([
      'f.id',
      'f.row_number',
      'f.rule',
      'f.column_name',
      'f.message',
      'f.status',
      'f.resolution',
      'f.resolved_at',
      'f.beneficiary_id',
      'u.display_name as resolved_by_name',
    ])
    .where('f.list_id', '=', listId)
    .orderBy('f.status', 'desc')
    .orderBy('f.row_number')
    .execute();
  return { list, findings };
}

/**
 * One page of a list's rows (ID numbers masked), each with its net amount after paid corrections and the
 * corrections waiting in a batch.
 */
export async function listRows(
  db: Kysely<DB>,
  listId: number,
  options: { page?: number; pageSize?: number; q?: string },
) {
  const pageSize = Math.min(Math.max(options.pageSize ?? 20, 1), 200);
  const page = Math.max(options.page ?? 1, 1);
  let query = db.selectFrom('aid_beneficiary as b').where('b.list_id', '=', listId).where('b.kind', '=', 'original');
  if (options.q) {
    const like = `%${options.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('b.name', 'like', like), eb('b.class_name', 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    query
      .select([
        'b.id',
        'b.row_number',
        'b.name',
        'b.id_masked',
        'b.school_code',
        'b.grade',
        'b.class_name',
        'b.stage',
        'b.categories',
        'b.hardship_level',
        'b.amount_fen',
      ])
      .select((eb) => [
        eb
          .selectFrom('aid_beneficiary as c')
          .innerJoin('aid_batch as cb', 'cb.id', 'c.batch_id')
          .select(sql<number>`coalesce(sum(c.amount_fen), 0)`.as('n'))
          .whereRef('c.corrects_id', '=', 'b.id')
          .where('cb.status', '=', 'paid')
          .as('paid_corrections_fen'),
        eb
          .selectFrom('aid_beneficiary as c')
          .innerJoin('aid_batch as cb', 'cb.id', 'c.batch_id')
          .select(sql<number>`coalesce(sum(c.amount_fen), 0)`.as('n'))
          .whereRef('c.corrects_id', '=', 'b.id')
          .where('cb.status', '<>', 'paid')
          .as('pending_corrections_fen'),
      ])
      .orderBy('b.row_number')
      .orderBy('b.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    page,
    pageSize,
    items: rows.map((r) => ({
      ...r,
      paid_corrections_fen: Number(r.paid_corrections_fen ?? 0),
      pending_corrections_fen: Number(r.pending_corrections_fen ?? 0),
    })),
  };
}

/** Terms that have lists in the county, newest first (for the selectors). */
export async function aidTerms(db: Kysely<DB>, countyCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('aid_list')
    .select('term')
    .distinct()
    .where('county_code', '=', countyCode)
    .execute();
  return rows.map((r) => r.term).sort((a, b) => compareTerms(parseTerm(b)!, parseTerm(a)!));
}

const EXPORT_PAGE = 10_000;

/** Every stored list row in scope as template rows, ID numbers masked, read in pages to keep memory flat. */
export async function* exportListRows(
  db: Kysely<DB>,
  scope: Scope,
  countyCode: string,
): AsyncIterable<Record<string, string | number | null>> {
  const { programs } = await loadAidCatalog(db, countyCode);
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('aid_beneficiary as b')
      .innerJoin('aid_list', 'aid_list.id', 'b.list_id')
      .leftJoin('school', 'school.id', 'aid_list.school_id')
      .where(listInScope(scope, countyCode))
      .where('b.kind', '=', 'original')
      .where('b.id', '>', after)
      .select([
        'b.id',
        'b.term',
        'b.program_id',
        'b.school_code',
        'b.name',
        'b.id_masked',
        'b.grade',
        'b.class_name',
        'b.categories',
        'b.hardship_level',
        'b.amount_fen',
      ])
      .orderBy('b.id')
      .limit(EXPORT_PAGE)
      .execute();
    for (const r of rows)
      yield {
        [AID_COLUMNS.term]: termLabel(parseTerm(r.term)!),
        [AID_COLUMNS.programId]: programById(programs, r.program_id)?.name ?? r.program_id,
        [AID_COLUMNS.schoolCode]: r.school_code,
        [AID_COLUMNS.name]: r.name,
        [AID_COLUMNS.idNumber]: r.id_masked,
        [AID_COLUMNS.grade]: r.grade,
        [AID_COLUMNS.className]: r.class_name,
        [AID_COLUMNS.categories]: r.categories
          .map((c) => AID_CATEGORIES[c as keyof typeof AID_CATEGORIES]?.label ?? c)
          .join('、'),
        [AID_COLUMNS.hardshipLevel]: r.hardship_level
          ? (HARDSHIP_LEVELS[r.hardship_level as keyof typeof HARDSHIP_LEVELS] ?? r.hardship_level)
          : null,
        [AID_COLUMNS.amount]: fenToYuanText(r.amount_fen),
      };
    if (rows.length < EXPORT_PAGE) return;
    after = rows[rows.length - 1].id;
  }
}
