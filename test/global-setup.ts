import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../src/db/migrate';

export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DB = `jg_test_template_${process.pid}`;

/**
 * Builds one migrated database per run — a PGlite data-directory dump, or a PostgreSQL template database — that
 * every test file copies, instead of paying initdb and migrations per file.
 */
export default async function setup(project: TestProject) {
  // A project's `env` reaches its test workers, not this hook, so read it from the project's config.
  if (project.config.env?.TEST_DB === 'postgres') {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(
        `PostgreSQL is not reachable at ${ADMIN_URL} (${(error as Error).message}). scripts/test.sh starts it; run that, or set TEST_ADMIN_DATABASE_URL.`,
      );
    }
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    const db = new Kysely<any>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: ADMIN_URL.replace(/\/[^/]*$/, `/${TEMPLATE_DB}`), max: 1 }),
      }),
    });
    await migrateToLatest(db);
    await db.destroy();
    project.provide('postgresTemplate', TEMPLATE_DB);
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'jg\\_test\\_%'`,
      );
      const ours = rows
        .map((r) => r.datname)
        .filter((name) => name === TEMPLATE_DB || name.endsWith(`_${process.pid}`));
      for (const name of ours) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const pglite = await PGlite.create('memory://');
  const db = new Kysely<any>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  const path = join(tmpdir(), `jiaoguan-test-template-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  project.provide('pgliteTemplate', path);
  project.provide('postgresTemplate', '');
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
