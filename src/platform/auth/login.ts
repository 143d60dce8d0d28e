import type { Kysely } from 'kysely';
import type { AppUser, DB } from '../../db/schema';
import { passwordProblems } from '../../domain/auth/password-policy';
import { isRole } from '../../domain/auth/roles';
import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, endSessionsOfUser } from './sessions';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 30;
/** Passwords older than this must be changed at the next login (等保 periodic change). */
export const PASSWORD_MAX_AGE_DAYS = 90;

// Verifying against a real hash for unknown users keeps the response time the same, so timing does not reveal names.
let dummyHash: Promise<string> | undefined;

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: AppUser;
  mustChangePassword: boolean;
}

function lockMessage(until: Date): string {
  const time = until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
  return `账号因连续${MAX_FAILED_ATTEMPTS}次登录失败已被锁定，请于${time}后重试，或联系系统管理员解锁`;
}

export async function login(db: Kysely<DB>, input: LoginInput, now = new Date()): Promise<LoginResult> {
  const username = input.username.trim();
  const user = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  const actor: Actor = {
    id: user?.id ?? null,
    name: user ? `${user.display_name}（${user.username}）` : username,
    role: user?.role ?? null,
    ip: input.ip,
  };

  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-9!');
    await verifyPassword(await dummyHash, input.password);
    await recordAudit(db, actor, { action: 'auth.login.failed', summary: `登录失败：用户名“${username}”不存在` });
    throw new AppError('LOGIN_FAILED', { message: 'Unknown user', userMessage: '用户名或密码错误' });
  }
  if (user.locked_until && user.locked_until > now) {
    await recordAudit(db, actor, {
      action: 'auth.login.refused',
      entityType: 'user',
      entityId: user.id,
      countyCode: user.county_code,
      summary: '登录被拒绝：账号已锁定',
    });
    throw new AppError('ACCOUNT_LOCKED', { message: 'Account locked', userMessage: lockMessage(user.locked_until) });
  }
  if (user.disabled) {
    await recordAudit(db, actor, {
      action: 'auth.login.refused',
      entityType: 'user',
      entityId: user.id,
      countyCode: user.county_code,
      summary: '登录被拒绝：账号已停用',
    });
    throw new AppError('LOGIN_FAILED', { message: 'Account disabled', userMessage: '账号已停用，请联系系统管理员' });
  }
  if (!isRole(user.role)) throw new AppError('INTERNAL', { message: `Unknown role ${user.role}` });

  if (!(await verifyPassword(user.password_hash, input.password))) {
    // A lock that has expired starts a fresh count.
    const previous = user.locked_until && user.locked_until <= now ? 0 : user.failed_attempts;
    const attempts = previous + 1;
    const lockedUntil = attempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ failed_attempts: lockedUntil ? 0 : attempts, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await recordAudit(trx, actor, {
        action: lockedUntil ? 'auth.lock' : 'auth.login.failed',
        entityType: 'user',
        entityId: user.id,
        countyCode: user.county_code,
        summary: lockedUntil
          ? `连续${MAX_FAILED_ATTEMPTS}次密码错误，账号锁定${LOCK_MINUTES}分钟`
          : `登录失败：密码错误（第${attempts}次）`,
      });
    });
    if (lockedUntil)
      throw new AppError('ACCOUNT_LOCKED', { message: 'Account locked', userMessage: lockMessage(lockedUntil) });
    throw new AppError('LOGIN_FAILED', {
      message: 'Wrong password',
      userMessage: `用户名或密码错误，再失败${MAX_FAILED_ATTEMPTS - attempts}次账号将被锁定${LOCK_MINUTES}分钟`,
    });
  }

  const expired =
    !user.password_changed_at ||
    now.getTime() - user.password_changed_at.getTime() > PASSWORD_MAX_AGE_DAYS * 86_400_000;
  const mustChangePassword = user.must_change_password || expired;
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: now, must_change_password: mustChangePassword })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      countyCode: user.county_code,
      summary: '登录成功',
    });
    return createSession(trx, user.id, { ip: input.ip, userAgent: input.userAgent });
  });
  return { ...session, user, mustChangePassword };
}

export async function changePassword(
  db: Kysely<DB>,
  options: { userId: number; oldPassword: string; newPassword: string; actor: Actor; keepSessionId?: string },
): Promise<void> {
  const user = await db.selectFrom('app_user').selectAll().where('id', '=', options.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, options.oldPassword))) {
    throw new AppError('VALIDATION', {
      message: 'Old password wrong',
      userMessage: '原密码不正确',
      issues: [{ path: 'oldPassword', message: '原密码不正确' }],
    });
  }
  const problems = passwordProblems(options.newPassword, user.username);
  if (options.newPassword === options.oldPassword) problems.push('新密码不能与原密码相同');
  if (problems.length) {
    throw new AppError('VALIDATION', {
      message: 'Weak password',
      userMessage: problems.join('；'),
      issues: problems.map((message) => ({ path: 'newPassword', message })),
    });
  }
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        must_change_password: false,
        password_changed_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', user.id)
      .execute();
    // Other sessions of this account end: a password change is often a reaction to a leak.
    if (options.keepSessionId) {
      await trx
        .deleteFrom('user_session')
        .where('user_id', '=', user.id)
        .where('id', '!=', options.keepSessionId)
        .execute();
    } else {
      await endSessionsOfUser(trx, user.id);
    }
    await recordAudit(trx, options.actor, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: user.id,
      countyCode: user.county_code,
      summary: '修改密码',
    });
  });
}
