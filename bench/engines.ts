import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/connect';
import { dropWhenUnused } from '../test/pg-admin';

const PG_ADMIN = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Runs `measure` on a PGlite data directory under `dir` (unless BENCH_SKIP_LITE) and on a scratch PostgreSQL
 * database when the server is reachable, dropped afterwards. Returns what each run measured.
 */
export async function onEachEngine<T>(
  name: string,
  dir: string,
  measure: (engine: string, database: Database) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  if (!process.env.BENCH_SKIP_LITE) {
    const lite = await openDatabase({ dataDir: join(dir, 'pglite') });
    results.push(await measure('PGlite 0.5.16（磁盘目录）', lite));
    await lite.close();
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  const reachable = await admin.connect().then(
    () => true,
    () => false,
  );
  if (!reachable) {
    process.stderr.write(`PostgreSQL not reachable at ${PG_ADMIN}; measured PGlite only\n`);
    return results;
  }
  const databaseName = `jiaoguan_bench_${name}_${process.pid}`;
  await admin.query(`create database ${databaseName}`);
  const database = await openDatabase({ url: PG_ADMIN.replace(/\/[^/]*$/, `/${databaseName}`) });
  const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db)).rows[0]
    .v;
  results.push(await measure(`PostgreSQL ${version.split(' ')[0]}`, database));
  await database.close();
  await dropWhenUnused(admin, databaseName);
  await admin.end();
  return results;
}

/**
 * The baseline an import is compared with: every data line of each county's CSV file, as text with the county code
 * in front, into a fresh table by one COPY in one transaction. Returns the seconds it took.
 */
export async function copyBaseline(
  db: Kysely<any>,
  table: string,
  headers: readonly string[],
  files: readonly string[],
  counties: readonly string[],
): Promise<number> {
  await sql`create table ${sql.table(table)} (county_code char(6), ${sql.raw(headers.map((_, i) => `c${i} text`).join(', '))})`.execute(
    db,
  );
  const payload = files
    .map((file, i) => {
      const text = readFileSync(file, 'utf8');
      return text
        .slice(text.indexOf('\n') + 1)
        .split('\n')
        .filter(Boolean)
        .map((line) => `${counties[i]},${line}`)
        .join('\n');
    })
    .join('\n');
  const t = performance.now();
  await db
    .transaction()
    .execute((trx) =>
      trx.executeQuery(CompiledQuery.raw(`COPY ${table} FROM STDIN WITH (FORMAT csv)`, [`${payload}\n`])),
    );
  return (performance.now() - t) / 1000;
}
