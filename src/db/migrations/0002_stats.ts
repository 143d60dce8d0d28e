import { type Kysely, sql } from 'kysely';

const COUNT_COLUMNS = [
  'students',
  'classes',
  'full_time_teachers',
  'staff',
  'above_qualified',
  'backbone',
  'pe_teachers',
  'music_teachers',
  'art_teachers',
  'mid_title',
  'multimedia_rooms',
  'books',
  'computers',
  'large_classes',
  'super_large_classes',
];

export async function up(db: Kysely<any>): Promise<void> {
  // 学校年度基表: one row per school, 学年 and 学段, as the 教育事业统计 collects it.
  let table = db.schema
    .createTable('school_stat')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) =>
      c.notNull().check(sql`stage in ('preschool', 'primary', 'junior', 'senior', 'vocational', 'special')`),
    );
  for (const column of COUNT_COLUMNS)
    table = table.addColumn(column, 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`${sql.ref(column)} >= 0`),
    );
  await table
    .addColumn('teaching_area', 'numeric(12, 2)', (c) => c.notNull().defaultTo(0))
    .addColumn('sports_area', 'numeric(12, 2)', (c) => c.notNull().defaultTo(0))
    .addColumn('equipment_value', 'numeric(12, 2)', (c) => c.notNull().defaultTo(0))
    .addColumn('inclusive', 'boolean')
    .addColumn('grades', 'jsonb')
    .addColumn('explanations', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('school_stat_key', ['county_code', 'school_id', 'school_year', 'stage'])
    .execute();
  await db.schema
    .createIndex('school_stat_year_idx')
    .on('school_stat')
    .columns(['county_code', 'school_year'])
    .execute();

  // Age-cohort populations (公安户籍 or 统计) with the 三类残疾 children of each age.
  await db.schema
    .createTable('population')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('age', 'integer', (c) => c.notNull().check(sql`age between 0 and 30`))
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population >= 0`))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enrolled_special', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enrolled_regular', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enrolled_home', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text')
    .addUniqueConstraint('population_key', ['county_code', 'year', 'age'])
    .execute();

  // 九年巩固率 denominator for a graduating year, when the cohort's first grade is not in the platform.
  await db.schema
    .createTable('cohort_base')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('base', 'integer', (c) => c.notNull().check(sql`base > 0`))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('cohort_base_key', ['county_code', 'school_year'])
    .execute();

  // Computed indicators, one row per scope and 学段 holding every value: read by dashboards, never computed on view.
  await db.schema
    .createTable('indicator_snapshot')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('values', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('indicator_snapshot_key', ['county_code', 'school_year', 'level', 'scope_id', 'stage'])
    .execute();

  // Writes bump data_version in their own transaction; a read recomputes when computed_version lags behind.
  await db.schema
    .createTable('indicator_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('data_version', 'bigint', (c) => c.notNull().defaultTo(1))
    .addColumn('computed_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('computed_at', 'timestamptz')
    .addUniqueConstraint('indicator_state_key', ['county_code', 'school_year'])
    .execute();

  // Imports whose plausibility warnings need explaining record how many remain and the explanations given.
  await db.schema
    .alterTable('import_job')
    .addColumn('unexplained', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('explanations', 'jsonb')
    .execute();

  // Local policy: thresholds, rules and standards by province and year, over the defaults shipped in config/policy.json.
  await db.schema
    .createTable('policy_setting')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('province_code', 'char(2)', (c) => c.notNull().defaultTo('00'))
    .addColumn('from_year', 'integer', (c) => c.notNull())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('policy_setting_key', ['key', 'province_code', 'from_year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}
