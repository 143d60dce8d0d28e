import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AID_CHECK_RULES } from '../../domain/aid/check-rules';
import { checkBeneficiaryRows } from '../../domain/aid/checks';
import { programById } from '../../domain/aid/programs';
import { parseTerm, termLabel } from '../../domain/period';
import { fenToYuanText, formatYuan, parseYuanToFen } from '../../domain/phrasing/money';
import { recordAudit } from '../../platform/audit/record-audit';
import { forbidden, notFound, validationError } from '../../platform/errors';
import { unseal } from '../../platform/personal-data/seal';
import { isCountyWide, requirePermission, type Viewer } from '../../platform/scope';
import { batchName, checkOwner, openBatch } from './aid-batches';
import { refreshBatchTotals } from './aid-batches.repository';
import { loadAidCatalog } from './aid-catalog';
import { loadAidDirectory } from './aid-directory';
import { inTransaction } from './in-transaction';

const AMOUNT_RULES = new Set(['invalid_amount', 'no_standard', 'amount_above_standard', 'amount_below_minimum']);

/**
 * Corrects a paid payment without touching it: a new row carries the difference between the amount that should have
 * been paid and what was paid so far (negative when money is recovered), in the owner's open correction batch, which
 * then goes through submit, review and pay like any batch. The new amount must fit the term's standard.
 */
export async function registerCorrection(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  beneficiaryId: number,
  input: { amountYuan: string | number; reason: string },
): Promise<{ correctionId: number; batchId: number; deltaFen: number }> {
  if (!viewer.permissions.has('aid.import') && !viewer.permissions.has('aid.review')) throw forbidden();
  const reason = input.reason.trim();
  if (reason.length < 2) throw validationError('请填写更正原因');
  const target = parseYuanToFen(input.amountYuan);
  if (target === undefined) throw validationError(`更正后金额“${input.amountYuan}”无效，应为最多两位小数的元数`);
  const row = await db
    .selectFrom('aid_beneficiary as b')
    .innerJoin('aid_list as l', 'l.id', 'b.list_id')
    .innerJoin('aid_batch as bb', 'bb.id', 'b.batch_id')
    .selectAll('b')
    .select(['l.school_id as owner_id', 'bb.status as batch_status'])
    .where('b.id', '=', beneficiaryId)
    .where('b.county_code', '=', countyCode)
    .where('b.kind', '=', 'original')
    .executeTakeFirst();
  if (!row) throw notFound('资助记录');
  await checkOwner(db, viewer, countyCode, row.owner_id);
  if (row.batch_status !== 'paid')
    throw validationError('该名单尚未发放，不需要登记更正：请退回后重新导入名单，或在审核时说明');
  const { programs, overrides } = await loadAidCatalog(db, countyCode);
  const program = programById(programs, row.program_id);
  const term = parseTerm(row.term)!;
  if (target > 0 && program) {
    const directory = await loadAidDirectory(db, countyCode);
    const findings = checkBeneficiaryRows(
      [
        {
          row: row.row_number ?? 0,
          term,
          programId: row.program_id,
          schoolCode: row.school_code,
          name: row.name,
          idNumber: unseal(row.id_sealed),
          grade: row.grade,
          className: row.class_name,
          categories: row.categories,
          hardshipLevel: row.hardship_level ?? '',
          amount: fenToYuanText(target),
        },
      ],
      { programs, overrides, school: directory.inTerm },
    ).filter((f) => AMOUNT_RULES.has(f.rule) && f.severity === 'block');
    if (findings.length)
      throw validationError(
        `更正后金额不符合资助标准：${findings.map((f) => `${AID_CHECK_RULES[f.rule].label}，${f.message}`).join('；')}`,
      );
  }

  return inTransaction(db, async (trx) => {
    const corrections = await trx
      .selectFrom('aid_beneficiary')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'))
      .where('corrects_id', '=', beneficiaryId)
      .executeTakeFirstOrThrow();
    const current = row.amount_fen + Number(corrections.fen);
    const delta = target - current;
    if (delta === 0) throw validationError(`金额已是${formatYuan(target)}，无需更正`);
    let batch = await trx
      .selectFrom('aid_batch')
      .select(['id', 'seq', 'term'])
      .where('county_code', '=', countyCode)
      .where('term', '=', row.term)
      .where('kind', '=', 'correction')
      .where('status', '=', 'draft')
      .where((eb) => (row.owner_id === null ? eb('school_id', 'is', null) : eb('school_id', '=', row.owner_id)))
      .forUpdate()
      .executeTakeFirst();
    batch ??= await openBatch(trx, viewer, {
      countyCode,
      term: row.term,
      schoolId: row.owner_id,
      kind: 'correction',
      comment: '登记更正时生成',
    });
    const inserted = await trx
      .insertInto('aid_beneficiary')
      .values({
        county_code: countyCode,
        list_id: row.list_id,
        batch_id: batch.id,
        kind: 'correction',
        corrects_id: beneficiaryId,
        term: row.term,
        program_id: row.program_id,
        school_code: row.school_code,
        school_id: row.school_id,
        row_number: row.row_number,
        name: row.name,
        id_hash: row.id_hash,
        id_sealed: row.id_sealed,
        id_masked: row.id_masked,
        grade: row.grade,
        class_name: row.class_name,
        stage: row.stage,
        categories: JSON.stringify(row.categories),
        hardship_level: row.hardship_level,
        amount_fen: delta,
        reason,
        created_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await refreshBatchTotals(trx, [batch.id]);
    await recordAudit(trx, viewer.actor, {
      action: 'aid.correction',
      entityType: 'aid_beneficiary',
      entityId: beneficiaryId,
      countyCode,
      summary: `登记更正：${row.name}（${row.id_masked}）${termLabel(term)}“${program?.name ?? row.program_id}”由${formatYuan(current)}更正为${formatYuan(target)}，编入${batchName({ ...batch, kind: 'correction' })}；原因：${reason}`,
      before: { amountFen: current },
      after: { amountFen: target, deltaFen: delta, correctionId: inserted.id, reason },
    });
    return { correctionId: inserted.id, batchId: batch.id, deltaFen: delta };
  });
}

/**
 * The 资助中心 confirms review findings after looking into them (a transfer paid pro rata, a province's wider
 * category list), with what it found. A batch is reviewed only when none of its findings is open.
 */
export async function resolveFindings(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  findingIds: readonly number[],
  resolution: string,
): Promise<{ resolved: number }> {
  requirePermission(viewer, 'aid.review');
  if (!isCountyWide(viewer.scope)) throw forbidden('核查提示由县学生资助管理中心确认');
  const text = resolution.trim();
  if (text.length < 2) throw validationError('请填写核实情况');
  if (!findingIds.length) throw validationError('请选择要确认的核查提示');
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('aid_check_finding')
      .set({ status: 'resolved', resolution: text, resolved_by: viewer.userId, resolved_at: new Date() })
      .where('county_code', '=', countyCode)
      .where('id', 'in', findingIds)
      .where('status', '=', 'open')
      .returning(['id', 'list_id', 'row_number', 'message'])
      .execute();
    if (!updated.length) throw notFound('待确认的核查提示');
    await recordAudit(trx, viewer.actor, {
      action: 'aid.finding.resolve',
      entityType: 'aid_list',
      entityId: updated[0].list_id,
      countyCode,
      summary: `确认${updated.length}条资助名单核查提示：${text}`,
      after: { findings: updated.map((f) => ({ id: f.id, row: f.row_number, message: f.message })), resolution: text },
    });
    return { resolved: updated.length };
  });
}
