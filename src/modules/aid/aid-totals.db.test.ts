import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { todayInChina } from '../../domain/period';
import type { Viewer } from '../../platform/scope';
import { aidFacts } from './aid.facts';
import { type AidWorld, aidRow, buildAidWorld, failure, importAid, pupilId, SCHOOLS } from './aid.test-kit';
import { createBatch, exportBankFile, transitionBatch } from './aid-batches';
import { saveLocalProgram, saveStandardOverride } from './aid-config';
import { studentAidHistory } from './aid-history';
import { PUBLICITY_COLUMNS, publicityRows, publishPublicity } from './aid-publicity';
import { aidSummary } from './aid-summary';
import { aidTotals } from './aid-totals';

const A = pupilId(1);
const loan = (id: string) =>
  aidRow({
    学期: '2024年秋季学期',
    资助项目: '生源地信用助学贷款',
    学校标识码: '4114000001',
    姓名: '钱大伟',
    身份证号: id,
    年级: '大二',
    资助对象类别: '',
    '金额(元)': '8000',
  });

describe('aid totals, facts, 公示, history and configuration', () => {
  let database: TestDatabase;
  let world: AidWorld;
  const db = () => database.db;

  /** Batches, reviews, exports and pays every draft list of a term (as the school, then the 资助中心). */
  async function payAll(term: string) {
    for (const [schoolId, as] of [
      [world.ids.primary, world.clerk],
      [null, world.center],
    ] as [number | null, Viewer][]) {
      const { batchId } = await createBatch(db(), as, COUNTY, { term, schoolId });
      await transitionBatch(db(), as, COUNTY, batchId, { action: 'submit' });
      await transitionBatch(db(), world.center, COUNTY, batchId, { action: 'review' });
      await exportBankFile(db(), world.center, COUNTY, batchId);
      await transitionBatch(db(), world.center, COUNTY, batchId, { action: 'pay', paidOn: '2025-01-10' });
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildAidWorld(database.db);
    const spring = await importAid(database.db, world.center, [
      aidRow({ 学期: '2024年春季学期', 姓名: '张小明', 身份证号: A, 年级: '四年级' }),
      aidRow({
        学期: '2024年春季学期',
        资助项目: '生源地信用助学贷款',
        学校标识码: '4114000001',
        姓名: '钱大伟',
        身份证号: pupilId(60, 2004),
        年级: '大一',
        资助对象类别: '',
        '金额(元)': '6000',
      }),
    ]);
    const autumn = await importAid(database.db, world.center, [
      aidRow({ 姓名: '张小明', 身份证号: A }),
      aidRow({ 姓名: '李小红', 身份证号: pupilId(2) }),
      aidRow({
        资助项目: '义务教育家庭经济困难非寄宿生生活补助',
        姓名: '赵小强',
        身份证号: pupilId(3),
        '金额(元)': '312.5',
      }),
      aidRow({
        资助项目: '农村义务教育学生营养改善计划',
        姓名: '孙小美',
        身份证号: pupilId(4),
        资助对象类别: '',
        '金额(元)': '500',
      }),
      aidRow({
        资助项目: '农村义务教育学生营养改善计划',
        姓名: '周小军',
        身份证号: pupilId(5),
        资助对象类别: '',
        '金额(元)': '500',
      }),
      loan(pupilId(61, 2004)),
      aidRow({
        资助项目: '大学新生入学资助',
        学校标识码: '4114000001',
        姓名: '吴小娟',
        身份证号: pupilId(62, 2006),
        年级: '大一',
        '金额(元)': '500',
      }),
    ]);
    expect([spring.committed, autumn.committed, spring.issues, autumn.issues]).toEqual([true, true, [], []]);
    await payAll('2024-spring');
    await payAll('2024-autumn');
  });
  afterAll(() => database?.close());

  it('totals 人次, persons and exact amounts by report group, and writes the paragraph', async () => {
    const { totals, paragraph } = await aidTotals(db(), world.center.scope, COUNTY, {
      kind: 'calendar_year',
      year: 2024,
    });
    // 张小明 is paid in both terms: 2 人次, 1 person.
    expect(totals.byProgram.boarding_subsidy).toMatchObject({ personTimes: 3, persons: 2, amountFen: 187_500 });
    expect(totals.byGroup.school_aid).toMatchObject({ personTimes: 4, persons: 3, amountFen: 218_750 });
    expect(totals.byGroup.loan).toMatchObject({ personTimes: 2, persons: 2, amountFen: 1_400_000 });
    expect(totals.byGroup.nutrition).toMatchObject({ personTimes: 2, schools: 1, amountFen: 100_000 });
    expect(paragraph).toBe(
      '全县各级各类学校受助学生4人次，资助金额2100余元。其中，义务教育阶段家庭经济困难寄宿生3人次、非寄宿生1人，共2100余元。' +
        '发放生源地助学贷款2人1.4万元。资助大学生路费1人0.05万元。实施营养餐改善计划学校1所，受惠学生2人次，下拨专项资金0.1万元。',
    );
    const term = await aidSummary(db(), world.center.scope, COUNTY, {
      kind: 'term',
      term: { year: 2024, season: 'spring' },
    });
    expect(term.groups.find((g) => g.id === 'school_aid')).toMatchObject({
      personTimes: 1,
      amountYuan: '625.00',
      amountWan: '0.0625',
    });
  });

  it('shows a school only its own pupils in the totals', async () => {
    const own = await aidTotals(db(), world.clerk.scope, COUNTY, { kind: 'calendar_year', year: 2024 });
    expect(own.totals.all.personTimes).toBe(6);
    expect(own.totals.byGroup.loan.personTimes).toBe(0);
    expect(own.paragraph).toBe('');
  });

  it('publishes a fact for every figure of the paragraph, the paragraph itself and the open findings', async () => {
    const facts = new Map(
      (await aidFacts.facts(db(), { countyCode: COUNTY, countyName: '青禾县', year: 2024 })).map((f) => [f.id, f]),
    );
    const paragraph = facts.get('aid.paragraph')!;
    const parts = paragraph.detail!.parts as { text: string; figure?: { key: string; value: number } }[];
    expect(parts.map((p) => p.text).join('')).toBe(paragraph.detail!.text);
    for (const part of parts.filter((p) => p.figure))
      expect([part.figure!.key, facts.get(part.figure!.key)?.value]).toEqual([part.figure!.key, part.figure!.value]);
    expect(facts.get('aid.programs.boarding_subsidy+non_boarding_subsidy.amount_fen')).toMatchObject({
      unit: '分',
      value: 218_750,
    });
    expect(facts.get('aid.nutrition.schools')).toMatchObject({ unit: '所', value: 1 });
    expect(facts.get('aid.program.boarding_subsidy.person_times')).toMatchObject({ unit: '人次', value: 3 });
    expect(facts.get('aid.loan.persons')).toMatchObject({ unit: '人', value: 2 });
    expect(facts.get('aid.checks.open')).toMatchObject({ unit: '条', value: 0 });
    expect(facts.get('aid.school_aid.amount_fen')?.period).toEqual({ kind: 'year', year: 2024 });
  });

  it('公示 shows only 姓名, 学校, 年级, 班级 and 项目, and only inside its window', async () => {
    const today = todayInChina();
    const shift = (days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
    const { id } = await publishPublicity(db(), world.clerk, COUNTY, {
      schoolId: world.ids.primary,
      term: '2024-autumn',
      startsOn: shift(-1),
      endsOn: shift(4),
    });
    const shown = await publicityRows(db(), world.clerk, COUNTY, id);
    expect(shown.rows.length).toBe(5);
    for (const row of shown.rows) expect(Object.keys(row)).toEqual([...PUBLICITY_COLUMNS]);
    expect(shown.rows[0]).toEqual({
      姓名: '李小红',
      学校: '城关镇第一小学',
      年级: '五年级',
      班级: '2班',
      资助项目: '义务教育家庭经济困难寄宿生生活补助',
    });
    expect(JSON.stringify(shown)).not.toMatch(/\d{17}[\dX]|\*{4}/);
    expect(await failure(publicityRows(db(), world.otherClerk, COUNTY, id))).toBe('公示不存在或您无权访问');

    await sql`update aid_publicity set starts_on = ${shift(-12)}, ends_on = ${shift(-6)} where id = ${id}`.execute(
      db(),
    );
    expect(await failure(publicityRows(db(), world.clerk, COUNTY, id))).toBe(
      `公示期已于${shift(-6)}结束，名单已撤下，不能再查看或导出`,
    );
    expect(
      await failure(
        publishPublicity(db(), world.clerk, COUNTY, {
          schoolId: world.ids.primary,
          term: '2024-autumn',
          startsOn: shift(0),
          endsOn: shift(40),
        }),
      ),
    ).toBe('公示期不能超过30天，期满后名单应撤下');
  });

  it('finds a student’s aid across terms by ID only with pii.reveal, audited with the number masked', async () => {
    expect(await failure(studentAidHistory(db(), world.leader, COUNTY, A))).toBe('您没有执行此操作的权限');
    const history = await studentAidHistory(db(), world.center, COUNTY, A);
    expect(history.idMasked).toBe(`145523********${A.slice(-4)}`);
    expect(history.rows.map((r) => [r.termLabel, r.programName, r.amount_fen])).toEqual([
      ['2024年春季学期', '义务教育家庭经济困难寄宿生生活补助', 62_500],
      ['2024年秋季学期', '义务教育家庭经济困难寄宿生生活补助', 62_500],
    ]);
    expect(history).toMatchObject({ paidPersonTimes: 2, paidAmountFen: 125_000 });
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'aid.history.lookup')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain(history.idMasked);
    expect(JSON.stringify(audit)).not.toContain(A);
    expect(await failure(studentAidHistory(db(), world.center, COUNTY, '123'))).toMatch(/^身份证号无效/);
  });

  it('checks lists against the county’s own standards and programs', async () => {
    const child = aidRow({
      学期: '2024年秋季学期',
      资助项目: '学前教育家庭经济困难儿童资助',
      学校标识码: SCHOOLS.kinder,
      姓名: '郑小朵',
      身份证号: pupilId(80, 2020),
      年级: '中班',
      '金额(元)': '450',
    });
    const before = await importAid(db(), world.center, [child], { dryRun: true });
    expect(before.issues[0].message).toMatch(/^无资助标准：/);
    await saveStandardOverride(db(), world.center, COUNTY, {
      programId: 'preschool_aid',
      fromTerm: '2024年春季学期',
      basis: 'fixed',
      unit: 'term',
      tiers: [{ id: 'standard', label: '每生', yuan: 450 }],
      source: '青禾县学前教育资助实施办法（青教发〔2024〕3号）',
    });
    expect((await importAid(db(), world.center, [child], { dryRun: true })).errorCount).toBe(0);

    expect(
      await failure(
        saveLocalProgram(db(), world.center, COUNTY, {
          id: 'boarding_subsidy',
          name: '重复',
          stages: ['primary'],
          reportGroup: 'school_aid',
          requiresCategory: true,
          source: '无',
        }),
      ),
    ).toBe('“boarding_subsidy”是国家资助项目的标识，本地项目请另取标识');
    await saveLocalProgram(db(), world.center, COUNTY, {
      id: 'county_relief',
      name: '青禾县困难学生临时救助',
      stages: ['primary', 'junior'],
      reportGroup: 'school_aid',
      requiresCategory: true,
      source: '青禾县人民政府办公室（青政办发〔2023〕12号）',
    });
    await saveStandardOverride(db(), world.center, COUNTY, {
      programId: 'county_relief',
      fromTerm: '2024-autumn',
      basis: 'fixed',
      unit: 'once',
      tiers: [{ id: 'standard', label: '每人', yuan: 800 }],
      source: '青政办发〔2023〕12号',
    });
    const relief = await importAid(
      db(),
      world.center,
      [aidRow({ 资助项目: '青禾县困难学生临时救助', 姓名: '冯小雨', 身份证号: pupilId(90), '金额(元)': '800' })],
      { dryRun: true },
    );
    expect([relief.errorCount, relief.warningCount]).toEqual([0, 0]);
    expect(
      await failure(
        saveStandardOverride(db(), world.clerk, COUNTY, {
          programId: 'county_relief',
          fromTerm: '2025-spring',
          basis: 'fixed',
          unit: 'once',
          tiers: [{ id: 'standard', label: '每人', yuan: 900 }],
          source: '无',
        }),
      ),
    ).toBe('您没有执行此操作的权限');
  });
});
