import { describe, expect, it } from 'vitest';
import { rosterAsOf, type TeacherEvent } from './events';
import { staffingBalance } from './staffing';
import { hireEvent } from './test-fixtures';

const hires = (from: number, count: number, overrides: Parameters<typeof hireEvent>[4]) =>
  Array.from({ length: count }, (_, i) => hireEvent(from + i, '2015-09-01', '1990-01-01', 'male', overrides));

describe(staffingBalance.name, () => {
  const events: TeacherEvent[] = [
    ...hires(1, 20, { schoolId: 1 }),
    // A 代课 teacher is not 教职工.
    ...hires(21, 1, { schoolId: 1, channel: 'substitute', establishment: 'substitute' }),
    ...hires(30, 21, { schoolId: 2, stage: 'junior', subject: 'math' }),
    ...hires(60, 2, { schoolId: 2, stage: 'junior', post: 'logistics', subject: null, establishment: 'contract' }),
  ];
  const roster = rosterAsOf(events, '2025-09-01');
  const ratios = { primary: 19, junior: 13.5, senior: 12.5 };
  const enrolments = [
    { schoolId: 1, stage: 'primary' as const, students: 400 },
    { schoolId: 2, stage: 'junior' as const, students: 270 },
    { schoolId: 3, stage: 'preschool' as const, students: 90 },
  ];

  it('compares staff with the 编制标准, by hand', () => {
    const report = staffingBalance(roster, enrolments, ratios);
    // 400 ÷ 19 = 21.05 → 22 posts, 20 staff: 2 short. 270 ÷ 13.5 = 20 posts, 23 staff: 3 over.
    expect(
      report.lines.map(({ schoolId, required, have, shortage, surplus }) => [
        schoolId,
        required,
        have,
        shortage,
        surplus,
      ]),
    ).toEqual([
      [1, 400 / 19, 20, 2, 0],
      [2, 20, 23, 0, 3],
    ]);
    expect(report.shortage).toBe(2);
    expect(report.surplus).toBe(3);
    expect(report.withoutStandard).toEqual([{ schoolId: 3, stage: 'preschool' }]);
  });

  it('counts only the 编制 asked for', () => {
    const inEstablishment = staffingBalance(roster, enrolments, ratios, { establishments: ['in_establishment'] });
    expect(inEstablishment.lines[1]).toMatchObject({ have: 21, surplus: 1 });
  });
});
