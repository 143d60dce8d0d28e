import type { Kysely } from 'kysely';
import { copyRows } from '../db/bulk';
import type { DB } from '../db/schema';
import { maskIdNumber, maskPhone } from '../domain/masking';
import type { TeacherEvent } from '../domain/teachers/events';
import { DEFAULT_ABOVE_QUALIFIED_MINIMUM } from '../domain/teachers/qualification';
import { EDUCATION_LEVELS, type EducationLevel, type Subject, type TeacherStage } from '../domain/teachers/vocab';
import { eventToRow } from '../modules/teachers/event-rows';
import type { EventInput } from '../modules/teachers/record-event';
import { refreshTeacherState } from '../modules/teachers/roster';
import { recordAudit } from '../platform/audit/record-audit';
import { seal } from '../platform/personal-data/seal';
import type { Viewer } from '../platform/scope';
import { DEMO_COUNTY, DEMO_HISTORY } from './demo-county';
import {
  birthDateFor,
  IdNumbers,
  type Location,
  type DemoPerson as Person,
  personName,
  SUBJECT_POOL,
  shuffle,
  weighted,
} from './demo-people';
import { addLaterEvents, addLeavers, checkAgainstStats, type HistoryContext } from './demo-teacher-history';
import { createDemoTraining } from './demo-training';
import { Random } from './random';

/** The roster was set up in the platform on this day; 2024 基表 teacher counts come from it, 2023's stay typed. */
export const ROSTER_SINCE = '2024-03-01';
const STAT_DATE = '2024-09-30';

/** Education that does or does not meet the 学段's 高于规定学历 line, as the 基表 counts it. */
function educationFor(random: Random, stage: TeacherStage, above: boolean): EducationLevel {
  const minimum = EDUCATION_LEVELS[DEFAULT_ABOVE_QUALIFIED_MINIMUM[stage]].rank;
  const levels = Object.entries(EDUCATION_LEVELS) as [EducationLevel, { rank: number }][];
  if (above) {
    const options = levels.filter(([, l]) => l.rank >= minimum && l.rank <= Math.max(minimum + 1, 4));
    return random.chance(0.8)
      ? (options.find(([, l]) => l.rank === Math.max(minimum, 4))?.[0] ?? options[0][0])
      : random.pick(options)[0];
  }
  return levels.find(([, l]) => l.rank === minimum - 1)![0];
}

/**
 * The demo county's roster as the personnel office would have recorded it since March 2024: the 2,000-odd people on
 * the 2024 基表 with matching counts per school and 学段 (the roster then supplies those columns), older teachers in
 * village schools and few 体音美 teachers there, 特岗 and 三支一扶 recruits in 2023 and 2024, the staff of the merged
 * village school and the closed 教学点 transferred with their pupils, 交流轮岗, promotions, recognitions, honours,
 * 师德考核, leave and retirements, and training at every level.
 */
export async function createDemoTeachers(db: Kysely<DB>, viewer: Viewer, today: string): Promise<void> {
  const random = new Random(20_240_910);
  const ids = new IdNumbers(DEMO_COUNTY.code, random);
  const schools = await db
    .selectFrom('school')
    .select(['id', 'name', 'type', 'urban_rural', 'parent_school_id'])
    .where('county_code', '=', DEMO_COUNTY.code)
    .execute();
  const schoolById = new Map(schools.map((s) => [s.id, s]));
  const stats = await db
    .selectFrom('school_stat')
    .selectAll()
    .where('county_code', '=', DEMO_COUNTY.code)
    .orderBy('school_id')
    .orderBy('stage')
    .execute();
  const people: Person[] = [];
  const newPerson = (sex: 'male' | 'female', age: number, location: Location): Person => {
    const birthDate = birthDateFor(random, age, STAT_DATE);
    const person = {
      key: people.length + 1,
      name: personName(random, sex),
      idNumber: ids.next(birthDate, sex),
      sex,
      birthDate,
      location,
      events: [],
    };
    people.push(person);
    return person;
  };
  const add = (person: Person, event: EventInput, recordedAt = ROSTER_SINCE) =>
    person.events.push({
      event: { ...event, teacherId: person.key } as TeacherEvent,
      recordedAt: recordedAt < ROSTER_SINCE ? ROSTER_SINCE : recordedAt,
    });

  const context: HistoryContext = { random, ids, people, add, today };

  const merged = schools.find(
    (s) => s.name.startsWith(DEMO_HISTORY.merge.township) && s.type === 'primary' && !s.name.includes('中心'),
  )!;
  const central = schools.find((s) => s.name === `${DEMO_HISTORY.merge.township}中心小学`)!;
  const closedPoint = schools.find(
    (s) => s.type === 'teaching_point' && s.name.startsWith(DEMO_HISTORY.close.township),
  )!;
  const urbanSchools = schools.filter(
    (s) => s.urban_rural === 'urban' && (s.type === 'primary' || s.type === 'junior'),
  );
  const ruralSchools = schools.filter((s) => s.urban_rural === 'rural' && s.type === 'primary');
  let recruits2023 = 0;
  let recruits2024 = 0;
  let rotations = 0;

  for (const row of stats.filter((r) => r.school_year === 2024)) {
    const school = schoolById.get(row.school_id)!;
    const location = school.urban_rural as Location;
    const stage = row.stage as TeacherStage;
    const femaleShare = stage === 'preschool' ? 0.95 : stage === 'primary' ? 0.7 : stage === 'junior' ? 0.55 : 0.5;
    const [mean, sd] = location === 'rural' ? [47, 8] : location === 'town' ? [42, 9] : [38, 9];
    const staff: Person[] = [];
    for (let i = 0; i < row.staff; i++) {
      const sex = random.chance(femaleShare) ? 'female' : 'male';
      // Present on the statistics date: 25 or older and younger than the retirement age (women 55, men 60); a draw
      // past it is drawn again rather than clamped, so no age piles up just below retirement.
      const limit = sex === 'female' ? 54 : 59;
      let age = Math.round(random.normal(mean, sd));
      while (age > limit || age < 25) age = Math.round(random.normal(mean, sd));
      staff.push(newPerson(sex, age, location));
    }
    const teachers = shuffle(random, staff).slice(0, row.full_time_teachers);
    // Oldest teachers hold the 中级及以上 titles; backbone teachers are mostly among them; the young meet the 学历 line.
    const byAge = [...teachers].sort((a, b) => a.birthDate.localeCompare(b.birthDate));
    const titled = new Set(
      shuffle(random, byAge.slice(0, Math.min(byAge.length, row.mid_title + 2))).slice(0, row.mid_title),
    );
    const backbonePool = [...titled, ...byAge.filter((p) => !titled.has(p))];
    const backbone = new Set(backbonePool.slice(0, row.backbone));
    const young = [...byAge].reverse();
    const above = new Set(
      shuffle(random, young.slice(0, Math.min(young.length, row.above_qualified + 2))).slice(0, row.above_qualified),
    );
    const arts = shuffle(
      random,
      young.filter((p) => !backbone.has(p)).slice(0, row.pe_teachers + row.music_teachers + row.art_teachers + 3),
    );
    const subjects = new Map<Person, Subject>();
    for (const [subject, n] of [
      ['pe', row.pe_teachers],
      ['music', row.music_teachers],
      ['art', row.art_teachers],
    ] as const)
      for (let i = 0; i < n; i++) subjects.set(arts.shift() ?? young.find((p) => !subjects.has(p))!, subject);
    const recruitCandidates = young.filter((p) => above.has(p) && !titled.has(p) && !backbone.has(p));
    // Recruits fill village and town schools (特岗, 三支一扶) and some town-centre posts; bigger schools take two.
    const takesRecruits =
      (stage === 'primary' || stage === 'junior') &&
      teachers.length >= 4 &&
      (location !== 'urban' || random.chance(0.4));
    const take = (quota: number, done: number, p: number) =>
      takesRecruits && done < quota && random.chance(p)
        ? recruitCandidates.splice(0, teachers.length >= 12 && location !== 'urban' ? 2 : 1)
        : [];
    const recruited2024 = new Set(take(60, recruits2024, 0.85));
    const recruited2023 = new Set(take(48, recruits2023, 0.75));
    const newSchool = school.name === DEMO_HISTORY.open.name;

    for (const person of staff) {
      const isTeacher = teachers.includes(person);
      const post = isTeacher
        ? 'full_time_teacher'
        : weighted(random, [
            ['administrative', 5],
            ['teaching_support', 3],
            ['logistics', 2],
          ] as const);
      const subject = isTeacher ? (subjects.get(person) ?? weighted(random, SUBJECT_POOL[stage])) : null;
      const establishment =
        post === 'logistics' && random.chance(0.5)
          ? 'dispatched'
          : stage === 'preschool' && location === 'urban' && random.chance(0.25)
            ? 'contract'
            : 'in_establishment';
      const isRecruit24 = recruited2024.has(person);
      const isRecruit23 = recruited2023.has(person);
      if (isRecruit24 || isRecruit23) {
        person.birthDate = birthDateFor(random, random.int(23, 25), STAT_DATE);
        person.idNumber = ids.next(person.birthDate, person.sex);
      }
      // The new kindergarten's staff all arrived when it opened: titled ones by transfer from outside the county.
      const hired =
        isRecruit24 || newSchool
          ? '2024-09-01'
          : isRecruit23
            ? '2023-09-01'
            : `${Math.min(2022, Number(person.birthDate.slice(0, 4)) + random.int(21, 24))}-09-01`;
      const channel =
        establishment === 'dispatched'
          ? 'dispatch'
          : newSchool
            ? titled.has(person) || backbone.has(person)
              ? 'transfer_in'
              : 'open_recruitment'
            : isRecruit24 || isRecruit23
              ? location === 'rural'
                ? weighted(random, [
                    ['special_post', 6],
                    ['three_supports', 2],
                    ['funded_normal_student', 2],
                  ] as const)
                : weighted(random, [
                    ['open_recruitment', 5],
                    ['three_supports', 3],
                    ['funded_normal_student', 2],
                  ] as const)
              : hired < '2006-09-01'
                ? 'other'
                : weighted(random, [
                    ['open_recruitment', 6],
                    ['special_post', 3],
                    ['talent_introduction', 1],
                  ] as const);
      const education = isTeacher
        ? educationFor(random, stage, above.has(person))
        : educationFor(random, stage, random.chance(0.5));
      const mid = isTeacher && titled.has(person);
      const promoted24 = mid && hired < '2024-01-01' && random.chance(0.06);
      const senior = mid && (stage === 'junior' || stage === 'senior' || location === 'urban') && random.chance(0.15);
      // 评聘分开: a few hold 一级 but are appointed at 二级, and the 基表 counts them by the appointed level.
      const split = isTeacher && !mid && hired < '2012-09-01' && random.chance(0.06);
      const title = mid
        ? promoted24
          ? 'second'
          : senior
            ? 'senior'
            : 'first'
        : split
          ? 'first'
          : isRecruit23 || isRecruit24 || newSchool || hired > '2019-09-01'
            ? 'unrated'
            : random.chance(0.8)
              ? 'second'
              : 'third';
      const appointed = split ? 'second' : null;
      // The 基表 school on the statistics date; some arrived by transfer.
      let origin: number | null = null;
      let moved: { date: string; kind: 'county_managed' | 'reassignment' | 'exchange_rotation' } | null = null;
      if (!isRecruit24 && !isRecruit23 && school.id === central.id && stage === 'primary' && random.chance(0.3)) {
        origin = merged.id;
        moved = { date: DEMO_HISTORY.merge.effectiveDate, kind: 'county_managed' };
      } else if (
        !isRecruit24 &&
        !isRecruit23 &&
        school.id === closedPoint.parent_school_id &&
        stage === 'primary' &&
        isTeacher &&
        random.chance(0.15)
      ) {
        origin = closedPoint.id;
        moved = { date: DEMO_HISTORY.close.effectiveDate, kind: 'reassignment' };
      } else if (
        isTeacher &&
        !isRecruit24 &&
        !isRecruit23 &&
        !mid &&
        rotations < 24 &&
        random.chance(0.05) &&
        (location === 'rural' || location === 'urban') &&
        (stage === 'primary' || stage === 'junior')
      ) {
        origin = random.pick(location === 'rural' ? urbanSchools : ruralSchools).id;
        moved = { date: '2024-08-31', kind: 'exchange_rotation' };
        rotations++;
      }
      if (isRecruit24 && !newSchool) recruits2024++;
      if (isRecruit23) recruits2023++;
      const hireAt = origin ?? school.id;
      const hiredAt = hired;
      add(
        person,
        {
          kind: 'hire',
          effective: hiredAt,
          name: person.name,
          idNumber: person.idNumber,
          schoolId: hireAt,
          stage,
          post,
          subject,
          channel,
          establishment,
          education,
          title,
          appointedTitle: appointed,
        },
        hiredAt,
      );
      if (moved)
        add(
          person,
          { kind: 'transfer', effective: moved.date, toSchoolId: school.id, transferKind: moved.kind },
          moved.date,
        );
      if (promoted24) add(person, { kind: 'title_promotion', effective: '2024-06-30', title: 'first' }, '2024-07-05');
      if (isTeacher && backbone.has(person)) {
        const level = weighted(random, [
          ['county', 70],
          ['city', 25],
          ['province', 5],
        ] as const);
        const recognised2024 = random.chance(0.15);
        const year = recognised2024 ? 2024 : random.int(2021, 2023);
        const effective = `${year}-09-10` > hiredAt ? `${year}-09-10` : hiredAt;
        add(
          person,
          {
            kind: 'backbone',
            effective,
            level,
            tier: level === 'county' ? 'backbone' : level === 'city' ? 'elite' : 'outstanding',
            year,
          },
          recognised2024 ? '2024-09-12' : ROSTER_SINCE,
        );
      }
    }
  }

  addLeavers(context, {
    village: schools.filter((s) => s.urban_rural !== 'urban' && s.type === 'primary'),
    town: urbanSchools,
  });
  addLaterEvents(context);
  checkAgainstStats(
    people.flatMap((p) => p.events.map((e) => e.event)),
    stats.filter((r) => r.school_year === 2024),
  );

  await db.transaction().execute(async (trx) => {
    const rows = people.map((p) => {
      const sealed = seal(p.idNumber);
      const phone = `1${random.pick(['35', '37', '38', '39', '50', '58', '82', '87'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
      return {
        county_code: DEMO_COUNTY.code,
        id_hash: sealed.hash,
        id_sealed: sealed.sealed,
        id_masked: maskIdNumber(p.idNumber),
        name: p.name,
        sex: p.sex,
        birth_date: p.birthDate,
        ethnicity: random.chance(0.97) ? '汉族' : random.pick(['回族', '满族', '蒙古族']),
        phone_sealed: seal(phone).sealed,
        phone_masked: maskPhone(phone),
        status: 'employed',
        state_as_of: today,
      };
    });
    const keyOf = new Map<string, number>();
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await trx
        .insertInto('teacher')
        .values(rows.slice(i, i + 500))
        .returning(['id', 'id_hash'])
        .execute();
      for (const r of inserted) keyOf.set(r.id_hash, r.id);
    }
    const idOf = new Map(people.map((p, i) => [p.key, keyOf.get(rows[i].id_hash)!]));
    const eventRows: unknown[][] = [];
    for (const p of people) {
      let current: number | null = null;
      for (const { event, recordedAt } of [...p.events].sort((a, b) =>
        a.event.effective.localeCompare(b.event.effective),
      )) {
        const row = eventToRow(event, current);
        if (event.kind === 'hire' || event.kind === 'transfer') current = row.school_id;
        eventRows.push([
          DEMO_COUNTY.code,
          idOf.get(p.key),
          row.kind,
          row.effective_date,
          row.school_id,
          row.from_school_id,
          row.details,
          `${recordedAt}T09:00:00+08:00`,
        ]);
      }
    }
    await copyRows(
      trx,
      'teacher_event',
      ['county_code', 'teacher_id', 'kind', 'effective_date', 'school_id', 'from_school_id', 'details', 'recorded_at'],
      eventRows,
    );
    await refreshTeacherState(trx, DEMO_COUNTY.code, [...idOf.values()], today);
    const training = await createDemoTraining(
      trx,
      random,
      people.map((p) => ({ id: idOf.get(p.key)!, events: p.events.map((e) => e.event) })),
    );
    await recordAudit(trx, viewer.actor, {
      action: 'demo.teachers',
      entityType: 'county',
      entityId: DEMO_COUNTY.code,
      countyCode: DEMO_COUNTY.code,
      summary: `演示数据：登记教师${people.length}人、变动记录${eventRows.length}条、培训项目${training.courses}个、参训记录${training.records}条`,
    });
  });
}
