import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { MIGRATIONS } from '../../db/migrate';
import { listTables } from './catalog';

export const BACKUP_FORMAT = 'jiaoguan-backup';
export const BACKUP_VERSION = 1;

export interface BackupSummary {
  tables: { name: string; rows: number }[];
  bytes: number;
}

/**
 * Writes a logical backup (gzip, one JSON document per line) of every table from one consistent snapshot. Values are
 * kept as PostgreSQL text, so a restore is exact on either engine and a PGlite backup restores onto PostgreSQL.
 */
export async function writeBackup(
  db: Kysely<any>,
  outPath: string,
  engine: string,
  onTable?: (name: string, rows: number) => void,
): Promise<BackupSummary> {
  const gzip = createGzip();
  const file = createWriteStream(outPath);
  gzip.pipe(file);
  let bytes = 0;
  const write = (value: unknown) =>
    new Promise<void>((resolve) => {
      const line = `${JSON.stringify(value)}\n`;
      bytes += Buffer.byteLength(line);
      if (gzip.write(line)) resolve();
      else gzip.once('drain', () => resolve());
    });
  const closed = new Promise<void>((resolve, reject) => {
    file.on('finish', () => resolve());
    file.on('error', reject);
    gzip.on('error', reject);
  });

  const summary: BackupSummary = { tables: [], bytes: 0 };
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
      await write({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        engine,
        migrations: applied.rows.map((r) => r.name),
      });
      for (const table of await listTables(trx)) {
        const columns = table.columns.map((c) => c.name);
        await write({ table: table.name, columns });
        // Columns are read as text under their own names, so the key must be qualified: a bare ORDER BY would bind
        // to the text output column and page in text order ('9' after '69').
        const select = sql.join(columns.map((c) => sql`${sql.ref(`t.${c}`)}::text as ${sql.ref(c)}`));
        const pk = sql.ref(`t.${table.primaryKey.name}`);
        let last: string | null = null;
        let rows = 0;
        for (;;) {
          const page: { rows: Record<string, string | null>[] } = await sql<
            Record<string, string | null>
          >`select ${select}, ${pk}::text as __key from ${sql.table(table.name)} as t
          ${last === null ? sql`` : sql`where ${pk} > ${last}::${sql.raw(table.primaryKey.type)}`}
          order by ${pk} limit 5000`.execute(trx);
          if (page.rows.length === 0) break;
          for (const row of page.rows) await write(columns.map((c) => row[c]));
          rows += page.rows.length;
          last = page.rows[page.rows.length - 1].__key;
        }
        await write({ end: table.name, rows });
        summary.tables.push({ name: table.name, rows });
        onTable?.(table.name, rows);
      }
      await write({ end: true, tables: summary.tables.length, knownMigrations: Object.keys(MIGRATIONS).length });
    });
  gzip.end();
  await closed;
  summary.bytes = bytes;
  return summary;
}
