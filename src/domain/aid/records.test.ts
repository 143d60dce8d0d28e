import { describe, expect, it } from 'vitest';
import { NATIONAL_AID_PROGRAMS } from './programs';
import { recordFromRow, stagesOfSchoolType } from './records';
import { AUTUMN_2023, makeIdNumber, makeRow } from './test-fixtures';

const school = (type: 'vocational' | 'primary' | 'special') => ({ code: 'X', name: '某校', type, open: true });

describe(recordFromRow.name, () => {
  it('keeps exact fen, the normalised ID and the 学段 read in the school’s own 学段', () => {
    const id = makeIdNumber(3, 2007).replace('X', 'x');
    const row = makeRow({
      row: 2,
      programId: 'vocational_grant',
      schoolCode: ' 3614043001 ',
      grade: '一年级',
      amount: '1000.5',
      idNumber: ` ${id} `,
    });
    expect(recordFromRow(row, NATIONAL_AID_PROGRAMS, school('vocational'))).toEqual({
      term: AUTUMN_2023,
      programId: 'vocational_grant',
      schoolCode: '3614043001',
      idNumber: id.toUpperCase(),
      stage: 'vocational',
      amountFen: 100_050,
    });
  });
  it('falls back on the program’s only 学段 when the grade cannot be read', () => {
    const row = makeRow({ row: 2, programId: 'senior_grant', grade: '毕业班', amount: '1000' });
    expect(recordFromRow(row, NATIONAL_AID_PROGRAMS, undefined)?.stage).toBe('senior');
    const boarding = makeRow({ row: 3, grade: '毕业班' });
    expect(recordFromRow(boarding, NATIONAL_AID_PROGRAMS, school('primary'))).toBeUndefined();
  });
  it('gives nothing for an unknown program or an unreadable amount', () => {
    expect(recordFromRow(makeRow({ row: 2, programId: 'x' }), NATIONAL_AID_PROGRAMS, undefined)).toBeUndefined();
    expect(recordFromRow(makeRow({ row: 2, amount: '五百' }), NATIONAL_AID_PROGRAMS, undefined)).toBeUndefined();
  });
});

describe(stagesOfSchoolType.name, () => {
  it('maps school types to the 学段 they teach, 特教 to the 义务教育 grades', () => {
    expect(stagesOfSchoolType('nine_year')).toEqual(['primary', 'junior']);
    expect(stagesOfSchoolType('special')).toEqual(['primary', 'junior']);
    expect(stagesOfSchoolType('kindergarten')).toEqual(['preschool']);
  });
});
