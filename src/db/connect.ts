import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { wrapPglite, wrapPool } from './copy-wrappers';
import { type DataDirLock, lockDataDir } from './data-dir-lock';
import type { DB } from './schema';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Where the data lives, for logs and the README's "which database am I on". */
  location: string;
  /** PGlite only: the data directory as a tarball, to start other databases from (test templates). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string;
  /** The application's data directory (the embedded database lives in its db/ folder); 'memory://' for a throw-away one. */
  dataDir?: string;
  /** A PGlite data directory dump (from dumpDataDir) to start from, for fast test databases. */
  loadDataDir?: Blob;
}

// The same JavaScript types on both engines: counts and numerics as numbers, dates as 'YYYY-MM-DD' strings.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (value: string) => (value === null ? null : Number(value));
const keepText = (value: string) => value;

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir ?? './data', options.loadDataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const parsers: Record<number, (value: string) => unknown> = {
    [INT8]: toNumber,
    [NUMERIC]: toNumber,
    [DATE]: keepText,
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: wrapPool(pool) }) });
  const target = new URL(url);
  return {
    db,
    engine: 'postgres',
    location: `PostgreSQL ${target.host}${target.pathname}`,
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  const lock: DataDirLock | undefined = memory ? undefined : lockDataDir(dataDir);
  try {
    // The database gets its own folder so uploads and the lock file never sit among PostgreSQL's files.
    const pglite = await PGlite.create(memory ? dataDir : join(resolve(dataDir), 'db'), {
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepText },
      loadDataDir,
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite: wrapPglite(pglite) }) });
    return {
      db,
      engine: 'pglite',
      location: memory ? 'PGlite (memory)' : `PGlite ${join(resolve(dataDir), 'db')}`,
      dumpDataDir: () => pglite.dumpDataDir('none'),
      close: async () => {
        await db.destroy();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Configuration from the environment, shared by the server and every CLI command. */
export function databaseOptionsFromEnv(overrides: { dataDir?: string } = {}): OpenDatabaseOptions {
  const url = process.env.DATABASE_URL;
  return url ? { url } : { dataDir: overrides.dataDir ?? process.env.DATA_DIR ?? './data' };
}
