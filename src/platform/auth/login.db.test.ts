import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, newCounty, newUser } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { AppError } from '../errors';
import { changePassword, LOCK_MINUTES, login, MAX_FAILED_ATTEMPTS } from './login';
import { SESSION_IDLE_MINUTES, touchSession } from './sessions';

const meta = { ip: '127.0.0.1', userAgent: 'vitest' };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('login', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await newCounty(database.db);
    await newUser(database.db, {
      username: 'zhang',
      role: 'basic_edu',
      scopeLevel: 'county',
      countyCode: COUNTY,
      password: 'Right@123',
    });
    await newUser(database.db, {
      username: 'newbie',
      role: 'leader',
      scopeLevel: 'county',
      countyCode: COUNTY,
      password: 'First@123',
      mustChange: true,
    });
  });
  afterAll(() => database.close());

  it('logs in with the right password and records it', async () => {
    const result = await login(database.db, { username: 'zhang', password: 'Right@123', ...meta });
    expect(result.mustChangePassword).toBe(false);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').execute();
    expect(audit).toHaveLength(1);
  });

  it('gives the same message for an unknown user as for a wrong password, without a count', async () => {
    expect((await failure(login(database.db, { username: 'nobody', password: 'x', ...meta }))).userMessage).toBe(
      '用户名或密码错误',
    );
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_ATTEMPTS} failures, even for the right password`, async () => {
    const now = new Date('2026-11-22T02:00:00Z');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const error = await failure(login(database.db, { username: 'zhang', password: 'wrong', ...meta }, now));
      expect(error.code).toBe('LOGIN_FAILED');
      expect(error.userMessage).toContain(`再失败${MAX_FAILED_ATTEMPTS - i}次`);
    }
    const locked = await failure(login(database.db, { username: 'zhang', password: 'wrong', ...meta }, now));
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    expect(locked.userMessage).toContain('10:30');
    const stillLocked = await failure(
      login(database.db, { username: 'zhang', password: 'Right@123', ...meta }, new Date(now.getTime() + 29 * 60_000)),
    );
    expect(stillLocked.code).toBe('ACCOUNT_LOCKED');
    const later = await login(
      database.db,
      { username: 'zhang', password: 'Right@123', ...meta },
      new Date(now.getTime() + 31 * 60_000),
    );
    expect(later.user.username).toBe('zhang');
    const actions = (
      await database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'auth.%')
        .orderBy('id')
        .execute()
    ).map((r) => r.action);
    expect(actions).toContain('auth.lock');
    expect(actions).toContain('auth.login.refused');
  });

  it('makes a new account change its password, with the policy enforced', async () => {
    const first = await login(database.db, { username: 'newbie', password: 'First@123', ...meta });
    expect(first.mustChangePassword).toBe(true);
    const actor = { id: first.user.id, name: 'newbie', role: 'leader', ip: null };
    const weak = await failure(
      changePassword(database.db, { userId: first.user.id, oldPassword: 'First@123', newPassword: 'abc', actor }),
    );
    expect(weak.issues.map((i) => i.message)).toEqual([
      '密码长度至少8位',
      '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类',
    ]);
    const wrongOld = await failure(
      changePassword(database.db, { userId: first.user.id, oldPassword: 'nope', newPassword: 'Better@2026', actor }),
    );
    expect(wrongOld.userMessage).toBe('原密码不正确');
    await changePassword(database.db, {
      userId: first.user.id,
      oldPassword: 'First@123',
      newPassword: 'Better@2026',
      actor,
    });
    const second = await login(database.db, { username: 'newbie', password: 'Better@2026', ...meta });
    expect(second.mustChangePassword).toBe(false);
  });

  it(`ends a session after ${SESSION_IDLE_MINUTES} idle minutes`, async () => {
    const { token } = await login(database.db, { username: 'newbie', password: 'Better@2026', ...meta });
    const soon = await touchSession(database.db, token, new Date(Date.now() + 10 * 60_000));
    expect(soon.ok).toBe(true);
    const idle = await touchSession(
      database.db,
      token,
      new Date(Date.now() + (10 + SESSION_IDLE_MINUTES + 1) * 60_000),
    );
    expect(idle).toEqual({ ok: false, reason: 'idle' });
    expect(await touchSession(database.db, token)).toEqual({ ok: false, reason: 'missing' });
  });
});
