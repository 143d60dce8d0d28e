import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/db/connect';
import { registerModules } from '../src/modules';

export const TEST_ENGINE = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  /** The connection string of a PostgreSQL test database (for child processes); undefined on PGlite. */
  url?: string;
}

/**
 * A fresh, migrated database for one test file, on the engine the project runs (TEST_DB); with `demo`, a copy of
 * one holding the demo county (built once per run by the global setup).
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<TestDatabase> {
  registerModules();
  if (TEST_ENGINE === 'postgres') {
    const template = inject(options.demo ? 'postgresDemoTemplate' : 'postgresTemplate');
    const name = `jg_test_${randomBytes(4).toString('hex')}_${process.ppid}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const database = await openDatabase({ url });
    // The database is dropped by the global teardown once every worker is gone: dropping it here races with
    // backends still exiting after pool.end(), and FORCE then kills them under the worker's feet.
    return { ...database, url };
  }
  const dump = readFileSync(inject(options.demo ? 'pgliteDemoTemplate' : 'pgliteTemplate'));
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([dump]) });
}
