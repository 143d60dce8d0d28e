import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { copyRows } from '../../db/bulk';
import { MIGRATIONS, migrateToLatest } from '../../db/migrate';
import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import { listTables, type TableInfo } from './catalog';

type Line = Record<string, unknown> | (string | null)[];

async function* lines(path: string): AsyncGenerator<Line> {
  const input = createReadStream(path).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of reader) if (line) yield JSON.parse(line);
}

function invalid(reason: string, cause?: unknown): AppError {
  return new AppError('VALIDATION', {
    message: `Invalid backup: ${reason}`,
    userMessage: `备份文件无效：${reason}`,
    cause,
  });
}

/**
 * Restores a backup into an empty database, all or nothing. The schema is brought to the backup's migration level,
 * the rows are copied in, and newer migrations then run on the restored data.
 */
export async function restoreBackup(
  db: Kysely<any>,
  inPath: string,
  actor: Actor,
  onTable?: (name: string, rows: number) => void,
): Promise<{ tables: number; rows: number }> {
  const iterator = lines(inPath)[Symbol.asyncIterator]();
  let header: Record<string, unknown>;
  try {
    header = (await iterator.next()).value as Record<string, unknown>;
  } catch (error) {
    throw invalid('无法解压或解析', error);
  }
  if (header?.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw invalid('不是本系统的备份文件');
  const migrations = header.migrations as string[];
  const known = Object.keys(MIGRATIONS);
  if (migrations.some((m, i) => known[i] !== m)) throw invalid('该备份来自更新或不同版本的系统，请先升级本系统');

  if (migrations.length) {
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo(
      migrations[migrations.length - 1],
    );
    if (error) throw error;
  }
  const tables = new Map((await listTables(db)).map((t) => [t.name, t]));
  for (const table of tables.values()) {
    const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(table.name)}`.execute(db);
    if (Number(rows[0].n) > 0) {
      throw new AppError('DATABASE_NOT_EMPTY', {
        message: `Table ${table.name} is not empty`,
        userMessage: `目标数据库不是空的（${table.name}表有数据）。请恢复到新的数据目录或空数据库，以免覆盖现有数据。`,
      });
    }
  }

  let totalRows = 0;
  let tableCount = 0;
  await db.transaction().execute(async (trx) => {
    let table: TableInfo | undefined;
    let columns: string[] = [];
    let buffer: (string | null)[][] = [];
    let count = 0;
    const deferred: { key: string; values: (string | null)[] }[] = [];
    let selfIndexes: number[] = [];
    let keyIndex = -1;
    const loaded = new Set<string>();
    const flush = async () => {
      if (!table || buffer.length === 0) return;
      await copyRows(trx, table.name, columns, buffer);
      buffer = [];
    };
    for (;;) {
      const { value, done } = await iterator.next();
      if (done) throw invalid('文件不完整（缺少结束标记）');
      if (Array.isArray(value)) {
        if (!table) throw invalid('数据行出现在表头之前');
        if (selfIndexes.length) {
          // A reference to a row already read goes in as is (a check constraint may need it, and a foreign key is
          // checked at the end of its COPY); only a forward reference waits for the second pass.
          const key = String(value[keyIndex]);
          if (selfIndexes.every((i) => value[i] === null || loaded.has(String(value[i])))) {
            buffer.push(value);
          } else {
            deferred.push({ key, values: selfIndexes.map((i) => value[i]) });
            const row = [...value];
            for (const i of selfIndexes) row[i] = null;
            buffer.push(row);
          }
          loaded.add(key);
        } else {
          buffer.push(value);
        }
        count++;
        if (buffer.length >= 5000) await flush();
        continue;
      }
      if (value.end === true) break;
      if (typeof value.table === 'string') {
        table = tables.get(value.table);
        if (!table) throw invalid(`包含本系统不认识的表 ${value.table}`);
        columns = value.columns as string[];
        const unknown = columns.filter((c) => !table!.columns.some((k) => k.name === c));
        if (unknown.length) throw invalid(`表 ${table.name} 的列 ${unknown.join('、')} 不存在`);
        selfIndexes = table.selfReferences.map((c) => columns.indexOf(c)).filter((i) => i >= 0);
        count = 0;
        deferred.length = 0;
        keyIndex = columns.indexOf(table.primaryKey.name);
        loaded.clear();
        continue;
      }
      if (typeof value.end === 'string') {
        await flush();
        if (!table || value.end !== table.name || value.rows !== count)
          throw invalid(`表 ${String(value.end)} 的行数与记录不符`);
        for (const row of deferred) {
          const sets = sql.join(selfIndexes.map((i, k) => sql`${sql.ref(columns[i])} = ${row.values[k]}`));
          await sql`update ${sql.table(table.name)} set ${sets} where ${sql.ref(table.primaryKey.name)} = ${row.key}::${sql.raw(table.primaryKey.type)}`.execute(
            trx,
          );
        }
        for (const column of table.identityColumns) {
          await trx.executeQuery(
            CompiledQuery.raw(
              `select setval(pg_get_serial_sequence('${table.name}', '${column}'), coalesce((select max(${column}) from ${table.name}), 0) + 1, false)`,
            ),
          );
        }
        totalRows += count;
        tableCount++;
        onTable?.(table.name, count);
        table = undefined;
      }
    }
  });
  await migrateToLatest(db);
  await recordAudit(db, actor, {
    action: 'system.restore',
    summary: `从备份恢复数据：${tableCount}张表，${totalRows}行（备份时间 ${String(header.createdAt)}）`,
    after: { createdAt: header.createdAt, engine: header.engine, tables: tableCount, rows: totalRows },
  });
  return { tables: tableCount, rows: totalRows };
}
