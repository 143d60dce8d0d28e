import type { Selectable } from 'kysely';
import type { SchoolStatTable } from '../db/schema/stats';
import { foldEvents, type TeacherEvent } from '../domain/teachers/events';
import { retirementDue, teacherRetirementCategory } from '../domain/teachers/retirement';
import { statFiguresFromRoster } from '../domain/teachers/structure';
import type { EventInput } from '../modules/teachers/record-event';
import {
  type IdNumbers,
  type Location,
  type DemoPerson as Person,
  personName,
  SUBJECT_POOL,
  shuffle,
  weighted,
} from './demo-people';
import type { Random } from './random';

export interface HistoryContext {
  random: Random;
  ids: IdNumbers;
  people: Person[];
  add: (person: Person, event: EventInput, recordedAt?: string) => void;
  today: string;
}

interface SchoolRow {
  id: number;
  urban_rural: string;
}

/** People who left in 2024: teachers retiring at their statutory date, and young recruits who resigned. */
export function addLeavers(context: HistoryContext, schools: { village: SchoolRow[]; town: SchoolRow[] }): void {
  const { random, ids, people, add } = context;
  const leaver = (
    sex: 'male' | 'female',
    birthDate: string,
    school: SchoolRow,
    hired: string,
    channel: 'other' | 'special_post',
  ) => {
    const person: Person = {
      key: people.length + 1,
      name: personName(random, sex),
      idNumber: ids.next(birthDate, sex),
      sex,
      birthDate,
      location: school.urban_rural as Location,
      events: [],
    };
    people.push(person);
    add(person, {
      kind: 'hire',
      effective: hired,
      name: person.name,
      idNumber: person.idNumber,
      schoolId: school.id,
      stage: 'primary',
      post: 'full_time_teacher',
      subject: weighted(random, SUBJECT_POOL.primary),
      channel,
      establishment: 'in_establishment',
      education: channel === 'other' ? 'senior_secondary' : 'bachelor',
      title: channel === 'other' ? 'first' : 'unrated',
    });
    return person;
  };
  for (let i = 0; i < 30; i++) {
    const sex = random.chance(0.6) ? 'female' : 'male';
    const birthDate = `${sex === 'female' ? 1969 : 1964}-${String(random.int(3, 8)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const school = random.chance(0.7) ? random.pick(schools.village) : random.pick(schools.town);
    const person = leaver(sex, birthDate, school, `${Number(birthDate.slice(0, 4)) + 21}-09-01`, 'other');
    const due = retirementDue(birthDate, teacherRetirementCategory(sex)).date;
    add(person, { kind: 'retirement', effective: due }, due);
  }
  // Three 2023 特岗 recruits who left after a year in a village school.
  for (let i = 0; i < 3; i++) {
    const sex = random.chance(0.7) ? 'female' : 'male';
    const person = leaver(sex, `200${i}-0${i + 3}-1${i}`, random.pick(schools.village), '2023-09-01', 'special_post');
    add(person, { kind: 'resignation', effective: '2024-07-15' }, '2024-07-16');
  }
}

/** Later events: retirements due up to today, 师德考核, honours and leave. */
export function addLaterEvents(context: HistoryContext): void {
  const { random, people, add, today } = context;
  // Retirements due since the statistics date, up to today: the roster stays true to the day it is opened.
  for (const p of people) {
    if (p.events.some((e) => e.event.kind === 'retirement')) continue;
    const due = retirementDue(p.birthDate, teacherRetirementCategory(p.sex)).date;
    if (due <= today) add(p, { kind: 'retirement', effective: due }, due);
  }
  // 师德考核 for 2023 (recorded January 2024) and 2024 (January 2025): mostly 合格, some 优秀, one 不合格 each year.
  const employedOn = (p: Person, date: string) =>
    p.events.some((e) => e.event.kind === 'hire' && e.event.effective <= date) &&
    !p.events.some((e) => e.event.kind === 'retirement' && e.event.effective <= date);
  for (const [year, date] of [
    [2023, '2024-01-20'],
    [2024, '2025-01-15'],
  ] as const) {
    const reviewed = people.filter((p) => employedOn(p, `${year}-12-31`) && employedOn(p, date));
    // The one 不合格 has no recognition or promotion that year (一票否决 would have stopped it).
    const failing = reviewed.find(
      (p, i) =>
        i % 97 === 41 && !p.events.some((e) => e.event.kind !== 'hire' && e.event.effective.startsWith(String(year))),
    );
    for (const p of reviewed)
      add(
        p,
        {
          kind: 'ethics_review',
          effective: date,
          year,
          result: p === failing ? 'unqualified' : random.chance(0.15) ? 'excellent' : 'qualified',
        },
        date,
      );
  }
  // Honours at the 2024 教师节, and maternity leave.
  const honoured = shuffle(
    random,
    people.filter(
      (p) =>
        employedOn(p, '2024-09-10') &&
        p.events.some((e) => e.event.kind === 'hire' && e.event.post === 'full_time_teacher'),
    ),
  );
  honoured.slice(0, 52).forEach((p, i) => {
    const level = i < 2 ? 'province' : i < 10 ? 'city' : 'county';
    add(
      p,
      {
        kind: 'honor',
        effective: '2024-09-10',
        level,
        name: `2024年度${level === 'province' ? '省级' : level === 'city' ? '市级' : '县级'}优秀教师`,
        year: 2024,
      },
      '2024-09-12',
    );
  });
  const mothers = people.filter((p) => p.sex === 'female' && p.birthDate > '1988-01-01' && employedOn(p, '2023-12-31'));
  mothers.slice(0, 8).forEach((p, i) => {
    add(
      p,
      {
        kind: 'leave',
        effective: i < 5 ? '2024-03-04' : '2024-09-02',
        to: i < 5 ? '2024-08-31' : '2025-02-28',
        reason: '产假',
      },
      i < 5 ? '2024-03-04' : '2024-09-02',
    );
  });
}

const STAT_DATE = '2024-09-30';

/** The generator must give exactly the 基表's 2024 counts: checked with the same fold and counting the platform uses. */
export function checkAgainstStats(events: TeacherEvent[], stats: Selectable<SchoolStatTable>[]): void {
  const { rejected } = foldEvents(events, '2999-12-31');
  if (rejected.length) throw new Error(`demo teacher events rejected: ${JSON.stringify(rejected.slice(0, 3))}`);
  const figures = statFiguresFromRoster(foldEvents(events, STAT_DATE).roster);
  for (const row of stats) {
    const f = figures.find((x) => x.schoolId === row.school_id && x.stage === row.stage);
    const expected = [
      row.full_time_teachers,
      row.staff,
      row.above_qualified,
      row.backbone,
      row.pe_teachers,
      row.music_teachers,
      row.art_teachers,
      row.mid_title,
    ];
    const actual = f
      ? [f.fullTimeTeachers, f.staff, f.aboveQualified, f.backbone, f.pe, f.music, f.art, f.midTitle]
      : [];
    if (expected.join() !== actual.join())
      throw new Error(
        `demo roster of school ${row.school_id} ${row.stage}: ${actual.join()} ≠ 基表 ${expected.join()}`,
      );
  }
}
