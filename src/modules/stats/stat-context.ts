import type { Kysely } from 'kysely';
import type { DB, SchoolVersion } from '../../db/schema';
import type { StatStage } from '../../domain/indicators/inputs';
import type { StatFigures } from '../../domain/stats/stat-checks';
import { type Scope, schoolInScope } from '../../platform/scope';
import { teacherCountSource } from './teacher-counts';

/**
 * The 统计时点 of a 学年: 9月30日 of its first year. The schools counted in a 学年 are those open on that day, with
 * the type, ownership and township they had then.
 */
export function statisticsDate(schoolYear: number): string {
  return `${schoolYear}-09-30`;
}

export interface StatContext {
  countyCode: string;
  provinceCode: string;
  schoolsByCode: Map<string, { id: number; name: string }>;
  inScope(schoolId: number): boolean;
  /** The school's version on a date, if it was open then. */
  versionAt(schoolId: number, date: string): SchoolVersion | undefined;
  /** The stored row of a school, 学年 and 学段 (the previous year's, for the plausibility checks; or the same year's). */
  previous(schoolId: number, schoolYear: number, stage: StatStage): StatFigures | null;
  rosterCounts(schoolId: number, schoolYear: number, stage: StatStage): boolean;
}

export function figuresOf(row: {
  students: number;
  classes: number;
  full_time_teachers: number;
  staff: number;
  above_qualified: number;
  backbone: number;
  pe_teachers: number;
  music_teachers: number;
  art_teachers: number;
  mid_title: number;
  teaching_area: number;
  sports_area: number;
  equipment_value: number;
  multimedia_rooms: number;
  books: number;
  computers: number;
  large_classes: number;
  super_large_classes: number;
  grades: unknown;
}): StatFigures {
  return {
    students: row.students,
    classes: row.classes,
    fullTimeTeachers: row.full_time_teachers,
    staff: row.staff,
    aboveQualified: row.above_qualified,
    backbone: row.backbone,
    pe: row.pe_teachers,
    music: row.music_teachers,
    art: row.art_teachers,
    midTitle: row.mid_title,
    teachingArea: Number(row.teaching_area),
    sportsArea: Number(row.sports_area),
    equipmentValue: Number(row.equipment_value),
    multimediaRooms: row.multimedia_rooms,
    books: row.books,
    computers: row.computers,
    largeClasses: row.large_classes,
    superLargeClasses: row.super_large_classes,
    grades: (row.grades as Record<string, number> | null) ?? null,
  };
}

export async function loadStatContext(db: Kysely<DB>, countyCode: string, scope: Scope): Promise<StatContext> {
  const county = await db
    .selectFrom('county')
    .select('province_code')
    .where('code', '=', countyCode)
    .executeTakeFirstOrThrow();
  const schools = await db
    .selectFrom('school')
    .select(['id', 'code', 'name'])
    .where('county_code', '=', countyCode)
    .execute();
  const visible = new Set(
    (
      await db
        .selectFrom('school')
        .select('school.id')
        .where(schoolInScope(scope))
        .where('school.county_code', '=', countyCode)
        .execute()
    ).map((s) => s.id),
  );
  const versions = await db
    .selectFrom('school_version')
    .selectAll()
    .where('county_code', '=', countyCode)
    .orderBy('valid_from')
    .execute();
  const versionsBySchool = new Map<number, SchoolVersion[]>();
  for (const v of versions) versionsBySchool.set(v.school_id, [...(versionsBySchool.get(v.school_id) ?? []), v]);
  const stats = await db.selectFrom('school_stat').selectAll().where('county_code', '=', countyCode).execute();
  const previous = new Map(stats.map((s) => [`${s.school_id}|${s.school_year}|${s.stage}`, figuresOf(s)]));
  const rosters = (await teacherCountSource()?.rosterKeptSince(db, countyCode)) ?? new Map<number, string>();
  return {
    countyCode,
    provinceCode: county.province_code,
    schoolsByCode: new Map(schools.map((s) => [s.code, { id: s.id, name: s.name }])),
    inScope: (id) => visible.has(id),
    versionAt: (id, date) =>
      (versionsBySchool.get(id) ?? []).find(
        (v) => v.valid_from <= date && (v.valid_to === null || v.valid_to > date) && v.status === 'open',
      ),
    previous: (id, year, stage) => previous.get(`${id}|${year}|${stage}`) ?? null,
    rosterCounts: (id, year) => (rosters.get(id) ?? '9999') <= statisticsDate(year),
  };
}
