import { describe, expect, it } from 'vitest';
import { ethicsConflicts, ethicsVeto } from './ethics';
import { foldEvents, type TeacherEvent } from './events';
import { hireEvent } from './test-fixtures';

const hire = hireEvent(1, '2012-09-01', '1988-04-04', 'female', { title: 'second' });
const unqualified2024: TeacherEvent = {
  kind: 'ethics_review',
  teacherId: 1,
  effective: '2024-12-20',
  year: 2024,
  result: 'unqualified',
};

describe(ethicsVeto.name, () => {
  it('vetoes an action of the 考核年度 only, by default', () => {
    expect(ethicsVeto({ 2024: 'unqualified' }, 'title_promotion', 2024)).toBe(
      '2024年度师德考核不合格，实行一票否决：2024年不得晋升职称',
    );
    expect(ethicsVeto({ 2024: 'unqualified' }, 'title_promotion', 2025)).toBeNull();
    expect(ethicsVeto({ 2024: 'basically_qualified' }, 'honor', 2024)).toBeNull();
  });

  it('extends to the next year when the province says so', () => {
    expect(ethicsVeto({ 2024: 'unqualified' }, 'honor', 2025, { blockedYearOffsets: [0, 1] })).toBe(
      '2024年度师德考核不合格，实行一票否决：2025年不得评优评先',
    );
  });
});

describe('一票否决 in the event fold', () => {
  it('blocks a promotion in the same year but not in the next', () => {
    const events: TeacherEvent[] = [
      hire,
      unqualified2024,
      { kind: 'title_promotion', teacherId: 1, effective: '2024-12-28', title: 'first' },
      { kind: 'title_promotion', teacherId: 1, effective: '2025-11-15', title: 'first' },
    ];
    const { roster, rejected } = foldEvents(events, '2025-12-31');
    expect(rejected).toEqual([
      { event: events[2], reasons: ['2024年度师德考核不合格，实行一票否决：2024年不得晋升职称'] },
    ]);
    expect(roster.entries[0].title).toBe('first');
  });

  it('uses the 评审年度 of a promotion and the 评选年度 of honours and 骨干, not the date they are entered', () => {
    const events: TeacherEvent[] = [
      hire,
      unqualified2024,
      // 2024年度 评审 whose result is published in March 2025: still 2024.
      { kind: 'title_promotion', teacherId: 1, effective: '2025-03-01', title: 'first', reviewYear: 2024 },
      { kind: 'honor', teacherId: 1, effective: '2025-01-10', level: 'county', name: '2024年度优秀教师', year: 2024 },
      { kind: 'honor', teacherId: 1, effective: '2025-09-10', level: 'county', name: '优秀班主任', year: 2025 },
      { kind: 'backbone', teacherId: 1, effective: '2025-01-05', level: 'county', year: 2024 },
    ];
    const { roster, rejected } = foldEvents(events, '2025-12-31');
    expect(rejected.map((r) => r.reasons[0])).toEqual([
      '2024年度师德考核不合格，实行一票否决：2024年不得认定骨干教师',
      '2024年度师德考核不合格，实行一票否决：2024年不得评优评先',
      '2024年度师德考核不合格，实行一票否决：2024年不得晋升职称',
    ]);
    expect(roster.entries[0].honors.map((h) => h.name)).toEqual(['优秀班主任']);
  });

  it('applies a same-day review before a same-day promotion, whatever the input order', () => {
    const sameDay: TeacherEvent[] = [
      hire,
      { kind: 'title_promotion', teacherId: 1, effective: '2024-12-20', title: 'first' },
      unqualified2024,
    ];
    expect(foldEvents(sameDay, '2024-12-31').rejected.map((r) => r.event.kind)).toEqual(['title_promotion']);
  });

  it('blocks a 聘任 raise but not a 聘任 at the same level', () => {
    const events: TeacherEvent[] = [
      { ...hire, title: 'first', appointedTitle: 'second' },
      unqualified2024,
      { kind: 'appointment', teacherId: 1, effective: '2024-12-25', title: 'second' },
      { kind: 'appointment', teacherId: 1, effective: '2024-12-26', title: 'first' },
    ];
    const { rejected } = foldEvents(events, '2024-12-31');
    expect(rejected.map((r) => r.reasons)).toEqual([['2024年度师德考核不合格，实行一票否决：2024年不得晋升聘任等级']]);
  });

  it('never refuses the review itself, and lists earlier actions of that year as conflicts', () => {
    const events: TeacherEvent[] = [
      hire,
      { kind: 'title_promotion', teacherId: 1, effective: '2024-06-01', title: 'first' },
      unqualified2024,
    ];
    const { roster, rejected } = foldEvents(events, '2024-12-31');
    expect(rejected).toEqual([]);
    const entry = roster.entries[0];
    expect(ethicsConflicts(entry.ethics, entry.vetoable)).toEqual([
      '2024-06-01的晋升职称与师德考核结果冲突（2024年度师德考核不合格，实行一票否决：2024年不得晋升职称）',
    ]);
  });

  it('refuses a second result for the same 考核年度', () => {
    const events: TeacherEvent[] = [
      hire,
      unqualified2024,
      { ...unqualified2024, effective: '2025-01-05', result: 'qualified' },
    ];
    expect(foldEvents(events, '2025-12-31').rejected.map((r) => r.reasons)).toEqual([
      ['该教师2024年度师德考核结果已登记（不合格）'],
    ]);
  });
});
