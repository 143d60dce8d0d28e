import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { StatRow } from '../../domain/indicators/inputs';

/** Teacher figures of a 基表 row that a roster can supply. */
export type TeacherFigures = Pick<
  StatRow,
  'fullTimeTeachers' | 'staff' | 'aboveQualified' | 'backbone' | 'pe' | 'music' | 'art' | 'midTitle'
>;

/**
 * A source of teacher counts computed from records (the teacher roster), by school and 学段 on a statistics date.
 * From the day a school's roster is kept in the platform, its figures replace the typed 基表 columns: the count is
 * entered once, in the roster. Before that day the typed figures stand (a roster set up in 2025 does not know who
 * left in 2023).
 */
export interface TeacherCountSource {
  /** The first day each school's roster was kept in the platform. */
  rosterKeptSince(db: Kysely<DB>, countyCode: string): Promise<Map<number, string>>;
  /** Figures by `rosterKey(schoolId, stage)` on `date`; a school and 学段 without teachers is absent (zero). */
  counts(db: Kysely<DB>, countyCode: string, date: string): Promise<Map<string, TeacherFigures>>;
}

export const NO_TEACHERS: TeacherFigures = {
  fullTimeTeachers: 0,
  staff: 0,
  aboveQualified: 0,
  backbone: 0,
  pe: 0,
  music: 0,
  art: 0,
  midTitle: 0,
};

let source: TeacherCountSource | undefined;

export function registerTeacherCountSource(next: TeacherCountSource): void {
  source = next;
}

export function teacherCountSource(): TeacherCountSource | undefined {
  return source;
}

export const rosterKey = (schoolId: number, stage: string) => `${schoolId}|${stage}`;
