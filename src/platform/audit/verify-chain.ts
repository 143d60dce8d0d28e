import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { auditHash, changesDigest, GENESIS_HASH } from './chain';

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not hold, with the reason in Chinese. */
  problem?: { id: number; reason: string };
}

/** Walks the whole audit log in id order and recomputes every hash and link, plus the digests of import changes. */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterId = -1;
  let checked = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;
    for (const row of page) {
      const id = Number(row.id);
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          problem: { id, reason: `第${id}条记录的前序哈希与上一条记录不符：其前面的记录被删除、插入或改动过` },
        };
      }
      const expected = auditHash({ ...row, id, before: row.before ?? null, after: row.after ?? null });
      if (expected !== row.hash) {
        return { ok: false, checked, problem: { id, reason: `第${id}条记录的内容与其哈希不符：该记录被改动过` } };
      }
      const digest = (row.after as { changesSha256?: string } | null)?.changesSha256;
      if (row.action === 'import.commit' && digest && row.entity_id) {
        const changes = await db
          .selectFrom('import_change')
          .select(['row_number', 'entity_key', 'before', 'after'])
          .where('job_id', '=', row.entity_id)
          .orderBy('row_number')
          .execute();
        if (changesDigest(changes) !== digest) {
          return { ok: false, checked, problem: { id, reason: `第${id}条记录（导入）所保存的变更前后数据被改动过` } };
        }
      }
      prevHash = row.hash;
      afterId = id;
      checked++;
    }
  }
  return { ok: true, checked };
}
