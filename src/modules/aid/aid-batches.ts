import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { programById } from '../../domain/aid/programs';
import { isIsoDate, parseTerm, termLabel, todayInChina } from '../../domain/period';
import { fenToYuanText } from '../../domain/phrasing/money';
import { recordAudit } from '../../platform/audit/record-audit';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors';
import { dataChanged } from '../../platform/events';
import { unseal } from '../../platform/personal-data/seal';
import { isCountyWide, requirePermission, scopeCoversSchool, type Viewer } from '../../platform/scope';
import { bankFileRows, findBatch, refreshBatchTotals } from './aid-batches.repository';
import { loadAidCatalog } from './aid-catalog';
import {
  BATCH_STATUSES,
  BATCH_TRANSITIONS,
  type BatchAction,
  type BatchStatus,
  type BatchTransition,
  transitionProblem,
} from './batch-workflow';
import { inTransaction } from './in-transaction';

/** The owner of lists and batches: a school in scope, or (null) the 资助中心 itself, which needs a county account. */
export async function checkOwner(db: Kysely<DB>, viewer: Viewer, countyCode: string, schoolId: number | null) {
  if (schoolId === null) {
    if (!isCountyWide(viewer.scope)) throw forbidden('县学生资助管理中心的名单只能由县级账号处理');
    return '县学生资助管理中心';
  }
  const school = await db
    .selectFrom('school')
    .select(['id', 'name', 'county_code', 'township_id'])
    .where('id', '=', schoolId)
    .where('county_code', '=', countyCode)
    .executeTakeFirst();
  if (!school || !scopeCoversSchool(viewer.scope, school)) throw notFound('学校');
  return school.name;
}

/** A new batch (待提交) numbered next in its county and term, with its first history entry. */
export async function openBatch(
  trx: Kysely<DB>,
  viewer: Viewer,
  input: {
    countyCode: string;
    term: string;
    schoolId: number | null;
    kind: 'regular' | 'correction';
    comment?: string;
  },
): Promise<{ id: number; county_code: string; seq: number; term: string }> {
  // Batch numbers are per county and term; the lock keeps two clerks from taking the same one.
  await sql`select pg_advisory_xact_lock(hashtext(${`aid-batch:${input.countyCode}:${input.term}`}))`.execute(trx);
  const row = await trx
    .selectFrom('aid_batch')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('county_code', '=', input.countyCode)
    .where('term', '=', input.term)
    .executeTakeFirst();
  const batch = await trx
    .insertInto('aid_batch')
    .values({
      county_code: input.countyCode,
      term: input.term,
      seq: Number(row?.seq ?? 0) + 1,
      school_id: input.schoolId,
      kind: input.kind,
      created_by: viewer.userId,
    })
    .returning(['id', 'county_code', 'seq', 'term'])
    .executeTakeFirstOrThrow();
  await recordTransition(trx, viewer, batch, 'create', null, 'draft', input.comment ?? null);
  return batch;
}

async function recordTransition(
  trx: Kysely<DB>,
  viewer: Viewer,
  batch: { id: number; county_code: string },
  action: string,
  from: BatchStatus | null,
  to: BatchStatus,
  comment: string | null,
): Promise<void> {
  await trx
    .insertInto('aid_batch_transition')
    .values({
      county_code: batch.county_code,
      batch_id: batch.id,
      action,
      from_status: from,
      to_status: to,
      comment,
      actor_id: viewer.userId,
      actor_name: viewer.actor.name,
    })
    .execute();
}

/** '2024年秋季学期第3批'. */
export function batchName(batch: { term: string; seq: number; kind?: string }): string {
  return `${termLabel(parseTerm(batch.term)!)}第${batch.seq}批${batch.kind === 'correction' ? '（更正）' : ''}`;
}

/**
 * Groups the owner's draft lists of a term that are in no batch yet into a new batch (待提交). A school groups its
 * own; the 资助中心 groups its own lists (loans, new-student aid).
 */
export async function createBatch(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  input: { term: string; schoolId: number | null },
): Promise<{ batchId: number; lists: number; rows: number }> {
  requirePermission(viewer, 'aid.import');
  const term = parseTerm(input.term);
  if (!term) throw validationError(`学期“${input.term}”无效`);
  const owner = await checkOwner(db, viewer, countyCode, input.schoolId);
  const run = async (trx: Kysely<DB>) => {
    let lists = trx
      .selectFrom('aid_list')
      .select(['id', 'row_count'])
      .where('county_code', '=', countyCode)
      .where('term', '=', input.term)
      .where('status', '=', 'draft')
      .where('batch_id', 'is', null);
    lists =
      input.schoolId === null ? lists.where('school_id', 'is', null) : lists.where('school_id', '=', input.schoolId);
    const found = await lists.forUpdate().execute();
    if (!found.length)
      throw validationError(`${owner}${termLabel(term)}没有待编入批次的名单（名单都已编入批次，或尚未导入）`);
    const batch = await openBatch(trx, viewer, {
      countyCode,
      term: input.term,
      schoolId: input.schoolId,
      kind: 'regular',
    });
    const seq = batch.seq;
    const ids = found.map((l) => l.id);
    await trx
      .updateTable('aid_list')
      .set({ batch_id: batch.id, updated_at: new Date() })
      .where('id', 'in', ids)
      .execute();
    await trx
      .updateTable('aid_beneficiary')
      .set({ batch_id: batch.id })
      .where('list_id', 'in', ids)
      .where('kind', '=', 'original')
      .execute();
    await refreshBatchTotals(trx, [batch.id]);
    const rows = found.reduce((sum, l) => sum + l.row_count, 0);
    await recordAudit(trx, viewer.actor, {
      action: 'aid.batch.create',
      entityType: 'aid_batch',
      entityId: batch.id,
      countyCode,
      summary: `生成发放批次“${batchName({ term: input.term, seq })}”（${owner}，${found.length}份名单，${rows}人次）`,
      after: { term: input.term, seq, schoolId: input.schoolId, lists: ids },
    });
    return { batchId: batch.id, lists: found.length, rows };
  };
  return inTransaction(db, run);
}

export interface TransitionInput {
  action: BatchAction;
  comment?: string | null;
  /** pay: the date the bank paid, YYYY-MM-DD. */
  paidOn?: string | null;
}

/**
 * Moves a batch along the workflow, with the transition's permission and scope: a school submits its own batches,
 * the 资助中心 (a county account) returns, reviews and pays. Reviewing needs every review finding of the lists
 * confirmed; paying needs the bank file exported and the date. The lists follow the batch; a paid batch is final.
 */
export async function transitionBatch(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  batchId: number,
  input: TransitionInput,
): Promise<{ status: BatchStatus }> {
  const transition: BatchTransition = BATCH_TRANSITIONS[input.action];
  requirePermission(viewer, transition.permission);
  if (!transition.byOwner && !isCountyWide(viewer.scope))
    throw forbidden(`只有县学生资助管理中心可以${transition.label}`);
  const comment = input.comment?.trim() || null;
  if (transition.commentRequired && !comment) throw validationError(`请填写${transition.label}的原因`);
  const batch = await findBatch(db, viewer.scope, countyCode, batchId);
  if (transition.byOwner) await checkOwner(db, viewer, countyCode, batch.school_id);
  const today = todayInChina();
  if (input.action === 'pay') {
    if (!input.paidOn || !isIsoDate(input.paidOn)) throw validationError('请填写发放日期（YYYY-MM-DD）');
    if (input.paidOn > today) throw validationError('发放日期不能晚于今天');
  }
  const run = async (trx: Kysely<DB>) => {
    const locked = await trx
      .selectFrom('aid_batch')
      .select(['id', 'county_code', 'status', 'kind', 'row_count', 'total_fen', 'bank_file_exported_at', 'term', 'seq'])
      .where('id', '=', batchId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const from = locked.status as BatchStatus;
    const problem = transitionProblem(input.action, from);
    if (problem) throw new AppError('CONFLICT', { message: `Batch is ${from}`, userMessage: problem });
    if (input.action === 'submit' && locked.row_count === 0) throw validationError('批次中没有资助名单，不能提交');
    if (input.action === 'review') {
      const open = await trx
        .selectFrom('aid_check_finding as f')
        .innerJoin('aid_list as l', 'l.id', 'f.list_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('l.batch_id', '=', batchId)
        .where('f.status', '=', 'open')
        .executeTakeFirstOrThrow();
      if (Number(open.n) > 0)
        throw validationError(`批次中还有${Number(open.n)}条核查提示未确认，请在名单中逐条核实确认后再审核`);
    }
    if (input.action === 'pay' && !locked.bank_file_exported_at)
      throw validationError('请先导出银行代发文件，银行发放后再确认发放');
    await refreshBatchTotals(trx, [batchId]);
    await trx
      .updateTable('aid_batch')
      .set({
        status: transition.to,
        updated_at: new Date(),
        ...(input.action === 'pay' ? { paid_on: input.paidOn } : {}),
        // A returned batch is exported again after it is fixed and reviewed.
        ...(input.action === 'return' ? { bank_file_exported_at: null } : {}),
      })
      .where('id', '=', batchId)
      .execute();
    if (locked.kind === 'regular')
      await trx
        .updateTable('aid_list')
        .set({ status: transition.to, updated_at: new Date() })
        .where('batch_id', '=', batchId)
        .execute();
    await recordTransition(trx, viewer, locked, input.action, from, transition.to, comment);
    const total = await trx
      .selectFrom('aid_batch')
      .select('total_fen')
      .where('id', '=', batchId)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, viewer.actor, {
      action: `aid.batch.${input.action}`,
      entityType: 'aid_batch',
      entityId: batchId,
      countyCode,
      summary: `${transition.label}：${batchName(locked)}（${batch.school_name ?? '县学生资助管理中心'}，${locked.row_count}人次，${fenToYuanText(Number(total.total_fen))}元）${comment ? `，意见：${comment}` : ''}`,
      before: { status: from },
      after: { status: transition.to, ...(input.paidOn ? { paidOn: input.paidOn } : {}), comment },
    });
    if (input.action === 'pay')
      await dataChanged(trx, { countyCode, area: 'aid', years: [Number(locked.term.slice(0, 4))] });
    return { status: transition.to as BatchStatus };
  };
  return inTransaction(db, run);
}

export interface BankFileRow {
  序号: number;
  学期: string;
  学校: string;
  资助项目: string;
  姓名: string;
  身份证号: string;
  '金额(元)': string;
  类型: string;
}

/**
 * The bank's payment file of a reviewed batch: the full ID numbers (banks pay to the student's 资助卡 by ID), so it
 * needs `pii.reveal`, and the export is audited. Exporting is what allows the batch to be marked paid.
 */
export async function exportBankFile(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  batchId: number,
): Promise<{ name: string; rows: BankFileRow[] }> {
  requirePermission(viewer, 'aid.review');
  requirePermission(viewer, 'pii.reveal');
  if (!isCountyWide(viewer.scope)) throw forbidden('银行代发文件只能由县学生资助管理中心导出');
  const batch = await findBatch(db, viewer.scope, countyCode, batchId);
  if (batch.status !== 'reviewed' && batch.status !== 'paid')
    throw validationError(`批次为“${BATCH_STATUSES[batch.status as BatchStatus]}”，审核通过后才能导出银行代发文件`);
  const { programs } = await loadAidCatalog(db, countyCode);
  const rows = (await bankFileRows(db, batchId)).map(
    (r, index): BankFileRow => ({
      序号: index + 1,
      学期: termLabel(parseTerm(r.term)!),
      学校: r.school_name ?? r.school_code,
      资助项目: programById(programs, r.program_id)?.name ?? r.program_id,
      姓名: r.name,
      身份证号: unseal(r.id_sealed),
      '金额(元)': fenToYuanText(Math.abs(r.amount_fen)),
      类型: r.kind === 'original' ? '发放' : r.amount_fen > 0 ? '更正补发' : '更正追回',
    }),
  );
  await inTransaction(db, async (trx) => {
    // A paid batch is locked; re-downloading its file is recorded in the audit log only.
    if (batch.status === 'reviewed')
      await trx.updateTable('aid_batch').set({ bank_file_exported_at: new Date() }).where('id', '=', batchId).execute();
    await recordAudit(trx, viewer.actor, {
      action: 'aid.bank_file.export',
      entityType: 'aid_batch',
      entityId: batchId,
      countyCode,
      summary: `导出银行代发文件：${batchName(batch)}（${rows.length}行，含完整身份证号）`,
    });
  });
  return { name: `${batch.school_name ?? '县学生资助管理中心'}${batchName(batch)}银行代发文件`, rows };
}
