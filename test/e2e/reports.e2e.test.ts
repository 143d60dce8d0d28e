import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY } from '../../src/demo/demo-county';
import { composeIdNumber } from '../../src/domain/codes/id-card';
import { hireTeacher } from '../../src/modules/teachers/record-event';
import { readDocxFigures } from '../../src/platform/documents/read-docx';
import { countyViewer } from '../factories';
import { tempDir } from '../files';
import { type E2eServer, launchBrowser, login, newPage, SCREENSHOTS, screenshot, startServer } from './helpers';

const YEAR = 2024;
const SENTENCE = { before: '各项教育事业取得新的进展', after: '各项教育事业取得长足进步' };
const TYPED = '全年开展家访活动1200余次。';

/**
 * Selects `length` characters from `start` of the first occurrence of `needle` in the editor (inside `within`, a CSS
 * selector under the editor, when given), or puts the caret at the end of the paragraph containing it
 * (`length` -1). Sets the DOM selection directly: ProseMirror picks it up as the user's.
 */
async function select(page: Page, needle: string, options: { start?: number; length?: number; within?: string } = {}) {
  await page.evaluate(
    ({ needle, start, length, within }) => {
      const root = document.querySelector<HTMLElement>('.jg-report-doc');
      if (!root) throw new Error('no editor');
      root.focus();
      const scope = within ? root.querySelector(within) : root;
      if (!scope) throw new Error(`not found: ${within}`);
      const range = document.createRange();
      if (length < 0) {
        const paragraph = [...root.querySelectorAll('p')].find((p) => p.textContent?.includes(needle));
        if (!paragraph) throw new Error(`no paragraph with ${needle}`);
        range.selectNodeContents(paragraph);
        range.collapse(false);
      } else {
        const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && !node.textContent?.includes(needle)) node = walker.nextNode();
        if (!node) throw new Error(`not found: ${needle}`);
        const at = (node.textContent ?? '').indexOf(needle) + start;
        range.setStart(node, at);
        range.setEnd(node, at + length);
      }
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    { needle, start: options.start ?? 0, length: options.length ?? needle.length, within: options.within ?? null },
  );
}

/** The part of the page around the hover card, at full resolution. */
async function closeUp(page: Page, name: string) {
  const box = await page.getByTestId('figure-card').boundingBox();
  if (!box) throw new Error('no hover card');
  // The box is in viewport coordinates; the clip of a full-page shot in page coordinates.
  const top = box.y + (await page.evaluate(() => window.scrollY));
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    clip: { x: 200, y: Math.max(0, top - 260), width: 1240, height: 560 },
  });
}

const count = async (page: Page, state: string) =>
  Number(await page.getByTestId(`check-${state}`).getAttribute('data-count'));

describe('annual work summary in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  const dir = tempDir('jg-e2e-reports-');
  let savedPath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('generates a draft, edits a sentence and a figure, types a number by hand, saves, sees it flagged and exports Word', {
    timeout: 300_000,
  }, async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'bangong');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${server.base}/reports?year=${YEAR}`);
    await page.getByText(`${YEAR}年工作总结尚未起草`).waitFor();

    await page.getByTestId('generate-report').click();
    await page.waitForURL(/\/reports\/\d+$/);
    const doc = page.locator('.jg-report-doc');
    await doc.waitFor();
    await expect(doc.locator('h1').innerText()).resolves.toBe(`青禾县教育局${YEAR}年工作总结`);
    await expect(page.getByTestId('report-status').innerText()).resolves.toBe('草稿');
    // Every number of the generated draft is a figure equal to its fact.
    expect(await count(page, 'current')).toBeGreaterThan(50);
    for (const state of ['edited', 'stale', 'missing', 'untagged']) expect(await count(page, state), state).toBe(0);
    await expect(page.getByTestId('save-report').isDisabled()).resolves.toBe(true);

    // A sentence rewritten.
    await select(page, SENTENCE.before);
    await page.keyboard.type(SENTENCE.after);
    // A figure's number changed by hand: it stays tagged with its fact but no longer says what was rendered.
    const schools = doc.locator('.jg-fig[data-fact-id="org.schools.total"]');
    const rendered = await schools.innerText();
    const digits = /\d+/.exec(rendered)?.[0] ?? '';
    const retyped = String(Number(digits) + 2);
    await select(page, rendered, { within: '.jg-fig[data-fact-id="org.schools.total"]', length: digits.length });
    await page.keyboard.type(retyped);
    await expect(schools.innerText()).resolves.toBe(rendered.replace(digits, retyped));
    await schools.locator('[data-flag="edited"]').waitFor();
    // A sentence with a number typed by hand, at the end of a paragraph.
    await select(page, '深化“县管校聘”管理改革', { length: -1 });
    await page.keyboard.type(TYPED);
    await doc.locator('[data-flag="untagged"]', { hasText: '1200' }).waitFor();
    expect(await count(page, 'untagged')).toBe(1);
    expect(await count(page, 'edited')).toBe(1);

    await page.getByLabel('修改说明').fill('补充家访情况');
    const firstUrl = page.url();
    await page.getByTestId('save-report').click();
    // Saving re-reads every module's facts: slow on a loaded machine.
    await page.waitForURL((url) => url.href !== firstUrl && /\/reports\/\d+$/.test(url.pathname), {
      timeout: 90_000,
    });
    const secondId = Number(/\/reports\/(\d+)$/.exec(page.url())?.[1]);

    // The saved version, as the server reads it back: the typed number flagged, the edited figure too.
    await page.getByText('第2稿', { exact: true }).first().waitFor();
    await doc.waitFor();
    await expect(doc.innerText()).resolves.toContain(SENTENCE.after);
    const flagged = doc.locator('[data-flag="untagged"]');
    await expect(flagged.allInnerTexts()).resolves.toEqual(['1200']);
    await doc.locator('.jg-fig[data-fact-id="org.schools.total"] [data-flag="edited"]').waitFor();
    expect(await count(page, 'untagged')).toBe(1);
    expect(await count(page, 'edited')).toBe(1);
    await expect(page.getByTestId('check-issues').innerText()).resolves.toContain(TYPED.slice(0, 8));
    const detail = (await (await page.request.get(`${server.base}/api/reports/${secondId}`)).json()) as {
      check: { untagged: { number: string }[]; figures: { state: string; text: string }[] };
    };
    expect(detail.check.untagged.map((u) => u.number)).toEqual(['1200']);
    expect(detail.check.figures.filter((f) => f.state === 'edited').map((f) => f.text)).toEqual([
      rendered.replace(digits, retyped),
    ]);
    const versions = page.getByTestId('report-version-list');
    await expect(versions.innerText()).resolves.toMatch(/第2稿[\s\S]*补充家访情况[\s\S]*第1稿/);

    // Hovering the hand-typed number says it has no source.
    await flagged.first().hover();
    await expect(page.getByTestId('figure-card').innerText()).resolves.toContain('没有关联的数据来源');
    await closeUp(page, 'reports-editor-untagged');
    // Hovering a figure shows its source.
    await page.mouse.move(5, 5);
    await page.getByTestId('figure-card').waitFor({ state: 'detached' });
    const students = doc.locator('.jg-fig[data-fact-id="stats.students.total"]').first();
    await students.hover();
    const card = page.getByTestId('figure-card');
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain('统计期');
    expect(cardText).toContain('口径');
    expect(cardText).toContain('与数据一致');
    await expect(card.getByRole('link', { name: /查看数据来源/ }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'reports-editor');
    await closeUp(page, 'reports-editor-hover');

    // Export to Word: a DOCX holding the edited text.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/工作总结（第2稿）\.docx$/);
    savedPath = join(dir, 'report.docx');
    await download.saveAs(savedPath);
    const docx = readFileSync(savedPath);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const read = await readDocxFigures(docx);
    expect(read.text).toContain(SENTENCE.after);
    expect(read.text).not.toContain(SENTENCE.before);
    expect(read.text).toContain(TYPED);
    // The figure keeps its tag (a Word bookmark) in the file, with the text as edited.
    expect(read.figures.filter((f) => f.factId === 'org.schools.total').map((f) => f.textNow)).toContain(
      rendered.replace(digits, retyped),
    );

    // And to PDF, where LibreOffice is installed.
    if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0) {
      const [pdf] = await Promise.all([
        page.waitForEvent('download', { timeout: 150_000 }),
        page.getByTestId('export-pdf').click(),
      ]);
      expect(pdf.suggestedFilename()).toMatch(/工作总结（第2稿）\.pdf$/);
      const pdfPath = join(dir, 'report.pdf');
      await pdf.saveAs(pdfPath);
      expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }

    await page.goto(`${server.base}/reports?year=${YEAR}`);
    const table = page.getByTestId('report-versions');
    await table.getByText('补充家访情况').waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(2);
    await expect(table.innerText()).resolves.toContain('何静（局办公室）');
    await screenshot(page, 'reports-list');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('lets 局领导 approve a version, which locks the editor, and withdraw the approval', async () => {
    const page = await newPage(browser);
    await login(page, server.base, 'leader');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${server.base}/reports?year=${YEAR}`);
    await page.getByTestId('report-versions').getByRole('link').first().click();
    await page.locator('.jg-report-doc').waitFor();
    // 局领导 reads and approves; they do not write.
    await expect(page.getByTestId('save-report').count()).resolves.toBe(0);
    await page.getByTestId('approve-report').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await page.getByTestId('report-locked').waitFor();
    await expect(page.getByTestId('report-status').innerText()).resolves.toBe('已审定');
    await expect(page.locator('.jg-report-doc').getAttribute('contenteditable')).resolves.toBe('false');
    await screenshot(page, 'reports-approved');

    await page.getByTestId('unapprove-report').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await page.getByText('已撤销审定').waitFor();
    await expect(page.getByTestId('report-status').innerText()).resolves.toBe('草稿');
    await expect(page.getByTestId('report-locked').count()).resolves.toBe(0);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('flags a figure whose fact has changed since the draft was made', async () => {
    const db = server.database.db;
    const school = await db
      .selectFrom('school')
      .select('id')
      .where('county_code', '=', DEMO_COUNTY.code)
      .where('type', '=', 'primary')
      .executeTakeFirstOrThrow();
    // One more hire in the year: the draft's 新补充教师 figure is now out of date.
    await hireTeacher(db, countyViewer('personnel', DEMO_COUNTY.code), DEMO_COUNTY.code, {
      idNumber: composeIdNumber(DEMO_COUNTY.code, '2001-05-05', 88),
      name: '新教师',
      hire: {
        effective: `${YEAR}-10-08`,
        schoolId: school.id,
        stage: 'primary',
        post: 'full_time_teacher',
        subject: 'math',
        channel: 'open_recruitment',
        establishment: 'in_establishment',
        education: 'bachelor',
      },
    });
    const page = await newPage(browser);
    await login(page, server.base, 'bangong');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${server.base}/reports?year=${YEAR}`);
    await page.getByTestId('report-versions').getByRole('link').first().click();
    const stale = page.locator('.jg-fig[data-fact-id="teachers.hired.total"] [data-flag="stale"]').first();
    await stale.waitFor();
    expect(await count(page, 'stale')).toBeGreaterThan(0);
    await page.getByText(/处数字与最新数据不一致/).waitFor();
    await stale.hover();
    const card = page.getByTestId('figure-card');
    await expect(card.innerText()).resolves.toMatch(/数据已更新[\s\S]*成稿时为/);
    await closeUp(page, 'reports-editor-stale');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});
