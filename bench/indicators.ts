import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { type Database, openDatabase } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import type { DB } from '../src/db/schema';
import { createDemoCounty } from '../src/demo/create-demo';
import { DEMO_COUNTY, DEMO_PASSWORD } from '../src/demo/demo-county';
import { registerModules } from '../src/modules';
import { recomputeIndicators } from '../src/modules/stats/indicators/refresh';
import { buildApp } from '../src/server/app';
import { onEachEngine } from './engines';
import { compareWithEngine, createBaselineTable, runBaseline } from './indicator-baseline';
import { seedProvince, YEARS } from './province';
import type { BenchResult } from './report';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);

interface Measure {
  engine: string;
  schools: number;
  snapshotRows: number;
  comparedValues: number;
  engineSeconds: number;
  sqlSeconds: number;
  ratio: number;
  met: boolean;
  agree: boolean;
}

async function measure(engine: string, database: Database): Promise<Measure> {
  const db = database.db as Kysely<DB>;
  await migrateToLatest(db);
  const counties = await seedProvince(db, COUNTIES);
  await createBaselineTable(db);
  // Fresh tables have no planner statistics; without them the baseline's joins go quadratic.
  await sql`analyze`.execute(db);
  const targets = counties.flatMap((countyCode) => YEARS.map((schoolYear) => ({ countyCode, schoolYear })));
  // Warm the query plans and caches of both sides before timing.
  await recomputeIndicators(db, targets.slice(0, 2));
  await db.transaction().execute((trx) => runBaseline(trx, YEARS));

  let t = performance.now();
  const snapshotRows = await recomputeIndicators(db, targets);
  const engineSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await db.transaction().execute((trx) => runBaseline(trx, YEARS));
  const sqlSeconds = (performance.now() - t) / 1000;
  const agreement = await compareWithEngine(db, YEARS);
  if (agreement.mismatches.length)
    console.error(
      `${engine}: ${agreement.mismatches.length} 处不一致，例如\n  ${agreement.mismatches.slice(0, 10).join('\n  ')}`,
    );
  const schools = Number((await sql<{ n: number }>`select count(*)::int8 as n from school`.execute(db)).rows[0].n);
  const ratio = engineSeconds / sqlSeconds;
  return {
    engine,
    schools,
    snapshotRows,
    comparedValues: agreement.values,
    engineSeconds: Number(engineSeconds.toFixed(2)),
    sqlSeconds: Number(sqlSeconds.toFixed(2)),
    ratio: Number(ratio.toFixed(2)),
    met: ratio <= 3,
    agree: agreement.mismatches.length === 0 && agreement.values > 0,
  };
}

/** Median time of the county dashboard request on the demo county (embedded database, after one warm-up). */
async function dashboardLatency(): Promise<{ medianMs: number; p90Ms: number; requests: number }> {
  registerModules();
  const dataDir = mkdtempSync(join(tmpdir(), 'jiaoguan-bench-demo-'));
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  await createDemoCounty(database.db);
  const app = await buildApp({ database, uploadDir: '/tmp/jiaoguan-bench-uploads' });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'leader', password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const url = `/api/indicators/dashboard?county=${DEMO_COUNTY.code}&year=2024`;
  await app.inject({ url, headers: { cookie } });
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    const response = await app.inject({ url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`dashboard ${response.statusCode}`);
    times.push(performance.now() - t);
  }
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return { medianMs: Number(times[20].toFixed(1)), p90Ms: Number(times[36].toFixed(1)), requests: times.length };
}

/** Benchmark 2 (issue 3): recomputing a province's indicators against a hand-written SQL aggregate; dashboard latency. */
export async function indicatorBench(): Promise<BenchResult> {
  // On disk, as deployed: in memory:// the file system's growth dominates and says nothing about production.
  const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-bench-indicators-'));
  const results = await onEachEngine('indicators', dir, measure);
  rmSync(dir, { recursive: true, force: true });
  const latency = await dashboardLatency();
  return {
    name: 'indicators',
    json: {
      counties: COUNTIES,
      years: YEARS,
      recompute: results,
      dashboard: { ...latency, goalMs: 50, met: latency.medianMs < 50 },
    },
    tables: [
      {
        title: `全省指标重算 vs 手写SQL（${COUNTIES}个县 × 300所学校 × ${YEARS.length}个学年，同一次运行）`,
        header: [
          '数据库',
          '学校数',
          '快照行数',
          '逐值核对',
          '指标引擎 秒',
          '手写SQL 秒',
          '倍数',
          '目标',
          '达标',
          '结果一致',
        ],
        rows: results.map((r) => [
          r.engine,
          r.schools.toLocaleString(),
          r.snapshotRows.toLocaleString(),
          r.comparedValues.toLocaleString(),
          r.engineSeconds,
          r.sqlSeconds,
          r.ratio,
          '≤ 3',
          r.met ? '是' : '否',
          r.agree ? '是' : '否',
        ]),
      },
      {
        title: '县级指标看板请求（演示县，嵌入式数据库）',
        header: ['请求数', '中位数 毫秒', 'P90 毫秒', '目标', '达标'],
        rows: [[latency.requests, latency.medianMs, latency.p90Ms, '< 50', latency.medianMs < 50 ? '是' : '否']],
      },
    ],
    met: results.every((r) => r.met && r.agree) && latency.medianMs < 50,
  };
}
