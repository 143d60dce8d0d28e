import { type Kysely, sql } from 'kysely';
import { copyRows } from '../../db/bulk';
import { selectAsJson } from '../../db/json-rows';
import type { DB } from '../../db/schema';
import { todayInChina } from '../../domain/period';
import type { TeacherEvent } from '../../domain/teachers/events';
import { type FoldOptions, foldEvents, type Roster, type RosterEntry } from '../../domain/teachers/events';
import { unseal } from '../../platform/personal-data/seal';
import { type EventRow, rowToEvent } from './event-rows';

export interface History {
  events: TeacherEvent[];
  /** The stored id of each event (the fold's rejected list points back to rows). */
  rowIds: Map<TeacherEvent, number>;
}

/**
 * The event histories of a county's teachers (or of some of them), revoked events left out, as domain events. ID
 * numbers are decrypted for the fold only: birth date and sex are read from them and duplicates caught.
 */
export async function loadHistories(
  db: Kysely<DB>,
  countyCode: string,
  options: { teacherIds?: readonly number[]; until?: string } = {},
): Promise<History> {
  const ids = options.teacherIds;
  if (ids && ids.length === 0) return { events: [], rowIds: new Map() };
  const [people, rows] = await Promise.all([
    selectAsJson(db, (eb) => {
      let q = eb.selectFrom('teacher').select(['id', 'name', 'id_sealed']).where('county_code', '=', countyCode);
      // One array parameter rather than thousands of bind parameters (an import refreshes a whole roster).
      if (ids) q = q.where(sql<boolean>`id = any(${[...ids]}::int[])`);
      return q;
    }),
    selectAsJson(db, (eb) => {
      let q = eb
        .selectFrom('teacher_event')
        .select(['id', 'teacher_id', 'kind', 'effective_date', 'school_id', 'from_school_id', 'details'])
        .where('county_code', '=', countyCode)
        .where('revoked_at', 'is', null)
        .orderBy('effective_date')
        .orderBy('id');
      if (ids) q = q.where(sql<boolean>`teacher_id = any(${[...ids]}::int[])`);
      if (options.until) q = q.where('effective_date', '<=', options.until);
      return q;
    }),
  ]);
  const identities = new Map(people.map((p) => [p.id, { name: p.name, idNumber: unseal(p.id_sealed) }]));
  const events: TeacherEvent[] = [];
  const rowIds = new Map<TeacherEvent, number>();
  for (const row of rows) {
    const identity = identities.get(row.teacher_id);
    if (!identity) continue;
    const event = rowToEvent(row as unknown as EventRow, identity);
    events.push(event);
    rowIds.set(event, row.id);
  }
  return { events, rowIds };
}

/** The county's roster on a date: every event effective by then, folded. */
export async function countyRoster(
  db: Kysely<DB>,
  countyCode: string,
  asOf: string,
  options: FoldOptions = {},
): Promise<Roster> {
  const { events } = await loadHistories(db, countyCode, { until: asOf });
  return foldEvents(events, asOf, options).roster;
}

const stateColumns = (entry: RosterEntry | undefined, asOf: string) => ({
  status: entry?.status ?? 'employed',
  school_id: entry?.schoolId ?? null,
  post: entry?.post ?? null,
  subject: entry?.subject ?? null,
  stage: entry?.stage ?? null,
  education: entry?.education ?? null,
  title: entry?.title ?? null,
  appointed_title: entry?.appointedTitle ?? null,
  establishment: entry?.establishment ?? null,
  channel: entry?.channel ?? null,
  backbone_level: entry?.backbone?.level ?? null,
  backbone_tier: entry?.backbone?.tier ?? null,
  backbone_until: entry?.backbone?.until ?? null,
  hired_on: entry?.hiredOn ?? null,
  school_since: entry?.schoolSince ?? null,
  left_on: entry?.leftOn ?? null,
  leave_from: entry?.leave?.from ?? null,
  leave_to: entry?.leave?.to ?? null,
  state_as_of: asOf,
});

/**
 * Rewrites the state columns of the given teachers from their events as of today (the list views read them, so no
 * view replays history). A teacher whose history holds no valid hire yet keeps empty state until it has one.
 */
export async function refreshTeacherState(
  trx: Kysely<DB>,
  countyCode: string,
  teacherIds: readonly number[],
  today = todayInChina(),
): Promise<void> {
  if (!teacherIds.length) return;
  const { events } = await loadHistories(trx, countyCode, { teacherIds, until: today });
  const { roster } = foldEvents(events, today);
  const byId = new Map(roster.entries.map((e) => [e.teacherId, e]));
  await writeStates(
    trx,
    countyCode,
    teacherIds.map((id) => ({ id, ...stateColumns(byId.get(id), today) })),
  );
}

const STATE_COLUMNS = Object.keys(stateColumns(undefined, '2000-01-01')) as (keyof ReturnType<typeof stateColumns>)[];

/** Writes state columns for many teachers with one COPY and one UPDATE (an import touches thousands). */
async function writeStates(
  trx: Kysely<DB>,
  countyCode: string,
  states: readonly ({ id: number } & ReturnType<typeof stateColumns>)[],
): Promise<void> {
  if (!states.length) return;
  const types: Record<string, string> = { school_id: 'integer' };
  for (const c of STATE_COLUMNS) types[c] ??= /(_on|_from|_to|_until|_since|as_of)$/.test(c) ? 'date' : 'text';
  await sql
    .raw(
      `create temp table teacher_state_stage (id integer, ${STATE_COLUMNS.map((c) => `${c} ${types[c]}`).join(', ')}) on commit drop`,
    )
    .execute(trx);
  await copyRows(
    trx,
    'teacher_state_stage',
    ['id', ...STATE_COLUMNS],
    states.map((s) => [s.id, ...STATE_COLUMNS.map((c) => s[c])]),
  );
  await sql
    .raw(
      `update teacher t set ${STATE_COLUMNS.map((c) => `${c} = s.${c}`).join(', ')}, updated_at = now()
       from teacher_state_stage s where t.id = s.id and t.county_code = '${countyCode.replace(/\D/g, '')}'`,
    )
    .execute(trx);
  await sql`drop table teacher_state_stage`.execute(trx);
}

/**
 * Brings the state columns up to today: teachers with an event that has taken effect since their state was folded
 * are replayed (a retirement registered in advance, say), and the rest just move their date.
 */
export async function ensureTeacherStateFresh(
  db: Kysely<DB>,
  countyCode: string,
  today = todayInChina(),
): Promise<void> {
  const stale = await db
    .selectFrom('teacher')
    .select('id')
    .where('county_code', '=', countyCode)
    .where('state_as_of', '<', today)
    .limit(1)
    .execute();
  if (!stale.length) return;
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`
      select distinct t.id from teacher t
      join teacher_event e on e.teacher_id = t.id and e.revoked_at is null
      where t.county_code = ${countyCode} and t.state_as_of < ${today}
        and e.effective_date > t.state_as_of and e.effective_date <= ${today}`.execute(trx);
    await refreshTeacherState(
      trx,
      countyCode,
      rows.map((r) => r.id),
      today,
    );
    await trx
      .updateTable('teacher')
      .set({ state_as_of: today })
      .where('county_code', '=', countyCode)
      .where('state_as_of', '<', today)
      .execute();
  });
}
