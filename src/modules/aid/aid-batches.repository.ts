import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { notFound } from '../../platform/errors';
import { isCountyWide, type Scope, schoolInScope } from '../../platform/scope';
import { termOrder } from './term-order';

/** Batches whose school is in scope; the 资助中心's own batches (no school) only for county-wide accounts. */
export function batchInScope(scope: Scope, countyCode: string) {
  return (eb: ExpressionBuilder<DB, 'aid_batch' | 'school'>) =>
    eb.and([
      eb('aid_batch.county_code', '=', countyCode),
      isCountyWide(scope) ? eb.lit(true) : schoolInScope(scope)(eb as never),
    ]);
}

/** Recounts rows and money of batches from their rows (after a merge, a new batch or a correction). */
export async function refreshBatchTotals(trx: Kysely<DB>, batchIds: readonly number[]): Promise<void> {
  if (!batchIds.length) return;
  await sql`update aid_batch b set row_count = coalesce(a.n, 0), total_fen = coalesce(a.fen, 0), updated_at = now()
    from (select id from aid_batch where id in (${sql.join(batchIds)})) x
    left join (select batch_id, count(*) as n, sum(amount_fen) as fen from aid_beneficiary
      where batch_id in (${sql.join(batchIds)}) group by batch_id) a on a.batch_id = x.id
    where b.id = x.id`.execute(trx);
}

export interface BatchFilter {
  term?: string;
  status?: string;
  schoolId?: number;
  page?: number;
  pageSize?: number;
}

const BATCH_COLUMNS = [
  'aid_batch.id',
  'aid_batch.term',
  'aid_batch.seq',
  'aid_batch.kind',
  'aid_batch.status',
  'aid_batch.school_id',
  'school.name as school_name',
  'school.code as school_code',
  'aid_batch.row_count',
  'aid_batch.total_fen',
  'aid_batch.paid_on',
  'aid_batch.bank_file_exported_at',
  'aid_batch.created_at',
  'aid_batch.updated_at',
] as const;

/** One page of batches in scope, newest term first, with their lists and open findings counted. */
export async function listBatches(db: Kysely<DB>, scope: Scope, countyCode: string, filter: BatchFilter) {
  const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 200);
  const page = Math.max(filter.page ?? 1, 1);
  let query = db
    .selectFrom('aid_batch')
    .leftJoin('school', 'school.id', 'aid_batch.school_id')
    .where(batchInScope(scope, countyCode));
  if (filter.term) query = query.where('aid_batch.term', '=', filter.term);
  if (filter.status) query = query.where('aid_batch.status', '=', filter.status as 'draft');
  if (filter.schoolId) query = query.where('aid_batch.school_id', '=', filter.schoolId);
  const [rows, total] = await Promise.all([
    query
      .select([...BATCH_COLUMNS])
      .select((eb) => [
        eb
          .selectFrom('aid_list')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('aid_list.batch_id', '=', 'aid_batch.id')
          .as('lists'),
        eb
          .selectFrom('aid_check_finding as f')
          .innerJoin('aid_list as fl', 'fl.id', 'f.list_id')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('fl.batch_id', '=', 'aid_batch.id')
          .where('f.status', '=', 'open')
          .as('open_findings'),
      ])
      .orderBy(termOrder('aid_batch.term'), 'desc')
      .orderBy('aid_batch.seq', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    page,
    pageSize,
    items: rows.map((r) => ({ ...r, lists: Number(r.lists ?? 0), open_findings: Number(r.open_findings ?? 0) })),
  };
}

/** A batch in scope, or NOT_FOUND. */
export async function findBatch(db: Kysely<DB>, scope: Scope, countyCode: string, batchId: number) {
  const batch = await db
    .selectFrom('aid_batch')
    .leftJoin('school', 'school.id', 'aid_batch.school_id')
    .where(batchInScope(scope, countyCode))
    .where('aid_batch.id', '=', batchId)
    .select([...BATCH_COLUMNS, 'aid_batch.county_code', 'aid_batch.created_by'])
    .executeTakeFirst();
  if (!batch) throw notFound('发放批次');
  return batch;
}

/** A batch with its lists (or, for a correction batch, its adjusting rows) and its transition history. */
export async function batchDetail(db: Kysely<DB>, scope: Scope, countyCode: string, batchId: number) {
  const batch = await findBatch(db, scope, countyCode, batchId);
  const [lists, corrections, history] = await Promise.all([
    db
      .selectFrom('aid_list')
      .select(['id', 'term', 'program_id', 'status', 'row_count', 'amount_fen'])
      .select((eb) =>
        eb
          .selectFrom('aid_check_finding as f')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('f.list_id', '=', 'aid_list.id')
          .where('f.status', '=', 'open')
          .as('open_findings'),
      )
      .where('batch_id', '=', batchId)
      .orderBy('program_id')
      .execute(),
    db
      .selectFrom('aid_beneficiary as c')
      .innerJoin('aid_beneficiary as o', 'o.id', 'c.corrects_id')
      .select([
        'c.id',
        'c.program_id',
        'c.name',
        'c.id_masked',
        'c.grade',
        'c.class_name',
        'c.amount_fen',
        'c.reason',
        'o.amount_fen as original_fen',
        'c.created_at',
      ])
      .where('c.batch_id', '=', batchId)
      .where('c.kind', '=', 'correction')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('aid_batch_transition')
      .select(['id', 'action', 'from_status', 'to_status', 'comment', 'actor_name', 'at'])
      .where('batch_id', '=', batchId)
      .orderBy('id')
      .execute(),
  ]);
  return {
    batch,
    lists: lists.map((l) => ({ ...l, open_findings: Number(l.open_findings ?? 0) })),
    corrections,
    history,
  };
}

/** Rows of a batch for the bank's payment file, with the sealed ID numbers (the caller unseals and audits). */
export function bankFileRows(db: Kysely<DB>, batchId: number) {
  return db
    .selectFrom('aid_beneficiary as b')
    .leftJoin('school', 'school.id', 'b.school_id')
    .select([
      'b.id',
      'b.kind',
      'b.term',
      'b.program_id',
      'b.school_code',
      'school.name as school_name',
      'b.name',
      'b.id_sealed',
      'b.amount_fen',
    ])
    .where('b.batch_id', '=', batchId)
    .orderBy('b.school_code')
    .orderBy('b.program_id')
    .orderBy('b.row_number')
    .orderBy('b.id')
    .execute();
}

/** Owners in scope (schools, and the 资助中心 for county accounts) with draft lists of a term not yet in a batch. */
export async function batchableOwners(db: Kysely<DB>, scope: Scope, countyCode: string, term: string) {
  const rows = await db
    .selectFrom('aid_list')
    .leftJoin('school', 'school.id', 'aid_list.school_id')
    .where('aid_list.county_code', '=', countyCode)
    .where(isCountyWide(scope) ? sql<boolean>`true` : (eb) => schoolInScope(scope)(eb as never))
    .where('aid_list.term', '=', term)
    .where('aid_list.status', '=', 'draft')
    .where('aid_list.batch_id', 'is', null)
    .select(['aid_list.school_id', 'school.name as school_name', 'school.code as school_code'])
    .select((eb) => [
      eb.fn.countAll<number>().as('lists'),
      eb.fn.sum<number>('aid_list.row_count').as('rows'),
      eb.fn.sum<number>('aid_list.amount_fen').as('fen'),
    ])
    .groupBy(['aid_list.school_id', 'school.name', 'school.code'])
    .orderBy(sql`school.code nulls first`)
    .execute();
  return rows.map((r) => ({ ...r, lists: Number(r.lists), rows: Number(r.rows ?? 0), fen: Number(r.fen ?? 0) }));
}
