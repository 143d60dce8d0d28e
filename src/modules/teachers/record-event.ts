import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { checkIdCard, idCardFacts } from '../../domain/codes/id-card';
import { maskIdNumber, maskPhone } from '../../domain/masking';
import { todayInChina } from '../../domain/period';
import { EVENT_LABELS } from '../../domain/teachers/event-validation';
import { foldEvents, type HireEvent, type TeacherEvent } from '../../domain/teachers/events';
import { recordAudit } from '../../platform/audit/record-audit';
import { notFound, validationError } from '../../platform/errors';
import { dataChanged } from '../../platform/events';
import { lookupHash, seal } from '../../platform/personal-data/seal';
import { requirePermission, schoolInScope, type Viewer } from '../../platform/scope';
import { eventToRow } from './event-rows';
import { loadHistories, refreshTeacherState } from './roster';

/** An event as a form or the API submits it: the teacher is given apart. */
export type EventInput = TeacherEvent extends infer E ? (E extends TeacherEvent ? Omit<E, 'teacherId'> : never) : never;

export interface NewTeacher {
  idNumber: string;
  name: string;
  ethnicity?: string | null;
  phone?: string | null;
  hire: Omit<HireEvent, 'teacherId' | 'kind' | 'name' | 'idNumber'>;
}

async function teacherInScope(db: Kysely<DB>, viewer: Viewer, teacherId: number) {
  const teacher = await db
    .selectFrom('teacher')
    .leftJoin('school', 'school.id', 'teacher.school_id')
    .select(['teacher.id', 'teacher.county_code', 'teacher.name', 'teacher.school_id'])
    .where('teacher.id', '=', teacherId)
    .where((eb) =>
      viewer.scope.level === 'system'
        ? eb.lit(true)
        : eb.or([eb('teacher.school_id', 'is', null), schoolInScope(viewer.scope)(eb as never)]),
    )
    .executeTakeFirst();
  if (!teacher) throw notFound('教师');
  return teacher;
}

async function schoolName(db: Kysely<DB>, countyCode: string, id: number | null): Promise<string> {
  if (id === null) return '';
  const school = await db
    .selectFrom('school')
    .select('name')
    .where('id', '=', id)
    .where('county_code', '=', countyCode)
    .executeTakeFirst();
  if (!school) throw validationError('所选学校不在本县');
  return school.name;
}

/**
 * Validates an event against the teacher's whole history (it may be back-dated) and stores it: refused when it is
 * itself invalid or would make a later recorded event invalid. The state columns, the audit log and indicator
 * freshness follow in the same transaction.
 */
export async function recordEvent(
  db: Kysely<DB>,
  viewer: Viewer,
  teacherId: number,
  input: EventInput,
  options: { note?: string | null; importJobId?: string } = {},
): Promise<{ eventId: number }> {
  requirePermission(viewer, 'teacher.write');
  const teacher = await teacherInScope(db, viewer, teacherId);
  if (db.isTransaction) return recordEventIn(db, viewer, teacher, input, options);
  return db.transaction().execute((trx) => recordEventIn(trx, viewer, teacher, input, options));
}

async function recordEventIn(
  trx: Kysely<DB>,
  viewer: Viewer,
  teacher: { id: number; county_code: string; name: string },
  input: EventInput,
  options: { note?: string | null; importJobId?: string },
): Promise<{ eventId: number }> {
  const teacherId = teacher.id;
  {
    // One writer per teacher: two clerks registering events at once must not each validate without the other.
    await sql`select id from teacher where id = ${teacherId} for update`.execute(trx);
    const history = await loadHistories(trx, teacher.county_code, { teacherIds: [teacherId] });
    const event = { ...input, teacherId } as TeacherEvent;
    if (event.kind === 'hire') {
      const identity = history.events.find((e) => e.kind === 'hire') as HireEvent | undefined;
      // A rehire is the same person: name and ID number come from the record, not the form.
      if (identity) Object.assign(event, { name: identity.name, idNumber: identity.idNumber });
    }
    const before = foldEvents(history.events, '9999-12-31');
    const after = foldEvents([...history.events, event], '9999-12-31');
    const own = after.rejected.find((r) => r.event === event);
    if (own) throw validationError(`不能登记${EVENT_LABELS[event.kind]}：${own.reasons.join('；')}`);
    const broken = after.rejected.filter((r) => !before.rejected.some((b) => b.event === r.event));
    if (broken.length) {
      const first = broken[0];
      throw validationError(
        `登记后，${first.event.effective}的${EVENT_LABELS[first.event.kind]}将不再成立（${first.reasons.join('；')}），请先撤销或调整该记录`,
      );
    }
    const atDate = foldEvents(history.events, event.effective).roster.entries.find((e) => e.teacherId === teacherId);
    const row = eventToRow(event, atDate?.status === 'employed' ? atDate.schoolId : null);
    const from = await schoolName(trx, teacher.county_code, row.from_school_id);
    const to = await schoolName(trx, teacher.county_code, row.school_id);
    const inserted = await trx
      .insertInto('teacher_event')
      .values({
        county_code: teacher.county_code,
        teacher_id: teacherId,
        kind: row.kind,
        effective_date: row.effective_date,
        school_id: row.school_id,
        from_school_id: row.from_school_id,
        details: JSON.stringify(row.details),
        note: options.note ?? null,
        import_job_id: options.importJobId ?? null,
        recorded_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await refreshTeacherState(trx, teacher.county_code, [teacherId]);
    const where = event.kind === 'transfer' ? `：${from} → ${to}` : to ? `（${to}）` : '';
    await recordAudit(trx, viewer.actor, {
      action: `teacher.event.${event.kind}`,
      entityType: 'teacher',
      entityId: teacherId,
      countyCode: teacher.county_code,
      summary: `为${teacher.name}登记${EVENT_LABELS[event.kind]}${where}，生效日期${event.effective}`,
      after: { eventId: inserted.id, ...row.details, effective: event.effective, note: options.note ?? undefined },
    });
    await dataChanged(trx, { countyCode: teacher.county_code, area: 'teachers' });
    return { eventId: inserted.id };
  }
}

/** Registers a person new to the county's roster with their hire (a returning person gets a new hire instead). */
export async function hireTeacher(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  input: NewTeacher,
): Promise<{ teacherId: number; eventId: number }> {
  requirePermission(viewer, 'teacher.write');
  const id = checkIdCard(input.idNumber);
  if (!id.ok) throw validationError(id.reason, [{ path: 'idNumber', message: id.reason }]);
  const existing = await db
    .selectFrom('teacher')
    .select(['id', 'name', 'status'])
    .where('county_code', '=', countyCode)
    .where('id_hash', '=', lookupHash(id.value))
    .executeTakeFirst();
  if (existing?.status === 'employed')
    throw validationError(`该身份证号已在本县教师名册中（${existing.name}），请在其页面登记调动等变动`);
  if (existing) {
    return {
      teacherId: existing.id,
      ...(await recordEvent(db, viewer, existing.id, {
        ...input.hire,
        kind: 'hire',
        name: input.name,
        idNumber: id.value,
      })),
    };
  }
  const facts = idCardFacts(id.value);
  const sealed = seal(id.value);
  const phone = input.phone?.replace(/\s/g, '') || null;
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('teacher')
      .values({
        county_code: countyCode,
        id_hash: sealed.hash,
        id_sealed: sealed.sealed,
        id_masked: maskIdNumber(id.value),
        name: input.name.trim(),
        sex: facts.sex,
        birth_date: facts.birthDate,
        ethnicity: input.ethnicity ?? null,
        phone_sealed: phone ? seal(phone).sealed : null,
        phone_masked: phone ? maskPhone(phone) : null,
        status: 'employed',
        state_as_of: todayInChina(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The person row and the hire commit together: no one is on the roster without a valid hire.
    const { eventId } = await recordEvent(trx, viewer, created.id, {
      ...input.hire,
      kind: 'hire',
      name: input.name.trim(),
      idNumber: id.value,
    });
    return { teacherId: created.id, eventId };
  });
}

/** Revokes a mistaken event (kept, marked, audited); refused when the history without it would not hold. */
export async function revokeEvent(db: Kysely<DB>, viewer: Viewer, eventId: number, reason: string): Promise<void> {
  requirePermission(viewer, 'teacher.write');
  if (reason.trim().length < 2)
    throw validationError('请填写撤销原因', [{ path: 'reason', message: '请填写撤销原因' }]);
  const stored = await db
    .selectFrom('teacher_event')
    .select(['id', 'teacher_id', 'kind', 'effective_date', 'revoked_at'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!stored || stored.revoked_at) throw notFound('变动记录');
  const teacher = await teacherInScope(db, viewer, stored.teacher_id);
  await db.transaction().execute(async (trx) => {
    await sql`select id from teacher where id = ${teacher.id} for update`.execute(trx);
    const history = await loadHistories(trx, teacher.county_code, { teacherIds: [teacher.id] });
    const without = history.events.filter((e) => history.rowIds.get(e) !== eventId);
    const before = foldEvents(history.events, '9999-12-31');
    const after = foldEvents(without, '9999-12-31');
    const broken = after.rejected.filter((r) => !before.rejected.some((b) => b.event === r.event));
    if (broken.length)
      throw validationError(
        `撤销后，${broken[0].event.effective}的${EVENT_LABELS[broken[0].event.kind]}将不再成立（${broken[0].reasons.join('；')}），请先撤销该记录`,
      );
    await trx
      .updateTable('teacher_event')
      .set({ revoked_at: new Date(), revoked_by: viewer.userId, revoke_reason: reason.trim() })
      .where('id', '=', eventId)
      .execute();
    await refreshTeacherState(trx, teacher.county_code, [teacher.id]);
    await recordAudit(trx, viewer.actor, {
      action: 'teacher.event.revoke',
      entityType: 'teacher',
      entityId: teacher.id,
      countyCode: teacher.county_code,
      summary: `撤销${teacher.name}${stored.effective_date}的${EVENT_LABELS[stored.kind as TeacherEvent['kind']]}记录：${reason.trim()}`,
      before: { eventId, kind: stored.kind, effective: stored.effective_date },
    });
    await dataChanged(trx, { countyCode: teacher.county_code, area: 'teachers' });
  });
}
