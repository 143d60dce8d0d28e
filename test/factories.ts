import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema';
import { permissionsOf, type Role } from '../src/domain/auth/roles';
import { createSchool } from '../src/modules/org/save-school';
import { hashPassword } from '../src/platform/auth/passwords';
import type { Scope, Viewer } from '../src/platform/scope';

export const COUNTY = '145523';

export async function newCounty(db: Kysely<DB>, code = COUNTY, name = '青禾县') {
  await db
    .insertInto('county')
    .values({ code, name, province_code: code.slice(0, 2), city_code: null })
    .execute();
  const townships = await db
    .insertInto('township')
    .values([
      { county_code: code, code: `${code}100`, name: '城关镇', kind: '镇', sort_order: 1 },
      { county_code: code, code: `${code}101`, name: '东河镇', kind: '镇', sort_order: 2 },
      { county_code: code, code: `${code}200`, name: '南庄乡', kind: '乡', sort_order: 3 },
    ])
    .returning(['id', 'name'])
    .execute();
  return { code, townships: Object.fromEntries(townships.map((t) => [t.name, t.id])) as Record<string, number> };
}

export function viewerWith(role: Role, scope: Scope, userId: number | null = null): Viewer {
  return {
    userId,
    username: `test-${role}`,
    displayName: `测试${role}`,
    role,
    scope,
    permissions: new Set(permissionsOf(role)),
    actor: { id: userId, name: `测试（${role}）`, role, ip: '127.0.0.1' },
  };
}

export const countyViewer = (role: Role = 'basic_edu', county = COUNTY) =>
  viewerWith(role, { level: 'county', countyCode: county });

let schoolSequence = 0;
export async function newSchool(
  db: Kysely<DB>,
  townshipId: number,
  overrides: Partial<Parameters<typeof createSchool>[3]> = {},
  county = COUNTY,
): Promise<number> {
  schoolSequence++;
  return createSchool(db, countyViewer('basic_edu', county), county, {
    code: `21${county.slice(0, 2)}${county.slice(2)}${String(schoolSequence).padStart(2, '0')}`,
    name: `测试第${schoolSequence}小学`,
    type: 'primary',
    ownership: 'public',
    urbanRural: 'town',
    townshipId,
    parentCode: null,
    creditCode: null,
    address: null,
    openedOn: '2000-09-01',
    ...overrides,
  });
}

export async function newUser(
  db: Kysely<DB>,
  options: {
    username: string;
    role: Role;
    scopeLevel: string;
    countyCode?: string | null;
    townshipId?: number | null;
    schoolId?: number | null;
    password?: string;
    mustChange?: boolean;
  },
) {
  const { id } = await db
    .insertInto('app_user')
    .values({
      username: options.username,
      display_name: options.username,
      role: options.role,
      scope_level: options.scopeLevel,
      county_code: options.countyCode ?? null,
      township_id: options.townshipId ?? null,
      school_id: options.schoolId ?? null,
      password_hash: await hashPassword(options.password ?? 'Test@12345'),
      must_change_password: options.mustChange ?? false,
      password_changed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
