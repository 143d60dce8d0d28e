import { sql } from 'kysely';
import { statFiguresFromRoster } from '../../domain/teachers/structure';
import { rosterKey, type TeacherCountSource } from '../stats/teacher-counts';
import { countyRoster } from './roster';

/**
 * The roster as the source of the 基表 teacher columns (enter once): from the day a school's roster was first
 * recorded in the platform, its 专任教师, 教职工, 高于规定学历, 骨干, 体音美 and 中级职称 counts on the statistics
 * date come from the events, and the typed columns are only a cross-check.
 */
export const rosterCountSource: TeacherCountSource = {
  async rosterKeptSince(db, countyCode) {
    const { rows } = await sql<{ school_id: number; since: string }>`
      select school_id, to_char(min(recorded_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as since
      from teacher_event
      where county_code = ${countyCode} and revoked_at is null and school_id is not null and kind in ('hire', 'transfer')
      group by school_id`.execute(db);
    return new Map(rows.map((r) => [r.school_id, r.since]));
  },
  async counts(db, countyCode, date) {
    const roster = await countyRoster(db, countyCode, date);
    return new Map(statFiguresFromRoster(roster).map((row) => [rosterKey(row.schoolId, row.stage), row]));
  },
};
