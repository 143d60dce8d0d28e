import type { StatStage } from '../indicators/inputs';

/** The figures of one 基表 row, as entered. */
export interface StatFigures {
  students: number;
  classes: number;
  fullTimeTeachers: number;
  staff: number;
  aboveQualified: number;
  backbone: number;
  pe: number;
  music: number;
  art: number;
  midTitle: number;
  teachingArea: number;
  sportsArea: number;
  equipmentValue: number;
  multimediaRooms: number;
  books: number;
  computers: number;
  largeClasses: number;
  superLargeClasses: number;
  grades: Record<string, number> | null;
}

export const FIGURE_LABELS: Record<keyof StatFigures, string> = {
  students: '在校生数',
  classes: '班级数',
  fullTimeTeachers: '专任教师数',
  staff: '教职工数',
  aboveQualified: '高于规定学历专任教师数',
  backbone: '县级及以上骨干教师数',
  pe: '体育专任教师数',
  music: '音乐专任教师数',
  art: '美术专任教师数',
  midTitle: '中级及以上职称专任教师数',
  teachingArea: '教学及辅助用房面积(平方米)',
  sportsArea: '体育运动场馆面积(平方米)',
  equipmentValue: '教学仪器设备值(万元)',
  multimediaRooms: '网络多媒体教室数',
  books: '图书册数',
  computers: '计算机台数',
  largeClasses: '56-65人班级数',
  superLargeClasses: '66人及以上班级数',
  grades: '分年级在校生数',
};

/** Grades each 学段 has, with the names the template uses. */
export const GRADES: Record<'primary' | 'junior', { key: string; label: string }[]> = {
  primary: ['一', '二', '三', '四', '五', '六'].map((n, i) => ({ key: String(i + 1), label: `${n}年级在校生数` })),
  junior: ['七', '八', '九'].map((n, i) => ({ key: String(i + 7), label: `${n}年级在校生数` })),
};

export interface StatProblem {
  field: keyof StatFigures;
  message: string;
}

/** Logic checks: a row that fails any of them is impossible and is refused. */
export function logicProblems(f: StatFigures, stage: StatStage): StatProblem[] {
  const problems: StatProblem[] = [];
  const problem = (field: keyof StatFigures, message: string) => problems.push({ field, message });
  if (f.students > 0 && f.classes === 0) problem('classes', '有在校生时班级数不能为0');
  if (f.classes > 0 && f.students === 0) problem('students', '有班级时在校生数不能为0');
  if (f.fullTimeTeachers > f.staff)
    problem('fullTimeTeachers', `专任教师数（${f.fullTimeTeachers}）不能多于教职工数（${f.staff}）`);
  for (const field of ['aboveQualified', 'backbone', 'midTitle'] as const) {
    if (f[field] > f.fullTimeTeachers)
      problem(field, `${FIGURE_LABELS[field]}（${f[field]}）不能多于专任教师数（${f.fullTimeTeachers}）`);
  }
  if (f.pe + f.music + f.art > f.fullTimeTeachers)
    problem(
      'pe',
      `体育、音乐、美术专任教师数之和（${f.pe + f.music + f.art}）不能多于专任教师数（${f.fullTimeTeachers}）`,
    );
  if (f.largeClasses + f.superLargeClasses > f.classes)
    problem('largeClasses', `56人以上班级数（${f.largeClasses + f.superLargeClasses}）不能多于班级数（${f.classes}）`);
  const minimum = 56 * f.largeClasses + 66 * f.superLargeClasses;
  if (minimum > f.students)
    problem('largeClasses', `按大班额班数至少应有${minimum}名学生，多于在校生数（${f.students}）`);
  if (f.grades) {
    const allowed = stage === 'primary' || stage === 'junior' ? GRADES[stage].map((g) => g.key) : [];
    const wrong = Object.keys(f.grades).filter((g) => !allowed.includes(g));
    if (wrong.length)
      problem('grades', `${stageName(stage)}不应填写${wrong.map((g) => gradeName(g)).join('、')}在校生数`);
    const sum = Object.values(f.grades).reduce((s, n) => s + n, 0);
    if (!wrong.length && sum !== f.students)
      problem('grades', `各年级在校生数之和（${sum}）与在校生数（${f.students}）不一致`);
  }
  return problems;
}

/** Plausibility checks: a row that fails one is possible but unusual, and is accepted only with an explanation. */
export function plausibilityProblems(f: StatFigures, previous: StatFigures | null): StatProblem[] {
  const problems: StatProblem[] = [];
  if (f.classes > 0 && f.students / f.classes > 70) {
    problems.push({ field: 'students', message: `平均班额${(f.students / f.classes).toFixed(1)}人，超过70人` });
  }
  if (f.students > 0 && f.teachingArea / f.students > 40) {
    problems.push({
      field: 'teachingArea',
      message: `生均教学及辅助用房面积${(f.teachingArea / f.students).toFixed(1)}平方米，超过40平方米`,
    });
  }
  if (previous) {
    for (const field of [
      'students',
      'classes',
      'fullTimeTeachers',
      'staff',
      'teachingArea',
      'sportsArea',
      'equipmentValue',
    ] as const) {
      const before = previous[field];
      const now = f[field];
      // Small numbers swing by more than 30% on ordinary changes (3 classes to 4), so only larger ones are checked.
      if (before >= 10 && Math.abs(now - before) / before > 0.3) {
        problems.push({
          field,
          message: `${FIGURE_LABELS[field]}由上年的${before}变为${now}，变化${(((now - before) / before) * 100).toFixed(1)}%，超过30%`,
        });
      }
    }
  }
  return problems;
}

function stageName(stage: StatStage): string {
  return { preschool: '学前', primary: '小学', junior: '初中', senior: '高中', vocational: '中职', special: '特教' }[
    stage
  ];
}

function gradeName(key: string): string {
  const n = Number(key);
  return n >= 1 && n <= 9 ? `${'一二三四五六七八九'[n - 1]}年级` : `${key}年级`;
}
