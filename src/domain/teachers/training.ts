/**
 * Training records (国培/省培/市培/县培/校本) summed the way reports quote them: 人次 (each attendance counts once,
 * a teacher trained three times is 3人次), hours, and coverage of the teachers on the roster
 * ("累计培训教师1.4万余人次").
 */
import type { Roster } from './events';
import { type Post, TRAINING_LEVELS, type TrainingLevel } from './vocab';

export interface TrainingRecord {
  teacherId: number;
  level: TrainingLevel;
  /** ISO date the training ended. */
  date: string;
  hours: number;
}

export interface TrainingSummary {
  from: string;
  to: string;
  personTimes: number;
  hours: number;
  byLevel: Record<TrainingLevel, { personTimes: number; hours: number }>;
  /** Teachers on the roster (employed, in the posts analysed) on its date. */
  teachers: number;
  /** Of those, how many attended at least one training in the range. */
  teachersTrained: number;
  /** teachersTrained ÷ teachers × 100, unrounded; null when there are no teachers. */
  coveragePercent: number | null;
}

/** 人次, hours and coverage of the trainings that ended within [from, to]. */
export function trainingSummary(
  records: readonly TrainingRecord[],
  roster: Roster,
  range: { from: string; to: string },
  posts: readonly Post[] = ['full_time_teacher'],
): TrainingSummary {
  const byLevel = Object.fromEntries(
    (Object.keys(TRAINING_LEVELS) as TrainingLevel[]).map((level) => [level, { personTimes: 0, hours: 0 }]),
  ) as TrainingSummary['byLevel'];
  const postSet = new Set(posts);
  const onRoster = new Set(
    roster.entries
      .filter((entry) => entry.status === 'employed' && postSet.has(entry.post))
      .map((entry) => entry.teacherId),
  );
  const trained = new Set<number>();
  let personTimes = 0;
  let hours = 0;
  for (const record of records) {
    if (record.date < range.from || record.date > range.to) continue;
    personTimes++;
    hours += record.hours;
    byLevel[record.level].personTimes++;
    byLevel[record.level].hours += record.hours;
    if (onRoster.has(record.teacherId)) trained.add(record.teacherId);
  }
  return {
    from: range.from,
    to: range.to,
    personTimes,
    hours,
    byLevel,
    teachers: onRoster.size,
    teachersTrained: trained.size,
    coveragePercent: onRoster.size > 0 ? (trained.size / onRoster.size) * 100 : null,
  };
}
