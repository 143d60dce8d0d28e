import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Permission, Role, ScopeLevel } from '../domain/auth/roles';
import { permissionsOf } from '../domain/auth/roles';
import type { Actor } from './audit/actor';
import { AppError, forbidden } from './errors';

/** What part of the data a request may see and change. Enforced in repositories, never only in the UI. */
export type Scope =
  | { level: 'system' }
  | { level: 'city'; cityCode: string; countyCodes: string[] }
  | { level: 'county'; countyCode: string }
  | { level: 'township'; countyCode: string; townshipId: number }
  /** A school user also sees the 教学点 that belong to the school. */
  | { level: 'school'; countyCode: string; schoolId: number; schoolIds: number[] };

/** The person behind a request: who, in which scope, with which permissions. */
export interface Viewer {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role | null;
  scope: Scope;
  permissions: ReadonlySet<Permission>;
  actor: Actor;
}

export function requirePermission(viewer: Viewer, permission: Permission): void {
  if (!viewer.permissions.has(permission)) throw forbidden();
}

/** Counties the viewer can see; 'all' for a system-wide account. */
export function countiesInScope(scope: Scope): 'all' | string[] {
  switch (scope.level) {
    case 'system':
      return 'all';
    case 'city':
      return scope.countyCodes;
    default:
      return [scope.countyCode];
  }
}

export function canSeeCounty(scope: Scope, countyCode: string): boolean {
  const counties = countiesInScope(scope);
  return counties === 'all' || counties.includes(countyCode);
}

/**
 * The county a request works on: the one asked for when the viewer may see it, else the viewer's only county.
 * A system or city account with several counties must say which.
 */
export function resolveCounty(scope: Scope, requested?: string): string {
  if (requested) {
    if (!canSeeCounty(scope, requested))
      throw new AppError('OUT_OF_SCOPE', {
        message: 'County out of scope',
        userMessage: `您无权访问行政区划代码为${requested}的县区`,
      });
    return requested;
  }
  const counties = countiesInScope(scope);
  if (counties !== 'all' && counties.length === 1) return counties[0];
  throw new AppError('VALIDATION', { message: 'County required', userMessage: '请选择县区（county 参数）' });
}

/** A where-clause over the `school` table that keeps rows inside the scope. */
export function schoolInScope(scope: Scope) {
  return (eb: ExpressionBuilder<DB, 'school'>) => {
    switch (scope.level) {
      case 'system':
        return eb.lit(true);
      case 'city':
        return scope.countyCodes.length ? eb('school.county_code', 'in', scope.countyCodes) : eb.lit(false);
      case 'county':
        return eb('school.county_code', '=', scope.countyCode);
      case 'township':
        return eb.and([
          eb('school.county_code', '=', scope.countyCode),
          eb('school.township_id', '=', scope.townshipId),
        ]);
      case 'school':
        return eb.and([eb('school.county_code', '=', scope.countyCode), eb('school.id', 'in', scope.schoolIds)]);
    }
  };
}

export function scopeCoversSchool(
  scope: Scope,
  school: { id: number; county_code: string; township_id: number },
): boolean {
  switch (scope.level) {
    case 'system':
      return true;
    case 'city':
      return scope.countyCodes.includes(school.county_code);
    case 'county':
      return school.county_code === scope.countyCode;
    case 'township':
      return school.county_code === scope.countyCode && school.township_id === scope.townshipId;
    case 'school':
      return school.county_code === scope.countyCode && scope.schoolIds.includes(school.id);
  }
}

/** True when the viewer's scope is a whole county (or wider): the level at which county-wide ledgers are kept. */
export function isCountyWide(scope: Scope): boolean {
  return scope.level === 'system' || scope.level === 'city' || scope.level === 'county';
}

/** Builds the scope of a user row, loading the 教学点 under a school account's school. */
export async function scopeOfUser(
  db: Kysely<DB>,
  user: {
    scope_level: string;
    city_code: string | null;
    county_code: string | null;
    township_id: number | null;
    school_id: number | null;
  },
): Promise<Scope> {
  const level = user.scope_level as ScopeLevel;
  switch (level) {
    case 'system':
      return { level: 'system' };
    case 'city': {
      const counties = await db
        .selectFrom('county')
        .select('code')
        .where('city_code', '=', user.city_code)
        .orderBy('code')
        .execute();
      return { level: 'city', cityCode: user.city_code ?? '', countyCodes: counties.map((c) => c.code) };
    }
    case 'county':
      return { level: 'county', countyCode: user.county_code ?? '' };
    case 'township':
      return { level: 'township', countyCode: user.county_code ?? '', townshipId: user.township_id ?? -1 };
    case 'school': {
      const schoolId = user.school_id ?? -1;
      const children = await db.selectFrom('school').select('id').where('parent_school_id', '=', schoolId).execute();
      return {
        level: 'school',
        countyCode: user.county_code ?? '',
        schoolId,
        schoolIds: [schoolId, ...children.map((c) => c.id)],
      };
    }
  }
}

export function viewerFor(
  user: { id: number; username: string; display_name: string; role: Role },
  scope: Scope,
  ip: string | null,
): Viewer {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    scope,
    permissions: new Set(permissionsOf(user.role)),
    actor: { id: user.id, name: `${user.display_name}（${user.username}）`, role: user.role, ip },
  };
}
