import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { createDemoCounty } from '../src/demo/create-demo';
import { registerModules } from '../src/modules';
import { waitUntilUnused } from './pg-admin';

export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DB = `jg_test_template_${process.pid}`;
export const DEMO_TEMPLATE_DB = `jg_test_demo_template_${process.pid}`;

/**
 * Builds one migrated database per run — a PGlite data-directory dump, or a PostgreSQL template database — that
 * every test file copies, instead of paying initdb and migrations per file; and one holding the demo county too,
 * which takes a minute to generate and is used by the server, report, backup, crash and browser tests.
 */
export default async function setup(project: TestProject) {
  registerModules();
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
    await admin.query(`drop database if exists ${DEMO_TEMPLATE_DB}`);
    await admin.query(`create database ${DEMO_TEMPLATE_DB} template ${TEMPLATE_DB}`);
    // Through openDatabase, for the same type parsers and COPY support as the application.
    const demo = await openDatabase({ url: ADMIN_URL.replace(/\/[^/]*$/, `/${DEMO_TEMPLATE_DB}`) });
    await createDemoCounty(demo.db);
    await demo.close();
    await waitUntilUnused(admin, DEMO_TEMPLATE_DB);
    project.provide('postgresTemplate', TEMPLATE_DB);
    project.provide('postgresDemoTemplate', DEMO_TEMPLATE_DB);
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'jg\\_test\\_%'`,
      );
      const ours = rows.map((r) => r.datname).filter((name) => name.endsWith(`_${process.pid}`));
      for (const name of ours) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  const path = join(tmpdir(), `jiaoguan-test-template-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await createDemoCounty(database.db);
  const demoPath = join(tmpdir(), `jiaoguan-test-demo-template-${process.pid}.tar`);
  writeFileSync(demoPath, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', path);
  project.provide('pgliteDemoTemplate', demoPath);
  project.provide('postgresTemplate', '');
  project.provide('postgresDemoTemplate', '');
  return () => {
    rmSync(path, { force: true });
    rmSync(demoPath, { force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgliteDemoTemplate: string;
    postgresTemplate: string;
    postgresDemoTemplate: string;
  }
}
