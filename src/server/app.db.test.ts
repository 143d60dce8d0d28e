import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, newUser } from '../../test/factories';
import { SCHOOL_HEADERS, tempDir } from '../../test/files';
import { createTestDatabase, type TestDatabase } from '../../test/harness';
import { DEMO_PASSWORD } from '../demo/demo-county';
import { buildApp } from './app';

interface Client {
  cookies: Record<string, string>;
  request(
    method: string,
    url: string,
    options?: { body?: unknown; headers?: Record<string, string>; payload?: string | Buffer },
  ): Promise<LightMyRequestResponse>;
}

describe('HTTP API', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const dir = tempDir();

  function client(): Client {
    const cookies: Record<string, string> = {};
    return {
      cookies,
      async request(method, url, options = {}) {
        const response = await app.inject({
          method: method as 'GET',
          url,
          headers: {
            cookie: Object.entries(cookies)
              .map(([k, v]) => `${k}=${v}`)
              .join('; '),
            ...(method !== 'GET' && cookies.jg_csrf ? { 'x-csrf-token': cookies.jg_csrf } : {}),
            ...options.headers,
          },
          ...(options.payload !== undefined
            ? { payload: options.payload }
            : options.body !== undefined
              ? { payload: options.body as object }
              : {}),
        });
        for (const cookie of response.cookies) {
          if (cookie.value) cookies[cookie.name] = cookie.value;
          else delete cookies[cookie.name];
        }
        return response;
      },
    };
  }

  async function loggedIn(username: string, password = DEMO_PASSWORD): Promise<Client> {
    const c = client();
    const response = await c.request('POST', '/api/auth/login', { body: { username, password } });
    expect(response.statusCode).toBe(200);
    return c;
  }

  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
    const web = join(dir, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>教管</title>');
    app = await buildApp({ database, uploadDir: join(dir, 'uploads'), webDist: web });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers health and serves the SPA and the OpenAPI docs without a session', async () => {
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ ok: true, database: database.engine });
    expect((await app.inject({ url: '/schools/12' })).body).toContain('<title>教管</title>');
    const docs = await app.inject({ url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toContain('/api/schools');
    expect((await app.inject({ url: '/api/nope' })).statusCode).toBe(401);
    const c = await loggedIn('leader');
    expect((await c.request('GET', '/api/nope')).json().error.message).toBe('接口不存在：GET /api/nope');
  });

  it('requires a session, sets strict HttpOnly cookies, and needs the CSRF token to change anything', async () => {
    const anonymous = await app.inject({ url: '/api/schools' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.message).toBe('请先登录');

    const c = client();
    const login = await c.request('POST', '/api/auth/login', { body: { username: 'jijiao', password: DEMO_PASSWORD } });
    const session = login.cookies.find((k) => k.name === 'jg_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(login.cookies.find((k) => k.name === 'jg_csrf')).toMatchObject({ sameSite: 'Strict' });

    const me = (await c.request('GET', '/api/auth/me')).json();
    expect(me).toMatchObject({
      username: 'jijiao',
      roleLabel: '基教股',
      scope: { level: 'county', countyCode: COUNTY },
    });
    expect(me.modules.map((m: { key: string }) => m.key)).toEqual([
      'overview',
      'indicators',
      'balance',
      'stats',
      'schools',
      'imports',
    ]);

    const school = (await c.request('GET', '/api/schools?q=城关镇第一小学')).json().items[0];
    const forged = await c.request('POST', `/api/schools/${school.id}/rename`, {
      body: { name: '伪造', effectiveDate: '2025-01-01' },
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.message).toBe('请求校验失败（CSRF），请刷新页面后重试');

    const bad = await c.request('GET', '/api/schools?page=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^请求参数有误：page/);
  });

  it('rate-limits login attempts per address', async () => {
    const attempt = (username: string, password = 'x') =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username, password },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) statuses.push((await attempt(`ghost${i}`)).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
    expect((await attempt('leader', DEMO_PASSWORD)).json().error.message).toBe('操作过于频繁，请稍后再试');
  });

  it('makes a new account change its password before anything else', async () => {
    await newUser(database.db, {
      username: 'fresh',
      role: 'leader',
      scopeLevel: 'county',
      countyCode: COUNTY,
      password: 'Start@123',
      mustChange: true,
    });
    const c = await loggedIn('fresh', 'Start@123');
    const blocked = await c.request('GET', '/api/schools');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    const weak = await c.request('POST', '/api/auth/password', {
      body: { oldPassword: 'Start@123', newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(
      (
        await c.request('POST', '/api/auth/password', {
          body: { oldPassword: 'Start@123', newPassword: 'Leader@2026x' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await c.request('GET', '/api/schools')).statusCode).toBe(200);
  });

  it('keeps a school account to its own school, in lists and by id', async () => {
    const c = await loggedIn('xuexiao');
    const own = (await c.request('GET', '/api/schools')).json();
    expect(own.items.map((s: { name: string }) => s.name)).toEqual(['城关镇第一小学']);
    const other = await database.db
      .selectFrom('school')
      .select('id')
      .where('name', '=', '青禾县第一中学')
      .executeTakeFirstOrThrow();
    const response = await c.request('GET', `/api/schools/${other.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('学校不存在或您无权访问');
    expect((await c.request('GET', '/api/schools?county=145500')).statusCode).toBe(404);
    expect((await c.request('GET', '/api/users')).statusCode).toBe(403);
    expect((await c.request('GET', '/api/imports/schools/template')).statusCode).toBe(403);

    const township = await loggedIn('xuequ');
    const names = (await township.request('GET', '/api/schools?pageSize=100'))
      .json()
      .items.map((s: { township_name: string }) => s.township_name);
    expect(new Set(names)).toEqual(new Set(['东河镇']));
  });

  it('keeps the system administrator and the auditor apart', async () => {
    const admin = await loggedIn('admin');
    expect((await admin.request('GET', '/api/users')).statusCode).toBe(200);
    expect((await admin.request('GET', '/api/audit')).statusCode).toBe(403);
    const auditor = await loggedIn('auditor');
    expect((await auditor.request('GET', '/api/users')).statusCode).toBe(403);
    const log = (await auditor.request('GET', '/api/audit?pageSize=5')).json();
    expect(log.total).toBeGreaterThan(50);
    const verify = (await auditor.request('POST', '/api/audit/verify')).json();
    expect(verify.ok).toBe(true);
    const created = (
      await admin.request('POST', '/api/users', {
        body: {
          username: 'newclerk',
          displayName: '新填报员',
          role: 'school_clerk',
          scopeLevel: 'school',
          countyCode: COUNTY,
          schoolId: 1,
        },
      })
    ).json();
    expect(created.password).toMatch(/^.{12}$/);
    const first = await loggedIn('newclerk', created.password);
    expect((await first.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
  });

  it('uploads a file, validates it in the background, and commits it on request', async () => {
    const c = await loggedIn('jijiao');
    const csv = [
      SCHOOL_HEADERS.join(','),
      '2114552399,城关镇新建小学,小学,公办,城区,城关镇,,新区路1号,,2024-09-01',
    ].join('\r\n');
    const boundary = '----jiaoguan';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="新学校.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(csv),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const created = await c.request('POST', '/api/imports/schools/jobs', {
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const waitFor = async (statuses: string[]) => {
      for (let i = 0; i < 100; i++) {
        const job = (await c.request('GET', `/api/imports/jobs/${id}`)).json();
        if (statuses.includes(job.status)) return job;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('job did not finish');
    };
    const validated = await waitFor(['validated', 'rejected', 'failed']);
    expect(validated).toMatchObject({ status: 'validated', fileName: '新学校.csv', inserted: 1, updated: 0 });
    expect((await c.request('GET', '/api/schools?q=城关镇新建小学')).json().total).toBe(0);
    const commit = await c.request('POST', `/api/imports/jobs/${id}/commit`);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(await waitFor(['committed', 'failed'])).toMatchObject({ status: 'committed', inserted: 1 });
    expect((await c.request('GET', '/api/schools?q=城关镇新建小学')).json().total).toBe(1);
    expect((await c.request('POST', `/api/imports/jobs/${id}/commit`)).json().error.message).toBe('该文件已导入');
  });
});
