import type { Kysely } from 'kysely';
import type { DB, School } from '../../db/schema';
import { SCHOOL_TYPES } from '../../domain/org/school-types';
import { isIsoDate, todayInChina } from '../../domain/period';
import { recordAudit } from '../../platform/audit/record-audit';
import { AppError, notFound, validationError } from '../../platform/errors';
import { dataChanged } from '../../platform/events';
import { requirePermission, type Viewer } from '../../platform/scope';
import { childSchools, currentVersion, findSchool } from './org.repository';

export interface LifecycleChange {
  effectiveDate: string;
  note?: string;
}

const KIND_LABELS = { rename: '更名', merge: '撤并', close: '撤销' } as const;

async function loadOpenSchool(trx: Kysely<DB>, viewer: Viewer, schoolId: number): Promise<School> {
  const school = await findSchool(trx, viewer.scope, schoolId);
  if (!school) throw notFound('学校');
  if (school.status !== 'open')
    throw validationError(`“${school.name}”已${school.status === 'merged' ? '撤并' : '撤销'}，不能再办理变更`);
  return school;
}

function checkEffectiveDate(effectiveDate: string, currentFrom: string): void {
  if (!isIsoDate(effectiveDate))
    throw validationError('生效日期不是有效日期', [{ path: 'effectiveDate', message: '生效日期不是有效日期' }]);
  if (effectiveDate > todayInChina())
    throw validationError('生效日期不能晚于今天', [{ path: 'effectiveDate', message: '生效日期不能晚于今天' }]);
  if (effectiveDate <= currentFrom) {
    const message = `生效日期须晚于当前信息的生效日期（${currentFrom}）`;
    throw validationError(message, [{ path: 'effectiveDate', message }]);
  }
}

/**
 * Ends the school's current version the day a change takes effect and opens the next one with `changes` applied, so
 * "the schools as of a date" stays answerable.
 */
async function startVersion(
  trx: Kysely<DB>,
  viewer: Viewer,
  school: School,
  kind: keyof typeof KIND_LABELS | 'reparent',
  change: LifecycleChange,
  changes: Partial<{ name: string; status: string; merged_into_id: number | null; parent_school_id: number | null }>,
): Promise<void> {
  const current = await currentVersion(trx, school.id);
  if (!current) throw new AppError('INTERNAL', { message: `School ${school.id} has no current version` });
  checkEffectiveDate(change.effectiveDate, current.valid_from);
  await trx
    .updateTable('school_version')
    .set({ valid_to: change.effectiveDate })
    .where('id', '=', current.id)
    .execute();
  const { id: _id, valid_from: _from, valid_to: _to, recorded_at: _at, ...carried } = current;
  await trx
    .insertInto('school_version')
    .values({
      ...carried,
      ...changes,
      valid_from: change.effectiveDate,
      change_kind: kind,
      note: change.note ?? null,
      recorded_by: viewer.userId,
    })
    .execute();
}

export async function renameSchool(
  db: Kysely<DB>,
  viewer: Viewer,
  schoolId: number,
  newName: string,
  change: LifecycleChange,
): Promise<void> {
  requirePermission(viewer, 'org.write');
  const name = newName.trim();
  if (name.length < 2 || name.length > 60)
    throw validationError('学校名称应为2至60个字', [{ path: 'name', message: '学校名称应为2至60个字' }]);
  await db.transaction().execute(async (trx) => {
    const school = await loadOpenSchool(trx, viewer, schoolId);
    if (name === school.name) throw validationError('新名称与现名称相同');
    await startVersion(trx, viewer, school, 'rename', change, { name });
    await trx.updateTable('school').set({ name, updated_at: new Date() }).where('id', '=', school.id).execute();
    await dataChanged(trx, { countyCode: school.county_code, area: 'schools' });
    await recordAudit(trx, viewer.actor, {
      action: 'school.rename',
      entityType: 'school',
      entityId: school.id,
      countyCode: school.county_code,
      summary: `学校更名：“${school.name}”更名为“${name}”，${change.effectiveDate}起生效`,
      before: { name: school.name },
      after: { name, effectiveDate: change.effectiveDate, note: change.note },
    });
  });
}

/** 撤并: the school stops and its 教学点 move to the receiving school, from the effective date. */
export async function mergeSchool(
  db: Kysely<DB>,
  viewer: Viewer,
  schoolId: number,
  intoSchoolId: number,
  change: LifecycleChange,
): Promise<void> {
  requirePermission(viewer, 'org.write');
  if (schoolId === intoSchoolId) throw validationError('不能并入学校自身');
  await db.transaction().execute(async (trx) => {
    const school = await loadOpenSchool(trx, viewer, schoolId);
    const target = await loadOpenSchool(trx, viewer, intoSchoolId);
    if (target.county_code !== school.county_code) throw validationError('只能并入本县的学校');
    if (target.type === 'teaching_point') throw validationError('不能并入教学点');
    await startVersion(trx, viewer, school, 'merge', change, { status: 'merged', merged_into_id: target.id });
    await trx
      .updateTable('school')
      .set({ status: 'merged', closed_on: change.effectiveDate, merged_into_id: target.id, updated_at: new Date() })
      .where('id', '=', school.id)
      .execute();
    const children = (await childSchools(trx, school.id)).filter((c) => c.status === 'open');
    for (const child of children) {
      await startVersion(
        trx,
        viewer,
        child,
        'reparent',
        { effectiveDate: change.effectiveDate, note: `原所属学校“${school.name}”并入“${target.name}”` },
        { parent_school_id: target.id },
      );
      await trx
        .updateTable('school')
        .set({ parent_school_id: target.id, updated_at: new Date() })
        .where('id', '=', child.id)
        .execute();
    }
    await dataChanged(trx, { countyCode: school.county_code, area: 'schools' });
    await recordAudit(trx, viewer.actor, {
      action: 'school.merge',
      entityType: 'school',
      entityId: school.id,
      countyCode: school.county_code,
      summary: `学校撤并：“${school.name}”并入“${target.name}”，${change.effectiveDate}起生效${children.length ? `，${children.length}个教学点随之划转` : ''}`,
      before: { status: 'open' },
      after: {
        status: 'merged',
        mergedInto: { id: target.id, code: target.code, name: target.name },
        movedTeachingPoints: children.map((c) => c.code),
        effectiveDate: change.effectiveDate,
        note: change.note,
      },
    });
  });
}

export async function closeSchool(
  db: Kysely<DB>,
  viewer: Viewer,
  schoolId: number,
  change: LifecycleChange,
): Promise<void> {
  requirePermission(viewer, 'org.write');
  await db.transaction().execute(async (trx) => {
    const school = await loadOpenSchool(trx, viewer, schoolId);
    const openChildren = (await childSchools(trx, school.id)).filter((c) => c.status === 'open');
    if (openChildren.length) {
      throw validationError(
        `该校还有${openChildren.length}个教学点（${openChildren.map((c) => c.name).join('、')}），请先将其撤销或划转`,
      );
    }
    await startVersion(trx, viewer, school, 'close', change, { status: 'closed' });
    await trx
      .updateTable('school')
      .set({ status: 'closed', closed_on: change.effectiveDate, updated_at: new Date() })
      .where('id', '=', school.id)
      .execute();
    await dataChanged(trx, { countyCode: school.county_code, area: 'schools' });
    await recordAudit(trx, viewer.actor, {
      action: 'school.close',
      entityType: 'school',
      entityId: school.id,
      countyCode: school.county_code,
      summary: `学校撤销：“${school.name}”（${SCHOOL_TYPES[school.type as keyof typeof SCHOOL_TYPES]?.label ?? school.type}），${change.effectiveDate}起生效`,
      before: { status: 'open' },
      after: { status: 'closed', effectiveDate: change.effectiveDate, note: change.note },
    });
  });
}
