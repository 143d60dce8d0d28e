import { type Kysely, sql } from 'kysely';

// Frozen snapshot: later changes to the coded lists get their own migration.
const SCHOOL_TYPES = [
  'kindergarten',
  'primary',
  'junior',
  'nine_year',
  'complete_secondary',
  'senior',
  'vocational',
  'special',
  'teaching_point',
];
const OWNERSHIPS = ['public', 'private', 'inclusive_private'];
const URBAN_RURAL = ['urban', 'town', 'rural'];
const STATUSES = ['open', 'closed', 'merged'];
const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('city')
    .addColumn('code', 'char(6)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'char(2)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('county')
    .addColumn('code', 'char(6)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'char(2)', (c) => c.notNull())
    .addColumn('city_code', 'char(6)', (c) => c.references('city.code'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('township')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('code', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('township_county_code_key', ['county_code', 'code'])
    .addUniqueConstraint('township_county_name_key', ['county_code', 'name'])
    .execute();

  await db.schema
    .createTable('school')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('code', 'char(10)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in (${inList(SCHOOL_TYPES)})`))
    .addColumn('ownership', 'text', (c) => c.notNull().check(sql`ownership in (${inList(OWNERSHIPS)})`))
    .addColumn('urban_rural', 'text', (c) => c.notNull().check(sql`urban_rural in (${inList(URBAN_RURAL)})`))
    .addColumn('township_id', 'integer', (c) => c.notNull().references('township.id'))
    .addColumn('parent_school_id', 'integer', (c) => c.references('school.id'))
    .addColumn('credit_code', 'char(18)')
    .addColumn('address', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in (${inList(STATUSES)})`),
    )
    .addColumn('opened_on', 'date')
    .addColumn('closed_on', 'date')
    .addColumn('merged_into_id', 'integer', (c) => c.references('school.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // The county code leads every unique key so that a sharded deployment can distribute by county.
    .addUniqueConstraint('school_county_code_key', ['county_code', 'code'])
    .execute();
  await db.schema.createIndex('school_township_idx').on('school').columns(['county_code', 'township_id']).execute();
  await db.schema.createIndex('school_code_idx').on('school').column('code').execute();

  await db.schema
    .createTable('school_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('ownership', 'text', (c) => c.notNull())
    .addColumn('urban_rural', 'text', (c) => c.notNull())
    .addColumn('township_id', 'integer', (c) => c.notNull().references('township.id'))
    .addColumn('parent_school_id', 'integer', (c) => c.references('school.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into_id', 'integer', (c) => c.references('school.id'))
    .addColumn('change_kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('school_version_range_check', sql`valid_to is null or valid_to > valid_from`)
    .execute();
  await db.schema
    .createIndex('school_version_school_idx')
    .on('school_version')
    .columns(['school_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('school_version_county_idx')
    .on('school_version')
    .columns(['county_code', 'valid_from'])
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_level', 'text', (c) =>
      c.notNull().check(sql`scope_level in ('system', 'city', 'county', 'township', 'school')`),
    )
    .addColumn('city_code', 'char(6)')
    .addColumn('county_code', 'char(6)', (c) => c.references('county.code'))
    .addColumn('township_id', 'integer', (c) => c.references('township.id'))
    .addColumn('school_id', 'integer', (c) => c.references('school.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('phone', 'text')
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text')
    .addColumn('county_code', 'char(6)')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('summary', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('prev_hash', 'char(64)', (c) => c.notNull())
    .addColumn('hash', 'char(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_county_at_idx').on('audit_log').columns(['county_code', 'at']).execute();

  await db.schema
    .createTable('import_job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_path', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'char(64)', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'jsonb')
    .addColumn('preview', 'jsonb')
    .addColumn('message', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('import_change')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('job_id', 'text', (c) => c.notNull().references('import_job.id'))
    .addColumn('county_code', 'char(6)', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('entity_key', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('import_change_job_idx').on('import_change').columns(['job_id', 'row_number']).execute();

  // Append-only: rows can be inserted, never changed, deleted or truncated. The hash chain detects what a privileged
  // user does around these triggers.
  await sql`create function refuse_append_only_change() returns trigger language plpgsql as $$
    begin
      raise exception '%只能追加，不能修改或删除（%）', tg_table_name, tg_op using errcode = 'P0001';
    end $$`.execute(db);
  for (const table of ['audit_log', 'import_change']) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function refuse_append_only_change()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function refuse_append_only_change()`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}
