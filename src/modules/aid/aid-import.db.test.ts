import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { lookupHash, unseal } from '../../platform/personal-data/seal';
import { type AidWorld, aidRow, buildAidWorld, importAid, pupilId, SCHOOLS } from './aid.test-kit';
import { listAidLists } from './aid-lists.repository';

const wrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

describe('aid-beneficiaries import', () => {
  let database: TestDatabase;
  let world: AidWorld;
  const db = () => database.db;
  const count = async (table: 'aid_list' | 'aid_beneficiary' | 'aid_check_finding') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildAidWorld(database.db);
  });
  afterAll(() => database?.close());

  it('rejects a file with a duplicate person and a wrong amount, naming row, column and reason, and writes nothing', async () => {
    const outcome = await importAid(db(), world.clerk, [
      aidRow({ 姓名: '张小明', 身份证号: pupilId(1) }),
      aidRow({ 姓名: '李小红', 身份证号: pupilId(2), '金额(元)': '1250' }),
      aidRow({ 姓名: '张小明', 身份证号: pupilId(1) }),
      aidRow({ 姓名: '王小刚', 身份证号: wrongCheckDigit(pupilId(3)) }),
    ]);
    expect(outcome.committed).toBe(false);
    const errors = outcome.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column, i.message]);
    expect(errors).toEqual([
      [
        3,
        '金额(元)',
        expect.stringMatching(
          /^金额高于标准：金额1250元高于2024年秋季学期“义务教育家庭经济困难寄宿生生活补助”的资助标准（小学625元\/学期）/,
        ),
      ],
      [4, '身份证号', expect.stringMatching(/^名单内重复：张小明（身份证号145523\*+\d{3}[\dX]）与本名单第2行重复/)],
      [5, '身份证号', expect.stringMatching(/^身份证号无效：.*校验位错误/)],
    ]);
    expect(outcome.rejectedRows).toBe(3);
    expect(await count('aid_list')).toBe(0);
    expect(await count('aid_beneficiary')).toBe(0);
  });

  it('accepts a clean file, seals the ID numbers and stores review findings with the list', async () => {
    const outcome = await importAid(db(), world.clerk, [
      aidRow({ 姓名: '张小明', 身份证号: pupilId(1) }),
      // A transfer paid pro rata: below the standard, a question for the 资助中心 rather than an error.
      aidRow({ 姓名: '李小红', 身份证号: pupilId(2), '金额(元)': '300' }),
      aidRow({
        资助项目: '义务教育家庭经济困难非寄宿生生活补助',
        姓名: '赵小强',
        身份证号: pupilId(3),
        资助对象类别: '防返贫监测对象',
        '金额(元)': '312.5',
      }),
    ]);
    expect(outcome).toMatchObject({ committed: true, inserted: 3, updated: 0, errorCount: 0 });
    expect(outcome.issues.map((i) => [i.row, i.severity, i.message.split('：')[0]])).toEqual([
      [3, 'warning', '金额与标准不符'],
      [4, 'warning', '资助对象类别不在政策范围'],
    ]);
    const rows = await db().selectFrom('aid_beneficiary').selectAll().orderBy('row_number').execute();
    expect(rows.map((r) => [r.name, r.amount_fen, r.stage, r.id_masked])).toEqual([
      ['张小明', 62500, 'primary', `145523********${pupilId(1).slice(-4)}`],
      ['李小红', 30000, 'primary', `145523********${pupilId(2).slice(-4)}`],
      ['赵小强', 31250, 'primary', `145523********${pupilId(3).slice(-4)}`],
    ]);
    // The plain number is nowhere in the row; it comes back only by unsealing, and the hash finds the person.
    expect(JSON.stringify(rows)).not.toContain(pupilId(1));
    expect(unseal(rows[0].id_sealed)).toBe(pupilId(1));
    expect(rows[0].id_hash).toBe(lookupHash(pupilId(1)));
    const findings = await db().selectFrom('aid_check_finding').selectAll().orderBy('row_number').execute();
    expect(
      findings.map((f) => [f.row_number, f.rule, f.status, f.beneficiary_id === rows[f.row_number - 2].id]),
    ).toEqual([
      [3, 'amount_not_standard', 'open', true],
      [4, 'category_not_listed', 'open', true],
    ]);
    const lists = await listAidLists(db(), world.clerk.scope, COUNTY, {});
    expect(lists.items.map((l) => [l.program_id, l.school_code, l.row_count, l.amount_fen, l.open_findings])).toEqual([
      ['boarding_subsidy', SCHOOLS.primary, 2, 92500, 1],
      ['non_boarding_subsidy', SCHOOLS.primary, 1, 31250, 1],
    ]);
  });

  it('re-imports a draft list: identical rows unchanged, changed rows updated and logged, missing rows removed', async () => {
    const same = await importAid(db(), world.clerk, [
      aidRow({ 姓名: '张小明', 身份证号: pupilId(1) }),
      aidRow({ 姓名: '李小红', 身份证号: pupilId(2), '金额(元)': '300' }),
    ]);
    expect(same).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 2 });
    const changed = await importAid(db(), world.clerk, [
      aidRow({ 姓名: '李小红', 身份证号: pupilId(2), '金额(元)': '625', 班级: '3班' }),
      aidRow({ 姓名: '孙小美', 身份证号: pupilId(4) }),
    ]);
    expect(changed).toMatchObject({ committed: true, inserted: 1, updated: 1, unchanged: 0 });
    expect(changed.changes.find((c) => c.after !== null)).toMatchObject({
      before: { 姓名: '李小红', 班级: '2班', '金额(元)': 300 },
      after: { 姓名: '李小红', 班级: '3班', '金额(元)': 625 },
    });
    // 张小明 is no longer listed: removed, with his row in the change log.
    expect(changed.changes.find((c) => c.after === null)).toMatchObject({ row: 0, before: { 姓名: '张小明' } });
    const names = await db()
      .selectFrom('aid_beneficiary')
      .select('name')
      .where('program_id', '=', 'boarding_subsidy')
      .orderBy('name')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['孙小美', '李小红']);
    // The amount now meets the standard: the old finding went with the old rows.
    const open = await db().selectFrom('aid_check_finding').select('rule').where('status', '=', 'open').execute();
    expect(open.map((f) => f.rule)).toEqual(['category_not_listed']);
  });

  it('keeps a school to its own school, and the 资助中心 lists to county accounts', async () => {
    const outcome = await importAid(db(), world.clerk, [
      aidRow({ 学校标识码: SCHOOLS.other, 身份证号: pupilId(20) }),
      aidRow({
        资助项目: '生源地信用助学贷款',
        学校标识码: '4114000001',
        年级: '大一',
        身份证号: pupilId(21, 2005),
        资助对象类别: '',
        '金额(元)': '8000',
      }),
    ]);
    expect(outcome.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, '学校标识码', '您无权填报“东河镇中心小学”的资助名单'],
      [3, '资助项目', '“生源地信用助学贷款”由县学生资助管理中心导入，学校不能填报'],
    ]);
    const loans = await importAid(db(), world.center, [
      aidRow({
        资助项目: '生源地信用助学贷款',
        学校标识码: '4114000001',
        年级: '大一',
        身份证号: pupilId(21, 2005),
        资助对象类别: '',
        '金额(元)': '8000',
      }),
    ]);
    expect(loans.committed).toBe(true);
    const list = await db()
      .selectFrom('aid_list')
      .select(['school_id', 'program_id'])
      .where('program_id', '=', 'student_loan')
      .executeTakeFirstOrThrow();
    expect(list.school_id).toBeNull();
  });

  it('blocks a person already in another school’s list of the same program and term', async () => {
    const outcome = await importAid(db(), world.center, [
      aidRow({ 学校标识码: SCHOOLS.other, 姓名: '孙小美', 身份证号: pupilId(4) }),
    ]);
    expect(outcome.committed).toBe(false);
    expect(outcome.issues[0]).toMatchObject({
      row: 2,
      column: '身份证号',
      severity: 'error',
      message: expect.stringMatching(
        /^与已导入名单重复：孙小美.*已在已导入的“2024年秋季学期义务教育家庭经济困难寄宿生生活补助名单”（学校2114552301）享受/,
      ),
    });
  });

  it('blocks the wrong 学段, a closed school and a missing category, and explains a bad term', async () => {
    await db()
      .insertInto('school_version')
      .values({
        county_code: COUNTY,
        school_id: world.ids.other,
        valid_from: '2024-09-01',
        name: '东河镇中心小学',
        type: 'primary',
        ownership: 'public',
        urban_rural: 'town',
        township_id: world.townships['东河镇'],
        status: 'closed',
        change_kind: 'close',
      })
      .execute();
    await sql`update school_version set valid_to = '2024-09-01' where school_id = ${world.ids.other} and status = 'open'`.execute(
      db(),
    );
    const outcome = await importAid(db(), world.center, [
      aidRow({ 资助项目: '普通高中国家助学金', 身份证号: pupilId(30), '金额(元)': '1000' }),
      aidRow({ 学校标识码: SCHOOLS.other, 身份证号: pupilId(31) }),
      aidRow({ 身份证号: pupilId(32), 资助对象类别: '' }),
      aidRow({ 学期: '2024年夏季学期', 身份证号: pupilId(33) }),
    ]);
    const rules = outcome.issues.map((i) => [i.row, i.column, i.message.split('：')[0]]);
    expect(rules).toEqual([
      [2, '年级', '学段不符'],
      [3, '学校标识码', '学校已撤销'],
      [4, '资助对象类别', '缺少资助对象类别'],
      [5, '学期', '学期“2024年夏季学期”无效，应写作如“2024年秋季学期”'],
    ]);
  });
});
