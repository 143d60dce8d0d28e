import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeIdNumber } from '../../src/domain/codes/id-card';
import { aidBeneficiariesImport } from '../../src/modules/aid/aid-beneficiaries.import';
import { tempDir, writeXlsx } from '../files';
import { type E2eServer, launchBrowser, login, newPage, screenshot, startServer } from './helpers';

const HEADERS = aidBeneficiariesImport.columns.map((c) => c.header);
const TERM = '2025年春季学期';
const PROGRAM = '义务教育家庭经济困难非寄宿生生活补助';
const SCHOOL = '城关镇第一小学';

/** Four pupils of 城关镇第一小学; a primary pupil's 非寄宿生补助 in 2025春 is 625元 a year, 312.5元 a term. */
const PUPILS = [
  { name: '赵一鸣', id: composeIdNumber('145523', '2016-03-05', 901), amount: '312.5' },
  { name: '钱二丫', id: composeIdNumber('145523', '2016-07-19', 902), amount: '312.5' },
  { name: '孙小满', id: composeIdNumber('145523', '2015-11-02', 913), amount: '312.5' },
  // Transferred in April: paid pro rata, which the 资助中心 confirms on review.
  { name: '李晓宁', id: composeIdNumber('145523', '2015-05-23', 924), amount: '156.25' },
];

describe('student aid in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  const dir = tempDir('jg-e2e-aid-');
  let school: { id: number; code: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    school = await server.database.db
      .selectFrom('school')
      .select(['id', 'code'])
      .where('name', '=', SCHOOL)
      .executeTakeFirstOrThrow();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function row(p: { name: string; id: string; amount: string }): string[] {
    const cells: Record<string, string> = {
      学期: TERM,
      资助项目: PROGRAM,
      学校标识码: school.code,
      姓名: p.name,
      身份证号: p.id,
      年级: '三年级',
      班级: '2班',
      资助对象类别: '脱贫家庭',
      困难等级: '困难',
      '金额(元)': p.amount,
    };
    return HEADERS.map((h) => cells[h] ?? '');
  }

  async function asUser(username: string): Promise<Page & { problems: string[] }> {
    const page = await newPage(browser);
    await login(page, server.base, username);
    await page.getByTestId('user-menu').waitFor();
    return page;
  }

  /** The 学校资助 人次 and 万元 on the dashboard of a year. */
  async function schoolAid(page: Page, year: number): Promise<{ times: number; text: string }> {
    await page.goto(`${server.base}/aid/dashboard?year=${year}`);
    const card = page.getByTestId('aid-group-school_aid');
    await card.waitFor({ timeout: 30_000 });
    await page.getByTestId('aid-paragraph').waitFor();
    const times = await page.getByTestId('aid-group-school_aid-times').getAttribute('data-value');
    return { times: Number(times), text: await card.innerText() };
  }

  it('imports a list with a duplicate and a wrong amount, shows both by row, then commits the fixed file and submits a batch', async () => {
    const page = await asUser('xuexiao');
    await page.goto(`${server.base}/aid`);
    await page.getByTestId('aid-list-table').waitFor();
    await page.getByRole('button', { name: /导入资助名单/ }).click();
    await page.waitForURL(/\/imports\?type=aid-beneficiaries/);

    // Row 4 repeats row 2's pupil; row 5 pays a whole year's 625元 in one term.
    const bad = [
      row(PUPILS[0]),
      row(PUPILS[1]),
      row({ ...PUPILS[0] }),
      row({ ...PUPILS[2], amount: '625' }),
      row(PUPILS[3]),
    ];
    await page
      .locator('input[type=file]')
      .setInputFiles(await writeXlsx(join(dir, '资助名单.xlsx'), [HEADERS, ...bad], '资助名单'));
    const issues = page.getByTestId('import-issues');
    await issues.waitFor({ timeout: 30_000 });
    const text = await issues.innerText();
    expect(text).toMatch(/第4行\s+身份证号\s+名单内重复/);
    expect(text).toMatch(/第5行\s+金额\(元\)\s+金额高于标准/);
    await expect(page.getByText('整个文件未写入任何数据').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'aid-import-findings');

    await page.getByRole('button', { name: '重新上传' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles(await writeXlsx(join(dir, '资助名单（已改）.xlsx'), [HEADERS, ...PUPILS.map(row)], '资助名单'));
    await page.getByTestId('commit-import').waitFor({ timeout: 30_000 });
    await page.getByTestId('commit-import').click();
    await page.getByText('导入完成：新增 4 条').waitFor({ timeout: 30_000 });

    // The list, its review finding by row and rule, and masked ID numbers.
    await page.goto(`${server.base}/aid?term=2025-spring`);
    const table = page.getByTestId('aid-list-table');
    await table.getByRole('link', { name: PROGRAM }).click();
    await page.getByTestId('aid-list-info').waitFor();
    const findings = page.getByTestId('aid-findings');
    await expect(findings.innerText()).resolves.toMatch(/第5行\s+金额与标准不符/);
    const rows = page.getByTestId('aid-rows');
    await rows.getByText('李晓宁').waitFor();
    await expect(rows.innerText()).resolves.toContain('145523********');
    await expect(rows.innerText()).resolves.not.toContain(PUPILS[0].id);
    await screenshot(page, 'aid-list-detail');

    // The school groups its draft lists into a batch and submits it.
    await page.goto(`${server.base}/aid/batches`);
    const batchable = page.getByTestId('batchable');
    await batchable.getByText(SCHOOL).waitFor({ timeout: 30_000 });
    await screenshot(page, 'aid-batches-school');
    await batchable.getByRole('button', { name: /生成批次/ }).click();
    await page.getByTestId('batch-info').waitFor();
    await page.getByRole('button', { name: /提交审核/ }).click();
    await page.getByTestId('batch-info').getByText('待审核').waitFor();
    await screenshot(page, 'aid-batch-submitted');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('reviews and pays the batch as the 资助中心, and the totals change', async () => {
    const page = await asUser('zizhu');
    const before = await schoolAid(page, 2025);

    await page.goto(`${server.base}/aid/batches?status=submitted`);
    await page.getByTestId('aid-batch-table').getByText(SCHOOL).click();
    await page.getByTestId('batch-info').waitFor();
    await expect(page.getByRole('button', { name: /审核通过/ }).isDisabled()).resolves.toBe(true);
    await page.getByText('条核查提示未确认').waitFor();
    const batchUrl = page.url();

    // Confirm the pro-rata payment on the list, then review.
    await page.getByTestId('batch-lists').getByRole('link', { name: PROGRAM }).click();
    await page.getByLabel('选择第5行').check();
    await page.getByTestId('resolve-findings').click();
    await page.getByLabel('核实情况').fill('该生4月转学，按在校时间折半发放，已核实');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await page.getByTestId('aid-findings').getByText('已确认').waitFor();

    await page.goto(batchUrl);
    await page.getByRole('button', { name: /审核通过/ }).click();
    await page.getByTestId('batch-info').getByText('待发放').waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出银行代发文件/ }).click(),
    ]);
    expect(file.suggestedFilename()).toContain('银行代发文件');
    await page
      .getByTestId('batch-info')
      .getByText(/已导出/)
      .waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: /确认发放/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('共4人次，1,093.75元').waitFor();
    await screenshot(page, 'aid-batch-pay');
    await dialog.getByRole('button', { name: /确认发放/ }).click();
    await page.getByTestId('batch-info').getByText('已发放').waitFor();
    await expect(page.getByTestId('batch-history').innerText()).resolves.toMatch(
      /生成批次[\s\S]*提交审核[\s\S]*审核通过[\s\S]*确认发放/,
    );
    await screenshot(page, 'aid-batch-paid');

    const after = await schoolAid(page, 2025);
    expect(after.times).toBe(before.times + 4);
    await expect(page.getByTestId('aid-paragraph').innerText()).resolves.toMatch(/全县.*人次/);
    await page.getByRole('tab', { name: '按资助项目' }).click();
    await expect(page.getByTestId('aid-by-program').innerText()).resolves.toContain(PROGRAM);
    await page.waitForTimeout(500); // the trend chart's entry animation
    await screenshot(page, 'aid-dashboard');

    await page.goto(`${server.base}/aid/dashboard?year=2024`);
    await page
      .getByTestId('aid-paragraph')
      .getByText(/全县各级各类学校受助学生/)
      .waitFor({ timeout: 30_000 });
    await page
      .getByTestId('aid-by-group')
      .getByText(/较上年/)
      .first()
      .waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'aid-dashboard-2024');

    // The pupil's history by ID number (audited), the programs and the 公示 page.
    await page.goto(`${server.base}/aid/history`);
    await page.getByLabel('身份证号').fill(PUPILS[3].id);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const history = page.getByTestId('aid-history');
    await history.getByText('2025年春季学期').waitFor();
    await expect(history.innerText()).resolves.toContain('145523********');
    await screenshot(page, 'aid-history');

    await page.goto(`${server.base}/aid/programs?term=2025-spring`);
    await page.getByTestId('aid-programs').getByText(PROGRAM).waitFor();
    await screenshot(page, 'aid-programs');

    await page.goto(`${server.base}/aid/publicity?term=2025-spring`);
    const publicity = page.getByTestId('aid-publicity');
    await publicity.getByText(SCHOOL).waitFor();
    await page.waitForTimeout(300); // the tab switch fades the table in
    await screenshot(page, 'aid-publicity');
    // The demo's 石桥镇中心小学 公示 is open: its list has 姓名, 学校, 年级, 班级 and 资助项目 only.
    await publicity
      .getByRole('row', { name: /石桥镇中心小学/ })
      .getByRole('button', { name: /查看名单/ })
      .click();
    const list = page.getByRole('dialog');
    await list.locator('tbody tr.ant-table-row').first().waitFor();
    const headers = await list.locator('thead th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['姓名', '学校', '年级', '班级', '资助项目']);
    await expect(list.innerText()).resolves.not.toMatch(/\d{6}\*{8}|\d{17}[\dX]/);
    await screenshot(page, 'aid-publicity-list');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('shows a school user only their own lists and batches', async () => {
    const page = await asUser('xuexiao');
    await page.goto(`${server.base}/aid?term=2024-autumn&pageSize=100`);
    const table = page.getByTestId('aid-list-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 30_000 });
    const schools = await table.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(schools.length).toBeGreaterThan(0);
    expect(new Set(schools)).toEqual(new Set([SCHOOL]));
    const own = await server.database.db
      .selectFrom('aid_list')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school_id', '=', school.id)
      .where('term', '=', '2024-autumn')
      .executeTakeFirstOrThrow();
    expect(schools.length).toBe(Number(own.n));
    await screenshot(page, 'aid-lists-school');

    // The pending 石桥镇中心小学 list of 2025春 is not in this school's view.
    await page.goto(`${server.base}/aid?term=2025-spring`);
    await table.getByRole('link', { name: PROGRAM }).waitFor();
    await expect(table.innerText()).resolves.not.toContain('石桥镇中心小学');

    await page.goto(`${server.base}/aid/batches?pageSize=100`);
    const batches = page.getByTestId('aid-batch-table');
    await batches.locator('tbody tr.ant-table-row').first().waitFor();
    const owners = await batches.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(new Set(owners)).toEqual(new Set([SCHOOL]));
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});
