import { type Kysely, sql } from 'kysely';

/**
 * Indicator snapshots are written whole and read whole, never searched inside: `json` stores the text as sent, where
 * `jsonb` spent most of a province recompute re-parsing it on the server (bench: 0.48 s against 0.17 s per 12 000 rows).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table indicator_snapshot alter column values type json using values::json`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table indicator_snapshot alter column values type jsonb using values::jsonb`.execute(db);
}
