import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/db/connect';
import { verifyAuditChain } from '../src/platform/audit/verify-chain';
import { failInterruptedImportJobs } from '../src/platform/imports/import-jobs';
import { SCHOOL_HEADERS, tempDir, writeCsv } from './files';
import { createTestDatabase, TEST_ENGINE } from './harness';

const ROWS = 60_000;
const ROOT = join(import.meta.dirname, '..');

function bigSchoolFile(path: string): string {
  const towns = ['城关镇', '东河镇', '西岭镇', '石桥镇', '白水镇', '南庄乡', '北坪乡', '柳林乡', '杏花乡'];
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `2114${String(600000 + i)}`,
    `测试第${i}小学`,
    '小学',
    '公办',
    '乡村',
    towns[i % towns.length],
    null,
    `测试地址${i}号`,
    null,
    '2001-09-01',
  ]);
  return writeCsv(path, [SCHOOL_HEADERS, ...rows]);
}

/** Runs the CLI import and SIGKILLs it `delayMs` after it reports that it has started writing. */
function importAndKill(
  env: NodeJS.ProcessEnv,
  args: string[],
  delayMs: number,
): Promise<{ killedWhileRunning: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/jiaoguan.mjs'), ...args], {
      env: { ...process.env, ...env },
      cwd: ROOT,
    });
    let stderr = '';
    let exited = false;
    let scheduled = false;
    child.on('exit', () => {
      exited = true;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      if (!scheduled && stderr.includes('写入')) {
        scheduled = true;
        setTimeout(() => {
          const running = !exited;
          child.kill('SIGKILL');
          child.on('close', () => resolve({ killedWhileRunning: running, stderr }));
          if (!running) resolve({ killedWhileRunning: false, stderr });
        }, delayMs);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (!scheduled) reject(new Error(`import finished (code ${code}) before it started writing:\n${stderr}`));
    });
  });
}

describe('kill -9 in the middle of an import', () => {
  const dir = tempDir('jg-crash-');
  const file = bigSchoolFile(join(dir, 'schools.csv'));
  let url: string | undefined;
  let dataDir: string | undefined;

  const open = async () => (url ? openDatabase({ url }) : openDatabase({ dataDir }));

  beforeAll(async () => {
    if (TEST_ENGINE === 'postgres') {
      const held = await createTestDatabase({ demo: true });
      url = held.url;
      await held.close();
    } else {
      dataDir = join(dir, 'data');
      const demo = new Blob([readFileSync(inject('pgliteDemoTemplate'))]);
      const database = await openDatabase({ dataDir, loadDataDir: demo });
      await database.close();
    }
  }, 120_000);

  for (const delayMs of [100, 600]) {
    it(`leaves either the whole import or none of it (killed ${delayMs} ms into writing)`, async () => {
      const env: NodeJS.ProcessEnv = url ? { DATABASE_URL: url } : { DATABASE_URL: '' };
      const args = [
        'import',
        'schools',
        file,
        '--county',
        '145523',
        '--json',
        '--progress',
        ...(dataDir ? ['--data-dir', dataDir] : []),
      ];
      let database = await open();
      const before = Number(
        (
          await database.db
            .selectFrom('school')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      await database.close();

      const { killedWhileRunning, stderr } = await importAndKill(env, args, delayMs);
      expect(stderr).toContain('写入');

      // The database opens (PGlite recovers its WAL; the stale lock of the dead process is taken over).
      database = await open();
      try {
        const after = Number(
          (
            await database.db
              .selectFrom('school')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        expect([before, before + ROWS]).toContain(after);
        // 60,000 rows take far longer than 100 ms to write, so that kill always lands inside the transaction.
        if (delayMs === 100) expect({ killedWhileRunning, after }).toEqual({ killedWhileRunning: true, after: before });
        if (killedWhileRunning && after === before) {
          const versions = Number(
            (
              await database.db
                .selectFrom('school_version')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
          expect(versions).toBeLessThan(before + 10);
          expect(await failInterruptedImportJobs(database.db)).toBe(1);
        }
        expect((await verifyAuditChain(database.db)).ok).toBe(true);
      } finally {
        await database.close();
      }
    }, 180_000);
  }
});
