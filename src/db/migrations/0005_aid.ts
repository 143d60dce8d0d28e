import { type Kysely, sql } from 'kysely';

// Frozen snapshot of the coded lists: later changes get their own migration.
const REPORT_GROUPS = ['school_aid', 'loan', 'freshman_travel', 'nutrition'];
const BATCH_STATUSES = ['draft', 'submitted', 'reviewed', 'paid'];
const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const TERM = sql`~ '^[0-9]{4}-(spring|autumn)$'`;

/**
 * 学生资助 (PRODUCT.md §3.5): a county's own programs and standards, beneficiary lists per 学期, program and school,
 * their rows (ID numbers sealed), disbursement batches with their transition history, check findings awaiting review
 * and 公示 windows. Paid rows are never edited: a correction is a new row that adjusts one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A county's own programs. Standards are kept by county, not by province: standards.md §8 leaves provincial tiers
  // open, and a county re-declares what its province sets (a province-wide table can be added when one exists).
  await db.schema
    .createTable('aid_local_program')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('program_id', 'text', (c) => c.notNull().check(sql`program_id ~ '^[a-z][a-z0-9_]*$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('report_phrase', 'text')
    .addColumn('stages', 'jsonb', (c) => c.notNull())
    .addColumn('report_group', 'text', (c) => c.notNull().check(sql`report_group in (${inList(REPORT_GROUPS)})`))
    .addColumn('requires_category', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('eligible_categories', 'jsonb')
    .addColumn('exclusive_with', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('once_per_person', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('funding_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('aid_local_program_key', ['county_code', 'program_id'])
    .execute();

  // A county's own standard of a program (national or local) from a term on: its tiers, fee or amount.
  await db.schema
    .createTable('aid_standard_override')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('from_term', 'text', (c) => c.notNull().check(sql`from_term ${TERM}`))
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('fixed', 'ceiling', 'per_day')`))
    .addColumn('unit', 'text', (c) => c.notNull().check(sql`unit in ('year', 'term', 'once', 'day')`))
    .addColumn('tiers', 'jsonb', (c) => c.notNull())
    .addColumn('min_yuan', 'numeric(12, 2)')
    .addColumn('max_days_per_year', 'integer')
    .addColumn('grades', 'jsonb')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('aid_standard_override_key', ['county_code', 'program_id', 'from_term'])
    .execute();

  // A disbursement batch: a school's (or, with no school, the 资助中心's own) lists of one term, moving
  // draft → submitted → reviewed → paid. Numbered within the county and term.
  await db.schema
    .createTable('aid_batch')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('term', 'text', (c) => c.notNull().check(sql`term ${TERM}`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.references('school.id'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('regular').check(sql`kind in ('regular', 'correction')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in (${inList(BATCH_STATUSES)})`),
    )
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_on', 'date')
    .addColumn('bank_file_exported_at', 'timestamptz')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('aid_batch_key', ['county_code', 'term', 'seq'])
    .addCheckConstraint(
      'aid_batch_paid_check',
      sql`status <> 'paid' or (paid_on is not null and bank_file_exported_at is not null)`,
    )
    .execute();

  await db.schema
    .createTable('aid_batch_transition')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('aid_batch.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('aid_batch_transition_batch_idx')
    .on('aid_batch_transition')
    .columns(['batch_id', 'id'])
    .execute();

  // One list per term, program and school; the 资助中心's own lists (loans, new-student aid) have no school.
  await db.schema
    .createTable('aid_list')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('term', 'text', (c) => c.notNull().check(sql`term ${TERM}`))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.references('school.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in (${inList(BATCH_STATUSES)})`),
    )
    .addColumn('batch_id', 'integer', (c) => c.references('aid_batch.id'))
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('import_job_id', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('aid_list_key', ['county_code', 'term', 'program_id', 'school_id'], (u) =>
      u.nullsNotDistinct(),
    )
    .execute();
  await db.schema.createIndex('aid_list_batch_idx').on('aid_list').columns(['batch_id']).execute();

  // One payment (人次) per row. The ID number is sealed (AES-GCM), found by its keyed hash and shown masked.
  await db.schema
    .createTable('aid_beneficiary')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('list_id', 'integer', (c) => c.notNull().references('aid_list.id'))
    .addColumn('batch_id', 'integer', (c) => c.references('aid_batch.id'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('original').check(sql`kind in ('original', 'correction')`))
    .addColumn('corrects_id', 'integer', (c) => c.references('aid_beneficiary.id'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    // The student's school as written (a university for loans); school_id when it is one of the county's.
    .addColumn('school_code', 'text', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.references('school.id'))
    .addColumn('row_number', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('id_sealed', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('class_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('hardship_level', 'text')
    // Integer fen; a correction carries the adjustment (negative when money is recovered).
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('import_job_id', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'aid_beneficiary_amount_check',
      sql`(kind = 'original' and amount_fen > 0 and corrects_id is null)
        or (kind = 'correction' and amount_fen <> 0 and corrects_id is not null and reason is not null)`,
    )
    .execute();
  // A person is paid once per list (the checks block duplicates; this is the last line of defence).
  await sql`create unique index aid_beneficiary_person_key on aid_beneficiary (county_code, list_id, id_hash)
    where kind = 'original'`.execute(db);
  await db.schema
    .createIndex('aid_beneficiary_term_idx')
    .on('aid_beneficiary')
    .columns(['county_code', 'term', 'program_id'])
    .execute();
  await db.schema
    .createIndex('aid_beneficiary_person_idx')
    .on('aid_beneficiary')
    .columns(['county_code', 'id_hash'])
    .execute();
  await db.schema
    .createIndex('aid_beneficiary_list_idx')
    .on('aid_beneficiary')
    .columns(['list_id', 'row_number'])
    .execute();
  await db.schema.createIndex('aid_beneficiary_batch_idx').on('aid_beneficiary').columns(['batch_id']).execute();
  await db.schema.createIndex('aid_beneficiary_corrects_idx').on('aid_beneficiary').columns(['corrects_id']).execute();

  // Review findings of a list (blocking ones never reach the database: the import is refused).
  await db.schema
    .createTable('aid_check_finding')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('list_id', 'integer', (c) => c.notNull().references('aid_list.id'))
    .addColumn('beneficiary_id', 'integer', (c) => c.references('aid_beneficiary.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'resolved')`))
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'integer')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('aid_check_finding_list_idx')
    .on('aid_check_finding')
    .columns(['county_code', 'list_id', 'status'])
    .execute();

  // A school's 公示 of a term: only 姓名, 学校, 年级, 班级 and 项目 are shown, and only inside the window.
  await db.schema
    .createTable('aid_publicity')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('term', 'text', (c) => c.notNull().check(sql`term ${TERM}`))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('aid_publicity_key', ['county_code', 'term', 'school_id'])
    .addCheckConstraint('aid_publicity_window_check', sql`ends_on >= starts_on`)
    .execute();

  // Locks: rows of a batch that left draft never change, a paid batch or list never changes, and the transition
  // history is append-only (with the platform's function from 0001).
  await sql`create function refuse_locked_aid_change() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'aid_beneficiary' then
        if old.batch_id is not null and exists (select 1 from aid_batch b where b.id = old.batch_id and b.status <> 'draft') then
          raise exception '资助名单已提交或已发放，不能修改或删除；如需调整请登记更正' using errcode = 'P0001';
        end if;
      elsif old.status = 'paid' or (tg_op = 'DELETE' and old.status <> 'draft') then
        raise exception '已发放的资助%已锁定，不能修改或删除', case tg_table_name when 'aid_batch' then '批次' else '名单' end
          using errcode = 'P0001';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$`.execute(db);
  for (const table of ['aid_beneficiary', 'aid_batch', 'aid_list'])
    await sql`create trigger ${sql.raw(`${table}_lock`)} before update or delete on ${sql.table(table)}
      for each row execute function refuse_locked_aid_change()`.execute(db);
  await sql`create trigger aid_batch_transition_append_only before update or delete on aid_batch_transition
    for each row execute function refuse_append_only_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}
