import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Each save of a report is a new version; a version once approved is never changed, and a new one for the same
  // report cannot be saved until the approval is withdrawn.
  await db.schema
    .createTable('report_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('annual')`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    // The facts the draft was composed from (id → value): what the figures said when written.
    .addColumn('facts', 'jsonb', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('generated', 'edited')`))
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('approved_by', 'integer')
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_at', 'timestamptz')
    .addUniqueConstraint('report_version_key', ['county_code', 'kind', 'year', 'version'])
    .execute();
  // At most one approved version per report.
  await sql`create unique index report_version_approved on report_version (county_code, kind, year) where approved_at is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_version').execute();
}
