import type { Kysely } from 'kysely';
import { selectAsJson } from '../../../db/json-rows';
import type { DB } from '../../../db/schema';
import type { CountyYearInput, SchoolInfo, StatRow, StatStage } from '../../../domain/indicators/inputs';
import { statisticsDate } from '../stat-context';
import { NO_TEACHERS, rosterKey, teacherCountSource } from '../teacher-counts';

export interface CountyYear {
  countyCode: string;
  schoolYear: number;
}

const STAT_FIGURES = [
  'students',
  'classes',
  'full_time_teachers',
  'staff',
  'above_qualified',
  'backbone',
  'pe_teachers',
  'music_teachers',
  'art_teachers',
  'mid_title',
  'teaching_area',
  'sports_area',
  'equipment_value',
  'multimedia_rooms',
  'books',
  'computers',
  'large_classes',
  'super_large_classes',
] as const;

export const countyYearKey = (t: CountyYear) => `${t.countyCode}|${t.schoolYear}`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Loads everything the indicators of the given county-years need, with one query per table whatever their number:
 * schools as they were on each 学年's statistics date, 基表 rows (teacher figures from the roster where it is kept),
 * populations and cohort bases.
 */
export async function loadInputs(
  db: Kysely<DB>,
  targets: readonly CountyYear[],
): Promise<Map<string, CountyYearInput>> {
  const counties = [...new Set(targets.map((t) => t.countyCode))];
  const years = [...new Set(targets.map((t) => t.schoolYear))];
  const result = new Map<string, CountyYearInput>();
  if (!targets.length) return result;
  const [schools, versions, townships, stats, population, cohorts] = await Promise.all([
    db.selectFrom('school').select(['id', 'code', 'county_code']).where('county_code', 'in', counties).execute(),
    selectAsJson(db, (eb) =>
      eb
        .selectFrom('school_version')
        .select([
          'school_id',
          'county_code',
          'valid_from',
          'valid_to',
          'status',
          'name',
          'type',
          'ownership',
          'urban_rural',
          'township_id',
          'parent_school_id',
        ])
        .where('county_code', 'in', counties),
    ),
    db
      .selectFrom('township')
      .select(['id', 'county_code'])
      .where('county_code', 'in', counties)
      .orderBy('sort_order')
      .execute(),
    // Only the figures: on the embedded database decoding unused columns (explanations, timestamps) costs more than the query.
    selectAsJson(db, (eb) =>
      eb
        .selectFrom('school_stat')
        .select(['county_code', 'school_year', 'school_id', 'stage', ...STAT_FIGURES, 'inclusive', 'grades'])
        .where('county_code', 'in', counties)
        .where('school_year', 'in', years),
    ),
    db.selectFrom('population').selectAll().where('county_code', 'in', counties).where('year', 'in', years).execute(),
    db
      .selectFrom('cohort_base')
      .selectAll()
      .where('county_code', 'in', counties)
      .where('school_year', 'in', years)
      .execute(),
  ]);
  const codes = new Map(schools.map((s) => [s.id, s.code]));
  const names = new Map(versions.map((v) => [v.school_id, v.name]));

  const versionsByCounty = groupBy(versions, (v) => v.county_code);
  const townshipsByCounty = groupBy(townships, (t) => t.county_code);
  const populationByCountyYear = groupBy(population, (p) => `${p.county_code}|${p.year}`);
  for (const target of targets) {
    const date = statisticsDate(target.schoolYear);
    const open: SchoolInfo[] = [];
    for (const v of versionsByCounty.get(target.countyCode) ?? []) {
      if (v.status !== 'open' || v.valid_from > date || (v.valid_to !== null && v.valid_to <= date)) continue;
      open.push({
        id: v.school_id,
        code: codes.get(v.school_id) ?? '',
        name: v.name ?? names.get(v.school_id) ?? '',
        type: v.type,
        ownership: v.ownership,
        urbanRural: v.urban_rural,
        townshipId: v.township_id,
        parentId: v.parent_school_id,
      });
    }
    result.set(countyYearKey(target), {
      countyCode: target.countyCode,
      schoolYear: target.schoolYear,
      schools: open,
      townshipIds: (townshipsByCounty.get(target.countyCode) ?? []).map((t) => t.id),
      stats: [],
      population: (populationByCountyYear.get(countyYearKey(target)) ?? []).map((p) => ({
        age: p.age,
        population: p.population,
        disabled: p.disabled,
        enrolledSpecial: p.enrolled_special,
        enrolledRegular: p.enrolled_regular,
        enrolledHome: p.enrolled_home,
      })),
      cohortBase:
        cohorts.find((c) => c.county_code === target.countyCode && c.school_year === target.schoolYear)?.base ?? null,
    });
  }
  for (const row of stats) {
    const input = result.get(`${row.county_code}|${row.school_year}`);
    if (!input) continue;
    (input.stats as StatRow[]).push({
      schoolId: row.school_id,
      stage: row.stage as StatStage,
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
      inclusive: row.inclusive,
      grades: (row.grades as Record<string, number> | null) ?? null,
    });
  }

  // Enter once: where the roster is kept in the platform, its teacher counts replace the typed ones.
  const source = teacherCountSource();
  if (source) {
    const keptSince = new Map<string, Map<number, string>>();
    for (const input of result.values()) {
      if (!keptSince.has(input.countyCode))
        keptSince.set(input.countyCode, await source.rosterKeptSince(db, input.countyCode));
      const date = statisticsDate(input.schoolYear);
      const since = keptSince.get(input.countyCode)!;
      const rows = (input.stats as StatRow[]).filter((r) => (since.get(r.schoolId) ?? '9999') <= date);
      if (!rows.length) continue;
      const counts = await source.counts(db, input.countyCode, date);
      for (const row of rows) Object.assign(row, counts.get(rosterKey(row.schoolId, row.stage)) ?? NO_TEACHERS);
    }
  }
  return result;
}
