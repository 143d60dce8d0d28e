import { type Kysely, sql } from 'kysely';
import type { DB, School, SchoolVersion } from '../../db/schema';
import { type Scope, schoolInScope } from '../../platform/scope';

export interface SchoolFilter {
  countyCode: string;
  townshipId?: number;
  type?: string;
  ownership?: string;
  urbanRural?: string;
  status?: string;
  /** Matches name, 学校标识码 or 统一社会信用代码. */
  search?: string;
}

export interface SchoolListItem {
  id: number;
  code: string;
  name: string;
  type: string;
  ownership: string;
  urban_rural: string;
  status: string;
  township_id: number;
  township_name: string;
  parent_school_id: number | null;
  parent_name: string | null;
  credit_code: string | null;
  address: string | null;
  opened_on: string | null;
  closed_on: string | null;
}

const TYPE_ORDER = sql<number>`array_position(array['kindergarten','primary','teaching_point','junior','nine_year','complete_secondary','senior','vocational','special']::text[], school.type)`;

export function findCounty(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('county')
    .leftJoin('city', 'city.code', 'county.city_code')
    .select(['county.code', 'county.name', 'county.province_code', 'county.city_code', 'city.name as city_name'])
    .where('county.code', '=', code)
    .executeTakeFirst();
}

export function listCounties(db: Kysely<DB>, codes: 'all' | string[]) {
  let query = db.selectFrom('county').select(['code', 'name', 'province_code', 'city_code']).orderBy('code');
  if (codes !== 'all') query = codes.length ? query.where('code', 'in', codes) : query.where(sql.lit(false));
  return query.execute();
}

export function listTownships(db: Kysely<DB>, countyCode: string) {
  return db
    .selectFrom('township')
    .selectAll()
    .where('county_code', '=', countyCode)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Current schools in scope, filtered and paged. */
export async function listSchools(
  db: Kysely<DB>,
  scope: Scope,
  filter: SchoolFilter,
  page: { offset: number; limit: number },
): Promise<{ items: SchoolListItem[]; total: number }> {
  let query = db
    .selectFrom('school')
    .innerJoin('township', 'township.id', 'school.township_id')
    .leftJoin('school as parent', 'parent.id', 'school.parent_school_id')
    .where(schoolInScope(scope))
    .where('school.county_code', '=', filter.countyCode);
  if (filter.townshipId) query = query.where('school.township_id', '=', filter.townshipId);
  if (filter.type) query = query.where('school.type', '=', filter.type);
  if (filter.ownership) query = query.where('school.ownership', '=', filter.ownership);
  if (filter.urbanRural) query = query.where('school.urban_rural', '=', filter.urbanRural);
  if (filter.status) query = query.where('school.status', '=', filter.status);
  if (filter.search) {
    const like = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('school.name', 'like', like), eb('school.code', 'like', like), eb('school.credit_code', 'like', like)]),
    );
  }
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query
    .select([
      'school.id',
      'school.code',
      'school.name',
      'school.type',
      'school.ownership',
      'school.urban_rural',
      'school.status',
      'school.township_id',
      'township.name as township_name',
      'school.parent_school_id',
      'parent.name as parent_name',
      'school.credit_code',
      'school.address',
      'school.opened_on',
      'school.closed_on',
    ])
    .orderBy('township.sort_order')
    .orderBy(TYPE_ORDER)
    .orderBy('school.code')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { items, total: Number(total) };
}

export function findSchool(db: Kysely<DB>, scope: Scope, id: number): Promise<School | undefined> {
  return db.selectFrom('school').selectAll().where(schoolInScope(scope)).where('school.id', '=', id).executeTakeFirst();
}

export function findSchoolByCode(db: Kysely<DB>, countyCode: string, code: string): Promise<School | undefined> {
  return db
    .selectFrom('school')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function schoolVersions(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('school_version')
    .leftJoin('township', 'township.id', 'school_version.township_id')
    .leftJoin('school as target', 'target.id', 'school_version.merged_into_id')
    .leftJoin('school as parent', 'parent.id', 'school_version.parent_school_id')
    .leftJoin('app_user', 'app_user.id', 'school_version.recorded_by')
    .selectAll('school_version')
    .select([
      'township.name as township_name',
      'target.name as merged_into_name',
      'parent.name as parent_name',
      'app_user.display_name as recorded_by_name',
    ])
    .where('school_version.school_id', '=', schoolId)
    .orderBy('school_version.valid_from', 'desc')
    .orderBy('school_version.id', 'desc')
    .execute();
}

export function currentVersion(db: Kysely<DB>, schoolId: number): Promise<SchoolVersion | undefined> {
  return db
    .selectFrom('school_version')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

export function childSchools(db: Kysely<DB>, schoolId: number) {
  return db.selectFrom('school').selectAll().where('parent_school_id', '=', schoolId).orderBy('code').execute();
}

export interface SchoolAsOf {
  id: number;
  code: string;
  name: string;
  type: string;
  ownership: string;
  urban_rural: string;
  township_id: number;
  township_name: string;
  parent_school_id: number | null;
}

/** The county's open schools on a date, with the names and attributes they had then. */
export function schoolsAsOf(db: Kysely<DB>, scope: Scope, countyCode: string, date: string): Promise<SchoolAsOf[]> {
  return db
    .selectFrom('school_version as v')
    .innerJoin('school', 'school.id', 'v.school_id')
    .innerJoin('township', 'township.id', 'v.township_id')
    .where(schoolInScope(scope))
    .where('v.county_code', '=', countyCode)
    .where('v.valid_from', '<=', date)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', date)]))
    .where('v.status', '=', 'open')
    .select([
      'school.id',
      'school.code',
      'v.name',
      'v.type',
      'v.ownership',
      'v.urban_rural',
      'v.township_id',
      'township.name as township_name',
      'v.parent_school_id',
    ])
    .orderBy('township.sort_order')
    .orderBy('school.code')
    .execute();
}

/** Open schools on a date counted by type and township, for the overview. */
export async function schoolCountsAsOf(db: Kysely<DB>, scope: Scope, countyCode: string, date: string) {
  const rows = await schoolsAsOf(db, scope, countyCode, date);
  const byType: Record<string, number> = {};
  const byTownship: Record<
    string,
    { townshipId: number; name: string; counts: Record<string, number>; total: number }
  > = {};
  const byOwnership: Record<string, number> = {};
  const byUrbanRural: Record<string, number> = {};
  for (const row of rows) {
    byType[row.type] = (byType[row.type] ?? 0) + 1;
    byOwnership[row.ownership] = (byOwnership[row.ownership] ?? 0) + 1;
    byUrbanRural[row.urban_rural] = (byUrbanRural[row.urban_rural] ?? 0) + 1;
    byTownship[row.township_id] ??= {
      townshipId: row.township_id,
      name: row.township_name,
      counts: {},
      total: 0,
    };
    const t = byTownship[row.township_id];
    t.counts[row.type] = (t.counts[row.type] ?? 0) + 1;
    t.total++;
  }
  return { date, total: rows.length, byType, byOwnership, byUrbanRural, byTownship: Object.values(byTownship) };
}
