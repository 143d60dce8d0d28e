import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { permissionsOf } from '../domain/auth/roles';
import { composeIdNumber } from '../domain/codes/id-card';
import { type Term, termCode, termLabel, todayInChina } from '../domain/period';
import { createBatch, exportBankFile, transitionBatch } from '../modules/aid/aid-batches';
import { batchableOwners } from '../modules/aid/aid-batches.repository';
import { aidBeneficiariesImport } from '../modules/aid/aid-beneficiaries.import';
import { saveLocalProgram, saveStandardOverride } from '../modules/aid/aid-config';
import { registerCorrection } from '../modules/aid/aid-corrections';
import { loadAidDirectory } from '../modules/aid/aid-directory';
import { publishPublicity } from '../modules/aid/aid-publicity';
import { createImportJob, executeImportJob } from '../platform/imports/import-jobs';
import { runImport } from '../platform/imports/run-import';
import type { Viewer } from '../platform/scope';
import {
  AID_HEADER,
  type CsvRow,
  type DemoAidSchool,
  DemoPeople,
  PROGRAM_NAMES,
  schoolRows,
  universityRows,
} from './demo-aid-rows';
import { DEMO_COUNTY } from './demo-county';

const COUNTY = DEMO_COUNTY.code;
export const DEMO_AID_TERMS: Term[] = [
  { year: 2023, season: 'spring' },
  { year: 2023, season: 'autumn' },
  { year: 2024, season: 'spring' },
  { year: 2024, season: 'autumn' },
];
const PENDING_TERM: Term = { year: 2025, season: 'spring' };
const PENDING_SCHOOL = '石桥镇中心小学';

/** The county 资助中心, acting for the generator; schools' submissions go through the same rules. */
function aidViewer(): Viewer {
  return {
    userId: null,
    username: 'demo',
    displayName: '演示数据生成',
    role: null,
    scope: { level: 'county', countyCode: COUNTY },
    permissions: new Set(permissionsOf('aid_center')),
    actor: { id: null, name: '系统（演示数据生成）', role: null, ip: null },
  };
}

const csv = (rows: CsvRow[]) =>
  rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')).join('\n');

/** Imports generated rows through the real engine, as demo-stats does; the file must pass every blocking check. */
async function importRows(db: Kysely<DB>, viewer: Viewer, fileName: string, rows: CsvRow[]) {
  const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-demo-aid-'));
  try {
    const path = join(dir, fileName);
    writeFileSync(path, csv([AID_HEADER, ...rows]));
    const id = randomUUID();
    const job = { id, county_code: COUNTY, type: aidBeneficiariesImport.type, file_name: fileName, file_path: path };
    await db
      .insertInto('import_job')
      .values({ ...job, file_sha256: '0'.repeat(64), file_size: 0, status: 'committing' })
      .execute();
    const outcome = await runImport({
      db,
      definition: aidBeneficiariesImport,
      viewer,
      countyCode: COUNTY,
      jobId: id,
      filePath: path,
      format: 'csv',
      fileName,
      fileSha256: '0'.repeat(64),
      dryRun: false,
    });
    if (!outcome.committed)
      throw new Error(`Demo aid import ${fileName} failed: ${JSON.stringify(outcome.issues.slice(0, 5))}`);
    await db
      .updateTable('import_job')
      .set({
        status: 'committed',
        total_rows: outcome.totalRows,
        inserted: outcome.inserted,
        warning_count: outcome.warningCount,
        errors: JSON.stringify(outcome.issues),
        finished_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    return outcome;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every school's (and the 资助中心's) lists of a term: batched, submitted, reviewed, exported to the bank and paid.
 * Returns how many batches were paid.
 */
export async function payTerm(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  term: Term,
  paidOn: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const owners = await batchableOwners(trx, viewer.scope, countyCode, termCode(term));
    for (const owner of owners) {
      const { batchId } = await createBatch(trx, viewer, countyCode, {
        term: termCode(term),
        schoolId: owner.school_id,
      });
      await transitionBatch(trx, viewer, countyCode, batchId, { action: 'submit' });
      await transitionBatch(trx, viewer, countyCode, batchId, { action: 'review' });
      await exportBankFile(trx, viewer, countyCode, batchId);
      await transitionBatch(trx, viewer, countyCode, batchId, { action: 'pay', paidOn });
    }
    return owners.length;
  });
}

/** The county's own standards and program, as its 资助中心 would configure them. */
async function configure(db: Kysely<DB>, viewer: Viewer): Promise<void> {
  await saveStandardOverride(db, viewer, COUNTY, {
    programId: 'preschool_aid',
    fromTerm: '2023-spring',
    basis: 'fixed',
    unit: 'term',
    tiers: [
      { id: 'general', label: '家庭经济困难儿童', yuan: 500 },
      { id: 'special', label: '孤儿、残疾儿童', yuan: 1000 },
    ],
    source: '青禾县学前教育资助实施办法（青教发〔2022〕15号）（演示）',
  });
  await saveStandardOverride(db, viewer, COUNTY, {
    programId: 'senior_tuition_waiver',
    fromTerm: '2023-spring',
    basis: 'fixed',
    unit: 'year',
    tiers: [
      { id: 'ordinary', label: '普通高中', yuan: 1200 },
      { id: 'model', label: '省级示范高中', yuan: 1400 },
    ],
    source: '晋东市普通高中学费标准（晋东发改价〔2021〕8号）（演示）',
  });
  await saveLocalProgram(db, viewer, COUNTY, {
    id: 'county_relief',
    name: PROGRAM_NAMES.county_relief,
    reportPhrase: '发放县级困难学生临时救助',
    stages: ['primary', 'junior', 'senior', 'vocational'],
    reportGroup: 'school_aid',
    requiresCategory: true,
    fundingNote: '县级财政全额承担',
    source: '青禾县人民政府办公室《关于建立困难学生临时救助制度的通知》（青政办发〔2022〕12号）（演示）',
  });
  await saveStandardOverride(db, viewer, COUNTY, {
    programId: 'county_relief',
    fromTerm: '2023-spring',
    basis: 'fixed',
    unit: 'once',
    tiers: [
      { id: 'general', label: '一般救助', yuan: 500 },
      { id: 'major', label: '重大困难救助', yuan: 1000 },
    ],
    source: '青政办发〔2022〕12号（演示）',
  });
}

async function demoSchools(db: Kysely<DB>): Promise<DemoAidSchool[]> {
  const directory = await loadAidDirectory(db, COUNTY);
  const [schools, stats] = await Promise.all([
    db
      .selectFrom('school')
      .select(['id', 'code', 'name', 'type', 'urban_rural'])
      .where('county_code', '=', COUNTY)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('school_stat')
      .select(['school_id', 'school_year', 'stage', 'students'])
      .where('county_code', '=', COUNTY)
      .execute(),
  ]);
  return schools.map((s) => {
    const students = new Map<number, Map<string, number>>();
    for (const row of stats.filter((r) => r.school_id === s.id)) {
      if (!students.has(row.school_year)) students.set(row.school_year, new Map());
      students.get(row.school_year)!.set(row.stage, row.students);
    }
    return {
      code: s.code,
      name: s.name,
      type: s.type,
      urbanRural: s.urban_rural,
      students,
      openIn: (term: Term) => directory.inTerm(s.code, term)?.open === true,
    };
  });
}

/**
 * Two years (2023春 to 2024秋) of paid lists for every program the county ran then (免保育教育费 starts in 2025秋),
 * one correction, and what is still open: a 2025春 list of 石桥镇中心小学 waiting for review with four findings, its
 * first file refused for five planted errors, and a 公示 under way.
 */
export async function createDemoAid(db: Kysely<DB>): Promise<void> {
  const viewer = aidViewer();
  await configure(db, viewer);
  const schools = await demoSchools(db);
  const people = new DemoPeople();
  for (const term of DEMO_AID_TERMS) {
    const rows = [
      ...schoolRows(schools, term, people),
      ...(term.season === 'autumn' ? universityRows(term, people) : []),
    ];
    const outcome = await importRows(db, viewer, `青禾县${termLabel(term)}学生资助名单.csv`, rows);
    if (outcome.warningCount)
      throw new Error(`Demo aid ${termLabel(term)} has findings: ${outcome.issues[0]?.message}`);
    await payTerm(db, viewer, COUNTY, term, term.season === 'spring' ? `${term.year}-06-20` : `${term.year}-12-18`);
  }
  await correctOne(db, viewer);
  await pendingList(db, viewer, schools, people);
}

/** A 2024春 寄宿生 who left in April: half the payment is recovered through a correction batch. */
async function correctOne(db: Kysely<DB>, viewer: Viewer): Promise<void> {
  const row = await db
    .selectFrom('aid_beneficiary')
    .select(['id', 'amount_fen'])
    .where('county_code', '=', COUNTY)
    .where('term', '=', '2024-spring')
    .where('program_id', '=', 'boarding_subsidy')
    .where('stage', '=', 'junior')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const { batchId } = await registerCorrection(db, viewer, COUNTY, row.id, {
    amountYuan: (row.amount_fen / 200).toFixed(2),
    reason: '该生2024年4月转学离校，按在校时间折半发放，追回多发部分',
  });
  await transitionBatch(db, viewer, COUNTY, batchId, { action: 'submit' });
  await transitionBatch(db, viewer, COUNTY, batchId, { action: 'review' });
  await exportBankFile(db, viewer, COUNTY, batchId);
  await transitionBatch(db, viewer, COUNTY, batchId, { action: 'pay', paidOn: '2024-07-05' });
}

async function pendingList(db: Kysely<DB>, viewer: Viewer, schools: DemoAidSchool[], people: DemoPeople) {
  const school = schools.find((s) => s.name === PENDING_SCHOOL)!;
  const rows = schoolRows([school], PENDING_TERM, people);
  const boarding = rows.filter((r) => r[1] === PROGRAM_NAMES.boarding_subsidy);
  const nonBoarding = rows.filter((r) => r[1] === PROGRAM_NAMES.non_boarding_subsidy);
  const term = termLabel(PENDING_TERM);

  // The school's first file: five mistakes inspections look for, so it is refused as a whole.
  const closedPoint = await db
    .selectFrom('school')
    .select('code')
    .where('county_code', '=', COUNTY)
    .where('status', '<>', 'open')
    .where('type', '=', 'teaching_point')
    .executeTakeFirstOrThrow();
  const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
  const refused: CsvRow[] = [
    nonBoarding[0],
    ...boarding.slice(4, 8),
    [...nonBoarding[0]],
    [...boarding[1].slice(0, 4), wrongCheck(boarding[1][4]), ...boarding[1].slice(5)],
    [...boarding[2].slice(0, 9), '1250'],
    [
      term,
      PROGRAM_NAMES.senior_grant,
      school.code,
      '陈小雨',
      composeIdNumber('145523', '2016-05-12', 47),
      '三年级',
      '1班',
      '低保',
      '困难',
      '1150',
    ],
    [
      term,
      PROGRAM_NAMES.non_boarding_subsidy,
      closedPoint.code,
      '韩小春',
      composeIdNumber('145523', '2017-09-08', 66),
      '二年级',
      '1班',
      '脱贫家庭',
      '困难',
      '312.5',
    ],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-demo-aid-'));
  try {
    const path = join(dir, 'refused.csv');
    writeFileSync(path, csv([AID_HEADER, ...refused]));
    const job = await createImportJob(db, {
      countyCode: COUNTY,
      type: aidBeneficiariesImport.type,
      fileName: `${PENDING_SCHOOL}${term}资助名单（初报）.csv`,
      source: { path },
      uploadDir: join(dir, 'uploads'),
      createdBy: null,
    });
    await executeImportJob(db, job, { definition: aidBeneficiariesImport, viewer, dryRun: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The corrected file, accepted with four questions for the 资助中心; the school has submitted it.
  const renamed = [...boarding[3]];
  renamed[3] = `${renamed[3].slice(0, -1)}${renamed[3].endsWith('明') ? '鸣' : '明'}`;
  const accepted: CsvRow[] = rows.map((r) => {
    if (r === boarding[0]) return [...r.slice(0, 9), '300'];
    if (r === nonBoarding[1]) return [...r.slice(0, 7), '防返贫监测对象', r[8], r[9]];
    if (r === nonBoarding[2]) return [...r.slice(0, 5), `${r[5]}二班`, ...r.slice(6)];
    return r === boarding[3] ? renamed : r;
  });
  const outcome = await importRows(db, viewer, `${PENDING_SCHOOL}${term}资助名单.csv`, accepted);
  if (outcome.warningCount < 3) throw new Error(`Demo pending list lacks findings: ${outcome.warningCount}`);
  const id = schoolId(await loadAidDirectory(db, COUNTY), school.code);
  const { batchId } = await createBatch(db, viewer, COUNTY, { term: termCode(PENDING_TERM), schoolId: id });
  await transitionBatch(db, viewer, COUNTY, batchId, { action: 'submit' });

  const today = todayInChina();
  const shift = (days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
  await publishPublicity(db, viewer, COUNTY, {
    schoolId: id,
    term: termCode(PENDING_TERM),
    startsOn: shift(-1),
    endsOn: shift(4),
  });
  const directory = await loadAidDirectory(db, COUNTY);
  const town = schools.find((s) => s.name === '城关镇第一小学')!;
  await publishPublicity(db, viewer, COUNTY, {
    schoolId: schoolId(directory, town.code),
    term: '2024-autumn',
    startsOn: '2024-11-04',
    endsOn: '2024-11-08',
  });
}

function schoolId(directory: Awaited<ReturnType<typeof loadAidDirectory>>, code: string): number {
  return directory.byCode.get(code)!.id;
}
