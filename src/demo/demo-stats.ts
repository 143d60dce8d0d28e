import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { StatStage } from '../domain/indicators/inputs';
import { STAGES } from '../domain/org/school-types';
import { schoolYearLabel } from '../domain/period';
import { GRADES } from '../domain/stats/stat-checks';
import { loadInputs } from '../modules/stats/indicators/load-inputs';
import { populationImport } from '../modules/stats/population.import';
import { schoolStatsImport } from '../modules/stats/school-stats.import';
import { FIGURE_COLUMNS } from '../modules/stats/stat-columns';
import { recordAudit } from '../platform/audit/record-audit';
import type { ImportDefinition } from '../platform/imports/define-import';
import { runImport } from '../platform/imports/run-import';
import type { Viewer } from '../platform/scope';
import { DEMO_COUNTY } from './demo-county';
import { Random } from './random';

export const DEMO_STAT_YEARS = [2023, 2024];

type Location = 'urban' | 'town' | 'rural';

interface StageRow {
  code: string;
  year: number;
  stage: StatStage;
  values: Record<string, number>;
  grades: Record<string, number> | null;
  inclusive: boolean | null;
}

const STAGES_OF: Record<string, StatStage[]> = {
  kindergarten: ['preschool'],
  primary: ['primary'],
  teaching_point: ['primary'],
  junior: ['junior'],
  nine_year: ['primary', 'junior'],
  complete_secondary: ['junior', 'senior'],
  senior: ['senior'],
  vocational: ['vocational'],
  special: ['special'],
};

/** Students of a school's 学段 in 2023, by type and place: crowded town centre, shrinking villages. */
function baseStudents(name: string, type: string, stage: StatStage, location: Location, r: Random): number {
  if (name === '青禾县实验小学') return 2860;
  if (type === 'teaching_point') return r.int(12, 44);
  if (stage === 'preschool')
    return location === 'urban' ? r.int(280, 460) : name.includes('中心') ? r.int(160, 260) : r.int(70, 150);
  if (stage === 'primary')
    return location === 'urban'
      ? r.int(1650, 2350)
      : name.includes('中心') || type === 'nine_year'
        ? r.int(520, 820)
        : r.int(70, 240);
  if (stage === 'junior')
    return type === 'complete_secondary'
      ? 1180
      : location === 'urban'
        ? r.int(1300, 1700)
        : type === 'nine_year'
          ? r.int(260, 380)
          : r.int(480, 760);
  if (stage === 'senior') return type === 'complete_secondary' ? 1520 : 2680;
  if (stage === 'vocational') return 1260;
  return 128;
}

function splitGrades(students: number, keys: string[], r: Random): Record<string, number> {
  const weights = keys.map(() => 0.9 + r.next() * 0.2);
  const total = weights.reduce((s, w) => s + w, 0);
  const out: Record<string, number> = {};
  let assigned = 0;
  keys.forEach((key, i) => {
    const n = i === keys.length - 1 ? students - assigned : Math.round((students * weights[i]) / total);
    out[key] = n;
    assigned += n;
  });
  return out;
}

/** All 基表 figures of one 学段 from its enrollment, by place: what a county of this kind looks like. */
function figures(
  name: string,
  type: string,
  stage: StatStage,
  location: Location,
  students: number,
  r: Random,
  year: number,
): StageRow['values'] & { _classes: number } {
  const junior = stage === 'junior' || stage === 'senior' || stage === 'vocational';
  const classSize =
    stage === 'preschool'
      ? location === 'urban'
        ? 32
        : 26
      : type === 'teaching_point'
        ? Math.max(6, students / 3)
        : location === 'urban'
          ? name === '青禾县实验小学'
            ? 60
            : 51 + r.int(0, 3)
          : location === 'town'
            ? 44
            : 28;
  const classes = Math.max(1, Math.ceil(students / classSize));
  let large = 0;
  let superLarge = 0;
  if (location === 'urban' && (stage === 'primary' || stage === 'junior')) {
    large = Math.round(classes * (name === '青禾县实验小学' ? 0.45 : 0.12) * (year === 2024 ? 0.7 : 1));
    superLarge = name === '青禾县实验小学' ? (year === 2024 ? 2 : 4) : 0;
    while (56 * large + 66 * superLarge > students && large > 0) large--;
  }
  const studentsPerTeacher =
    stage === 'preschool'
      ? location === 'urban'
        ? 13
        : 16
      : type === 'teaching_point'
        ? 11
        : location === 'urban'
          ? junior
            ? 14.5
            : 21.5
          : location === 'town'
            ? junior
              ? 12
              : 16.5
            : 11.5;
  const fullTime = Math.max(type === 'teaching_point' ? 2 : 3, Math.round(students / studentsPerTeacher));
  const staff = fullTime + Math.max(1, Math.round(fullTime * (location === 'urban' ? 0.05 : 0.1)));
  const qualifiedShare = location === 'urban' ? 0.92 : location === 'town' ? 0.78 : 0.55;
  const backboneShare = location === 'urban' ? 0.25 : location === 'town' ? 0.17 : 0.06;
  const artsPe =
    location === 'rural' ? r.int(0, 1) : Math.max(2, Math.round(students / (location === 'urban' ? 95 : 120)));
  const pe = Math.ceil(artsPe / 2);
  const music = Math.floor((artsPe - pe) / 2 + 0.5);
  const art = artsPe - pe - music;
  const crowded = name === '青禾县实验小学';
  const areaPerStudent =
    stage === 'preschool'
      ? 7
      : crowded
        ? 3.2
        : location === 'urban'
          ? (junior ? 5.5 : 4.3) + r.next() * 0.7
          : location === 'town'
            ? (junior ? 7.2 : 5.6) + r.next()
            : (junior ? 10 : 9) + r.next() * 10;
  const sportsPerStudent = crowded
    ? 4
    : location === 'urban'
      ? (junior ? 9.5 : 7.2) + r.next() * 1.5
      : location === 'town'
        ? (junior ? 12 : 10) + r.next() * 2
        : (junior ? 18 : 16) + r.next() * 10;
  const equipmentYuan =
    location === 'urban' ? 2100 + r.int(0, 500) : location === 'town' ? 2300 + r.int(0, 600) : 1400 + r.int(0, 1800);
  const growth = year === 2024 ? 1.04 : 1;
  return {
    _classes: classes,
    students,
    classes,
    full_time_teachers: fullTime,
    staff,
    above_qualified: Math.min(fullTime, Math.round(fullTime * qualifiedShare)),
    backbone: Math.min(fullTime, Math.round(fullTime * backboneShare)),
    pe_teachers: pe,
    music_teachers: music,
    art_teachers: art,
    mid_title: Math.round(fullTime * (location === 'rural' ? 0.35 : 0.48)),
    teaching_area: Math.round(students * areaPerStudent * growth * 10) / 10,
    sports_area: Math.round(students * sportsPerStudent),
    equipment_value: Math.round(((students * equipmentYuan * growth) / 10_000) * 100) / 100,
    multimedia_rooms: Math.max(
      1,
      Math.round(classes * (location === 'rural' ? 0.75 : location === 'urban' ? 1.2 : 1.05)),
    ),
    books: Math.round(students * (location === 'urban' ? 26 : 33)),
    computers: Math.max(2, Math.round(students * (location === 'urban' ? 0.07 : 0.11))),
    large_classes: large,
    super_large_classes: superLarge,
  };
}

interface DemoImportOptions {
  db: Kysely<DB>;
  viewer: Viewer;
  definition: ImportDefinition<any, any>;
  fileName: string;
  rows: string[][];
}

/** Loads generated rows through the real import engine, so the demo data passes the same checks as a county's own file. */
async function importRows({ db, viewer, definition, fileName, rows }: DemoImportOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-demo-'));
  try {
    const path = join(dir, fileName);
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    writeFileSync(path, rows.map((r) => r.map(quote).join(',')).join('\n'));
    const id = randomUUID();
    await db
      .insertInto('import_job')
      .values({
        id,
        county_code: DEMO_COUNTY.code,
        type: definition.type,
        file_name: fileName,
        file_path: path,
        file_sha256: '0'.repeat(64),
        file_size: 0,
        status: 'committing',
      })
      .execute();
    const outcome = await runImport({
      db,
      definition,
      viewer,
      countyCode: DEMO_COUNTY.code,
      jobId: id,
      filePath: path,
      format: 'csv',
      fileName,
      fileSha256: '0'.repeat(64),
      dryRun: false,
    });
    if (!outcome.committed)
      throw new Error(`Demo import ${fileName} failed: ${JSON.stringify(outcome.issues.slice(0, 5))}`);
    await db
      .updateTable('import_job')
      .set({ status: 'committed', total_rows: outcome.totalRows, inserted: outcome.inserted, finished_at: new Date() })
      .where('id', '=', id)
      .execute();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Two 学年 of 基表 for every school open on each statistics date, populations by age and cohort bases — built so the
 * indicators have something to say: crowded town-centre primaries with 大班额 and too few staff, rural schools short
 * of 体艺 teachers, and a teaching-space 差异系数 above 0.50.
 */
export async function createDemoStats(db: Kysely<DB>, viewer: Viewer): Promise<void> {
  const random = new Random(20_240_930);
  const schools = await db
    .selectFrom('school')
    .select(['id', 'code', 'name', 'type', 'urban_rural', 'parent_school_id'])
    .where('county_code', '=', DEMO_COUNTY.code)
    .orderBy('code')
    .execute();
  const inputs = await loadInputs(
    db,
    DEMO_STAT_YEARS.map((schoolYear) => ({ countyCode: DEMO_COUNTY.code, schoolYear })),
  );
  const base = new Map<string, number>();
  const header = [
    '学校标识码',
    '学年',
    '学段',
    ...FIGURE_COLUMNS.map((c) => c.header),
    '是否普惠',
    ...GRADES.primary.map((g) => g.label),
    ...GRADES.junior.map((g) => g.label),
    '说明',
  ];
  const statRows: string[][] = [header];
  const totals = new Map<number, { preschool: number; junior: number; senior: number; grade9: number }>();

  for (const year of DEMO_STAT_YEARS) {
    const open = new Set(inputs.get(`${DEMO_COUNTY.code}|${year}`)!.schools.map((s) => s.id));
    const t = { preschool: 0, junior: 0, senior: 0, grade9: 0 };
    for (const school of schools) {
      if (!open.has(school.id)) continue;
      const location = school.urban_rural as Location;
      for (const stage of STAGES_OF[school.type]) {
        const key = `${school.code}|${stage}`;
        if (!base.has(key)) base.set(key, baseStudents(school.name, school.type, stage, location, random));
        // 2024: the town centre grows a little, villages shrink; the school that took in a merged village school grows.
        const drift = year === 2023 ? 1 : location === 'urban' ? 1.025 : location === 'town' ? 1.0 : 0.95;
        let students = Math.round(base.get(key)! * drift);
        if (year === 2024 && school.name === '西岭镇中心小学') students += 140;
        const values = figures(school.name, school.type, stage, location, students, random, year);
        const grades =
          stage === 'primary' && school.type !== 'teaching_point'
            ? splitGrades(
                students,
                GRADES.primary.map((g) => g.key),
                random,
              )
            : stage === 'junior'
              ? splitGrades(
                  students,
                  GRADES.junior.map((g) => g.key),
                  random,
                )
              : null;
        if (stage === 'preschool') t.preschool += students;
        if (stage === 'junior') {
          t.junior += students;
          t.grade9 += grades!['9'];
        }
        if (stage === 'senior' || stage === 'vocational') t.senior += students;
        const inclusive =
          stage === 'preschool'
            ? school.name.includes('阳光') ||
              school.name.includes('童心') ||
              school.name.includes('启明') ||
              school.name.includes('春苗')
              ? '是'
              : '否'
            : '';
        const note = year === 2024 && school.name === '西岭镇中心小学' ? '2024年9月接收撤并的村小学生' : '';
        statRows.push([
          school.code,
          schoolYearLabel(year),
          STAGES[stage],
          ...FIGURE_COLUMNS.map((c) => String(values[c.db])),
          inclusive,
          ...GRADES.primary.map((g) => (stage === 'primary' && grades ? String(grades[g.key]) : '')),
          ...GRADES.junior.map((g) => (stage === 'junior' && grades ? String(grades[g.key]) : '')),
          note,
        ]);
      }
    }
    totals.set(year, t);
  }
  await importRows({
    db,
    viewer,
    definition: schoolStatsImport,
    fileName: '青禾县学校年度基表（2023-2025学年）.csv',
    rows: statRows,
  });

  // Populations by age from 公安户籍, consistent with the enrollments: 学前三年毛入园率 about 92%, 高中阶段 about 90%.
  const popRows: string[][] = [
    [
      '行政区划代码',
      '年份',
      '年龄',
      '人口数',
      '适龄三类残疾儿童少年数',
      '特殊教育学校就读人数',
      '随班就读人数',
      '送教上门人数',
      '数据来源',
    ],
  ];
  for (const year of DEMO_STAT_YEARS) {
    const t = totals.get(year)!;
    const split = (total: number, ages: number[]) => {
      const each = total / ages.length;
      return new Map(ages.map((age, i) => [age, Math.round(each * (0.97 + 0.03 * i))]));
    };
    const cohorts = new Map([
      ...split(t.preschool / 0.918, [3, 4, 5]),
      ...split(t.junior / 1.012, [12, 13, 14]),
      ...split(t.senior / 0.903, [15, 16, 17]),
    ]);
    for (let age = 0; age <= 17; age++) {
      const population = cohorts.get(age) ?? 2400 - age * 18 + random.int(-40, 40);
      const disabled = age >= 6 && age <= 15 ? (age % 3 === 0 ? 7 : 6) + (year === 2024 && age === 9 ? 1 : 0) : 0;
      const special = age >= 6 && age <= 15 ? Math.floor(disabled / 2) : 0;
      const home = age >= 6 && age <= 15 ? 1 : 0;
      const regular = age >= 6 && age <= 15 ? disabled - special - home - (age === 14 ? 1 : 0) : 0;
      popRows.push([
        DEMO_COUNTY.code,
        String(year),
        String(age),
        String(population),
        String(disabled),
        String(special),
        String(regular),
        String(home),
        '县公安局户籍人口（年末）',
      ]);
    }
  }
  await importRows({
    db,
    viewer,
    definition: populationImport,
    fileName: '青禾县分年龄户籍人口（2023-2024年）.csv',
    rows: popRows,
  });

  // 九年巩固率: the cohort's first-grade intake eight years before, recorded once per year (adjusted for transfers).
  for (const year of DEMO_STAT_YEARS) {
    const grade9 = totals.get(year)!.grade9;
    const cohortBase = Math.round(grade9 / (year === 2023 ? 0.958 : 0.963));
    await db
      .insertInto('cohort_base')
      .values({
        county_code: DEMO_COUNTY.code,
        school_year: year,
        base: cohortBase,
        note: `${year - 8}年秋季小学一年级入学${cohortBase}人（已按转入转出调整）`,
      })
      .execute();
    await db
      .insertInto('indicator_state')
      .values({ county_code: DEMO_COUNTY.code, school_year: year })
      .onConflict((oc) =>
        oc
          .columns(['county_code', 'school_year'])
          .doUpdateSet((eb) => ({ data_version: eb('indicator_state.data_version', '+', 1) })),
      )
      .execute();
    await recordAudit(db, viewer.actor, {
      action: 'stats.cohort_base',
      entityType: 'cohort_base',
      entityId: `${DEMO_COUNTY.code}-${year}`,
      countyCode: DEMO_COUNTY.code,
      summary: `登记${year}学年九年巩固率入学基数：${cohortBase}人`,
    });
  }
}
