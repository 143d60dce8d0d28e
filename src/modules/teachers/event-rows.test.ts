import { describe, expect, it } from 'vitest';
import type { TeacherEvent } from '../../domain/teachers/events';
import { eventToRow, rowToEvent } from './event-rows';

const identity = { name: '王芳', idNumber: '14552319700315022X' };

describe('teacher event rows', () => {
  it('round-trips every kind of event, keeping the person out of the details and an honour its own name', () => {
    const events: TeacherEvent[] = [
      {
        kind: 'hire',
        teacherId: 7,
        effective: '2015-09-01',
        ...identity,
        schoolId: 3,
        stage: 'primary',
        post: 'full_time_teacher',
        subject: 'chinese',
        channel: 'special_post',
        establishment: 'in_establishment',
        education: 'bachelor',
      },
      { kind: 'transfer', teacherId: 7, effective: '2024-08-31', toSchoolId: 5, transferKind: 'exchange_rotation' },
      {
        kind: 'honor',
        teacherId: 7,
        effective: '2024-09-10',
        level: 'county',
        name: '2024年度县级优秀教师',
        year: 2024,
      },
      { kind: 'leave', teacherId: 7, effective: '2025-03-01', to: '2025-08-31', reason: '产假' },
    ];
    let school: number | null = null;
    for (const event of events) {
      const row = eventToRow(event, school);
      if (event.kind === 'hire') expect(JSON.stringify(row.details)).not.toMatch(/王芳|14552319700315022X/);
      expect(rowToEvent({ ...row }, identity)).toEqual(event);
      school = row.school_id;
    }
    expect(eventToRow(events[1], 3)).toMatchObject({ school_id: 5, from_school_id: 3 });
  });
});
