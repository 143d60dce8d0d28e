import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { ROLES } from '../../domain/auth/roles';
import type { Scope } from '../../platform/scope';

export interface UserFilter {
  search?: string;
  role?: string;
  countyCode?: string;
}

const USER_COLUMNS = [
  'app_user.id',
  'app_user.username',
  'app_user.display_name',
  'app_user.role',
  'app_user.scope_level',
  'app_user.city_code',
  'app_user.county_code',
  'app_user.township_id',
  'app_user.school_id',
  'app_user.must_change_password',
  'app_user.failed_attempts',
  'app_user.locked_until',
  'app_user.disabled',
  'app_user.phone',
  'app_user.last_login_at',
  'app_user.password_changed_at',
  'app_user.created_at',
] as const;

/** Accounts an administrator may manage: all of them for a system administrator, else those of their county. */
export async function listUsers(
  db: Kysely<DB>,
  scope: Scope,
  filter: UserFilter,
  page: { offset: number; limit: number },
) {
  let query = db
    .selectFrom('app_user')
    .leftJoin('township', 'township.id', 'app_user.township_id')
    .leftJoin('school', 'school.id', 'app_user.school_id')
    .leftJoin('county', 'county.code', 'app_user.county_code');
  if (scope.level !== 'system') {
    const counties = scope.level === 'city' ? scope.countyCodes : [scope.countyCode];
    query = query.where('app_user.county_code', 'in', counties.length ? counties : ['']);
  }
  if (filter.countyCode) query = query.where('app_user.county_code', '=', filter.countyCode);
  if (filter.role) query = query.where('app_user.role', '=', filter.role);
  if (filter.search) {
    const like = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('app_user.username', 'like', like), eb('app_user.display_name', 'like', like)]),
    );
  }
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query
    .select([
      ...USER_COLUMNS,
      'township.name as township_name',
      'school.name as school_name',
      'county.name as county_name',
    ])
    .orderBy('app_user.county_code')
    .orderBy(sql`array_position(${sql.val(Object.keys(ROLES))}::text[], app_user.role)`)
    .orderBy('app_user.username')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { items, total: Number(total) };
}

export function findUser(db: Kysely<DB>, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}
