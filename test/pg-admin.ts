import type pg from 'pg';

/**
 * Waits until no backend is connected to a database. A closed pool's backends exit asynchronously, and until they
 * have, the database can neither be dropped (FORCE would kill them mid-exit) nor used as a template.
 */
export async function waitUntilUnused(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Drops a scratch database once the backends of its closed pool have gone. */
export async function dropWhenUnused(admin: pg.Client, name: string): Promise<void> {
  await waitUntilUnused(admin, name);
  await admin.query(`drop database if exists ${name}`);
}
