import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, countyViewer, newCounty, newSchool, viewerWith } from '../../../test/factories';
import { tempDir, writeCsv } from '../../../test/files';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { createImportJob, executeImportJob } from '../../platform/imports/import-jobs';
import type { Viewer } from '../../platform/scope';
import { renameSchool } from '../org/school-lifecycle';
import { countyDashboard } from './indicators/dashboard';
import { explainIndicator } from './indicators/explain';
import { listIndicators } from './indicators/read-indicators';
import { populationImport } from './population.import';
import { schoolStatsImport } from './school-stats.import';
import { FIGURE_COLUMNS } from './stat-columns';
import { registerTeacherCountSource } from './teacher-counts';

const dir = tempDir();
// A junior row that is 3 staff short under 1:13.5 (300 students need 23).
const JUNIOR = {
  在校生数: 300,
  班级数: 6,
  专任教师数: 18,
  教职工数: 20,
  高于规定学历专任教师数: 15,
  县级及以上骨干教师数: 4,
  中级及以上职称专任教师数: 8,
  七年级在校生数: 100,
  八年级在校生数: 100,
  九年级在校生数: 100,
};
const HEADERS = [
  '学校标识码',
  '学年',
  '学段',
  ...FIGURE_COLUMNS.map((c) => c.header),
  '在园幼儿数',
  '是否普惠',
  '七年级在校生数',
  '八年级在校生数',
  '九年级在校生数',
  '说明',
];

/** A 基表 row with sensible defaults, figures overridable by header. */
function row(code: string, year: string, stage: string, figures: Record<string, string | number> = {}): string[] {
  const base: Record<string, string | number> = {
    在校生数: 600,
    班级数: 14,
    专任教师数: 32,
    教职工数: 35,
    高于规定学历专任教师数: 28,
    县级及以上骨干教师数: 7,
    体育专任教师数: 2,
    音乐专任教师数: 2,
    美术专任教师数: 2,
    '教学及辅助用房面积(平方米)': 3000,
    '体育运动场馆面积(平方米)': 4800,
    '教学仪器设备值(万元)': 150,
    网络多媒体教室数: 15,
    图书册数: 18000,
    计算机台数: 60,
    '56-65人班级数': 0,
    '66人及以上班级数': 0,
    中级及以上职称专任教师数: 14,
    ...figures,
  };
  return HEADERS.map((h) =>
    h === '学校标识码' ? code : h === '学年' ? year : h === '学段' ? stage : String(base[h] ?? ''),
  );
}

describe('school statistics and indicators', () => {
  let database: TestDatabase;
  let town: Record<string, number>;
  const viewer = countyViewer('basic_edu');
  const codes = {
    nine: '3114552301',
    primary: '2114552301',
    kinder: '1114552301',
    point: '2114552302',
    closed: '2114552303',
  };
  const ids: Record<string, number> = {};

  async function importFile(
    rows: string[][],
    options: {
      as?: Viewer;
      explanations?: Record<number, string>;
      dryRun?: boolean;
      definition?: typeof schoolStatsImport | typeof populationImport;
    } = {},
  ) {
    const path = writeCsv(join(dir, `f${Math.random().toString(36).slice(2)}.csv`), rows);
    const definition = options.definition ?? schoolStatsImport;
    const job = await createImportJob(database.db, {
      countyCode: COUNTY,
      type: definition.type,
      fileName: 'x.csv',
      source: { path },
      uploadDir: join(dir, 'u'),
      createdBy: null,
    });
    return executeImportJob(database.db, job, {
      definition,
      viewer: options.as ?? viewer,
      dryRun: options.dryRun ?? false,
      explanations: options.explanations,
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    town = (await newCounty(database.db)).townships;
    ids.nine = await newSchool(database.db, town['东河镇'], {
      code: codes.nine,
      name: '东河镇九年一贯制学校',
      type: 'nine_year',
      openedOn: '2000-09-01',
    });
    ids.primary = await newSchool(database.db, town['城关镇'], {
      code: codes.primary,
      name: '城关镇第一小学',
      openedOn: '1990-09-01',
    });
    ids.kinder = await newSchool(database.db, town['城关镇'], {
      code: codes.kinder,
      name: '阳光幼儿园',
      type: 'kindergarten',
      ownership: 'inclusive_private',
      openedOn: '2010-09-01',
    });
    ids.point = await newSchool(database.db, town['东河镇'], {
      code: codes.point,
      name: '王庄教学点',
      type: 'teaching_point',
      parentCode: codes.primary,
      openedOn: '2001-09-01',
    });
    ids.closed = await newSchool(database.db, town['南庄乡'], {
      code: codes.closed,
      name: '南庄乡已撤小学',
      openedOn: '1980-09-01',
    });
    const { closeSchool } = await import('../org/school-lifecycle');
    await closeSchool(database.db, viewer, ids.closed, { effectiveDate: '2024-07-01' });
  }, 60_000);
  afterAll(() => database.close());

  it('refuses impossible rows with the statistics system’s logic checks, by row and column', async () => {
    const outcome = await importFile([
      HEADERS,
      row(codes.primary, '2024-2025学年', '小学', { 班级数: 0 }),
      row(codes.primary, '2024-2025学年', '初中'),
      row(codes.nine, '2024-2025学年', '初中', { 县级及以上骨干教师数: 40 }),
      row(codes.closed, '2024-2025学年', '小学'),
      row(codes.nine, '2024-2025学年', '小学', { 七年级在校生数: 600 }),
      row('2114559999', '2024-2025学年', '小学'),
      row(codes.primary, '2024-2026学年', '小学'),
    ]);
    expect(outcome.committed).toBe(false);
    expect(
      outcome.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}|${i.column}|${i.message}`),
    ).toEqual([
      '2|班级数|有在校生时班级数不能为0',
      '3|学段|“城关镇第一小学”是小学，没有初中学段',
      '4|县级及以上骨干教师数|县级及以上骨干教师数（40）不能多于专任教师数（32）',
      '5|学校标识码|“南庄乡已撤小学”在2024-2025学年统计时点（2024-09-30）不在办学，不能填报该学年数据',
      '6|分年级在校生数|小学不应填写七年级在校生数',
      '7|学校标识码|本县没有学校标识码为2114559999的学校',
      '8|学年|学年“2024-2026学年”无效，应写作如“2024-2025学年”',
    ]);
    expect(await database.db.selectFrom('school_stat').selectAll().execute()).toEqual([]);
  });

  it('commits a clean 基表, splits a 九年一贯制 school by 学段 and computes its indicators', async () => {
    const outcome = await importFile([
      HEADERS,
      row(codes.primary, '2023-2024学年', '小学'),
      row(codes.primary, '2024-2025学年', '小学', {
        在校生数: 620,
        班级数: 12,
        '56-65人班级数': 2,
        '66人及以上班级数': 1,
      }),
      row(codes.nine, '2024-2025学年', '小学', { 在校生数: 400, 班级数: 10 }),
      row(codes.nine, '2024-2025学年', '初中', JUNIOR),
      row(codes.kinder, '2024-2025学年', '学前', {
        在校生数: '',
        在园幼儿数: 180,
        班级数: 6,
        专任教师数: 12,
        教职工数: 15,
        高于规定学历专任教师数: 10,
        县级及以上骨干教师数: 1,
        体育专任教师数: 0,
        音乐专任教师数: 0,
        美术专任教师数: 0,
        中级及以上职称专任教师数: 5,
        是否普惠: '是',
      }),
      row(codes.point, '2024-2025学年', '小学', {
        在校生数: 30,
        班级数: 3,
        专任教师数: 3,
        教职工数: 3,
        高于规定学历专任教师数: 1,
        县级及以上骨干教师数: 0,
        体育专任教师数: 0,
        音乐专任教师数: 0,
        美术专任教师数: 0,
        中级及以上职称专任教师数: 1,
        '教学及辅助用房面积(平方米)': 300,
        '体育运动场馆面积(平方米)': 600,
        '教学仪器设备值(万元)': 6,
        网络多媒体教室数: 1,
        图书册数: 1000,
        计算机台数: 2,
      }),
    ]);
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(outcome).toMatchObject({ committed: true, inserted: 6 });
    const rows = await listIndicators(database.db, viewer.scope, COUNTY, 2024);
    // School and township ids can coincide, so the level is part of the lookup.
    const find = (id: string, scopeId: string | number, stage: string) =>
      rows.find(
        (r) =>
          r.id === id &&
          r.level === (scopeId === COUNTY ? 'county' : 'school') &&
          r.scopeId === String(scopeId) &&
          r.stage === stage,
      );
    // 九年一贯制: the junior row alone, 300 students over 20 staff (需 23人 under 1:13.5).
    expect(find('staff_shortage', ids.nine, 'junior')).toMatchObject({ value: 3, numerator: 23, denominator: 20 });
    expect(find('quality_l4', ids.nine, 'junior')?.value).toBe(10);
    // The 30-pupil 教学点 is folded into its parent school for 均衡 (province 14 rule in config/policy.json).
    expect(find('quality_school_met', ids.point, 'primary')?.detail).toMatchObject({ foldedInto: ids.primary });
    expect(find('quality_l4', ids.primary, 'primary')).toMatchObject({ numerator: 3300, denominator: 650 });
    expect(find('super_large_class_count', ids.primary, 'primary')).toMatchObject({ value: 1, status: 'fail' });
    expect(find('inclusive_coverage', COUNTY, 'preschool')?.value).toBe(100);
  });

  it('asks for an explanation of implausible figures before it commits', async () => {
    const file = [HEADERS, row(codes.primary, '2024-2025学年', '小学', { 在校生数: 380, 班级数: 10 })];
    // 620 → 380 students is a 38.7% drop from the row just imported for the previous… no: from 2023 (600 → 380).
    const refused = await importFile(file);
    expect(refused).toMatchObject({ committed: false, errorCount: 0, unexplained: 1 });
    expect(refused.issues.find((i) => i.needsExplanation)).toMatchObject({
      row: 2,
      column: '在校生数',
      explained: false,
    });
    expect(refused.issues.find((i) => i.needsExplanation)?.message).toMatch(
      /^在校生数由上年的600变为380，变化-36\.7%，超过30%/,
    );
    const preview = await importFile(file, { dryRun: true });
    expect(preview).toMatchObject({ errorCount: 0, unexplained: 1, updated: 1 });
    const explained = await importFile(file, { explanations: { 2: '部分学生随撤并转入新区学校' } });
    expect(explained).toMatchObject({ committed: true, updated: 1, unexplained: 0 });
    const stored = await database.db
      .selectFrom('school_stat')
      .select('explanations')
      .where('school_id', '=', ids.primary)
      .where('school_year', '=', 2024)
      .executeTakeFirstOrThrow();
    expect(stored.explanations).toEqual([
      { message: '在校生数由上年的600变为380，变化-36.7%，超过30%', explanation: '部分学生随撤并转入新区学校' },
    ]);
    // The 说明 column of the file counts as well.
    const withColumn = await importFile([
      HEADERS,
      row(codes.primary, '2024-2025学年', '小学', { 在校生数: 382, 班级数: 10, 说明: '新区学校分流' }),
    ]);
    expect(withColumn).toMatchObject({ committed: true, updated: 1 });
  });

  it('keeps a school account to its own school', async () => {
    const clerk = viewerWith('school_clerk', {
      level: 'school',
      countyCode: COUNTY,
      schoolId: ids.kinder,
      schoolIds: [ids.kinder],
    });
    const outcome = await importFile([HEADERS, row(codes.primary, '2024-2025学年', '小学')], { as: clerk });
    expect(outcome.issues[0]).toMatchObject({ row: 2, message: '您无权填报“城关镇第一小学”的数据' });
    const visible = await listIndicators(database.db, clerk.scope, COUNTY, 2024);
    expect(new Set(visible.filter((v) => v.level === 'school').map((v) => v.scopeId))).toEqual(
      new Set([String(ids.kinder)]),
    );
  });

  it('recomputes only when data changed, and a school change marks the county stale', async () => {
    const state = () =>
      database.db
        .selectFrom('indicator_state')
        .selectAll()
        .where('county_code', '=', COUNTY)
        .where('school_year', '=', 2024)
        .executeTakeFirstOrThrow();
    await countyDashboard(database.db, viewer.scope, COUNTY, 2024);
    const fresh = await state();
    expect(fresh.computed_version).toBe(fresh.data_version);
    await countyDashboard(database.db, viewer.scope, COUNTY, 2024);
    expect((await state()).computed_at).toEqual(fresh.computed_at);
    await renameSchool(database.db, viewer, ids.nine, '东河镇实验学校', { effectiveDate: '2025-01-01' });
    expect((await state()).data_version).toBe(fresh.data_version + 1);
    await countyDashboard(database.db, viewer.scope, COUNTY, 2024);
    expect((await state()).computed_version).toBe(fresh.data_version + 1);
  });

  it('takes teacher counts from the roster where it is kept (entered once)', async () => {
    registerTeacherCountSource({
      rosterKeptSince: async () => new Map([[ids.nine, '2024-03-01']]),
      counts: async (_db, _county, date) =>
        new Map(
          date === '2024-09-30'
            ? [
                [
                  `${ids.nine}|junior`,
                  {
                    fullTimeTeachers: 26,
                    staff: 26,
                    aboveQualified: 20,
                    backbone: 4,
                    pe: 1,
                    music: 1,
                    art: 1,
                    midTitle: 10,
                  },
                ],
              ]
            : [],
        ),
    });
    try {
      await database.db
        .updateTable('indicator_state')
        .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
        .execute();
      const rows = await listIndicators(database.db, viewer.scope, COUNTY, 2024);
      expect(
        rows.find((r) => r.id === 'staff_shortage' && r.scopeId === String(ids.nine) && r.stage === 'junior'),
      ).toMatchObject({ value: 0, denominator: 26 });
      const outcome = await importFile([HEADERS, row(codes.nine, '2024-2025学年', '初中', JUNIOR)], { dryRun: true });
      expect(outcome.issues.map((i) => i.message)).toContain(
        '该校已有教师名册，教师数以名册计算为准，本行的教师数列仅作核对',
      );
    } finally {
      registerTeacherCountSource({ rosterKeptSince: async () => new Map(), counts: async () => new Map() });
    }
  });

  it('imports populations and computes the enrollment rates against them', async () => {
    const header = [
      '行政区划代码',
      '年份',
      '年龄',
      '人口数',
      '适龄三类残疾儿童少年数',
      '特殊教育学校就读人数',
      '随班就读人数',
      '送教上门人数',
    ];
    const bad = await importFile(
      [header, ['145599', '2024', '3', '60', '', '', '', ''], [COUNTY, '2024', '9', '100', '3', '2', '2', '0']],
      { definition: populationImport },
    );
    expect(bad.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      '行政区划代码“145599”不是本县（145523）',
      '已入学的三类残疾儿童少年（4）多于适龄人数（3）',
    ]);
    const good = await importFile(
      [
        header,
        [COUNTY, '2024', '3', '60', '', '', '', ''],
        [COUNTY, '2024', '4', '60', '', '', '', ''],
        [COUNTY, '2024', '5', '80', '', '', '', ''],
        [COUNTY, '2024', '9', '100', '4', '2', '1', '1'],
      ],
      { definition: populationImport },
    );
    expect(good).toMatchObject({ committed: true, inserted: 4 });
    const rows = await listIndicators(database.db, viewer.scope, COUNTY, 2024);
    expect(rows.find((r) => r.id === 'preschool_ger')).toMatchObject({
      value: 90,
      numerator: 180,
      denominator: 200,
      status: 'pass',
    });
    expect(rows.find((r) => r.id === 'disabled_enrollment')).toMatchObject({ value: 100 });
  });

  it('explains a value with its formula, standard, source and records', async () => {
    const school = await explainIndicator(database.db, viewer.scope, {
      countyCode: COUNTY,
      schoolYear: 2024,
      indicatorId: 'quality_l4',
      level: 'school',
      scopeId: String(ids.primary),
      stage: 'primary',
    });
    expect(school.indicator.formula).toBe('教学及辅助用房面积 ÷ 在校生数');
    expect(school.threshold).toMatchObject({ value: 4.5, source: '教督〔2017〕6号 第六条' });
    expect(school.tables[0].title).toBe('2024-2025学年学校年度基表（含并入计算的教学点）');
    expect(school.tables[0].rows.map((r) => r.school)).toEqual(
      expect.arrayContaining(['城关镇第一小学（2114552301）', '王庄教学点（2114552302）']),
    );
    const cv = await explainIndicator(database.db, viewer.scope, {
      countyCode: COUNTY,
      schoolYear: 2024,
      indicatorId: 'quality_cv_l4',
      level: 'county',
      scopeId: COUNTY,
      stage: 'primary',
    });
    expect(cv.tables[0].title).toBe('参与计算的学校（2所，按在校生数加权）');
    const ger = await explainIndicator(database.db, viewer.scope, {
      countyCode: COUNTY,
      schoolYear: 2024,
      indicatorId: 'preschool_ger',
      level: 'county',
      scopeId: COUNTY,
      stage: 'preschool',
    });
    expect(ger.tables.map((t) => t.title)).toEqual(['2024年3～5岁人口（分母）', '在校（园）生（分子）']);
  });
});
