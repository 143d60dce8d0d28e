import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/files';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { copyRows } from '../../db/bulk';
import { cliActor } from '../audit/actor';
import { verifyAuditChain } from '../audit/verify-chain';
import { AppError } from '../errors';
import { writeBackup } from './backup';
import { listTables } from './catalog';
import { restoreBackup } from './restore';

/** Every table's rows as text, ordered by primary key: what "identical data" means. */
async function snapshot(db: TestDatabase['db'], maxAuditId?: number) {
  const out: Record<string, string[]> = {};
  for (const table of await listTables(db)) {
    const pk = sql.ref(table.primaryKey.name);
    const filter = table.name === 'audit_log' && maxAuditId !== undefined ? sql`where id <= ${maxAuditId}` : sql``;
    const { rows } = await sql<{
      t: string;
    }>`select t::text as t from ${sql.table(table.name)} t ${filter} order by ${pk}`.execute(db);
    out[table.name] = rows.map((r) => r.t);
  }
  return out;
}

describe('backup and restore', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  const dir = tempDir();
  beforeAll(async () => {
    source = await createTestDatabase({ demo: true });
    target = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('round-trips every row exactly, audit chain included', async () => {
    // More rows than two backup pages, with jsonb and a text key that sorts differently from numbers.
    await source.db
      .insertInto('import_job')
      .values({
        id: 'job-1',
        county_code: '145523',
        type: 'schools',
        file_name: 'x.csv',
        file_path: '/x',
        file_sha256: '0'.repeat(64),
        file_size: 1,
        status: 'committed',
      })
      .execute();
    await copyRows(
      source.db,
      'import_change',
      ['job_id', 'county_code', 'row_number', 'entity_key', 'before', 'after'],
      Array.from({ length: 12_001 }, (_, i) => [
        'job-1',
        '145523',
        i + 2,
        `k${i}`,
        { n: i, 名称: '测试' },
        { n: i + 0.5 },
      ]),
    );
    const path = join(dir, 'demo.jgb');
    const summary = await writeBackup(source.db, path, source.engine);
    expect(summary.tables.find((t) => t.name === 'import_change')?.rows).toBe(12_001);
    expect(summary.tables.find((t) => t.name === 'school')?.rows).toBe(69);
    const before = await snapshot(source.db);
    const maxAuditId = Number(
      (await sql<{ m: number }>`select max(id)::int8 as m from audit_log`.execute(source.db)).rows[0].m,
    );

    const restored = await restoreBackup(target.db, path, cliActor());
    expect(restored.rows).toBe(summary.tables.reduce((s, t) => s + t.rows, 0));
    const after = await snapshot(target.db, maxAuditId);
    expect(after).toEqual(before);
    // The restore itself is the one new audit entry, chained onto the restored log.
    expect(await verifyAuditChain(target.db)).toEqual({ ok: true, checked: before.audit_log.length + 1 });
    const next = await target.db
      .insertInto('township')
      .values({ county_code: '145523', code: '145523299', name: '新乡', kind: '乡' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(9);
  }, 120_000);

  it('refuses to restore over existing data', async () => {
    const path = join(dir, 'demo.jgb');
    await expect(restoreBackup(source.db, path, cliActor())).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'DATABASE_NOT_EMPTY',
    );
  });
});
