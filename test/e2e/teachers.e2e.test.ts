import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeIdNumber } from '../../src/domain/codes/id-card';
import { teachersImport } from '../../src/modules/teachers/teachers.import';
import { tempDir, writeXlsx } from '../files';
import { type E2eServer, launchBrowser, login, newPage, screenshot, startServer } from './helpers';

const HEADERS = teachersImport.columns.map((c) => c.header);

/** A roster row under the template headers; unnamed columns stay empty. */
function rosterRow(cells: Record<string, string>): string[] {
  return HEADERS.map((h) => cells[h] ?? '');
}

const NEW_TEACHERS = [
  { name: '欧阳新岚', id: composeIdNumber('145523', '1999-05-12', 232), subject: '语文' },
  { name: '司马文博', id: composeIdNumber('145523', '1998-11-03', 117), subject: '数学' },
  { name: '上官雨桐', id: composeIdNumber('145523', '2000-02-20', 348), subject: '音乐' },
];

/** The same number with a wrong check character (GB 11643). */
const wrongChecksum = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

/**
 * Picks an event type in the open form and waits for a field that type shows. The form opens with an animation,
 * and a dropdown opened during it can close again, so the pick waits for the animations and is retried.
 */
async function chooseEventType(page: Page, type: string, shows: Locator): Promise<void> {
  const dialog = page.getByRole('dialog');
  const select = dialog.getByLabel('变动类型');
  for (let attempt = 1; ; attempt++) {
    try {
      await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
      const open = page.locator('.ant-select-dropdown:visible');
      if (!(await open.count())) await select.click({ timeout: 5_000 });
      await open.getByTitle(type, { exact: true }).click({ timeout: 5_000 });
      await shows.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

describe('teachers in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  const dir = tempDir('jg-e2e-teachers-');
  let first: { id: number; code: string };
  let second: { id: number; code: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const school = (name: string) =>
      server.database.db.selectFrom('school').select(['id', 'code']).where('name', '=', name).executeTakeFirstOrThrow();
    [first, second] = await Promise.all([school('城关镇第一小学'), school('城关镇第二小学')]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** 在职 teachers of a school as the roster filtered by that school counts them. */
  async function rosterCount(page: Page, schoolId: number): Promise<number> {
    await page.goto(`${server.base}/teachers?school=${schoolId}`);
    const total = page.locator('.ant-pagination-total-text');
    await total.waitFor();
    return Number(/共 (\d+) 人/.exec(await total.innerText())?.[1]);
  }

  function rows(ids: string[]) {
    return NEW_TEACHERS.map((t, i) =>
      rosterRow({
        身份证号: ids[i],
        姓名: t.name,
        民族: '汉族',
        学校标识码: first.code,
        任教学段: '小学',
        岗位类别: '专任教师',
        主要任教学科: t.subject,
        最高学历: '本科',
        编制情况: '在编',
        补充渠道: '公开招聘',
        入职日期: '2024-09-01',
      }),
    );
  }

  it('imports a roster with a wrong ID checksum, shows the error by row and column, then commits the fixed file', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'renshi');
    await page.getByTestId('user-menu').waitFor();
    const before = await rosterCount(page, first.id);

    await page.goto(`${server.base}/imports?type=teachers`);
    const ids = NEW_TEACHERS.map((t) => t.id);
    const bad = [...ids];
    bad[1] = wrongChecksum(ids[1]);
    await page
      .locator('input[type=file]')
      .setInputFiles(await writeXlsx(join(dir, '新入职教师.xlsx'), [HEADERS, ...rows(bad)], '教师名册'));
    const issues = page.getByTestId('import-issues');
    await issues.waitFor({ timeout: 30_000 });
    await expect(issues.innerText()).resolves.toMatch(/第3行\s+身份证号\s+身份证号校验位错误（最后一位应为[\dX]）/);
    await expect(page.getByText('整个文件未写入任何数据').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'teachers-import-error');

    // Nothing was written: not even the two good rows.
    await page.goto(`${server.base}/teachers?q=${encodeURIComponent('欧阳新岚')}`);
    await page.getByText('没有符合条件的教师').waitFor();
    expect(await rosterCount(page, first.id)).toBe(before);

    await page.goto(`${server.base}/imports?type=teachers`);
    await page
      .locator('input[type=file]')
      .setInputFiles(await writeXlsx(join(dir, '新入职教师（已改）.xlsx'), [HEADERS, ...rows(ids)], '教师名册'));
    await page.getByTestId('commit-import').waitFor({ timeout: 30_000 });
    await expect(page.getByText('校验通过：共 3 行').isVisible()).resolves.toBe(true);
    await page.getByTestId('commit-import').click();
    await page.getByText('导入完成：新增 3 条，更新 0 条，无变化 0 条').waitFor({ timeout: 30_000 });

    expect(await rosterCount(page, first.id)).toBe(before + 3);
    // The roster is ordered by school and name, so each newcomer is found by name rather than on page 1.
    const table = page.getByTestId('teacher-table');
    for (const t of NEW_TEACHERS) {
      await page.goto(`${server.base}/teachers?q=${encodeURIComponent(t.name)}`);
      await table.getByRole('link', { name: t.name }).waitFor();
    }
    await expect(table.innerText()).resolves.toContain('145523********');
    await screenshot(page, 'teachers-roster');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('transfers a teacher on the person page and both schools’ counts change', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'renshi');
    await page.getByTestId('user-menu').waitFor();
    const [fromBefore, toBefore] = [await rosterCount(page, first.id), await rosterCount(page, second.id)];

    await page.goto(`${server.base}/teachers?q=${encodeURIComponent('欧阳新岚')}`);
    await page.getByTestId('teacher-table').getByRole('link', { name: '欧阳新岚' }).click();
    await page.getByTestId('teacher-name').waitFor();
    // The full ID number only on request, and the request is audited.
    await page.getByRole('button', { name: /查看完整号码/ }).click();
    await page.getByTestId('idNumber-value').filter({ hasText: NEW_TEACHERS[0].id }).waitFor();
    await page.getByText('本次查看已记入审计日志').first().waitFor();

    await page.getByRole('button', { name: /登记变动/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('调入学校').click();
    await dialog.getByLabel('调入学校').fill('城关镇第二小学');
    await page.getByTitle('城关镇第二小学', { exact: true }).click();
    await screenshot(page, 'teacher-transfer-form');
    await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const timeline = page.getByTestId('event-timeline');
    await timeline.getByText('调动：城关镇第一小学 → 城关镇第二小学（交流轮岗）').waitFor();
    await expect(page.getByTestId('teacher-attributes').innerText()).resolves.toContain('城关镇第二小学');
    await screenshot(page, 'teacher-person');

    // A second 师德考核 for the same year breaks the rules: the server's Chinese reason shows in the form.
    await page.getByRole('button', { name: /登记变动/ }).click();
    await chooseEventType(page, '师德考核', dialog.getByLabel('考核年度'));
    await dialog.getByLabel('考核年度').fill('2024');
    await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /登记变动/ }).click();
    await chooseEventType(page, '师德考核', dialog.getByLabel('考核年度'));
    await dialog.getByLabel('考核年度').fill('2024');
    await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
    await expect(dialog.getByTestId('event-error').innerText()).resolves.toContain('2024年度师德考核结果已登记');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();

    expect(await rosterCount(page, first.id)).toBe(fromBefore - 1);
    expect(await rosterCount(page, second.id)).toBe(toBefore + 1);
    // The refused second 师德考核 is the only failed request the browser saw.
    const refused = page.problems.filter((p) => p.includes('status of 400'));
    expect(refused).toHaveLength(1);
    expect(page.problems.filter((p) => !refused.includes(p))).toEqual([]);
    await page.context().close();
  });

  it('shows the structure analysis and the training courses', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'renshi');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${server.base}/teachers/analysis`);
    await page.getByTestId('headline-employed').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('headline-aged').innerText()).resolves.toMatch(
      /城区 [\d.]+% · 镇区 [\d.]+% · 乡村 [\d.]+%/,
    );
    await expect(page.getByTestId('shortage-panel').innerText()).resolves.toContain('无专任教师');
    await expect(page.getByTestId('retirement-panel').innerText()).resolves.toContain('退一补一计划');
    await expect(page.getByTestId('changes-panel').innerText()).resolves.toContain('交流轮岗');
    await page.waitForTimeout(500); // let the charts finish their entry animation
    await screenshot(page, 'teachers-analysis');

    await page.getByRole('tab', { name: '培训' }).click();
    const courses = page.getByTestId('course-table');
    await courses.locator('tbody tr.ant-table-row').first().waitFor();
    await expect(page.getByTestId('training-person-times').innerText()).resolves.toMatch(/[\d,]+\s*人次/);
    await screenshot(page, 'teachers-training');
    await courses.locator('tbody tr.ant-table-row').first().click();
    const drawer = page.getByTestId('course-drawer');
    await drawer.waitFor();
    await expect(drawer.innerText()).resolves.toMatch(/\d+人次，合计[\d,]+学时/);
    await screenshot(page, 'teachers-training-course');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('shows a school clerk only their own school’s teachers, without the full ID number', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'xuexiao');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${server.base}/teachers?pageSize=100`);
    const table = page.getByTestId('teacher-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const total = Number(/共 (\d+) 人/.exec(await page.locator('.ant-pagination-total-text').innerText())?.[1]);
    const own = await server.database.db
      .selectFrom('teacher')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school_id', '=', first.id)
      .where('status', '=', 'employed')
      .executeTakeFirstOrThrow();
    expect(total).toBe(Number(own.n));
    const schools = await table.locator('tbody tr.ant-table-row td:nth-child(5)').allInnerTexts();
    expect(new Set(schools)).toEqual(new Set(['城关镇第一小学']));
    await expect(table.innerText()).resolves.not.toContain('欧阳新岚');
    await screenshot(page, 'teachers-school-user');

    await table.getByRole('link').first().click();
    await page.getByTestId('teacher-name').waitFor();
    await expect(page.getByRole('button', { name: /查看完整号码/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /登记变动/ }).count()).resolves.toBe(0);

    const moved = await server.database.db
      .selectFrom('teacher')
      .select('id')
      .where('name', '=', '欧阳新岚')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.base}/teachers/${moved.id}`);
    await page.getByText('教师不存在或您无权查看').waitFor();
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});
