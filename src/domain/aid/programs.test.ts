import { describe, expect, it } from 'vitest';
import { aidProgramProblems, NATIONAL_AID_PROGRAMS, programById, programFromText } from './programs';
import type { AidProgram } from './types';

describe('NATIONAL_AID_PROGRAMS', () => {
  it('declares the programs of standards.md §3 once each, with valid declarations', () => {
    expect(NATIONAL_AID_PROGRAMS.map((program) => program.id)).toEqual([
      'preschool_aid',
      'preschool_fee_waiver',
      'boarding_subsidy',
      'non_boarding_subsidy',
      'nutrition_program',
      'senior_grant',
      'senior_tuition_waiver',
      'vocational_grant',
      'vocational_tuition_waiver',
      'student_loan',
      'freshman_aid',
    ]);
    for (const program of NATIONAL_AID_PROGRAMS) expect(aidProgramProblems(program, NATIONAL_AID_PROGRAMS)).toEqual([]);
  });
  it('puts loans, new-student aid and nutrition outside the school-level sum, as the seeds do', () => {
    const groups = Object.fromEntries(NATIONAL_AID_PROGRAMS.map((program) => [program.id, program.reportGroup]));
    expect(groups.student_loan).toBe('loan');
    expect(groups.freshman_aid).toBe('freshman_travel');
    expect(groups.nutrition_program).toBe('nutrition');
    expect(NATIONAL_AID_PROGRAMS.filter((program) => program.reportGroup === 'school_aid')).toHaveLength(8);
  });
  it('marks boarders and non-boarders exclusive', () => {
    expect(programById(NATIONAL_AID_PROGRAMS, 'boarding_subsidy')?.exclusiveWith).toEqual(['non_boarding_subsidy']);
  });
});

describe(programFromText.name, () => {
  it('finds a program by Chinese name or id', () => {
    expect(programFromText(NATIONAL_AID_PROGRAMS, ' 普通高中国家助学金 ')?.id).toBe('senior_grant');
    expect(programFromText(NATIONAL_AID_PROGRAMS, 'student_loan')?.name).toBe('生源地信用助学贷款');
    expect(programFromText(NATIONAL_AID_PROGRAMS, '助学金')).toBeUndefined();
  });
});

describe(aidProgramProblems.name, () => {
  it('accepts a county program written with the same declaration type', () => {
    const local: AidProgram = {
      id: 'county_senior_top_up',
      name: '县级高中家庭经济困难学生补助',
      stages: ['senior'],
      reportGroup: 'school_aid',
      funding: { note: '县级财政全额承担', source: 'county decision', verification: 'local' },
      requiresCategory: true,
      exclusiveWith: [],
      local: true,
      standards: [
        {
          from: { year: 2024, season: 'autumn' },
          basis: 'fixed',
          unit: 'term',
          tiers: [{ id: 'standard', label: '每生每学期', yuan: 300 }],
          source: 'county decision',
          verification: 'local',
        },
      ],
    };
    expect(aidProgramProblems(local, [...NATIONAL_AID_PROGRAMS, local])).toEqual([]);
  });
  it('names each problem of a bad declaration', () => {
    const bad: AidProgram = {
      id: 'Bad-Id',
      name: '某补助',
      stages: [],
      reportGroup: 'school_aid',
      funding: { note: '', source: '', verification: 'local' },
      requiresCategory: false,
      exclusiveWith: ['no_such_program'],
      standards: [
        {
          from: { year: 2024, season: 'autumn' },
          basis: 'fixed',
          unit: 'term',
          tiers: [],
          source: '',
          verification: 'local',
        },
        {
          from: { year: 2024, season: 'spring' },
          basis: 'fixed',
          unit: 'term',
          tiers: [],
          source: '',
          verification: 'local',
        },
      ],
    };
    expect(aidProgramProblems(bad, [...NATIONAL_AID_PROGRAMS, bad])).toEqual([
      '项目标识“Bad-Id”应为小写英文、数字和下划线',
      '“某补助”未指定适用学段',
      '“某补助”的互斥项目“no_such_program”不存在',
      '“某补助”的资助标准应按起始学期先后排列，且起始学期不能相同',
    ]);
  });
});
