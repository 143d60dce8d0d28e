import { describe, expect, it } from 'vitest';
import { rosterAsOf } from './events';
import { hireEvent } from './test-fixtures';
import { trainingSummary } from './training';

describe(trainingSummary.name, () => {
  it('counts 人次, hours and coverage of the teachers on the roster', () => {
    const roster = rosterAsOf(
      [1, 2, 3, 4].map((id) => hireEvent(id, '2015-09-01', '1990-01-01', 'female')),
      '2023-12-31',
    );
    const summary = trainingSummary(
      [
        { teacherId: 1, level: 'national', date: '2023-07-10', hours: 50 },
        { teacherId: 1, level: 'school_based', date: '2023-10-10', hours: 4 },
        { teacherId: 2, level: 'county', date: '2023-11-01', hours: 12 },
        // Outside the year.
        { teacherId: 3, level: 'county', date: '2022-12-31', hours: 12 },
      ],
      roster,
      { from: '2023-01-01', to: '2023-12-31' },
    );
    expect(summary).toMatchObject({ personTimes: 3, hours: 66, teachers: 4, teachersTrained: 2, coveragePercent: 50 });
    expect(summary.byLevel.national).toEqual({ personTimes: 1, hours: 50 });
    expect(summary.byLevel.county).toEqual({ personTimes: 1, hours: 12 });
  });
});
