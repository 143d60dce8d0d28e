import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { todayInChina } from '../../domain/period';
import { recordAudit } from '../../platform/audit/record-audit';
import { notFound } from '../../platform/errors';
import { unseal } from '../../platform/personal-data/seal';
import { requirePermission, type Scope, schoolInScope, type Viewer } from '../../platform/scope';
import { ensureTeacherStateFresh } from './roster';

export interface TeacherFilter {
  q?: string;
  schoolId?: number;
  townshipId?: number;
  status?: 'employed' | 'left' | 'all';
  post?: string;
  subject?: string;
  stage?: string;
  title?: string;
  channel?: string;
  establishment?: string;
  /** Age in years on today's date, inclusive. */
  ageFrom?: number;
  ageTo?: number;
  page?: number;
  pageSize?: number;
}

/** Teachers whose current school is in scope (a school user sees their own staff only). */
function teacherScope(scope: Scope) {
  return (eb: ExpressionBuilder<DB, 'teacher' | 'school'>) =>
    scope.level === 'system' ? eb.lit(true) : schoolInScope(scope)(eb as never);
}

const LIST_COLUMNS = [
  'teacher.id',
  'teacher.name',
  'teacher.id_masked',
  'teacher.sex',
  'teacher.birth_date',
  'teacher.ethnicity',
  'teacher.status',
  'teacher.school_id',
  'school.name as school_name',
  'teacher.post',
  'teacher.subject',
  'teacher.stage',
  'teacher.education',
  'teacher.title',
  'teacher.appointed_title',
  'teacher.establishment',
  'teacher.channel',
  'teacher.backbone_level',
  'teacher.backbone_until',
  'teacher.hired_on',
  'teacher.left_on',
  'teacher.leave_from',
  'teacher.leave_to',
] as const;

/** One page of the roster (state as of today), filtered, with the total. ID numbers are masked. */
export async function listTeachers(db: Kysely<DB>, scope: Scope, countyCode: string, filter: TeacherFilter) {
  await ensureTeacherStateFresh(db, countyCode);
  const today = todayInChina();
  const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 200);
  const page = Math.max(filter.page ?? 1, 1);
  let query = db
    .selectFrom('teacher')
    .innerJoin('school', 'school.id', 'teacher.school_id')
    .where('teacher.county_code', '=', countyCode)
    .where(teacherScope(scope));
  const status = filter.status ?? 'employed';
  if (status === 'employed') query = query.where('teacher.status', '=', 'employed');
  if (status === 'left') query = query.where('teacher.status', '<>', 'employed');
  if (filter.q) {
    const q = `%${filter.q.trim()}%`;
    query = query.where((eb) => eb.or([eb('teacher.name', 'like', q), eb('school.name', 'like', q)]));
  }
  if (filter.schoolId) query = query.where('teacher.school_id', '=', filter.schoolId);
  if (filter.townshipId) query = query.where('school.township_id', '=', filter.townshipId);
  for (const key of ['post', 'subject', 'stage', 'title', 'channel', 'establishment'] as const) {
    const value = filter[key];
    if (value) query = query.where(`teacher.${key}`, '=', value);
  }
  // Age bounds as birth-date bounds: aged ≥ N today means born on or before today minus N years.
  const minus = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
  if (filter.ageFrom !== undefined) query = query.where('teacher.birth_date', '<=', minus(filter.ageFrom));
  if (filter.ageTo !== undefined) query = query.where('teacher.birth_date', '>', minus(filter.ageTo + 1));
  const [rows, total] = await Promise.all([
    query
      .select([...LIST_COLUMNS])
      .orderBy('school.code')
      .orderBy('teacher.name')
      .orderBy('teacher.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    page,
    pageSize,
    today,
    rows: rows.map((r) => ({
      ...r,
      onLeave: r.leave_from !== null && r.leave_from <= today && (r.leave_to === null || r.leave_to >= today),
      activeBackbone:
        r.backbone_level && (r.backbone_until === null || r.backbone_until >= today) ? r.backbone_level : null,
    })),
  };
}

/** A teacher's page: the record (masked) and every event, revoked ones included and marked. */
export async function teacherDetail(db: Kysely<DB>, scope: Scope, teacherId: number) {
  const teacher = await db
    .selectFrom('teacher')
    .leftJoin('school', 'school.id', 'teacher.school_id')
    .where('teacher.id', '=', teacherId)
    .where((eb) =>
      scope.level === 'system'
        ? eb.lit(true)
        : eb.and([eb('teacher.county_code', '=', countyOf(scope)), teacherScope(scope)(eb)]),
    )
    .select([
      ...LIST_COLUMNS,
      'teacher.county_code',
      'teacher.phone_masked',
      'teacher.school_since',
      'teacher.backbone_tier',
    ])
    .executeTakeFirst();
  if (!teacher) throw notFound('教师');
  await ensureTeacherStateFresh(db, teacher.county_code);
  const events = await db
    .selectFrom('teacher_event as e')
    .leftJoin('school as s', 's.id', 'e.school_id')
    .leftJoin('school as f', 'f.id', 'e.from_school_id')
    .leftJoin('app_user as u', 'u.id', 'e.recorded_by')
    .leftJoin('app_user as r', 'r.id', 'e.revoked_by')
    .where('e.teacher_id', '=', teacherId)
    .select([
      'e.id',
      'e.kind',
      'e.effective_date',
      'e.details',
      'e.note',
      'e.recorded_at',
      'e.revoked_at',
      'e.revoke_reason',
      's.name as school_name',
      'f.name as from_school_name',
      'u.display_name as recorded_by_name',
      'r.display_name as revoked_by_name',
    ])
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  const training = await db
    .selectFrom('training_record as r')
    .innerJoin('training_course as c', 'c.id', 'r.course_id')
    .where('r.teacher_id', '=', teacherId)
    .select(['c.id', 'c.name', 'c.level', 'c.start_date', 'c.end_date', 'r.hours'])
    .orderBy('c.start_date', 'desc')
    .execute();
  return { teacher, events, training };
}

function countyOf(scope: Scope): string {
  return scope.level === 'city' ? (scope.countyCodes[0] ?? '') : scope.level === 'system' ? '' : scope.countyCode;
}

/** The full ID number or phone of a teacher, for a viewer allowed to see it; each reveal is audited. */
export async function revealTeacherField(
  db: Kysely<DB>,
  viewer: Viewer,
  teacherId: number,
  field: 'idNumber' | 'phone',
): Promise<string | null> {
  requirePermission(viewer, 'pii.reveal');
  const { teacher } = await teacherDetail(db, viewer.scope, teacherId);
  const row = await db
    .selectFrom('teacher')
    .select(['id_sealed', 'phone_sealed'])
    .where('id', '=', teacherId)
    .executeTakeFirstOrThrow();
  const sealed = field === 'idNumber' ? row.id_sealed : row.phone_sealed;
  const value = sealed ? unseal(sealed) : null;
  await recordAudit(db, viewer.actor, {
    action: 'pii.reveal',
    entityType: 'teacher',
    entityId: teacherId,
    countyCode: teacher.county_code,
    summary: `查看${teacher.name}的完整${field === 'idNumber' ? '身份证号' : '联系电话'}`,
  });
  return value;
}

/** Head counts of employed teachers by school (for the school list and the structure dashboard). */
export async function teacherCountsBySchool(db: Kysely<DB>, countyCode: string) {
  const { rows } = await sql<{ school_id: number; teachers: number; full_time: number }>`
    select school_id, count(*)::int8 as teachers, count(*) filter (where post = 'full_time_teacher')::int8 as full_time
    from teacher where county_code = ${countyCode} and status = 'employed' group by school_id`.execute(db);
  return new Map(rows.map((r) => [r.school_id, { teachers: Number(r.teachers), fullTime: Number(r.full_time) }]));
}
