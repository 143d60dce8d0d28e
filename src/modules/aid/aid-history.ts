import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { programById } from '../../domain/aid/programs';
import { checkIdCard } from '../../domain/codes/id-card';
import { maskIdNumber } from '../../domain/masking';
import { parseTerm, termLabel } from '../../domain/period';
import { recordAudit } from '../../platform/audit/record-audit';
import { validationError } from '../../platform/errors';
import { lookupHash } from '../../platform/personal-data/seal';
import { isCountyWide, requirePermission, schoolInScope, type Viewer } from '../../platform/scope';
import { loadAidCatalog } from './aid-catalog';
import { termOrder } from './term-order';

/**
 * A student's aid across years and programs, found by ID number. Looking a person up by ID is a use of personal data:
 * it needs `pii.reveal` and is audited (with the number masked). The answer shows the number masked too.
 */
export async function studentAidHistory(db: Kysely<DB>, viewer: Viewer, countyCode: string, idNumber: string) {
  requirePermission(viewer, 'aid.read');
  requirePermission(viewer, 'pii.reveal');
  const id = checkIdCard(idNumber);
  if (!id.ok) throw validationError(`身份证号无效：${id.reason}`, [{ path: 'idNumber', message: id.reason }]);
  const { programs } = await loadAidCatalog(db, countyCode);
  let query = db
    .selectFrom('aid_beneficiary as b')
    .innerJoin('aid_list', 'aid_list.id', 'b.list_id')
    .leftJoin('school', 'school.id', 'aid_list.school_id')
    .leftJoin('aid_batch as bb', 'bb.id', 'b.batch_id')
    .leftJoin('school as at', 'at.id', 'b.school_id')
    .where('b.county_code', '=', countyCode)
    .where('b.id_hash', '=', lookupHash(id.value))
    .select([
      'b.id',
      'b.kind',
      'b.corrects_id',
      'b.term',
      'b.program_id',
      'b.name',
      'b.school_code',
      'at.name as school_name',
      'b.grade',
      'b.class_name',
      'b.categories',
      'b.hardship_level',
      'b.amount_fen',
      'b.reason',
      'aid_list.id as list_id',
      'bb.status as batch_status',
      'bb.paid_on',
    ])
    .orderBy(termOrder('b.term'))
    .orderBy('b.program_id')
    .orderBy('b.id');
  if (!isCountyWide(viewer.scope)) query = query.where(schoolInScope(viewer.scope));
  const rows = await query.execute();
  const paid = rows.filter((r) => r.batch_status === 'paid');
  await recordAudit(db, viewer.actor, {
    action: 'aid.history.lookup',
    entityType: 'person',
    entityId: maskIdNumber(id.value),
    countyCode,
    summary: `按身份证号${maskIdNumber(id.value)}查询学生资助记录（${rows.length}条）`,
  });
  return {
    idMasked: maskIdNumber(id.value),
    names: [...new Set(rows.map((r) => r.name))],
    paidPersonTimes: paid.filter((r) => r.kind === 'original').length,
    paidAmountFen: paid.reduce((sum, r) => sum + r.amount_fen, 0),
    rows: rows.map((r) => ({
      ...r,
      termLabel: termLabel(parseTerm(r.term)!),
      programName: programById(programs, r.program_id)?.name ?? r.program_id,
    })),
  };
}
