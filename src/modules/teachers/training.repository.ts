import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { notFound } from '../../platform/errors';
import { type Scope, schoolInScope } from '../../platform/scope';

/** Training courses of a county with their participants (人次) and hours, those of the viewer's schools only. */
export async function listTrainingCourses(
  db: Kysely<DB>,
  scope: Scope,
  countyCode: string,
  filter: { year?: number; level?: string; page: number; pageSize: number },
) {
  let query = db
    .selectFrom('training_course as c')
    .innerJoin('training_record as r', 'r.course_id', 'c.id')
    .innerJoin('teacher as t', 't.id', 'r.teacher_id')
    .innerJoin('school', 'school.id', 't.school_id')
    .where('c.county_code', '=', countyCode)
    .where(schoolInScope(scope));
  if (filter.year)
    query = query.where('c.end_date', '>=', `${filter.year}-01-01`).where('c.end_date', '<=', `${filter.year}-12-31`);
  if (filter.level) query = query.where('c.level', '=', filter.level);
  const grouped = query
    .groupBy(['c.id', 'c.name', 'c.level', 'c.organizer', 'c.start_date', 'c.end_date', 'c.hours'])
    .select([
      'c.id',
      'c.name',
      'c.level',
      'c.organizer',
      'c.start_date',
      'c.end_date',
      'c.hours',
      sql<number>`count(*)::int8`.as('participants'),
      sql<number>`sum(r.hours)`.as('total_hours'),
    ]);
  const [rows, total, totals] = await Promise.all([
    grouped
      .orderBy('c.start_date', 'desc')
      .orderBy('c.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    db
      .selectFrom(grouped.as('g'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    query
      .select([sql<number>`count(*)::int8`.as('person_times'), sql<number>`coalesce(sum(r.hours), 0)`.as('hours')])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    personTimes: Number(totals.person_times),
    hours: Number(totals.hours),
    rows: rows.map((r) => ({
      ...r,
      hours: Number(r.hours),
      participants: Number(r.participants),
      total_hours: Number(r.total_hours),
    })),
  };
}

/** One course and its participants (ID numbers masked). */
export async function trainingCourse(db: Kysely<DB>, scope: Scope, courseId: number) {
  const participants = await db
    .selectFrom('training_record as r')
    .innerJoin('training_course as c', 'c.id', 'r.course_id')
    .innerJoin('teacher as t', 't.id', 'r.teacher_id')
    .innerJoin('school', 'school.id', 't.school_id')
    .where('r.course_id', '=', courseId)
    .where(schoolInScope(scope))
    .select(['t.id', 't.name', 't.id_masked', 'school.name as school_name', 'r.hours'])
    .orderBy('school.code')
    .orderBy('t.name')
    .execute();
  const course = await db.selectFrom('training_course').selectAll().where('id', '=', courseId).executeTakeFirst();
  if (!course || !participants.length) throw notFound('培训项目');
  return {
    course: { ...course, hours: Number(course.hours) },
    participants: participants.map((p) => ({ ...p, hours: Number(p.hours) })),
  };
}
