import { describe, expect, it } from 'vitest';
import { logicProblems, plausibilityProblems, type StatFigures } from './stat-checks';

const base: StatFigures = {
  students: 600,
  classes: 12,
  fullTimeTeachers: 30,
  staff: 34,
  aboveQualified: 25,
  backbone: 6,
  pe: 2,
  music: 2,
  art: 1,
  midTitle: 12,
  teachingArea: 3000,
  sportsArea: 4800,
  equipmentValue: 150,
  multimediaRooms: 15,
  books: 18000,
  computers: 60,
  largeClasses: 2,
  superLargeClasses: 0,
  grades: null,
};

describe(logicProblems.name, () => {
  it('accepts a consistent row', () => {
    expect(logicProblems(base, 'primary')).toEqual([]);
    expect(
      logicProblems({ ...base, grades: { '1': 100, '2': 100, '3': 100, '4': 100, '5': 100, '6': 100 } }, 'primary'),
    ).toEqual([]);
  });
  it('refuses impossible rows, each with a reason naming the figures', () => {
    expect(logicProblems({ ...base, classes: 0 }, 'primary').map((p) => p.message)).toContain(
      '有在校生时班级数不能为0',
    );
    expect(logicProblems({ ...base, backbone: 31 }, 'primary').map((p) => p.message)).toEqual([
      '县级及以上骨干教师数（31）不能多于专任教师数（30）',
    ]);
    expect(logicProblems({ ...base, fullTimeTeachers: 40 }, 'primary')[0].message).toBe(
      '专任教师数（40）不能多于教职工数（34）',
    );
    expect(logicProblems({ ...base, students: 100, largeClasses: 2 }, 'primary').map((p) => p.message)).toContain(
      '按大班额班数至少应有112名学生，多于在校生数（100）',
    );
    expect(logicProblems({ ...base, grades: { '1': 100, '2': 100 } }, 'primary').map((p) => p.message)).toEqual([
      '各年级在校生数之和（200）与在校生数（600）不一致',
    ]);
    expect(logicProblems({ ...base, grades: { '7': 600 } }, 'primary').map((p) => p.message)).toEqual([
      '小学不应填写七年级在校生数',
    ]);
  });
});

describe(plausibilityProblems.name, () => {
  it('flags class sizes over 70 and changes over 30% from last year', () => {
    expect(plausibilityProblems({ ...base, classes: 8 }, null).map((p) => p.message)).toEqual([
      '平均班额75.0人，超过70人',
    ]);
    expect(plausibilityProblems({ ...base, students: 400 }, base).map((p) => p.message)).toEqual([
      '在校生数由上年的600变为400，变化-33.3%，超过30%',
    ]);
    expect(plausibilityProblems({ ...base, students: 430 }, base)).toEqual([]);
  });
  it('leaves small numbers alone', () => {
    expect(plausibilityProblems({ ...base, classes: 4 }, { ...base, classes: 3 }).map((p) => p.field)).not.toContain(
      'classes',
    );
  });
});
