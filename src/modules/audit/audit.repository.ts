import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface AuditFilter {
  /** Counties the viewer may see; 'all' for a system-wide auditor. */
  counties: 'all' | string[];
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export async function listAudit(db: Kysely<DB>, filter: AuditFilter, page: { offset: number; limit: number }) {
  let query = db.selectFrom('audit_log');
  if (filter.counties !== 'all') {
    const counties = filter.counties;
    // County auditors also see county-less security events (logins) of their county's accounts via county_code.
    query = query.where('county_code', 'in', counties.length ? counties : ['']);
  }
  if (filter.action) query = query.where('action', 'like', `${filter.action}%`);
  if (filter.actor) query = query.where('actor_name', 'like', `%${filter.actor.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('at', '>=', new Date(`${filter.from}T00:00:00+08:00`));
  if (filter.to)
    query = query.where('at', '<', new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000));
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute();
  return { items, total: Number(total) };
}

export async function auditActions(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
