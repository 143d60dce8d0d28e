import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/create-demo';
import { type Role, roleHas } from '../../src/domain/auth/roles';
import { MODULES } from '../../src/modules/menu';
import { SCHOOL_HEADERS, tempDir, writeXlsx } from '../files';
import { type E2eServer, launchBrowser, login, newPage, screenshot } from './helpers';

/** The menu a role should see: the modules whose permissions it holds, in menu order. */
const menuOf = (role: Role) => MODULES.filter((m) => m.anyOf.some((p) => roleHas(role, p))).map((m) => m.label);

describe('the platform in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  const dir = tempDir('jg-e2e-');

  beforeAll(async () => {
    const { startServer } = await import('./helpers');
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in as every role and shows that role its own menu, in Chinese, without errors', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const page = await newPage(browser);
      await login(page, server.base, account.username);
      await page.getByTestId('user-menu').waitFor();
      const menu = await page.locator('.ant-menu-item').allInnerTexts();
      expect(menu, account.role).toEqual(menuOf(account.role as Role));
      // 三权分立: the audit administrator sees only the log, and nobody else sees it.
      if (account.role === 'audit_admin') expect(menu).toEqual(['审计日志']);
      else expect(menu, account.role).not.toContain('审计日志');
      await expect(page.getByTestId('user-menu').innerText()).resolves.toContain(account.displayName.split('（')[0]);
      if (['leader', 'school_clerk', 'city'].includes(account.role)) await screenshot(page, `home-${account.username}`);
      expect(page.problems, account.username).toEqual([]);
      await page.context().close();
    }
  }, 300_000);

  it('refuses a wrong password with a Chinese message', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'leader', 'Wrong@12345');
    await expect(page.getByTestId('login-error').innerText()).resolves.toContain(
      '用户名或密码错误，再失败4次账号将被锁定30分钟',
    );
    await page.context().close();
  });

  it('imports schools: a bad row is shown by row and column, nothing is written, the fixed file commits', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'jijiao');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${server.base}/imports?type=schools`);
    const good = [
      '2114552390',
      '城关镇育才小学',
      '小学',
      '公办',
      '城区',
      '城关镇',
      null,
      '青禾县城关镇育才路8号',
      null,
      '2024-09-01',
    ];
    const bad = ['2114552391', '城关镇新华小学', '小学', '公立', '城区', '城关镇', null, null, null, null];
    const badFile = await writeXlsx(join(dir, '新增学校.xlsx'), [SCHOOL_HEADERS, good, bad]);
    await page.locator('input[type=file]').setInputFiles(badFile);
    const issues = page.getByTestId('import-issues');
    await issues.waitFor({ timeout: 30_000 });
    await expect(issues.innerText()).resolves.toMatch(
      /第3行\s+办学性质\s+“办学性质”的值“公立”无效，应为：公办、民办、普惠性民办/,
    );
    await expect(page.getByText('整个文件未写入任何数据').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'import-preview-error');

    await page.getByRole('button', { name: '重新上传' }).first().click();
    bad[3] = '公办';
    const fixedFile = await writeXlsx(join(dir, '新增学校（已改）.xlsx'), [SCHOOL_HEADERS, good, bad]);
    await page.locator('input[type=file]').setInputFiles(fixedFile);
    await page.getByTestId('commit-import').waitFor({ timeout: 30_000 });
    await expect(page.getByText('校验通过：共 2 行').isVisible()).resolves.toBe(true);
    await screenshot(page, 'import-preview-valid');
    await page.getByTestId('commit-import').click();
    await page.getByText('导入完成：新增 2 条，更新 0 条，无变化 0 条').waitFor({ timeout: 30_000 });
    await screenshot(page, 'import-committed');

    await page.goto(`${server.base}/schools?q=城关镇`);
    await page.getByRole('link', { name: '城关镇育才小学' }).waitFor();
    await expect(page.getByRole('link', { name: '城关镇新华小学' }).isVisible()).resolves.toBe(true);
    await page.goto(`${server.base}/schools`);
    await page.getByText('共 71 所').waitFor();
    await screenshot(page, 'school-list');
    await page.getByRole('link', { name: '青禾县实验第二小学' }).click();
    await page.getByText('办学沿革').waitFor();
    await expect(page.locator('.ant-timeline').getByText('更名为“青禾县实验第二小学”').isVisible()).resolves.toBe(true);
    await screenshot(page, 'school-detail');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('keeps a school user out of another school’s page and API', async () => {
    const other = await server.database.db
      .selectFrom('school')
      .select('id')
      .where('name', '=', '青禾县第一中学')
      .executeTakeFirstOrThrow();
    const own = await server.database.db
      .selectFrom('school')
      .select('id')
      .where('name', '=', '城关镇第一小学')
      .executeTakeFirstOrThrow();
    const page = await newPage(browser);
    await login(page, server.base, 'xuexiao');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${server.base}/schools/${own.id}`);
    await page.getByText('基本信息').waitFor();
    await page.goto(`${server.base}/schools/${other.id}`);
    await page.getByText('学校不存在或您无权查看').waitFor();
    await screenshot(page, 'school-user-denied');
    const status = await page.evaluate(async (id) => (await fetch(`/api/schools/${id}`)).status, other.id);
    expect(status).toBe(404);
    const list = await page.evaluate(async () =>
      (await (await fetch('/api/schools')).json()).items.map((s: { name: string }) => s.name),
    );
    expect(list).toEqual(['城关镇第一小学']);
    await page.context().close();
  });

  it('shows the audit trail of what was done, and verifies its chain', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'auditor');
    await page.getByTestId('user-menu').waitFor();
    await page.getByRole('cell', { name: /导入学校“新增学校（已改）\.xlsx”：新增2条/ }).waitFor();
    await page.getByRole('button', { name: /校验哈希链/ }).click();
    await expect(page.getByTestId('verify-result').innerText()).resolves.toMatch(
      /^校验通过：\d+ 条记录的哈希链完整，未发现篡改/,
    );
    await screenshot(page, 'audit-log');
    await page.getByRole('cell', { name: /导入学校“新增学校（已改）\.xlsx”/ }).click();
    await page.getByText('本条哈希').waitFor();
    await screenshot(page, 'audit-detail');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});

describe('account management in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    const { startServer } = await import('./helpers');
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates an account whose first login must change the password', async () => {
    const admin = await newPage(browser);
    await login(admin, server.base, 'admin');
    await admin.getByTestId('user-menu').waitFor();
    await admin.goto(`${server.base}/users`);
    await admin.getByRole('button', { name: /新建账号/ }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('wangfang');
    await dialog.getByLabel('姓名').fill('王芳');
    await dialog.getByLabel('角色').click();
    await admin.getByTitle('局领导').click();
    await admin.getByRole('button', { name: '保 存' }).click();
    const password = await admin.getByTestId('initial-password').innerText();
    expect(password).toMatch(/^.{12}$/);
    await screenshot(admin, 'users-created');
    await admin.keyboard.press('Escape');
    await admin.getByRole('cell', { name: 'wangfang' }).waitFor();
    await screenshot(admin, 'users');
    expect(admin.problems).toEqual([]);

    const user = await newPage(browser);
    await login(user, server.base, 'wangfang', password.trim());
    await user.getByText('首次登录或密码已超过90天，请先设置新密码。').waitFor();
    await screenshot(user, 'password-forced');
    await user.getByLabel('原密码').fill(password.trim());
    await user.getByLabel('新密码', { exact: true }).fill('Wang@2026fang');
    await user.getByLabel('确认新密码').fill('Wang@2026fang');
    await user.getByRole('button', { name: '确认修改' }).click();
    await user.getByTestId('user-menu').waitFor();
    await expect(user.locator('.ant-menu-item').allInnerTexts()).resolves.toEqual(menuOf('leader'));
    expect(user.problems).toEqual([]);
  });
});
