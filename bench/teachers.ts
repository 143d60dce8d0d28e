import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import type { DB } from '../src/db/schema';
import { composeIdNumber } from '../src/domain/codes/id-card';
import { type SchoolRef, teacherStructure } from '../src/domain/teachers/structure';
import { registerModules } from '../src/modules';
import { countyRoster } from '../src/modules/teachers/roster';
import { teachersImport } from '../src/modules/teachers/teachers.import';
import { cliActor } from '../src/platform/audit/actor';
import { runImport } from '../src/platform/imports/run-import';
import { writeLines } from './csv-file';
import { copyBaseline, onEachEngine } from './engines';
import { seedProvince } from './province';
import type { BenchResult } from './report';

const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 400_000);
const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const HEADERS = [
  '身份证号',
  '姓名',
  '学校标识码',
  '任教学段',
  '岗位类别',
  '主要任教学科',
  '最高学历',
  '职称',
  '编制情况',
  '补充渠道',
  '入职日期',
];
const STAGE_OF: Record<string, string> = {
  kindergarten: '学前',
  primary: '小学',
  teaching_point: '小学',
  junior: '初中',
  nine_year: '初中',
  complete_secondary: '高中',
  senior: '高中',
  vocational: '中职',
};
const SUBJECTS = ['语文', '数学', '英语', '科学', '体育', '音乐', '美术', '道德与法治', '信息科技'];

const viewer = {
  userId: null,
  username: 'bench',
  displayName: 'bench',
  role: null,
  scope: { level: 'system' as const },
  permissions: new Set<never>(),
  actor: cliActor(),
};

/** One county's roster file: `perCounty` teachers spread over its schools, with valid, distinct ID numbers. */
function* rosterLines(county: string, schools: { code: string; type: string }[], perCounty: number): Generator<string> {
  yield HEADERS.join(',');
  for (let i = 0; i < perCounty; i++) {
    const school = schools[i % schools.length];
    const birth = new Date(Date.UTC(1966, 0, 1) + i * 86_400_000 * 3).toISOString().slice(0, 10);
    const id = composeIdNumber(county, birth, (i % 400) + 100);
    const stage = STAGE_OF[school.type];
    const subject = stage === '学前' ? '学前教育' : stage === '中职' ? '专业课' : SUBJECTS[i % SUBJECTS.length];
    const hired = `${Number(birth.slice(0, 4)) + 22}-09-01`;
    yield `${id},教师${i},${school.code},${stage},专任教师,${subject},本科,${i % 3 ? '二级教师' : '一级教师'},在编,公开招聘,${hired}`;
  }
}

interface Measure {
  engine: string;
  teachers: number;
  copySeconds: number;
  importSeconds: number;
  copyRowsPerSecond: number;
  importRowsPerSecond: number;
  ratio: number;
  structureSeconds: number;
  provinceTeachers: number;
  aged50Percent: number;
}

async function measure(engine: string, database: Database, dir: string): Promise<Measure> {
  const db = database.db as Kysely<DB>;
  await migrateToLatest(db);
  const counties = (await seedProvince(db, COUNTIES)).slice(0, COUNTIES);
  const perCounty = Math.ceil(TEACHERS / counties.length);
  const files: string[] = [];
  for (const county of counties) {
    const schools = await db
      .selectFrom('school')
      .select(['code', 'type'])
      .where('county_code', '=', county)
      .orderBy('code')
      .execute();
    const path = join(dir, `roster-${county}.csv`);
    await writeLines(path, rosterLines(county, schools, perCounty));
    files.push(path);
  }
  await sql`analyze`.execute(db);

  // Baseline: every row, as text, straight into a table with COPY in one transaction.
  const copySeconds = await copyBaseline(db, 'bench_teacher_copy', HEADERS, files, counties);

  // The engine: one import per county (as a province would load its counties' rosters), every check and the events.
  let t = performance.now();
  let imported = 0;
  for (const [i, county] of counties.entries()) {
    const jobId = randomUUID();
    await db
      .insertInto('import_job')
      .values({
        id: jobId,
        county_code: county,
        type: 'teachers',
        file_name: 'roster.csv',
        file_path: files[i],
        file_sha256: '0'.repeat(64),
        file_size: 0,
        status: 'uploaded',
      })
      .execute();
    const outcome = await runImport({
      db,
      definition: teachersImport,
      viewer,
      countyCode: county,
      jobId,
      filePath: files[i],
      format: 'csv',
      fileName: 'roster.csv',
      fileSha256: '0'.repeat(64),
      dryRun: false,
    });
    if (!outcome.committed)
      throw new Error(`bench roster import failed: ${JSON.stringify(outcome.issues.slice(0, 3))}`);
    imported += outcome.inserted;
  }
  const importSeconds = (performance.now() - t) / 1000;

  // The structure summary of the province: every county's roster folded on a date and analysed, then added up.
  t = performance.now();
  let provinceTeachers = 0;
  let aged = 0;
  for (const county of counties) {
    const roster = await countyRoster(db, county, '2024-12-31');
    const schools = await db
      .selectFrom('school')
      .select(['id', 'township_id', 'urban_rural'])
      .where('county_code', '=', county)
      .execute();
    const refs: SchoolRef[] = schools.map((s) => ({
      id: s.id,
      townshipId: s.township_id,
      urbanRural: s.urban_rural as SchoolRef['urbanRural'],
    }));
    const structure = teacherStructure(roster, refs);
    provinceTeachers += structure.county.total;
    aged += structure.county.aged;
  }
  const structureSeconds = (performance.now() - t) / 1000;
  const rows = imported;
  return {
    engine,
    teachers: rows,
    copySeconds: Number(copySeconds.toFixed(2)),
    importSeconds: Number(importSeconds.toFixed(2)),
    copyRowsPerSecond: Math.round(rows / copySeconds),
    importRowsPerSecond: Math.round(rows / importSeconds),
    ratio: Number((copySeconds / importSeconds).toFixed(3)),
    structureSeconds: Number(structureSeconds.toFixed(2)),
    provinceTeachers,
    aged50Percent: Number(((aged / provinceTeachers) * 100).toFixed(2)),
  };
}

/** Benchmark (issue 4): a 400,000-teacher province roster through the import engine against raw COPY; the province structure summary. */
export async function teacherBench(): Promise<BenchResult> {
  registerModules();
  const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-bench-teachers-'));
  const results: Measure[] = [];
  try {
    results.push(...(await onEachEngine('teachers', dir, (engine, database) => measure(engine, database, dir))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: 'teachers',
    json: { teachers: TEACHERS, counties: COUNTIES, results },
    tables: [
      {
        title: `全省教师名册导入 vs 原生COPY（${COUNTIES}个县，共${TEACHERS.toLocaleString()}名教师，每县一次导入）`,
        header: ['数据库', '教师数', 'COPY 秒', '导入 秒', 'COPY 行/秒', '导入 行/秒', '导入速度/COPY速度'],
        rows: results.map((r) => [
          r.engine,
          r.teachers.toLocaleString(),
          r.copySeconds,
          r.importSeconds,
          r.copyRowsPerSecond.toLocaleString(),
          r.importRowsPerSecond.toLocaleString(),
          r.ratio,
        ]),
      },
      {
        title: '全省教师结构汇总（各县名册按日期折叠并分析，再汇总）',
        header: ['数据库', '在职教师', '50岁以上占比', '耗时 秒'],
        rows: results.map((r) => [
          r.engine,
          r.provinceTeachers.toLocaleString(),
          `${r.aged50Percent}%`,
          r.structureSeconds,
        ]),
      },
    ],
    // No goal is set for these (the issue asks for the figures); the run fails only if an import fails.
    met: true,
  };
}
