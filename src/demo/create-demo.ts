import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { permissionsOf, ROLES, type Role, type ScopeLevel } from '../domain/auth/roles';
import { todayInChina } from '../domain/period';
import { findSchoolByCode } from '../modules/org/org.repository';
import { createSchool } from '../modules/org/save-school';
import { closeSchool, mergeSchool, renameSchool } from '../modules/org/school-lifecycle';
import { recordAudit } from '../platform/audit/record-audit';
import { hashPassword } from '../platform/auth/passwords';
import type { Viewer } from '../platform/scope';
import { createDemoAid } from './demo-aid';
import { DEMO_CITY, DEMO_COUNTY, DEMO_HISTORY, DEMO_PASSWORD, DEMO_TOWNSHIPS, demoSchools } from './demo-county';
import { createDemoStats } from './demo-stats';
import { createDemoTeachers } from './demo-teachers';

export interface DemoLogin {
  role: Role;
  roleLabel: string;
  username: string;
  password: string;
  scope: string;
}

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scope: ScopeLevel;
  township?: string;
  school?: string;
}

/** One account per role; the README lists them. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'sys_admin', scope: 'system' },
  { username: 'auditor', displayName: '审计管理员', role: 'audit_admin', scope: 'system' },
  { username: 'leader', displayName: '王局长', role: 'leader', scope: 'county' },
  { username: 'bangong', displayName: '何静（局办公室）', role: 'office', scope: 'county' },
  { username: 'jijiao', displayName: '李明（基教股）', role: 'basic_edu', scope: 'county' },
  { username: 'renshi', displayName: '赵敏（人事股）', role: 'personnel', scope: 'county' },
  { username: 'zizhu', displayName: '孙丽（资助中心）', role: 'aid_center', scope: 'county' },
  { username: 'anquan', displayName: '周强（安全股）', role: 'safety', scope: 'county' },
  { username: 'jicai', displayName: '吴芳（计财股）', role: 'finance', scope: 'county' },
  { username: 'jiaoyan', displayName: '郑华（教研室）', role: 'research', scope: 'county' },
  { username: 'duda', displayName: '钱伟（督导室）', role: 'inspection', scope: 'county' },
  { username: 'dangjian', displayName: '冯静（党建办）', role: 'party', scope: 'county' },
  { username: 'xuequ', displayName: '陈刚（东河镇学区）', role: 'township', scope: 'township', township: '东河镇' },
  {
    username: 'xuexiao',
    displayName: '刘洋（城关镇第一小学）',
    role: 'school_clerk',
    scope: 'school',
    school: '城关镇第一小学',
  },
  {
    username: 'xiaozhang',
    displayName: '杨帆（城关镇第一小学校长）',
    role: 'principal',
    scope: 'school',
    school: '城关镇第一小学',
  },
  { username: 'shiju', displayName: '何平（晋东市教育局）', role: 'city', scope: 'city' },
];

function scopeText(account: DemoAccount): string {
  if (account.scope === 'system') return '全系统';
  if (account.scope === 'city') return DEMO_CITY.name;
  if (account.scope === 'county') return DEMO_COUNTY.name;
  return account.township ?? account.school ?? '';
}

export function demoLogins(): DemoLogin[] {
  return DEMO_ACCOUNTS.map((a) => ({
    role: a.role,
    roleLabel: ROLES[a.role].label,
    username: a.username,
    password: DEMO_PASSWORD,
    scope: scopeText(a),
  }));
}

/** Acts for the generator with the rights of a county 基教股 account, so every step goes through the real rules. */
function demoViewer(): Viewer {
  return {
    userId: null,
    username: 'demo',
    displayName: '演示数据生成',
    role: null,
    scope: { level: 'county', countyCode: DEMO_COUNTY.code },
    permissions: new Set([...permissionsOf('basic_edu')]),
    actor: { id: null, name: '系统（演示数据生成）', role: null, ip: null },
  };
}

/**
 * Creates the demo county in an empty database: towns, about 70 schools with valid codes, two school years of history
 * (a rename, a 撤并, a 撤销, a new kindergarten) and one account per role. Returns false when it already exists.
 */
export async function createDemoCounty(db: Kysely<DB>): Promise<boolean> {
  const existing = await db.selectFrom('county').select('code').where('code', '=', DEMO_COUNTY.code).executeTakeFirst();
  if (existing) return false;
  const viewer = demoViewer();

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('city')
      .values({ code: DEMO_CITY.code, name: DEMO_CITY.name, province_code: DEMO_CITY.provinceCode })
      .execute();
    await trx
      .insertInto('county')
      .values({
        code: DEMO_COUNTY.code,
        name: DEMO_COUNTY.name,
        province_code: DEMO_COUNTY.provinceCode,
        city_code: DEMO_COUNTY.cityCode,
      })
      .execute();
    await trx
      .insertInto('township')
      .values(
        DEMO_TOWNSHIPS.map((t, i) => ({
          county_code: DEMO_COUNTY.code,
          code: t.code,
          name: t.name,
          kind: t.kind,
          sort_order: i + 1,
        })),
      )
      .execute();
    await recordAudit(trx, viewer.actor, {
      action: 'county.create',
      entityType: 'county',
      entityId: DEMO_COUNTY.code,
      countyCode: DEMO_COUNTY.code,
      summary: `建立演示县“${DEMO_CITY.name}${DEMO_COUNTY.name}”及${DEMO_TOWNSHIPS.length}个乡镇`,
    });
  });

  const townships = await db
    .selectFrom('township')
    .select(['id', 'name'])
    .where('county_code', '=', DEMO_COUNTY.code)
    .execute();
  const townshipId = (name: string) => townships.find((t) => t.name === name)!.id;
  const schools = demoSchools();
  for (const s of schools) {
    await createSchool(db, viewer, DEMO_COUNTY.code, {
      code: s.code,
      name: s.name,
      type: s.type,
      ownership: s.ownership,
      urbanRural: s.urbanRural,
      townshipId: townshipId(s.township),
      parentCode: s.parentCode,
      creditCode: s.creditCode,
      address: s.address,
      openedOn: s.openedOn,
    });
  }

  const idOf = async (name: string) =>
    (
      await db
        .selectFrom('school')
        .select('id')
        .where('county_code', '=', DEMO_COUNTY.code)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const { rename, merge, close, open } = DEMO_HISTORY;
  await renameSchool(db, viewer, await idOf(rename.name), rename.newName, rename);
  const village = schools.find(
    (s) => s.township === merge.township && s.type === 'primary' && !s.name.includes('中心'),
  )!;
  await mergeSchool(db, viewer, await idOf(village.name), await idOf(`${merge.township}中心小学`), merge);
  const point = schools.find((s) => s.township === close.township && s.type === 'teaching_point')!;
  await closeSchool(db, viewer, await idOf(point.name), close);
  const kindergarten = schools.find((s) => s.name === '青禾县第二幼儿园')!;
  await createSchool(db, viewer, DEMO_COUNTY.code, {
    code: `1114${DEMO_COUNTY.code.slice(2)}${String(schools.filter((s) => s.type === 'kindergarten').length + 1).padStart(2, '0')}`,
    name: open.name,
    type: 'kindergarten',
    ownership: 'public',
    urbanRural: 'urban',
    townshipId: townshipId(open.township),
    parentCode: null,
    creditCode: null,
    address: kindergarten.address.replace(/\d+号$/, '88号'),
    openedOn: open.openedOn,
  });

  await createDemoStats(db, viewer);
  await createDemoAid(db);
  await createDemoTeachers(db, viewer, todayInChina());

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const school = account.school
      ? await findSchoolByCode(db, DEMO_COUNTY.code, schools.find((s) => s.name === account.school)!.code)
      : undefined;
    const { id } = await db
      .insertInto('app_user')
      .values({
        username: account.username,
        display_name: account.displayName,
        role: account.role,
        scope_level: account.scope,
        city_code: account.scope === 'city' ? DEMO_CITY.code : null,
        county_code: account.scope === 'system' || account.scope === 'city' ? null : DEMO_COUNTY.code,
        township_id: account.township ? townshipId(account.township) : null,
        school_id: school?.id ?? null,
        password_hash: passwordHash,
        // Demo accounts skip the first-login change so a visitor can look around; real accounts never do.
        must_change_password: false,
        password_changed_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(db, viewer.actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      countyCode: DEMO_COUNTY.code,
      summary: `建立演示账号“${account.username}”（${ROLES[account.role].label}）`,
    });
  }
  return true;
}
