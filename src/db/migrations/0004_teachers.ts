import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The fingerprint of the key personal data is encrypted with (the key itself never enters the database).
  await db.schema
    .createTable('personal_data_key')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One row per person. Career facts come from teacher_event; the columns after `ethnicity` are the state those
  // events give today, kept so lists and counts need no replay (rebuilt from the events after every change).
  await db.schema
    .createTable('teacher')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('id_sealed', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('male', 'female')`))
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('ethnicity', 'text')
    .addColumn('phone_sealed', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.references('school.id'))
    .addColumn('post', 'text')
    .addColumn('subject', 'text')
    .addColumn('stage', 'text')
    .addColumn('education', 'text')
    .addColumn('title', 'text')
    .addColumn('appointed_title', 'text')
    .addColumn('establishment', 'text')
    .addColumn('channel', 'text')
    .addColumn('certificate', 'text')
    .addColumn('backbone_level', 'text')
    .addColumn('backbone_tier', 'text')
    .addColumn('backbone_until', 'date')
    .addColumn('hired_on', 'date')
    .addColumn('school_since', 'date')
    .addColumn('left_on', 'date')
    .addColumn('leave_from', 'date')
    .addColumn('leave_to', 'date')
    // The date the state columns were folded to; events effective after it are replayed when the date passes.
    .addColumn('state_as_of', 'date', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('teacher_person_key', ['county_code', 'id_hash'])
    .execute();
  await db.schema.createIndex('teacher_school_idx').on('teacher').columns(['county_code', 'school_id']).execute();

  // Changes as events: hires, transfers, promotions, recognitions, reviews, leave, departures. Never edited; a mistaken
  // event is revoked (kept, marked) and the teacher's state replayed without it.
  await db.schema
    .createTable('teacher_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('teacher_id', 'integer', (c) => c.notNull().references('teacher.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'date', (c) => c.notNull())
    // The school the event concerns (for a hire or transfer: the school the teacher is at afterwards).
    .addColumn('school_id', 'integer', (c) => c.references('school.id'))
    .addColumn('from_school_id', 'integer', (c) => c.references('school.id'))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('note', 'text')
    .addColumn('import_job_id', 'uuid')
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'integer')
    .addColumn('revoke_reason', 'text')
    .execute();
  await db.schema
    .createIndex('teacher_event_teacher_idx')
    .on('teacher_event')
    .columns(['county_code', 'teacher_id', 'effective_date'])
    .execute();

  await db.schema
    .createTable('training_course')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('organizer', 'text')
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('hours', 'numeric(6, 1)', (c) => c.notNull().check(sql`hours > 0`))
    .addCheckConstraint('training_course_dates_check', sql`end_date >= start_date`)
    .addUniqueConstraint('training_course_key', ['county_code', 'name', 'start_date'])
    .execute();

  await db.schema
    .createTable('training_record')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('county_code', 'char(6)', (c) => c.notNull().references('county.code'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('training_course.id'))
    .addColumn('teacher_id', 'integer', (c) => c.notNull().references('teacher.id'))
    .addColumn('hours', 'numeric(6, 1)', (c) => c.notNull().check(sql`hours > 0`))
    .addUniqueConstraint('training_record_key', ['county_code', 'course_id', 'teacher_id'])
    .execute();
  await db.schema.createIndex('training_record_teacher_idx').on('training_record').columns(['teacher_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['training_record', 'training_course', 'teacher_event', 'teacher', 'personal_data_key'])
    await db.schema.dropTable(table).execute();
}
