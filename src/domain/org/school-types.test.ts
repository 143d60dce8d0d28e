import { describe, expect, it } from 'vitest';
import { codeFromLabel, OWNERSHIPS, SCHOOL_TYPES, schoolConsistencyProblems } from './school-types';

describe(codeFromLabel.name, () => {
  it('maps labels, full labels and keys', () => {
    expect(codeFromLabel(SCHOOL_TYPES, '九年一贯制')).toBe('nine_year');
    expect(codeFromLabel(SCHOOL_TYPES, '九年一贯制学校')).toBe('nine_year');
    expect(codeFromLabel(OWNERSHIPS, ' 普惠性民办 ')).toBe('inclusive_private');
    expect(codeFromLabel(OWNERSHIPS, '公立')).toBeUndefined();
  });
});

describe(schoolConsistencyProblems.name, () => {
  it('accepts a consistent public primary school', () => {
    expect(
      schoolConsistencyProblems({ type: 'primary', ownership: 'public', code: '2114000001', creditCode: '12145523X' }),
    ).toEqual([]);
  });
  it('reports each inconsistency against its field', () => {
    expect(
      schoolConsistencyProblems({
        type: 'primary',
        ownership: 'inclusive_private',
        code: '1114000001',
        creditCode: '12X',
      }),
    ).toEqual([
      { field: 'code', message: '学校类型为“小学”的学校标识码应以21或22开头，实际为11' },
      { field: 'ownership', message: '“普惠性民办”只适用于幼儿园' },
      { field: 'creditCode', message: '民办学校的统一社会信用代码不应以12（机关、事业单位）开头' },
    ]);
    expect(schoolConsistencyProblems({ type: 'teaching_point', ownership: 'public', code: '2114000001' })).toEqual([
      { field: 'parentSchoolCode', message: '教学点须填写所属学校的学校标识码' },
    ]);
  });
});
