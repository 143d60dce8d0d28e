import { describe, expect, it } from 'vitest';
import { aidParagraph, aidParagraphParts } from './paragraph';
import { NATIONAL_AID_PROGRAMS } from './programs';
import type { AidRecord } from './records';
import { computeAidTotals } from './totals';
import type { AidProgram } from './types';

const LOCAL: AidProgram = {
  id: 'county_senior_top_up',
  name: '县级高中家庭经济困难学生补助',
  reportPhrase: '发放县级高中补助',
  stages: ['senior'],
  reportGroup: 'school_aid',
  funding: { note: '县级财政承担', source: 'county decision', verification: 'local' },
  requiresCategory: true,
  exclusiveWith: [],
  local: true,
  standards: [],
};
const PROGRAMS = [...NATIONAL_AID_PROGRAMS, LOCAL];

const spring = { year: 2023, season: 'spring' } as const;
const autumn = { year: 2023, season: 'autumn' } as const;
const row = (
  term: AidRecord['term'],
  programId: string,
  idNumber: string,
  amountFen: number,
  schoolCode = 'S',
): AidRecord => ({
  term,
  programId,
  schoolCode,
  idNumber,
  stage: 'senior',
  amountFen,
});
const paragraph = (records: AidRecord[], scope?: string) =>
  aidParagraph(computeAidTotals(records, { period: { kind: 'calendar_year', year: 2023 }, programs: PROGRAMS }), {
    programs: PROGRAMS,
    scope,
  });

describe(aidParagraph.name, () => {
  it('writes 人次 for a program whose students were aided more than once, and places a county program last', () => {
    const records = [
      row(spring, 'senior_grant', 'A', 100_000),
      row(autumn, 'senior_grant', 'A', 100_000),
      row(autumn, 'boarding_subsidy', 'B', 50_000, 'P'),
      row(autumn, 'county_senior_top_up', 'A', 30_000),
    ];
    // 4 人次, 2800元 = 0.28万元; 高中助学金 is 2 人次 of 1 student, so it cannot be written 2人.
    expect(paragraph(records, '全市')).toBe(
      '全市各级各类学校受助学生4人次，资助金额0.28万元。其中，义务教育阶段家庭经济困难寄宿生1人0.05万元；享受高中助学金2人次0.2万元；发放县级高中补助1人0.03万元。',
    );
  });

  it('gives loans, new-student aid and nutrition their own sentences, without a school-aid headline', () => {
    const records = [
      row(autumn, 'student_loan', 'L', 800_000, 'U1'),
      row(autumn, 'freshman_aid', 'L', 50_000, 'U1'),
      row(spring, 'nutrition_program', 'N', 47_500, 'P1'),
      row(autumn, 'nutrition_program', 'N', 50_000, 'P1'),
      row(autumn, 'nutrition_program', 'M', 50_050, 'P2'),
    ];
    // Nutrition: 1,475.50元 is not whole 百元, so it is written with 余.
    expect(paragraph(records)).toBe(
      '发放生源地助学贷款1人0.8万元。资助大学生路费1人0.05万元。实施营养餐改善计划学校2所，受惠学生3人次，下拨专项资金1400余元。',
    );
  });

  it('writes nothing for a period without aid', () => {
    expect(paragraph([])).toBe('');
    expect(paragraph([row({ year: 2022, season: 'autumn' }, 'senior_grant', 'A', 100_000)])).toBe('');
  });
});

describe(aidParagraphParts.name, () => {
  it('tags each figure with its fact key and exact value', () => {
    const totals = computeAidTotals([row(autumn, 'senior_grant', 'A', 100_000)], {
      period: { kind: 'term', term: autumn },
      programs: PROGRAMS,
    });
    expect(aidParagraphParts(totals, { programs: PROGRAMS })).toEqual([
      { text: '全县各级各类学校受助学生' },
      { text: '1人次', figure: { key: 'aid.school_aid.person_times', value: 1 } },
      { text: '，资助金额' },
      { text: '0.1万元', figure: { key: 'aid.school_aid.amount_fen', value: 100_000 } },
      { text: '。' },
      { text: '其中，' },
      { text: '享受高中助学金' },
      { text: '1人', figure: { key: 'aid.program.senior_grant.persons', value: 1 } },
      { text: '0.1万元', figure: { key: 'aid.program.senior_grant.amount_fen', value: 100_000 } },
      { text: '。' },
    ]);
  });
});
