import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS } from '../../src/modules/stats/stat-columns';
import { tempDir, writeXlsx } from '../files';
import { type E2eServer, launchBrowser, login, newPage, screenshot, startServer } from './helpers';

const HEADERS = ['学校标识码', '学年', '学段', ...FIGURE_COLUMNS.map((c) => c.header), '说明'];

describe('statistics and indicators in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  const dir = tempDir('jg-e2e-stats-');
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A 2024-2025 小学 row of a demo school as it stands, with some figures changed. */
  async function demoRow(name: string, changes: Record<string, number>) {
    const row = await server.database.db
      .selectFrom('school_stat')
      .innerJoin('school', 'school.id', 'school_stat.school_id')
      .selectAll('school_stat')
      .select('school.code')
      .where('school.name', '=', name)
      .where('school_year', '=', 2024)
      .where('stage', '=', 'primary')
      .executeTakeFirstOrThrow();
    const values = Object.fromEntries(
      FIGURE_COLUMNS.map((c) => [c.header, Number((row as unknown as Record<string, number>)[c.db])]),
    );
    return [row.code, '2024-2025学年', '小学', ...FIGURE_COLUMNS.map((c) => changes[c.header] ?? values[c.header]), ''];
  }

  it('imports a 基表 with a logic error and a plausibility warning, fixes and explains them, and sees the indicators change', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'jijiao');
    await page.getByTestId('user-menu').waitFor();

    await page.goto(`${server.base}/indicators`);
    const superLarge = page.getByTestId('headline-super_large_class_count-compulsory');
    await expect(superLarge.innerText()).resolves.toMatch(/2个\s*未达标/);
    await screenshot(page, 'indicators-before');
    await page.goto(`${server.base}/balance`);
    const before = await page.getByTestId('balance-table').innerText();
    expect(before).toContain('青禾县实验小学');

    // 实验小学 split off a campus: 2931 → 1920 pupils, no more 56+ classes (a drop the statistics system flags).
    const crowded = await demoRow('青禾县实验小学', {
      在校生数: 1920,
      班级数: 40,
      '56-65人班级数': 0,
      '66人及以上班级数': 0,
    });
    const wrong = await demoRow('城关镇第一小学', { 班级数: 0 });
    await page.goto(`${server.base}/imports?type=school-stats`);
    await page
      .locator('input[type=file]')
      .setInputFiles(await writeXlsx(join(dir, '基表更正.xlsx'), [HEADERS, crowded, wrong], '学校年度基表'));
    const issues = page.getByTestId('import-issues');
    await issues.waitFor({ timeout: 30_000 });
    await expect(issues.innerText()).resolves.toMatch(/第3行\s+班级数\s+有在校生时班级数不能为0/);
    await screenshot(page, 'stats-import-logic-error');

    await page.getByRole('button', { name: '重新上传' }).first().click();
    const fixed = await demoRow('城关镇第一小学', {});
    await page
      .locator('input[type=file]')
      .setInputFiles(await writeXlsx(join(dir, '基表更正（修改后）.xlsx'), [HEADERS, crowded, fixed], '学校年度基表'));
    const explanations = page.getByTestId('explanations');
    await explanations.waitFor({ timeout: 30_000 });
    await expect(explanations.innerText()).resolves.toMatch(/第2行[\s\S]*在校生数由上年的2\d{3}变为1920/);
    await expect(page.getByTestId('commit-import').isDisabled()).resolves.toBe(true);
    await page.getByLabel('第2行说明').fill('2024年9月新区分校独立办学，分流学生1011人');
    await screenshot(page, 'stats-import-explain');
    await page.getByTestId('commit-import').click();
    await page.getByText('导入完成：新增 0 条，更新 1 条，无变化 1 条').waitFor({ timeout: 30_000 });

    await page.goto(`${server.base}/indicators`);
    await expect(page.getByTestId('headline-super_large_class_count-compulsory').innerText()).resolves.toMatch(
      /0个\s*达标/,
    );
    await screenshot(page, 'indicators-after');
    await page.getByTestId('headline-super_large_class_count-compulsory').click();
    await page.getByTestId('explain').waitFor();
    await expect(page.getByTestId('explain').innerText()).resolves.toContain('班额为66人及以上的班级数');
    await screenshot(page, 'indicator-explain');
    await page.keyboard.press('Escape');

    await page.goto(`${server.base}/balance`);
    await page.getByTestId('balance-table').waitFor();
    const after = await page.getByTestId('balance-table').innerText();
    expect(after).not.toEqual(before);
    expect(after).toMatch(/青禾县实验小学[\s\S]*1920/);
    await screenshot(page, 'balance');
    await page
      .getByTestId('balance-table')
      .locator('td a')
      .filter({ hasText: /^\d+\.\d+$/ })
      .first()
      .click();
    await page.getByTestId('explain').waitFor();
    await expect(page.getByTestId('explain').innerText()).resolves.toContain('学校年度基表');
    await screenshot(page, 'balance-explain');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('shows a school user only their own school in the 基表 and the 均衡 page', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'xuexiao');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${server.base}/balance`);
    await page.getByTestId('balance-table').waitFor();
    const names = await page.getByTestId('balance-table').locator('tbody tr td:first-child a').allInnerTexts();
    expect(names).toEqual(['城关镇第一小学']);
    await page.goto(`${server.base}/stats`);
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await expect(page.locator('tbody tr.ant-table-row').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('城关镇第一小学'),
    ]);
    await screenshot(page, 'stats-school-user');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});
