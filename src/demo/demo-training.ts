import type { Kysely } from 'kysely';
import { copyRows } from '../db/bulk';
import type { DB } from '../db/schema';
import type { TeacherEvent } from '../domain/teachers/events';
import type { TrainingLevel } from '../domain/teachers/vocab';
import { DEMO_COUNTY } from './demo-county';
import type { Random } from './random';

interface Course {
  name: string;
  level: TrainingLevel;
  organizer: string;
  start: string;
  days: number;
  hours: number;
  /** How many take part; 'all' for 校本 training of a whole school. */
  size: number | 'school';
}

const LEVEL_PLAN: {
  level: TrainingLevel;
  courses: number;
  size: [number, number];
  hours: [number, number];
  organizer: string;
  topics: string[];
}[] = [
  {
    level: 'national',
    courses: 3,
    size: [40, 80],
    hours: [40, 80],
    organizer: '国培计划项目办',
    topics: ['送教下乡（小学语文）', '乡村教师工作坊（初中数学）', '新任教师岗前培训'],
  },
  {
    level: 'provincial',
    courses: 4,
    size: [30, 60],
    hours: [24, 40],
    organizer: '省教育厅',
    topics: ['骨干教师能力提升', '心理健康教育专项', '信息技术应用能力提升2.0', '中小学校长任职资格'],
  },
  {
    level: 'city',
    courses: 6,
    size: [50, 110],
    hours: [16, 24],
    organizer: '晋东市教育局',
    topics: [
      '新课标解读（义务教育）',
      '学科带头人研修',
      '班主任专业能力',
      '幼儿园保教质量评估',
      '大单元教学设计',
      '作业设计与评价',
    ],
  },
  {
    level: 'county',
    courses: 10,
    size: [80, 220],
    hours: [8, 16],
    organizer: '青禾县教师发展中心',
    topics: [
      '师德师风专题',
      '课堂教学过关',
      '双减背景下的作业设计',
      '校园安全与应急',
      '教学视导反馈',
      '体育艺术教师专项',
      '乡村教师教学能力',
      '特殊教育融合',
      '读书分享',
      '心理健康筛查与干预',
    ],
  },
];

/**
 * Two years of training: courses at every level with participants drawn from the teachers employed on their dates,
 * and a 校本研修 at every school each term — so 人次 run to several thousand a year, as the seeds report.
 */
export async function createDemoTraining(
  trx: Kysely<DB>,
  random: Random,
  teachers: { id: number; events: TeacherEvent[] }[],
): Promise<{ courses: number; records: number }> {
  const placed = (t: { events: TeacherEvent[] }, date: string): number | null => {
    let school: number | null = null;
    for (const e of [...t.events].sort((a, b) => a.effective.localeCompare(b.effective))) {
      if (e.effective > date) break;
      if (e.kind === 'hire') school = e.schoolId;
      if (e.kind === 'transfer') school = e.toSchoolId;
      if (e.kind === 'retirement' || e.kind === 'resignation' || e.kind === 'death') school = null;
    }
    return school;
  };
  const courses: Course[] = [];
  for (const year of [2023, 2024]) {
    for (const plan of LEVEL_PLAN) {
      for (let i = 0; i < plan.courses; i++) {
        const month = random.int(3, 11);
        courses.push({
          name: `${year}年${plan.level === 'national' ? '国培计划' : ''}${plan.topics[i % plan.topics.length]}`,
          level: plan.level,
          organizer: plan.organizer,
          start: `${year}-${String(month).padStart(2, '0')}-${String(random.int(1, 20)).padStart(2, '0')}`,
          days: random.int(2, 6),
          hours: random.int(plan.hours[0], plan.hours[1]),
          size: random.int(plan.size[0], plan.size[1]),
        });
      }
    }
    for (const [term, start] of [
      ['春季学期', `${year}-03-15`],
      ['秋季学期', `${year}-10-15`],
    ])
      courses.push({
        name: `${year}年${term}校本研修`,
        level: 'school_based',
        organizer: '各学校',
        start,
        days: 90,
        hours: random.int(8, 12),
        size: 'school',
      });
  }
  const plusDays = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const inserted = await trx
    .insertInto('training_course')
    .values(
      courses.map((c) => ({
        county_code: DEMO_COUNTY.code,
        name: c.name,
        level: c.level,
        organizer: c.organizer,
        start_date: c.start,
        end_date: plusDays(c.start, c.days - 1),
        hours: c.hours,
      })),
    )
    .returning(['id', 'name', 'start_date', 'end_date'])
    .execute();
  const records: unknown[][] = [];
  inserted.forEach((course, index) => {
    const plan = courses[index];
    const present = teachers.filter(
      (t) => placed(t, course.end_date) !== null && placed(t, course.start_date) !== null,
    );
    // School-based training reaches nearly everyone; other courses a sample, village teachers a little less often.
    const chosen =
      plan.size === 'school'
        ? present.filter(() => random.chance(0.93))
        : present.filter(() => random.chance(Number(plan.size) / present.length)).slice(0, Number(plan.size));
    for (const t of chosen) {
      const hours = random.chance(0.95)
        ? plan.hours
        : Math.max(1, plan.hours - random.int(1, Math.max(1, Math.floor(plan.hours / 4))));
      records.push([DEMO_COUNTY.code, course.id, t.id, hours]);
    }
  });
  await copyRows(trx, 'training_record', ['county_code', 'course_id', 'teacher_id', 'hours'], records);
  return { courses: courses.length, records: records.length };
}
