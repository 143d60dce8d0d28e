import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers: all of them but the hash itself. */
export interface ChainedFields {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string;
  actor_role: string | null;
  county_code: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
}

/** sha256 over the previous hash and the canonical JSON of the row, so editing, deleting or reordering breaks the chain. */
export function auditHash(row: ChainedFields): string {
  // Named field by field: a row read back from the database also carries its own hash, which must not be hashed.
  const body = canonicalJson({
    id: Number(row.id),
    at: row.at.toISOString(),
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    actor_role: row.actor_role,
    county_code: row.county_code,
    ip: row.ip,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    summary: row.summary,
    before: row.before ?? null,
    after: row.after ?? null,
    prev_hash: row.prev_hash,
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

/** Digest of the before/after images an import stored, listed in row order. */
export function changesDigest(
  changes: { row_number: number; entity_key: string; before: unknown; after: unknown }[],
): string {
  const hash = createHash('sha256');
  for (const change of changes) hash.update(canonicalJson(change)).update('\n');
  return hash.digest('hex');
}
