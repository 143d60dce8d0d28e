import { describe, expect, it } from 'vitest';
import { validateEvent } from './event-validation';
import { applyEvent, employed, foldEvents, orderEvents, rosterAsOf, type TeacherEvent } from './events';
import { statFiguresFromRoster } from './structure';
import { hireEvent, idNumberFor } from './test-fixtures';

describe(rosterAsOf.name, () => {
  it('reads birth date and sex from the ID number', () => {
    // standards.md §4.1 vector: born 1980-01-01, 顺序码 001 is odd, so male.
    const male = hireEvent(1, '2002-09-01', '1980-01-01', 'male', { idNumber: '34052419800101001X' });
    const female = hireEvent(2, '2010-09-01', '1987-03-14', 'female');
    const roster = rosterAsOf([male, female], '2025-01-01');
    expect(roster.entries.map(({ teacherId, birthDate, sex }) => ({ teacherId, birthDate, sex }))).toEqual([
      { teacherId: 1, birthDate: '1980-01-01', sex: 'male' },
      { teacherId: 2, birthDate: '1987-03-14', sex: 'female' },
    ]);
  });

  it('counts a transferred teacher at school A before the transfer date and at school B from it', () => {
    const events: TeacherEvent[] = [
      hireEvent(1, '2018-09-01', '1990-05-05', 'female', { schoolId: 101, subject: 'music' }),
      hireEvent(2, '2019-09-01', '1991-06-06', 'male', { schoolId: 101 }),
      {
        kind: 'transfer',
        teacherId: 1,
        effective: '2024-09-01',
        toSchoolId: 202,
        transferKind: 'exchange_rotation',
      },
    ];
    const before = rosterAsOf(events, '2024-08-31');
    const after = rosterAsOf(events, '2024-09-01');
    expect(before.entries.find((e) => e.teacherId === 1)?.schoolId).toBe(101);
    expect(after.entries.find((e) => e.teacherId === 1)).toMatchObject({
      schoolId: 202,
      schoolSince: '2024-09-01',
      lastTransfer: { kind: 'exchange_rotation', fromSchoolId: 101, effective: '2024-09-01' },
    });
    const counts = (date: string) =>
      statFiguresFromRoster(rosterAsOf(events, date)).map(({ schoolId, fullTimeTeachers, music }) => ({
        schoolId,
        fullTimeTeachers,
        music,
      }));
    expect(counts('2024-08-31')).toEqual([{ schoolId: 101, fullTimeTeachers: 2, music: 1 }]);
    expect(counts('2024-09-01')).toEqual([
      { schoolId: 101, fullTimeTeachers: 1, music: 0 },
      { schoolId: 202, fullTimeTeachers: 1, music: 1 },
    ]);
  });

  it('ignores events after the date and leaves departed teachers on the roster with their status', () => {
    const events: TeacherEvent[] = [
      hireEvent(1, '1995-09-01', '1964-03-10', 'male'),
      { kind: 'retirement', teacherId: 1, effective: '2024-04-01' },
      hireEvent(2, '2026-09-01', '2000-01-01', 'female'),
    ];
    const roster = rosterAsOf(events, '2025-01-01');
    expect(roster.entries.map((e) => [e.teacherId, e.status, e.leftOn])).toEqual([[1, 'retired', '2024-04-01']]);
    expect(employed(roster)).toEqual([]);
  });

  it('keeps a leave until its last day, or until a return', () => {
    const events: TeacherEvent[] = [
      hireEvent(1, '2015-09-01', '1988-01-01', 'female'),
      { kind: 'leave', teacherId: 1, effective: '2024-03-01', to: '2024-06-30', reason: '产假' },
      hireEvent(2, '2015-09-01', '1989-01-01', 'male'),
      { kind: 'leave', teacherId: 2, effective: '2024-03-01' },
      { kind: 'return', teacherId: 2, effective: '2024-05-06' },
    ];
    const onLeave = (date: string) => rosterAsOf(events, date).entries.map((e) => e.onLeave);
    expect(onLeave('2024-02-29')).toEqual([false, false]);
    expect(onLeave('2024-05-05')).toEqual([true, true]);
    expect(onLeave('2024-05-06')).toEqual([true, false]);
    expect(onLeave('2024-06-30')).toEqual([true, false]);
    expect(onLeave('2024-07-01')).toEqual([false, false]);
  });

  it('lets a 骨干 recognition lapse after its term', () => {
    const events: TeacherEvent[] = [
      hireEvent(1, '2010-09-01', '1985-01-01', 'male'),
      {
        kind: 'backbone',
        teacherId: 1,
        effective: '2022-09-10',
        level: 'city',
        tier: 'elite',
        year: 2022,
        until: '2025-09-09',
      },
    ];
    expect(rosterAsOf(events, '2025-09-09').entries[0].activeBackbone).toBe('city');
    expect(rosterAsOf(events, '2025-09-10').entries[0].activeBackbone).toBeNull();
  });

  it('skips an invalid event, reports it and folds the rest', () => {
    const events: TeacherEvent[] = [
      hireEvent(1, '1990-09-01', '1963-05-01', 'male'),
      { kind: 'retirement', teacherId: 1, effective: '2023-06-01' },
      { kind: 'transfer', teacherId: 1, effective: '2023-09-01', toSchoolId: 9, transferKind: 'reassignment' },
      { kind: 'title_promotion', teacherId: 7, effective: '2023-10-01', title: 'senior' },
    ];
    const { roster, rejected } = foldEvents(events, '2024-01-01');
    expect(roster.entries[0]).toMatchObject({ status: 'retired', schoolId: 1 });
    expect(rejected.map((r) => r.reasons)).toEqual([
      ['该教师已退休，不能登记调动'],
      ['该教师尚未入职，不能登记职称晋升'],
    ]);
  });
});

describe(foldEvents.name, () => {
  it('refuses a second employed teacher with the same ID number, but not the rehire of the same teacher', () => {
    const idNumber = idNumberFor('1990-01-01', 'male');
    const events: TeacherEvent[] = [
      hireEvent(1, '2015-09-01', '1990-01-01', 'male', { idNumber }),
      hireEvent(2, '2016-09-01', '1990-01-01', 'male', { idNumber }),
      { kind: 'resignation', teacherId: 1, effective: '2018-01-01' },
      hireEvent(1, '2019-09-01', '1990-01-01', 'male', { idNumber, schoolId: 5 }),
    ];
    const { roster, rejected } = foldEvents(events, '2020-01-01');
    expect(rejected.map((r) => [r.event.teacherId, r.reasons])).toEqual([
      [2, ['该身份证号已登记在其他在职教师名下（教师1，教师编号1）']],
    ]);
    expect(roster.entries.map((e) => [e.teacherId, e.status, e.schoolId, e.hiredOn])).toEqual([
      [1, 'employed', 5, '2019-09-01'],
    ]);
  });
});

describe(orderEvents.name, () => {
  it('sorts by date, then by the same-day order, keeping input order for equal ranks', () => {
    const day = '2024-09-01';
    const events: TeacherEvent[] = [
      { kind: 'retirement', teacherId: 1, effective: day },
      { kind: 'honor', teacherId: 1, effective: day, level: 'county', name: '乙', year: 2024 },
      { kind: 'appointment', teacherId: 1, effective: day, title: 'senior' },
      { kind: 'title_promotion', teacherId: 1, effective: day, title: 'senior' },
      { kind: 'honor', teacherId: 1, effective: day, level: 'county', name: '甲', year: 2024 },
      { kind: 'transfer', teacherId: 1, effective: day, toSchoolId: 2, transferKind: 'county_managed' },
      hireEvent(1, '2000-09-01', '1970-01-01', 'male'),
    ];
    expect(orderEvents(events).map((e) => (e.kind === 'honor' ? `honor ${e.name}` : e.kind))).toEqual([
      'hire',
      'transfer',
      'title_promotion',
      'appointment',
      'honor 乙',
      'honor 甲',
      'retirement',
    ]);
  });
});

describe(validateEvent.name, () => {
  const hired = applyEvent(undefined, hireEvent(1, '2010-09-01', '1985-02-02', 'female', { title: 'first' }));

  it('refuses to promote someone not employed', () => {
    const resigned = applyEvent(hired, { kind: 'resignation', teacherId: 1, effective: '2020-02-01' });
    const promotion: TeacherEvent = { kind: 'title_promotion', teacherId: 1, effective: '2021-01-01', title: 'senior' };
    expect(validateEvent(promotion, resigned)).toEqual(['该教师已离职，不能登记职称晋升']);
    expect(validateEvent(promotion, undefined)).toEqual(['该教师尚未入职，不能登记职称晋升']);
  });

  it('refuses a promotion that is not a promotion, and 聘 above 评', () => {
    expect(
      validateEvent({ kind: 'title_promotion', teacherId: 1, effective: '2021-01-01', title: 'first' }, hired),
    ).toEqual(['拟晋升职称（一级教师）不高于现有职称（一级教师）']);
    expect(
      validateEvent({ kind: 'appointment', teacherId: 1, effective: '2021-01-01', title: 'senior' }, hired),
    ).toEqual(['聘任等级（高级教师）高于已取得的职称（一级教师），评聘分开须先评后聘']);
    expect(
      validateEvent({ kind: 'appointment', teacherId: 1, effective: '2021-01-01', title: 'first' }, hired),
    ).toEqual([]);
  });

  it('checks a hire: ID, subject of a 专任教师, channel against 编制, duplicates', () => {
    // standards.md §4.1: 340524198001010013 is invalid, the check character should be X.
    expect(
      validateEvent(
        hireEvent(2, '2020-09-01', '1980-01-01', 'male', {
          idNumber: '340524198001010013',
          subject: null,
          channel: 'dispatch',
        }),
        undefined,
      ),
    ).toEqual([
      '身份证号校验位错误（最后一位应为X）',
      '专任教师须填写任教学科',
      '招聘渠道为劳务派遣的，编制情况应为劳务派遣',
    ]);
    expect(validateEvent(hireEvent(1, '2012-09-01', '1985-02-02', 'female'), hired)).toEqual([
      '该教师已在职，不能重复入职',
    ]);
    const retired = applyEvent(hired, { kind: 'retirement', teacherId: 1, effective: '2040-03-01' });
    expect(validateEvent(hireEvent(1, '2041-09-01', '1985-02-02', 'female'), retired)).toEqual([
      '该教师已退休，不能再次入职',
    ]);
  });

  it('refuses a second leave, a return without leave and a same-school transfer', () => {
    const onLeave = applyEvent(hired, { kind: 'leave', teacherId: 1, effective: '2024-03-01' });
    expect(validateEvent({ kind: 'leave', teacherId: 1, effective: '2024-04-01' }, onLeave)).toEqual([
      '该教师已在休假中',
    ]);
    expect(validateEvent({ kind: 'return', teacherId: 1, effective: '2024-04-01' }, hired)).toEqual([
      '该教师不在休假中，无需登记返岗',
    ]);
    expect(
      validateEvent(
        { kind: 'transfer', teacherId: 1, effective: '2024-09-01', toSchoolId: 1, transferKind: 'reassignment' },
        hired,
      ),
    ).toEqual(['调入学校与现任职学校相同']);
  });
});
