import { describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../codes/id-card';
import { maskIdNumber } from '../masking';
import { hasBlockingFindings } from './check-rules';
import { type AidCheckContext, checkBeneficiaryRows } from './checks';
import { NATIONAL_AID_PROGRAMS } from './programs';
import type { BeneficiaryRow } from './records';
import { AUTUMN_2023, makeDirectory, makeIdNumber, makeRow, SPRING_2023, schoolLookup, TODAY } from './test-fixtures';
import type { StandardOverride } from './types';

const directory = makeDirectory([
  { code: '1114043001', name: '红康幼儿园', type: 'kindergarten', township: '定昌镇' },
  { code: '2114043001', name: '胜利小学', type: 'primary', township: '定昌镇' },
  { code: '2114043009', name: '书存小学', type: 'primary', township: '郭村镇', closedFrom: AUTUMN_2023 },
  { code: '3114043001', name: '实验中学', type: 'junior', township: '定昌镇' },
  { code: '3414043001', name: '沁县中学', type: 'senior', township: '定昌镇' },
  { code: '3614043001', name: '沁县职业中学', type: 'vocational', township: '定昌镇' },
]);

const SENIOR_TIERS: StandardOverride = {
  programId: 'senior_grant',
  from: SPRING_2023,
  basis: 'fixed',
  unit: 'year',
  tiers: [
    { id: 'tier_1', label: '一档', yuan: 2500 },
    { id: 'tier_2', label: '二档', yuan: 1500 },
  ],
  source: 'province notice (test)',
  verification: 'local',
};

const context = (extra: Partial<AidCheckContext> = {}): AidCheckContext => ({
  programs: NATIONAL_AID_PROGRAMS,
  overrides: [SENIOR_TIERS],
  school: schoolLookup(directory),
  today: TODAY,
  ...extra,
});
const check = (rows: BeneficiaryRow[], extra: Partial<AidCheckContext> = {}) =>
  checkBeneficiaryRows(rows, context(extra));
const rules = (rows: BeneficiaryRow[], extra: Partial<AidCheckContext> = {}) =>
  check(rows, extra).map((finding) => [finding.row, finding.rule, finding.severity]);

const ID = makeIdNumber(1, 2013);
const person = `张三（身份证号${maskIdNumber(ID)}）`;
const BOARDING = '义务教育家庭经济困难寄宿生生活补助';

describe(checkBeneficiaryRows.name, () => {
  it('accepts a clean row', () => {
    expect(check([makeRow({ row: 2 })])).toEqual([]);
  });

  it('blocks an ID with a wrong check digit, naming the expected one', () => {
    const first17 = ID.slice(0, 17);
    const expected = idCardCheckChar(first17);
    const wrong = first17 + (expected === '0' ? '1' : '0');
    expect(check([makeRow({ row: 2, idNumber: wrong })])).toEqual([
      {
        row: 2,
        column: '身份证号',
        rule: 'invalid_id',
        severity: 'block',
        message: `“${maskIdNumber(wrong)}”：身份证号校验位错误（最后一位应为${expected}）`,
      },
    ]);
  });

  it('blocks the same person twice in one program and term, within a school and across schools', () => {
    const rows = [
      makeRow({ row: 2, idNumber: ID }),
      makeRow({ row: 3, idNumber: ID }),
      makeRow({ row: 4, idNumber: ID, schoolCode: '3114043001', grade: '七年级', amount: '625' }),
      makeRow({ row: 5, idNumber: ID, term: SPRING_2023 }), // another term: a second 人次, not a duplicate
    ];
    expect(check(rows)).toEqual([
      {
        row: 3,
        column: '身份证号',
        rule: 'duplicate_in_list',
        severity: 'block',
        message: `${person}与本名单第2行重复：同一人同一学期同一项目不能重复资助`,
      },
      {
        row: 4,
        column: '身份证号',
        rule: 'duplicate_in_list',
        severity: 'block',
        message: `${person}与本名单第2行（学校2114043001）重复：同一人同一学期同一项目不能重复资助`,
      },
    ]);
  });

  it('blocks a person already stored from another list', () => {
    const stored = [
      {
        term: AUTUMN_2023,
        programId: 'boarding_subsidy',
        idNumber: ID,
        name: '张三',
        schoolCode: '3114043001',
        source: '实验中学寄宿生名单',
      },
    ];
    expect(check([makeRow({ row: 2, idNumber: ID })], { stored })).toEqual([
      {
        row: 2,
        column: '身份证号',
        rule: 'duplicate_stored',
        severity: 'block',
        message: `${person}已在已导入的“实验中学寄宿生名单”（学校3114043001）享受2023年秋季学期“${BOARDING}”，同一人同一学期同一项目不能重复资助`,
      },
    ]);
  });

  it('treats new-student aid as once per person, across terms', () => {
    const freshman = (row: number, term = AUTUMN_2023) =>
      makeRow({
        row,
        term,
        programId: 'freshman_aid',
        schoolCode: '4114000001',
        grade: '大一',
        amount: '500',
        idNumber: makeIdNumber(7, 2005),
      });
    expect(rules([freshman(2), freshman(3, { year: 2024, season: 'autumn' })])).toEqual([
      [3, 'duplicate_in_list', 'block'],
    ]);
    expect(check([freshman(2)])).toEqual([]);
  });

  it('blocks two mutually exclusive programs in one term, in the list or against stored rows', () => {
    const rows = [
      makeRow({ row: 2, idNumber: ID }),
      makeRow({ row: 3, idNumber: ID, programId: 'non_boarding_subsidy', amount: '250' }),
    ];
    expect(check(rows)).toEqual([
      {
        row: 3,
        column: '资助项目',
        rule: 'exclusive_programs',
        severity: 'block',
        message: `${person}在2023年秋季学期已享受“${BOARDING}”（本名单第2行），不能同时享受“义务教育家庭经济困难非寄宿生生活补助”`,
      },
    ]);
    const stored = [{ term: AUTUMN_2023, programId: 'non_boarding_subsidy', idNumber: ID, schoolCode: '2114043001' }];
    expect(rules([makeRow({ row: 2, idNumber: ID })], { stored })).toEqual([[2, 'exclusive_programs', 'block']]);
    // Different terms are not exclusive.
    const spring = [{ ...stored[0], term: SPRING_2023 }];
    expect(rules([makeRow({ row: 2, idNumber: ID })], { stored: spring })).toEqual([]);
  });

  it('checks the amount against the standard and its tiers', () => {
    const junior = { schoolCode: '3114043001', grade: '八年级' };
    expect(check([makeRow({ row: 2, ...junior, amount: '500' })])).toEqual([
      {
        row: 2,
        column: '金额(元)',
        rule: 'amount_not_standard',
        severity: 'review',
        message: `金额500元与2023年秋季学期“${BOARDING}”的资助标准（初中625元/学期）不符，请核实`,
      },
    ]);
    expect(rules([makeRow({ row: 2, ...junior, amount: '700' })])).toEqual([[2, 'amount_above_standard', 'block']]);
    expect(rules([makeRow({ row: 2, ...junior, amount: '625.00' })])).toEqual([]);
    expect(rules([makeRow({ row: 2, amount: '五百' })])).toEqual([[2, 'invalid_amount', 'block']]);
    expect(rules([makeRow({ row: 2, amount: 0 })])).toEqual([[2, 'invalid_amount', 'block']]);
    // 2024 春: the new standard applies
    expect(rules([makeRow({ row: 2, term: { year: 2024, season: 'spring' }, amount: '500' })])).toEqual([
      [2, 'amount_not_standard', 'review'],
    ]);
  });

  it('accepts any tier of a local override, and nothing above the top one', () => {
    const senior = (row: number, amount: string) =>
      makeRow({
        row,
        programId: 'senior_grant',
        schoolCode: '3414043001',
        grade: '高二',
        amount,
        idNumber: makeIdNumber(row, 2007),
      });
    expect(rules([senior(2, '1250'), senior(3, '750'), senior(4, '1000'), senior(5, '1300')])).toEqual([
      [4, 'amount_not_standard', 'review'],
      [5, 'amount_above_standard', 'block'],
    ]);
    expect(check([senior(5, '1300')])[0].message).toBe(
      '金额1300元高于2023年秋季学期“普通高中国家助学金”的资助标准（一档1250元/学期，二档750元/学期）',
    );
  });

  it('checks loans against their limits and nutrition against the daily rate', () => {
    const loan = (row: number, amount: string, grade = '大二') =>
      makeRow({
        row,
        programId: 'student_loan',
        schoolCode: '4111000002',
        grade,
        amount,
        categories: [],
        idNumber: makeIdNumber(row, 2003),
      });
    expect(rules([loan(2, '16000'), loan(3, '17000'), loan(4, '800'), loan(5, '18000', '硕士一年级')])).toEqual([
      [3, 'amount_above_standard', 'block'],
      [4, 'amount_below_minimum', 'block'],
    ]);
    expect(check([loan(3, '17000')])[0].message).toBe(
      '金额17000元超过2023年秋季学期“生源地信用助学贷款”的贷款额度（本专科生最高16000元/年）',
    );
    const meal = (row: number, amount: string) =>
      makeRow({ row, programId: 'nutrition_program', amount, categories: [], idNumber: makeIdNumber(row, 2013) });
    expect(rules([meal(2, '475'), meal(3, '1005'), meal(4, '903')])).toEqual([
      [3, 'amount_above_standard', 'block'],
      [4, 'amount_not_standard', 'review'],
    ]);
  });

  it('blocks a program with no standard in that term', () => {
    const fee = makeRow({
      row: 2,
      programId: 'preschool_fee_waiver',
      schoolCode: '1114043001',
      grade: '大班',
      categories: [],
      amount: '900',
    });
    expect(check([fee])[0]).toMatchObject({
      rule: 'no_standard',
      message: '2023年秋季学期“学前教育免保育教育费”尚未实施，没有资助标准',
    });
    const waiver = makeRow({
      row: 3,
      programId: 'senior_tuition_waiver',
      schoolCode: '3414043001',
      grade: '高一',
      amount: '600',
    });
    expect(check([waiver])[0]).toMatchObject({
      rule: 'no_standard',
      message: '2023年秋季学期“普通高中免学杂费”没有适用于普通高中的资助标准，请先配置本地资助标准',
    });
  });

  it('blocks a 学段 or year the program does not pay, and questions a grade that does not fit the school', () => {
    const primaryInSenior = makeRow({ row: 2, programId: 'senior_grant', grade: '三年级', amount: '1250' });
    expect(check([primaryInSenior])).toEqual([
      {
        row: 2,
        column: '年级',
        rule: 'stage_mismatch',
        severity: 'block',
        message: '年级“三年级”属于小学，“普通高中国家助学金”只资助普通高中学生',
      },
    ]);
    const thirdYear = makeRow({
      row: 3,
      programId: 'vocational_grant',
      schoolCode: '3614043001',
      grade: '三年级',
      amount: '1000',
    });
    expect(check([thirdYear])[0]).toMatchObject({
      rule: 'grade_not_covered',
      severity: 'block',
      message: '2023年秋季学期“中等职业教育国家助学金”只资助中职一、二年级，年级“三年级”不在范围内',
    });
    // From 2025 春 三年级 is covered (at the new 2300 average).
    expect(rules([{ ...thirdYear, term: { year: 2025, season: 'spring' }, amount: '1150' }])).toEqual([]);
    expect(check([makeRow({ row: 4, grade: '七年级', amount: '625' })])[0]).toMatchObject({
      rule: 'grade_school_mismatch',
      severity: 'review',
      message: '年级“七年级”属于初中，与学校“胜利小学”的类型（小学）不符',
    });
    expect(rules([makeRow({ row: 5, grade: '毕业班' })])).toEqual([[5, 'grade_unreadable', 'review']]);
    // A 高中 student in 寄宿生补助: one finding, not also a missing 高中 standard.
    expect(rules([makeRow({ row: 6, schoolCode: '3414043001', grade: '高一' })])).toEqual([
      [6, 'stage_mismatch', 'block'],
    ]);
  });

  it('blocks unknown and closed schools, but not for university students', () => {
    expect(check([makeRow({ row: 2, schoolCode: '2114043009' })])).toEqual([
      {
        row: 2,
        column: '学校标识码',
        rule: 'school_closed',
        severity: 'block',
        message: '学校“书存小学”（2114043009）在2023年秋季学期已撤销或撤并，不能发放资助',
      },
    ]);
    expect(rules([makeRow({ row: 2, schoolCode: '2114043009', term: SPRING_2023 })])).toEqual([]);
    expect(check([makeRow({ row: 3, schoolCode: '2199999999' })])[0]).toMatchObject({
      rule: 'unknown_school',
      message: '学校标识码“2199999999”不在本县学校名录中',
    });
    const loan = makeRow({
      row: 4,
      programId: 'student_loan',
      schoolCode: '4111000002',
      grade: '大一',
      categories: [],
      amount: '8000',
    });
    expect(rules([loan])).toEqual([]);
  });

  it('checks categories and the hardship level', () => {
    expect(check([makeRow({ row: 2, categories: [] })])[0]).toMatchObject({
      column: '资助对象类别',
      rule: 'category_missing',
      severity: 'block',
      message: `“${BOARDING}”须填写资助对象类别（家庭经济困难学生认定结果）`,
    });
    expect(
      check([makeRow({ row: 3, programId: 'non_boarding_subsidy', amount: '250', categories: ['orphan'] })])[0],
    ).toMatchObject({
      rule: 'category_not_listed',
      severity: 'review',
      message:
        '资助对象类别“孤儿”不在“义务教育家庭经济困难非寄宿生生活补助”的政策范围（脱贫家庭、残疾、低保、特困供养）内，请核实',
    });
    expect(rules([makeRow({ row: 4, categories: ['poor'], hardshipLevel: '很困难' })])).toEqual([
      [4, 'unknown_category', 'block'],
      [4, 'unknown_hardship_level', 'block'],
    ]);
    // 中职免学费 is for all students: no category needed.
    const waiver = makeRow({
      row: 5,
      programId: 'vocational_tuition_waiver',
      schoolCode: '3614043001',
      grade: '三年级',
      categories: [],
      amount: '1000',
    });
    expect(rules([waiver])).toEqual([]);
  });

  it('questions one ID under two names', () => {
    const rows = [
      makeRow({ row: 2, idNumber: ID }),
      makeRow({ row: 3, idNumber: ID, name: '张山', programId: 'nutrition_program', categories: [], amount: '475' }),
    ];
    expect(check(rows)).toEqual([
      {
        row: 3,
        column: '姓名',
        rule: 'name_mismatch',
        severity: 'review',
        message: `身份证号${maskIdNumber(ID)}在本名单第2行登记的姓名为“张三”，与本行姓名“张山”不一致`,
      },
    ]);
  });

  it('reports an unknown program and a missing name, and orders findings by row and column', () => {
    const rows = [
      makeRow({ row: 3, programId: '县长奖学金', name: ' ' }),
      makeRow({ row: 2, amount: 'x', grade: '毕业班', idNumber: '123' }),
    ];
    const findings = check(rows);
    expect(findings.map((finding) => [finding.row, finding.column, finding.rule])).toEqual([
      [2, '身份证号', 'invalid_id'],
      [2, '年级', 'grade_unreadable'],
      [2, '金额(元)', 'invalid_amount'],
      [3, '资助项目', 'unknown_program'],
      [3, '姓名', 'name_missing'],
    ]);
    expect(findings[3].message).toBe('资助项目“县长奖学金”不存在');
    expect(hasBlockingFindings(findings)).toBe(true);
    expect(hasBlockingFindings(findings.filter((finding) => finding.severity === 'review'))).toBe(false);
  });
});
