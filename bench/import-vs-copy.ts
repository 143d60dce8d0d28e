import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { cliActor } from '../src/platform/audit/actor';
import { runImport } from '../src/platform/imports/run-import';
import { dropWhenUnused } from '../test/pg-admin';
import { writeLines } from './csv-file';
import { onEachEngine } from './engines';
import type { BenchResult } from './report';
import { BENCH_TABLE, createTableSql, STAT_COLUMNS, schoolStatLike, statRows } from './school-stat-like';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const LARGE_ROWS = Number(process.env.BENCH_LARGE_ROWS ?? 1_000_000);
const PG_ADMIN = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-bench-'));
const HEADERS = ['学校标识码', '学年', '学段', ...STAT_COLUMNS];

function* statLines(rows: number): Generator<string> {
  yield HEADERS.join(',');
  for (const row of statRows(rows)) yield row.join(',');
}

interface Measurement {
  engine: string;
  rows: number;
  copyRowsPerSecond: number;
  importRowsPerSecond: number;
  ratio: number;
  goal: string;
  met: boolean;
}

const viewer = {
  userId: null,
  username: 'bench',
  displayName: 'bench',
  role: null,
  scope: { level: 'system' as const },
  permissions: new Set<never>(),
  actor: cliActor(),
};

async function measure(engine: string, database: Database, csvPath: string): Promise<Measurement> {
  const db = database.db;
  await migrateToLatest(db);
  await db
    .insertInto('county')
    .values({ code: '145523', name: '基准县', province_code: '14', city_code: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await createTableSql(BENCH_TABLE).execute(db);
  await createTableSql(`${BENCH_TABLE}_copy`).execute(db);
  await db
    .insertInto('import_job')
    .values({
      id: `bench-${engine}`,
      county_code: '145523',
      type: schoolStatLike.type,
      file_name: 'bench.csv',
      file_path: csvPath,
      file_sha256: '0'.repeat(64),
      file_size: 0,
      status: 'uploaded',
    })
    .onConflict((oc) => oc.doNothing())
    .execute();

  // Baseline: the same rows, already in their final form, straight into an identical table with COPY.
  const text = readFileSync(csvPath, 'utf8');
  const body = text
    .slice(text.indexOf('\n') + 1)
    .split('\n')
    .filter(Boolean)
    .map((line) => `145523,${line}`)
    .join('\n');
  const columns = ['county_code', 'school_code', 'school_year', 'stage', ...STAT_COLUMNS.map((_, i) => `v${i}`)];
  // The baseline gets its year as an integer, which the file spells as a 学年; convert outside the timing.
  const copyPayload = body.replace(/,(\d{4})-\d{4}学年,/g, ',$1,');
  let t = performance.now();
  await db
    .transaction()
    .execute((trx) =>
      trx.executeQuery(
        CompiledQuery.raw(`COPY ${BENCH_TABLE}_copy (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`, [
          copyPayload,
        ]),
      ),
    );
  const copySeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const outcome = await runImport({
    db,
    definition: schoolStatLike,
    viewer,
    countyCode: '145523',
    jobId: `bench-${engine}`,
    filePath: csvPath,
    format: 'csv',
    fileName: 'bench.csv',
    fileSha256: '0'.repeat(64),
    dryRun: false,
  });
  const importSeconds = (performance.now() - t) / 1000;
  if (!outcome.committed || outcome.inserted !== ROWS)
    throw new Error(
      `bench import did not commit all rows: ${JSON.stringify({ ...outcome, issues: outcome.issues.slice(0, 3) })}`,
    );
  const copied = Number(
    (await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(`${BENCH_TABLE}_copy`)}`.execute(db)).rows[0]
      .n,
  );
  if (copied !== ROWS) throw new Error(`COPY baseline loaded ${copied} rows`);

  const copyRate = ROWS / copySeconds;
  const importRate = ROWS / importSeconds;
  return {
    engine,
    rows: ROWS,
    copyRowsPerSecond: Math.round(copyRate),
    importRowsPerSecond: Math.round(importRate),
    ratio: Number((importRate / copyRate).toFixed(3)),
    goal: '≥ 0.333',
    met: importRate / copyRate >= 1 / 3,
  };
}

/** Prepares a database for the large import: schema, county, the fixture table and its job row. */
async function prepareLarge(database: Database, csvPath: string): Promise<void> {
  await migrateToLatest(database.db);
  await database.db
    .insertInto('county')
    .values({ code: '145523', name: '基准县', province_code: '14', city_code: null })
    .execute();
  await createTableSql(BENCH_TABLE).execute(database.db);
  await database.db
    .insertInto('import_job')
    .values({
      id: 'large',
      county_code: '145523',
      type: schoolStatLike.type,
      file_name: 'large.csv',
      file_path: csvPath,
      file_sha256: '0'.repeat(64),
      file_size: 0,
      status: 'uploaded',
    })
    .execute();
  await database.close();
}

/**
 * Peak RSS (VmHWM) of a separate process importing a large file, as the CLI would. The database is created here
 * first: PGlite's initdb alone peaks near 1 GB (stack.md), which says nothing about the import.
 */
function largeImportMemory(
  csvPath: string,
  rows: number,
  target: string,
): { rows: number; peakRssMb: number; seconds: number } {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'large-import.ts'), csvPath, String(rows), target],
    { encoding: 'utf8', maxBuffer: 10 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`large import failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!);
  return { rows, peakRssMb: result.peakRssMb, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) };
}

/** Benchmark 1 (issue 2): the import engine against raw COPY, and the memory of a million-row import. */
export async function importBench(): Promise<BenchResult> {
  const csvPath = join(dir, 'stats.csv');
  await writeLines(csvPath, statLines(ROWS));

  const results = await onEachEngine('import', dir, (engine, database) => measure(engine, database, csvPath));
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  const pgAvailable = await admin.connect().then(
    () => true,
    () => false,
  );

  const largePath = join(dir, 'large.csv');
  await writeLines(largePath, statLines(LARGE_ROWS));
  const large: { engine: string; rows: number; peakRssMb: number; seconds: number }[] = [];
  const liteDir = join(dir, 'large-pglite');
  await prepareLarge(await openDatabase({ dataDir: liteDir }), largePath);
  large.push({ engine: 'PGlite（数据库在进程内）', ...largeImportMemory(largePath, LARGE_ROWS, liteDir) });
  if (pgAvailable) {
    const name = `jiaoguan_bench_large_${process.pid}`;
    await admin.query(`create database ${name}`);
    const url = PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
    await prepareLarge(await openDatabase({ url }), largePath);
    large.push({ engine: 'PostgreSQL（仅应用进程）', ...largeImportMemory(largePath, LARGE_ROWS, url) });
    await dropWhenUnused(admin, name);
    await admin.end();
  }

  rmSync(dir, { recursive: true, force: true });
  return {
    name: 'import',
    json: {
      importVersusCopy: results,
      largeImport: large.map((l) => ({ ...l, goalMb: 1024, met: l.peakRssMb <= 1024 })),
    },
    tables: [
      {
        title: `导入引擎 vs 原生 COPY（${ROWS.toLocaleString()} 行基表类数据，同一进程同一次运行）`,
        header: ['数据库', 'COPY 行/秒', '导入引擎 行/秒', '比值', '目标', '达标'],
        rows: results.map((r) => [
          r.engine,
          r.copyRowsPerSecond.toLocaleString(),
          r.importRowsPerSecond.toLocaleString(),
          r.ratio,
          r.goal,
          r.met ? '是' : '否',
        ]),
      },
      {
        title: `${LARGE_ROWS.toLocaleString()} 行 CSV 导入（独立进程，峰值内存 VmHWM）`,
        header: ['数据库', '峰值内存 MB', '用时 秒', '目标', '达标'],
        rows: large.map((l) => [l.engine, l.peakRssMb, l.seconds, '≤ 1024 MB', l.peakRssMb <= 1024 ? '是' : '否']),
      },
    ],
    met: !results.some((r) => !r.met) && !large.some((l) => l.peakRssMb > 1024),
  };
}
