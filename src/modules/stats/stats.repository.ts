import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type Scope, schoolInScope } from '../../platform/scope';

/** 学年 with 基表 data in the county, newest first. */
export async function statYears(db: Kysely<DB>, countyCode: string): Promise<number[]> {
  const rows = await db
    .selectFrom('school_stat')
    .select('school_year')
    .distinct()
    .where('county_code', '=', countyCode)
    .orderBy('school_year', 'desc')
    .execute();
  return rows.map((r) => r.school_year);
}

export async function listStats(
  db: Kysely<DB>,
  scope: Scope,
  filter: {
    countyCode: string;
    schoolYear: number;
    townshipId?: number;
    schoolId?: number;
    stage?: string;
    search?: string;
  },
  page: { offset: number; limit: number },
) {
  let query = db
    .selectFrom('school_stat')
    .innerJoin('school', 'school.id', 'school_stat.school_id')
    .innerJoin('township', 'township.id', 'school.township_id')
    .where(schoolInScope(scope))
    .where('school_stat.county_code', '=', filter.countyCode)
    .where('school_stat.school_year', '=', filter.schoolYear);
  if (filter.townshipId) query = query.where('school.township_id', '=', filter.townshipId);
  if (filter.schoolId) query = query.where('school.id', '=', filter.schoolId);
  if (filter.stage) query = query.where('school_stat.stage', '=', filter.stage);
  if (filter.search) {
    const like = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('school.name', 'like', like), eb('school.code', 'like', like)]));
  }
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query
    .selectAll('school_stat')
    .select([
      'school.code as school_code',
      'school.name as school_name',
      'school.type as school_type',
      'township.name as township_name',
    ])
    .orderBy('township.sort_order')
    .orderBy('school.code')
    .orderBy('school_stat.stage')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return {
    items: items.map((r) => ({
      ...r,
      teaching_area: Number(r.teaching_area),
      sports_area: Number(r.sports_area),
      equipment_value: Number(r.equipment_value),
    })),
    total: Number(total),
  };
}
