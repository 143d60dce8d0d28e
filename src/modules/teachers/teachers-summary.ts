import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { todayInChina } from '../../domain/period';
import type { Roster } from '../../domain/teachers/events';
import { retirementForecast } from '../../domain/teachers/retirement';
import { type ClassCount, subjectShortages } from '../../domain/teachers/shortage';
import { staffingBalance } from '../../domain/teachers/staffing';
import { type SchoolRef, teacherStructure } from '../../domain/teachers/structure';
import { trainingSummary } from '../../domain/teachers/training';
import type { RecruitmentChannel, TrainingLevel, TransferKind } from '../../domain/teachers/vocab';
import { indicatorPolicy, resolvePolicy } from '../../platform/policy/policy';
import { type Scope, schoolInScope } from '../../platform/scope';
import { schoolsAsOf } from '../org/org.repository';
import { countyRoster } from './roster';

/** The date a year's roster questions are asked on: the year's last day, or today during the year. */
export function summaryDate(year: number, today = todayInChina()): string {
  return `${year}-12-31` < today ? `${year}-12-31` : today;
}

/** Keeps the roster entries of schools the viewer may see. */
function scoped(roster: Roster, visible: Set<number> | null): Roster {
  return visible ? { ...roster, entries: roster.entries.filter((e) => visible.has(e.schoolId)) } : roster;
}

/**
 * Everything the bureau asks of its teachers for a year: who was hired and through which channel, transfers,
 * training 人次 and 学时 by level, the age and subject structure (rural ageing), subject shortages against the
 * timetable, staffing against the 编制标准, and retirements due in the next five years with the 退一补一 plan.
 */
export async function teacherSummary(db: Kysely<DB>, scope: Scope, countyCode: string, year: number) {
  const asOf = summaryDate(year);
  const from = `${year}-01-01`;
  const visibleSchools =
    scope.level === 'school' || scope.level === 'township'
      ? new Set(
          (await db.selectFrom('school').select('school.id').where(schoolInScope(scope)).execute()).map((s) => s.id),
        )
      : null;
  const [roster, schools, county] = await Promise.all([
    countyRoster(db, countyCode, asOf).then((r) => scoped(r, visibleSchools)),
    schoolsAsOf(db, scope, countyCode, asOf),
    db.selectFrom('county').select(['province_code']).where('code', '=', countyCode).executeTakeFirstOrThrow(),
  ]);
  const inScope = (schoolId: number | null) => !visibleSchools || (schoolId !== null && visibleSchools.has(schoolId));

  // Changes in the year, from the events (revoked ones are not history).
  const { rows: moves } = await sql<{
    kind: string;
    channel: string | null;
    transfer_kind: string | null;
    school_id: number | null;
    result: string | null;
    n: number;
  }>`
    select kind, details ->> 'channel' as channel, details ->> 'transferKind' as transfer_kind, school_id,
      details ->> 'result' as result, count(*)::int8 as n
    from teacher_event
    where county_code = ${countyCode} and revoked_at is null and effective_date between ${from} and ${asOf}
      and kind in ('hire', 'transfer', 'retirement', 'resignation', 'title_promotion', 'backbone', 'honor', 'ethics_review')
    group by kind, details ->> 'channel', details ->> 'transferKind', school_id, details ->> 'result'`.execute(db);
  const hiresByChannel: Partial<Record<RecruitmentChannel, number>> = {};
  const transfersByKind: Partial<Record<TransferKind, number>> = {};
  const changes: Record<string, number> = {};
  let ethicsUnqualified = 0;
  for (const m of moves) {
    if (!inScope(m.school_id)) continue;
    const n = Number(m.n);
    changes[m.kind] = (changes[m.kind] ?? 0) + n;
    if (m.kind === 'hire' && m.channel)
      hiresByChannel[m.channel as RecruitmentChannel] = (hiresByChannel[m.channel as RecruitmentChannel] ?? 0) + n;
    if (m.kind === 'transfer' && m.transfer_kind)
      transfersByKind[m.transfer_kind as TransferKind] = (transfersByKind[m.transfer_kind as TransferKind] ?? 0) + n;
    if (m.kind === 'ethics_review' && m.result === 'unqualified') ethicsUnqualified += n;
  }

  const trainingRows = await db
    .selectFrom('training_record as r')
    .innerJoin('training_course as c', 'c.id', 'r.course_id')
    .innerJoin('teacher as t', 't.id', 'r.teacher_id')
    .where('r.county_code', '=', countyCode)
    .where('c.end_date', '>=', from)
    .where('c.end_date', '<=', asOf)
    .select(['r.teacher_id', 'c.level', 'c.end_date', 'r.hours', 't.school_id'])
    .execute();
  const training = trainingSummary(
    trainingRows
      .filter((r) => inScope(r.school_id))
      .map((r) => ({
        teacherId: r.teacher_id,
        level: r.level as TrainingLevel,
        date: r.end_date,
        hours: Number(r.hours),
      })),
    roster,
    { from, to: asOf },
  );

  const refs: SchoolRef[] = schools.map((s) => ({
    id: s.id,
    townshipId: s.township_id,
    urbanRural: s.urban_rural as SchoolRef['urbanRural'],
  }));
  const structure = teacherStructure(roster, refs);

  // Class counts and enrolments from the latest 基表 of the year.
  const statYear = (
    await db
      .selectFrom('school_stat')
      .select((eb) => eb.fn.max('school_year').as('y'))
      .where('county_code', '=', countyCode)
      .where('school_year', '<=', year)
      .executeTakeFirst()
  )?.y as number | null;
  const stats = statYear
    ? await db
        .selectFrom('school_stat')
        .select(['school_id', 'stage', 'students', 'classes'])
        .where('county_code', '=', countyCode)
        .where('school_year', '=', statYear)
        .execute()
    : [];
  const scopedStats = stats.filter((s) => inScope(s.school_id));
  const classCounts: ClassCount[] = scopedStats
    .filter((s) => (s.stage === 'primary' || s.stage === 'junior') && s.classes > 0)
    .map((s) => ({ schoolId: s.school_id, stage: s.stage as ClassCount['stage'], classes: s.classes }));
  const shortages = subjectShortages(roster, classCounts);
  const policy = indicatorPolicy(await resolvePolicy(db, county.province_code, statYear ?? year));
  const staffing = staffingBalance(
    roster,
    scopedStats.map((s) => ({ schoolId: s.school_id, stage: s.stage as never, students: s.students })),
    policy.staffingRatio,
  );
  const retirements = retirementForecast(roster, asOf, 5);

  const names = new Map(schools.map((s) => [s.id, s.name]));
  const employed = roster.entries.filter((e) => e.status === 'employed');
  return {
    countyCode,
    year,
    asOf,
    statYear,
    totals: {
      employed: employed.length,
      fullTime: employed.filter((e) => e.post === 'full_time_teacher' && e.establishment !== 'substitute').length,
      onLeave: employed.filter((e) => e.onLeave).length,
      backbone: employed.filter((e) => e.activeBackbone !== null).length,
    },
    changes: { byKind: changes, hiresByChannel, transfersByKind, ethicsUnqualified },
    training,
    structure,
    shortages: {
      ...shortages,
      lines: shortages.lines
        .filter((l) => l.gap > 0.0001)
        .map((l) => ({ ...l, schoolName: names.get(l.schoolId) ?? '' })),
      schoolsWithNone: shortages.schoolsWithNone.map((s) => ({ ...s, schoolName: names.get(s.schoolId) ?? '' })),
    },
    staffing: {
      ...staffing,
      lines: staffing.lines.map((l) => ({ ...l, schoolName: names.get(l.schoolId) ?? '' })),
    },
    retirements: {
      ...retirements,
      retiring: retirements.retiring.map((r) => ({ ...r, schoolName: names.get(r.schoolId) ?? '' })),
      overdue: retirements.overdue.map((r) => ({ ...r, schoolName: names.get(r.schoolId) ?? '' })),
      replacementPlan: retirements.replacementPlan.map((r) => ({ ...r, schoolName: names.get(r.schoolId) ?? '' })),
    },
    schoolNames: Object.fromEntries(names),
  };
}

export type TeacherSummary = Awaited<ReturnType<typeof teacherSummary>>;
