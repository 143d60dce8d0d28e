import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { passwordProblems } from '../../domain/auth/password-policy';
import { isRole, ROLES, type Role, type ScopeLevel } from '../../domain/auth/roles';
import { maskPhone } from '../../domain/masking';
import type { Actor } from '../../platform/audit/actor';
import { recordAudit } from '../../platform/audit/record-audit';
import { hashPassword } from '../../platform/auth/passwords';
import { endSessionsOfUser } from '../../platform/auth/sessions';
import { AppError, type Issue, notFound } from '../../platform/errors';
import { canSeeCounty, type Scope } from '../../platform/scope';
import { findUser } from './users.repository';

export interface UserInput {
  username: string;
  displayName: string;
  role: string;
  scopeLevel: ScopeLevel;
  cityCode?: string | null;
  countyCode?: string | null;
  townshipId?: number | null;
  schoolId?: number | null;
  phone?: string | null;
}

/** Who is managing accounts: their actor for the audit log and the scope they manage within. */
export interface AccountManager {
  actor: Actor;
  scope: Scope;
}

const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%^&*'];

/** A random 12-character password with all four character classes (no look-alike characters). */
export function temporaryPassword(): string {
  const all = CLASSES.join('');
  const chars = CLASSES.map((set) => set[randomInt(set.length)]);
  while (chars.length < 12) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

async function checkUserInput(db: Kysely<DB>, manager: AccountManager, input: UserInput): Promise<Role> {
  const issues: Issue[] = [];
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username))
    issues.push({ path: 'username', message: '用户名为3至32位字母、数字或 _ . -' });
  if (!input.displayName.trim() || input.displayName.length > 30)
    issues.push({ path: 'displayName', message: '姓名为1至30个字' });
  if (input.phone && !/^1\d{10}$/.test(input.phone)) issues.push({ path: 'phone', message: '手机号应为11位数字' });
  if (!isRole(input.role)) {
    issues.push({ path: 'role', message: '角色无效' });
  } else if (!(ROLES[input.role].scopes as readonly ScopeLevel[]).includes(input.scopeLevel)) {
    issues.push({ path: 'scopeLevel', message: `“${ROLES[input.role].label}”角色不能设为该管理范围` });
  }
  const needs: Record<ScopeLevel, (keyof UserInput)[]> = {
    system: [],
    city: ['cityCode'],
    county: ['countyCode'],
    township: ['countyCode', 'townshipId'],
    school: ['countyCode', 'schoolId'],
  };
  for (const field of needs[input.scopeLevel] ?? []) {
    if (input[field] === null || input[field] === undefined || input[field] === '')
      issues.push({ path: field, message: '该管理范围须填写此项' });
  }
  if (input.countyCode && !canSeeCounty(manager.scope, input.countyCode))
    issues.push({ path: 'countyCode', message: '不能为您管理范围以外的县区创建账号' });
  if (input.scopeLevel === 'system' && manager.scope.level !== 'system')
    issues.push({ path: 'scopeLevel', message: '只有全系统管理员可以创建全系统账号' });
  if (input.countyCode) {
    const county = await db.selectFrom('county').select('code').where('code', '=', input.countyCode).executeTakeFirst();
    if (!county) issues.push({ path: 'countyCode', message: '县区不存在' });
  }
  if (input.townshipId) {
    const township = await db
      .selectFrom('township')
      .select('county_code')
      .where('id', '=', input.townshipId)
      .executeTakeFirst();
    if (township?.county_code !== input.countyCode) issues.push({ path: 'townshipId', message: '乡镇不属于所选县区' });
  }
  if (input.schoolId) {
    const school = await db
      .selectFrom('school')
      .select(['county_code', 'status'])
      .where('id', '=', input.schoolId)
      .executeTakeFirst();
    if (school?.county_code !== input.countyCode) issues.push({ path: 'schoolId', message: '学校不属于所选县区' });
  }
  if (issues.length)
    throw new AppError('VALIDATION', {
      message: 'Invalid user',
      userMessage: issues.map((i) => i.message).join('；'),
      issues,
    });
  return input.role as Role;
}

function describe(input: UserInput) {
  return { ...input, phone: input.phone ? maskPhone(input.phone) : null };
}

/** Creates an account that must change its password at first login. Returns the id and the initial password. */
export async function createUser(
  db: Kysely<DB>,
  manager: AccountManager,
  input: UserInput,
  password?: string,
): Promise<{ id: number; password: string }> {
  const role = await checkUserInput(db, manager, input);
  const initial = password ?? temporaryPassword();
  const problems = passwordProblems(initial, input.username);
  if (problems.length)
    throw new AppError('VALIDATION', {
      message: 'Weak password',
      userMessage: problems.join('；'),
      issues: problems.map((message) => ({ path: 'password', message })),
    });
  const passwordHash = await hashPassword(initial);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken)
      throw new AppError('CONFLICT', {
        message: 'Username taken',
        userMessage: `用户名“${input.username}”已被使用`,
        issues: [{ path: 'username', message: '用户名已被使用' }],
      });
    const { id } = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName.trim(),
        role,
        scope_level: input.scopeLevel,
        city_code: input.cityCode ?? null,
        county_code: input.countyCode ?? null,
        township_id: input.townshipId ?? null,
        school_id: input.schoolId ?? null,
        phone: input.phone ?? null,
        password_hash: passwordHash,
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, manager.actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      countyCode: input.countyCode,
      summary: `新建账号“${input.username}”（${ROLES[role].label}）`,
      after: describe(input),
    });
    return { id, password: initial };
  });
}

async function loadManaged(db: Kysely<DB>, manager: AccountManager, userId: number) {
  const user = await findUser(db, userId);
  if (!user) throw notFound('账号');
  if (manager.scope.level !== 'system' && !(user.county_code && canSeeCounty(manager.scope, user.county_code)))
    throw notFound('账号');
  return user;
}

export async function updateUser(
  db: Kysely<DB>,
  manager: AccountManager,
  userId: number,
  input: Omit<UserInput, 'username'>,
): Promise<void> {
  const user = await loadManaged(db, manager, userId);
  const role = await checkUserInput(db, manager, { ...input, username: user.username });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        display_name: input.displayName.trim(),
        role,
        scope_level: input.scopeLevel,
        city_code: input.cityCode ?? null,
        county_code: input.countyCode ?? null,
        township_id: input.townshipId ?? null,
        school_id: input.schoolId ?? null,
        phone: input.phone ?? null,
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
    // A changed role or scope takes effect now, not at the next login.
    await endSessionsOfUser(trx, userId);
    const before = {
      displayName: user.display_name,
      role: user.role,
      scopeLevel: user.scope_level,
      countyCode: user.county_code,
      townshipId: user.township_id,
      schoolId: user.school_id,
      phone: user.phone ? maskPhone(user.phone) : null,
    };
    await recordAudit(trx, manager.actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      countyCode: input.countyCode,
      summary: `修改账号“${user.username}”`,
      before,
      after: describe({ ...input, username: user.username }),
    });
  });
}

/** Sets a new password (given, or generated) that must be changed at next login, and unlocks the account. */
export async function resetPassword(
  db: Kysely<DB>,
  manager: AccountManager,
  userId: number,
  password?: string,
): Promise<string> {
  const user = await loadManaged(db, manager, userId);
  const next = password ?? temporaryPassword();
  const problems = passwordProblems(next, user.username);
  if (problems.length)
    throw new AppError('VALIDATION', {
      message: 'Weak password',
      userMessage: problems.join('；'),
      issues: problems.map((message) => ({ path: 'password', message })),
    });
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        failed_attempts: 0,
        locked_until: null,
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
    await endSessionsOfUser(trx, userId);
    await recordAudit(trx, manager.actor, {
      action: 'user.password.reset',
      entityType: 'user',
      entityId: userId,
      countyCode: user.county_code,
      summary: `重置账号“${user.username}”的密码`,
    });
  });
  return next;
}

/** Locks an account until an administrator unlocks it (or unlocks one locked by failed logins). */
export async function setLocked(
  db: Kysely<DB>,
  manager: AccountManager,
  userId: number,
  locked: boolean,
): Promise<void> {
  const user = await loadManaged(db, manager, userId);
  if (locked && manager.actor.id === userId)
    throw new AppError('VALIDATION', { message: 'Self lock', userMessage: '不能锁定自己的账号' });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        locked_until: locked ? new Date('9999-12-31T00:00:00Z') : null,
        failed_attempts: 0,
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
    if (locked) await endSessionsOfUser(trx, userId);
    await recordAudit(trx, manager.actor, {
      action: locked ? 'user.lock' : 'user.unlock',
      entityType: 'user',
      entityId: userId,
      countyCode: user.county_code,
      summary: `${locked ? '锁定' : '解锁'}账号“${user.username}”`,
    });
  });
}

export async function setDisabled(
  db: Kysely<DB>,
  manager: AccountManager,
  userId: number,
  disabled: boolean,
): Promise<void> {
  const user = await loadManaged(db, manager, userId);
  if (disabled && manager.actor.id === userId)
    throw new AppError('VALIDATION', { message: 'Self disable', userMessage: '不能停用自己的账号' });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ disabled, updated_at: new Date() }).where('id', '=', userId).execute();
    if (disabled) await endSessionsOfUser(trx, userId);
    await recordAudit(trx, manager.actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      countyCode: user.county_code,
      summary: `${disabled ? '停用' : '启用'}账号“${user.username}”`,
    });
  });
}
