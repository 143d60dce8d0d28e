import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { recordAudit } from './record-audit';
import { verifyAuditChain } from './verify-chain';

describe('audit log', () => {
  let database: TestDatabase;
  const actor = { id: 7, name: '测试员（tester）', role: 'basic_edu', ip: '10.0.0.8' };
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 5; i++) {
      await recordAudit(database.db, actor, {
        action: 'test.write',
        entityType: 'thing',
        entityId: i,
        summary: `第${i}次`,
        before: { n: i },
        after: { n: i + 1, idNumber: '11010519491231002X' },
      });
    }
  });
  afterAll(() => database.close());

  it('masks ID numbers in before/after values', async () => {
    const row = await database.db.selectFrom('audit_log').selectAll().orderBy('id').limit(1).executeTakeFirstOrThrow();
    expect(row.after).toEqual({ n: 1, idNumber: '110105********002X' });
    expect(row.ip).toBe('10.0.0.8');
    expect(row.actor_name).toBe('测试员（tester）');
  });

  it('verifies an intact chain', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`update audit_log set summary = 'x'`.execute(database.db)).rejects.toThrow(/只能追加/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/只能追加/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/只能追加/);
  });

  it('detects a row edited behind the trigger, and a deleted row', async () => {
    // A privileged user can switch the trigger off; the hash chain still tells.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(database.db);
    await sql`update audit_log set summary = '被篡改' where id = (select min(id) + 2 from audit_log)`.execute(
      database.db,
    );
    const edited = await verifyAuditChain(database.db);
    expect(edited.ok).toBe(false);
    expect(edited.problem?.reason).toMatch(/内容与其哈希不符/);
    const first = Number(
      (await sql<{ id: number }>`select min(id)::int8 as id from audit_log`.execute(database.db)).rows[0].id,
    );
    expect(edited.problem?.id).toBe(first + 2);

    await sql`update audit_log set summary = '第2次' where id = ${first + 2}`.execute(database.db);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    await sql`delete from audit_log where id = ${first + 1}`.execute(database.db);
    const deleted = await verifyAuditChain(database.db);
    expect(deleted.ok).toBe(false);
    expect(deleted.problem).toEqual({
      id: first + 2,
      reason: `第${first + 2}条记录的前序哈希与上一条记录不符：其前面的记录被删除、插入或改动过`,
    });
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(database.db);
  });

  it('keeps the chain linear when writers run concurrently', async () => {
    const fresh = await createTestDatabase();
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => recordAudit(fresh.db, actor, { action: 'test.concurrent', entityId: i })),
      );
      expect(await verifyAuditChain(fresh.db)).toEqual({ ok: true, checked: 20 });
    } finally {
      await fresh.close();
    }
  });
});
