import type { Kysely } from 'kysely';
import { copyRows } from '../src/db/bulk';
import type { DB } from '../src/db/schema';
import { Random } from '../src/demo/random';

export const PROVINCE = '41';
export const YEARS = [2023, 2024];

const TYPES: [string, number, string[]][] = [
  ['kindergarten', 60, ['preschool']],
  ['primary', 140, ['primary']],
  ['teaching_point', 20, ['primary']],
  ['junior', 45, ['junior']],
  ['nine_year', 20, ['primary', 'junior']],
  ['complete_secondary', 5, ['junior', 'senior']],
  ['senior', 6, ['senior']],
  ['vocational', 4, ['vocational']],
];

/**
 * A province-sized dataset written straight with COPY: `counties` counties of 300 schools in 10 townships, two 学年 of
 * 基表 and populations. Returns the county codes.
 */
export async function seedProvince(db: Kysely<DB>, counties = 100): Promise<string[]> {
  const random = new Random(41);
  const codes: string[] = [];
  const cities = new Set<string>();
  const countyRows: unknown[][] = [];
  const townshipRows: unknown[][] = [];
  const schoolRows: unknown[][] = [];
  const versionRows: unknown[][] = [];
  const statRows: unknown[][] = [];
  const populationRows: unknown[][] = [];
  const cohortRows: unknown[][] = [];
  let townshipId = 1_000_000;
  let schoolId = 1_000_000;
  for (let c = 0; c < counties; c++) {
    const city = `41${String(1 + Math.floor(c / 10)).padStart(2, '0')}00`;
    cities.add(city);
    const county = `${city.slice(0, 4)}${String(21 + (c % 10)).padStart(2, '0')}`;
    codes.push(county);
    countyRows.push([county, `基准县${c + 1}`, PROVINCE, city]);
    const townships: number[] = [];
    for (let t = 0; t < 10; t++) {
      townships.push(++townshipId);
      townshipRows.push([townshipId, county, `${county}${String(100 + t)}`, `乡镇${t + 1}`, '镇', t + 1]);
    }
    let sequence = 0;
    let parent: number | null = null;
    for (const [type, count, stages] of TYPES) {
      for (let k = 0; k < count; k++) {
        const id = ++schoolId;
        const prefix = {
          kindergarten: '11',
          primary: '21',
          teaching_point: '21',
          junior: '31',
          nine_year: '31',
          complete_secondary: '34',
          senior: '34',
          vocational: '36',
        }[type]!;
        const code = `${prefix}41${String(c).padStart(3, '0')}${String(++sequence).padStart(3, '0')}`;
        const township = townships[k % 10];
        const urban = k % 10 === 0 ? 'urban' : k % 3 === 0 ? 'town' : 'rural';
        const parentId = type === 'teaching_point' ? parent : null;
        if (type === 'primary') parent = id;
        // Some private and 普惠 kindergartens and private primaries, and one primary closed before the second 学年.
        const ownership =
          type === 'kindergarten' && k % 5 === 1
            ? 'inclusive_private'
            : (type === 'kindergarten' && k % 5 === 2) || (type === 'primary' && k % 20 === 3)
              ? 'private'
              : 'public';
        const closed = type === 'primary' && k === 7;
        schoolRows.push([
          id,
          county,
          code,
          `学校${code}`,
          type,
          ownership,
          urban,
          township,
          parentId,
          closed ? 'closed' : 'open',
          '1990-09-01',
        ]);
        versionRows.push([
          county,
          id,
          '1990-09-01',
          closed ? '2024-07-01' : null,
          `学校${code}`,
          type,
          ownership,
          urban,
          township,
          parentId,
          'open',
          'open',
        ]);
        if (closed)
          versionRows.push([
            county,
            id,
            '2024-07-01',
            null,
            `学校${code}`,
            type,
            ownership,
            urban,
            township,
            parentId,
            'closed',
            'close',
          ]);
        for (const year of YEARS) {
          for (const stage of stages) {
            const students =
              type === 'teaching_point'
                ? random.int(15, 80)
                : stage === 'preschool'
                  ? random.int(80, 400)
                  : urban === 'urban'
                    ? random.int(900, 2400)
                    : random.int(120, 900);
            const classes = Math.max(1, Math.ceil(students / (urban === 'urban' ? 50 : 36)));
            const teachers = Math.max(2, Math.round(students / (urban === 'urban' ? 19 : 14)));
            const large = urban === 'urban' ? Math.min(Math.floor(students / 56 / 4), classes) : 0;
            const grade = Math.floor(students / 3);
            statRows.push([
              county,
              id,
              year,
              stage,
              students,
              classes,
              teachers,
              teachers + 2,
              Math.round(teachers * 0.8),
              Math.round(teachers * 0.1),
              1,
              1,
              urban === 'rural' ? 0 : 1,
              Math.round(teachers * 0.4),
              Math.max(1, Math.round(classes * 0.9)),
              students * 30,
              Math.round(students * 0.1),
              large,
              urban === 'urban' && k % 20 === 0 ? 1 : 0,
              Math.round(students * (urban === 'urban' ? 4 : 8 + random.next() * 6) * 10) / 10,
              Math.round(students * (urban === 'urban' ? 6 : 14)),
              Math.round(students * (15 + random.next() * 20)) / 100,
              stage === 'preschool' ? ownership !== 'private' : null,
              stage === 'junior' ? { 7: students - 2 * grade, 8: grade, 9: grade } : null,
            ]);
          }
        }
      }
    }
    for (const year of YEARS) {
      cohortRows.push([county, year, random.int(9000, 11000)]);
      for (let age = 0; age <= 17; age++)
        populationRows.push([
          county,
          year,
          age,
          random.int(2800, 3600),
          age >= 6 && age <= 15 ? 6 : 0,
          age >= 6 && age <= 15 ? 3 : 0,
          age >= 6 && age <= 15 ? 2 : 0,
          0,
        ]);
    }
  }
  await db.transaction().execute(async (trx) => {
    await copyRows(
      trx,
      'city',
      ['code', 'name', 'province_code'],
      [...cities].map((c) => [c, `基准市${c}`, PROVINCE]),
    );
    await copyRows(trx, 'county', ['code', 'name', 'province_code', 'city_code'], countyRows);
    await copyRows(trx, 'township', ['id', 'county_code', 'code', 'name', 'kind', 'sort_order'], townshipRows);
    await copyRows(
      trx,
      'school',
      [
        'id',
        'county_code',
        'code',
        'name',
        'type',
        'ownership',
        'urban_rural',
        'township_id',
        'parent_school_id',
        'status',
        'opened_on',
      ],
      schoolRows,
    );
    await copyRows(
      trx,
      'school_version',
      [
        'county_code',
        'school_id',
        'valid_from',
        'valid_to',
        'name',
        'type',
        'ownership',
        'urban_rural',
        'township_id',
        'parent_school_id',
        'status',
        'change_kind',
      ],
      versionRows,
    );
    await copyRows(
      trx,
      'school_stat',
      [
        'county_code',
        'school_id',
        'school_year',
        'stage',
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
        'multimedia_rooms',
        'books',
        'computers',
        'large_classes',
        'super_large_classes',
        'teaching_area',
        'sports_area',
        'equipment_value',
        'inclusive',
        'grades',
      ],
      statRows,
    );
    await copyRows(trx, 'cohort_base', ['county_code', 'school_year', 'base'], cohortRows);
    await copyRows(
      trx,
      'population',
      ['county_code', 'year', 'age', 'population', 'disabled', 'enrolled_special', 'enrolled_regular', 'enrolled_home'],
      populationRows,
    );
  });
  return codes;
}
