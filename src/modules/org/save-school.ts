import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { todayInChina } from '../../domain/period';
import { recordAudit } from '../../platform/audit/record-audit';
import { AppError, notFound } from '../../platform/errors';
import { dataChanged } from '../../platform/events';
import { canSeeCounty, requirePermission, type Viewer } from '../../platform/scope';
import { findSchool, findSchoolByCode } from './org.repository';
import { loadSchoolContext, type SchoolInput, schoolProblems } from './school-rules';

function rejectProblems(problems: ReturnType<typeof schoolProblems>): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new AppError('VALIDATION', {
      message: 'Invalid school',
      userMessage: errors.map((e) => e.message).join('；'),
      issues: errors.map((e) => ({ path: e.field, message: e.message })),
    });
  }
}

/** Registers one new school (the form counterpart of a one-row import). */
export async function createSchool(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  input: SchoolInput,
): Promise<number> {
  requirePermission(viewer, 'org.write');
  if (!canSeeCounty(viewer.scope, countyCode) || viewer.scope.level === 'township' || viewer.scope.level === 'school') {
    throw new AppError('FORBIDDEN', { message: 'Out of scope', userMessage: '只有县级账号可以新建学校' });
  }
  return db.transaction().execute(async (trx) => {
    const ctx = await loadSchoolContext(trx, countyCode);
    if (ctx.schoolsByCode.has(input.code)) {
      throw new AppError('CONFLICT', {
        message: 'Duplicate code',
        userMessage: `学校标识码${input.code}已存在`,
        issues: [{ path: 'code', message: '学校标识码已存在' }],
      });
    }
    rejectProblems(schoolProblems(input, ctx));
    const parent = input.parentCode ? await findSchoolByCode(trx, countyCode, input.parentCode) : undefined;
    const { id } = await trx
      .insertInto('school')
      .values({
        county_code: countyCode,
        code: input.code,
        name: input.name,
        type: input.type,
        ownership: input.ownership,
        urban_rural: input.urbanRural,
        township_id: input.townshipId,
        parent_school_id: parent?.id ?? null,
        credit_code: input.creditCode,
        address: input.address,
        opened_on: input.openedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('school_version')
      .values({
        county_code: countyCode,
        school_id: id,
        valid_from: input.openedOn ?? todayInChina(),
        name: input.name,
        type: input.type,
        ownership: input.ownership,
        urban_rural: input.urbanRural,
        township_id: input.townshipId,
        parent_school_id: parent?.id ?? null,
        status: 'open',
        change_kind: 'open',
        note: '新建',
        recorded_by: viewer.userId,
      })
      .execute();
    await dataChanged(trx, { countyCode: countyCode, area: 'schools' });
    await recordAudit(trx, viewer.actor, {
      action: 'school.create',
      entityType: 'school',
      entityId: id,
      countyCode,
      summary: `新建学校“${input.name}”（${input.code}）`,
      after: input,
    });
    return id;
  });
}

/**
 * Corrects a school's record (a typo, a wrong township): the current version changes in place. Changes that happen
 * on a date — renaming, 撤并, 撤销 — go through school-lifecycle.ts instead.
 */
export async function updateSchool(
  db: Kysely<DB>,
  viewer: Viewer,
  schoolId: number,
  input: Omit<SchoolInput, 'code' | 'name'>,
): Promise<void> {
  requirePermission(viewer, 'org.write');
  await db.transaction().execute(async (trx) => {
    const school = await findSchool(trx, viewer.scope, schoolId);
    if (!school) throw notFound('学校');
    const ctx = await loadSchoolContext(trx, school.county_code);
    const full: SchoolInput = { ...input, code: school.code, name: school.name };
    rejectProblems(schoolProblems(full, ctx));
    const parent = input.parentCode ? await findSchoolByCode(trx, school.county_code, input.parentCode) : undefined;
    const patch = {
      type: input.type,
      ownership: input.ownership,
      urban_rural: input.urbanRural,
      township_id: input.townshipId,
      parent_school_id: parent?.id ?? null,
      credit_code: input.creditCode,
      address: input.address,
      opened_on: input.openedOn,
    };
    await trx
      .updateTable('school')
      .set({ ...patch, updated_at: new Date() })
      .where('id', '=', school.id)
      .execute();
    const { credit_code: _c, address: _a, opened_on: _o, ...versioned } = patch;
    await trx
      .updateTable('school_version')
      .set(versioned)
      .where('school_id', '=', school.id)
      .where('valid_to', 'is', null)
      .execute();
    const before = {
      type: school.type,
      ownership: school.ownership,
      urban_rural: school.urban_rural,
      township_id: school.township_id,
      parent_school_id: school.parent_school_id,
      credit_code: school.credit_code,
      address: school.address,
      opened_on: school.opened_on,
    };
    await dataChanged(trx, { countyCode: school.county_code, area: 'schools' });
    await recordAudit(trx, viewer.actor, {
      action: 'school.update',
      entityType: 'school',
      entityId: school.id,
      countyCode: school.county_code,
      summary: `更正学校信息“${school.name}”`,
      before,
      after: patch,
    });
  });
}
