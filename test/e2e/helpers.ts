import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-county';
import { buildApp } from '../../src/server/app';
import { createTestDatabase, type TestDatabase } from '../harness';

const ROOT = join(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

/** Flags from stack.md: without the background-networking ones Chromium floods the closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface E2eServer {
  base: string;
  database: TestDatabase;
  close(): Promise<void>;
}

function ensureWebBuilt(): string {
  // E2E_WEB_DIST lets a developer test a private build while web/dist belongs to someone else's run.
  const dist = process.env.E2E_WEB_DIST ?? join(ROOT, 'web/dist');
  if (!existsSync(join(dist, 'index.html'))) {
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--outDir', dist],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('web build failed');
  }
  return dist;
}

/** The real server on a random port, over a fresh database holding the demo county. */
export async function startServer(): Promise<E2eServer> {
  const webDist = ensureWebBuilt();
  const database = await createTestDatabase({ demo: true });
  const app: FastifyInstance = await buildApp({
    database,
    uploadDir: mkdtempSync(join(tmpdir(), 'jg-e2e-uploads-')),
    webDist,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records console errors and page crashes, so a test can assert there were none. */
export async function newPage(browser: Browser): Promise<Page & { problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = (await context.newPage()) as Page & { problems: string[] };
  page.problems = [];
  page.on('console', (message) => {
    // 401/403/404 responses the app handles show up as resource errors; they are not page problems.
    if (message.type() === 'error' && !/status of 40[134]/.test(message.text())) page.problems.push(message.text());
    if (message.type() === 'warning' && /antd|Warning:/i.test(message.text())) page.problems.push(message.text());
  });
  page.on('pageerror', (error) => page.problems.push(error.message));
  return page;
}

export async function login(page: Page, base: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // A picture of a spinner shows nothing: wait (a while, not forever) for lazy pages and their data.
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 15_000 })
    .catch(() => undefined);
  await page.screenshot({ path, fullPage: true });
  return path;
}
