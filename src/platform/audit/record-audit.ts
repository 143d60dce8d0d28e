import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { maskPersonalData } from '../../domain/masking';
import type { Actor } from './actor';
import { auditHash, GENESIS_HASH } from './chain';

export interface AuditEntry {
  /** Dotted verb: 'school.update', 'auth.login.failed', 'import.commit'. */
  action: string;
  entityType?: string;
  entityId?: string | number;
  countyCode?: string | null;
  /** One line in Chinese for the log viewer. */
  summary?: string;
  before?: unknown;
  after?: unknown;
}

// One chain for the whole database; the lock serialises appends across connections until the writer commits.
const AUDIT_CHAIN_LOCK = 7_270_001;

/**
 * Appends one entry to the hash-chained audit log, with personal data masked. Runs inside the caller's transaction so
 * the entry commits or rolls back with the change it describes; outside one it opens its own.
 */
export async function recordAudit(executor: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  if (!executor.isTransaction) {
    await executor.transaction().execute((trx) => recordAudit(trx, actor, entry));
    return;
  }
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(executor);
  const last = await executor.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { rows } = await sql<{
    id: number;
  }>`select nextval(pg_get_serial_sequence('audit_log', 'id'))::int8 as id`.execute(executor);
  const row = {
    id: Number(rows[0].id),
    at: new Date(),
    actor_id: actor.id,
    actor_name: actor.name,
    actor_role: actor.role,
    county_code: entry.countyCode ?? null,
    ip: actor.ip,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId === undefined ? null : String(entry.entityId),
    summary: entry.summary ?? null,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(row);
  await executor
    .insertInto('audit_log')
    .values({
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      hash,
    })
    .execute();
}

function toJsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(maskPersonalData(value)));
}
