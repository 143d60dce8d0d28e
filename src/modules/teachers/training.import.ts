import { sql } from 'kysely';
import { checkIdCard } from '../../domain/codes/id-card';
import { maskIdNumber } from '../../domain/masking';
import { codeFromLabel, labelsOf } from '../../domain/org/school-types';
import { parseDateText, todayInChina } from '../../domain/period';
import { TRAINING_LEVELS, type TrainingLevel } from '../../domain/teachers/vocab';
import type { ImportColumn, ImportDefinition, RowIssue } from '../../platform/imports/define-import';
import { mergeKeyed } from '../../platform/imports/keyed-merge';
import { lookupHash } from '../../platform/personal-data/seal';
import { schoolInScope } from '../../platform/scope';

const COLUMNS: ImportColumn[] = [
  {
    header: '培训项目名称',
    required: true,
    example: '2024年国培计划送教下乡（小学数学）',
    width: 30,
    help: '同一名称、同一开始日期视为同一项目',
  },
  {
    header: '培训级别',
    required: true,
    options: labelsOf(TRAINING_LEVELS),
    example: '国培',
    help: '国培、省培、市培、县培、校本',
  },
  { header: '主办单位', example: '青禾县教师发展中心', help: '选填' },
  { header: '开始日期', required: true, example: '2024-10-14', help: '如 2024-10-14' },
  { header: '结束日期', required: true, example: '2024-10-18', help: '不早于开始日期' },
  { header: '项目学时', required: true, example: '40', help: '项目规定学时（正数，最多一位小数）' },
  {
    header: '身份证号',
    required: true,
    text: true,
    example: '142301199003150025',
    width: 22,
    help: '参训教师，须已在本县教师名册中',
  },
  { header: '姓名', required: true, example: '王丽', help: '与名册一致，用于核对' },
  { header: '获得学时', example: '', help: '本人实际获得学时；不填为项目学时' },
];

interface TrainingRow {
  courseKey: string;
  name: string;
  level: TrainingLevel;
  organizer: string | null;
  start: string;
  end: string;
  courseHours: number;
  teacherId: number;
  hours: number;
  masked: string;
}

interface Context {
  teachers: Map<string, { id: number; name: string; inScope: boolean }>;
  courses: Map<string, { level: string; end: string; hours: number }>;
  today: string;
}

function hoursOf(text: string | undefined, header: string, issues: RowIssue[]): number | null {
  const clean = (text ?? '').trim();
  if (!clean) return null;
  if (!/^\d+(\.\d)?$/.test(clean) || Number(clean) <= 0 || Number(clean) > 2000) {
    issues.push({ column: header, message: `“${header}”应为正数且最多一位小数（“${clean}”）` });
    return null;
  }
  return Number(clean);
}

/** 培训记录 (import type `training`): one row per participant of a course; totals in 人次 and 学时 follow. */
export const trainingImport: ImportDefinition<Context, TrainingRow> = {
  type: 'training',
  label: '教师培训记录',
  permission: 'teacher.import',
  readPermission: 'teacher.read',
  columns: COLUMNS,
  keyHeaders: ['培训项目名称', '开始日期', '身份证号'],
  incrementalMerge: false,
  stageColumns: [
    { name: 'course_name', type: 'text' },
    { name: 'level', type: 'text' },
    { name: 'organizer', type: 'text' },
    { name: 'start_date', type: 'date' },
    { name: 'end_date', type: 'date' },
    { name: 'course_hours', type: 'numeric(6, 1)' },
    { name: 'teacher_id', type: 'integer' },
    { name: 'hours', type: 'numeric(6, 1)' },
    { name: 'id_masked', type: 'text' },
  ],

  async prepare({ db, countyCode, viewer }) {
    const [teachers, visible, courses] = await Promise.all([
      db
        .selectFrom('teacher')
        .select(['id', 'id_hash', 'name', 'school_id'])
        .where('county_code', '=', countyCode)
        .execute(),
      db.selectFrom('school').select('school.id').where(schoolInScope(viewer.scope)).execute(),
      db
        .selectFrom('training_course')
        .select(['name', 'start_date', 'level', 'end_date', 'hours'])
        .where('county_code', '=', countyCode)
        .execute(),
    ]);
    const visibleIds = new Set(visible.map((s) => s.id));
    return {
      teachers: new Map(
        teachers.map((t) => [
          t.id_hash,
          { id: t.id, name: t.name, inScope: t.school_id !== null && visibleIds.has(t.school_id) },
        ]),
      ),
      courses: new Map(
        courses.map((c) => [`${c.name}|${c.start_date}`, { level: c.level, end: c.end_date, hours: Number(c.hours) }]),
      ),
      today: todayInChina(),
    };
  },

  parseRow(cells, ctx) {
    const issues: RowIssue[] = [];
    const name = cells['培训项目名称']?.trim() ?? '';
    if (!name) issues.push({ column: '培训项目名称', message: '“培训项目名称”不能为空' });
    const level = codeFromLabel(TRAINING_LEVELS, cells['培训级别'] ?? '');
    if (!level)
      issues.push({ column: '培训级别', message: `“培训级别”应为${labelsOf(TRAINING_LEVELS).join('、')}之一` });
    const start = parseDateText(cells['开始日期'] ?? '');
    const end = parseDateText(cells['结束日期'] ?? '');
    if (!start) issues.push({ column: '开始日期', message: `“开始日期”“${cells['开始日期'] ?? ''}”不是有效日期` });
    if (!end) issues.push({ column: '结束日期', message: `“结束日期”“${cells['结束日期'] ?? ''}”不是有效日期` });
    if (start && end && end < start) issues.push({ column: '结束日期', message: '结束日期早于开始日期' });
    if (start && start > ctx.today) issues.push({ column: '开始日期', message: '尚未开始的培训不能登记参训记录' });
    const courseHours = hoursOf(cells['项目学时'], '项目学时', issues);
    if (courseHours === null && !issues.some((i) => i.column === '项目学时'))
      issues.push({ column: '项目学时', message: '“项目学时”不能为空' });
    const hours = hoursOf(cells['获得学时'], '获得学时', issues) ?? courseHours;
    if (hours !== null && courseHours !== null && hours > courseHours)
      issues.push({ column: '获得学时', message: `获得学时（${hours}）超过项目学时（${courseHours}）` });
    const id = checkIdCard(cells['身份证号'] ?? '');
    if (!id.ok) issues.push({ column: '身份证号', message: id.reason });
    const teacher = id.ok ? ctx.teachers.get(lookupHash(id.value)) : undefined;
    if (id.ok && !teacher)
      issues.push({ column: '身份证号', message: '该身份证号不在本县教师名册中，请先导入或登记该教师' });
    else if (teacher && !teacher.inScope)
      issues.push({ column: '身份证号', message: `${teacher.name}不在您管理的学校` });
    else if (teacher && cells['姓名'] && cells['姓名'].trim() !== teacher.name)
      issues.push({ column: '姓名', message: `姓名“${cells['姓名'].trim()}”与名册中的“${teacher.name}”不一致` });
    const stored = start ? ctx.courses.get(`${name}|${start}`) : undefined;
    if (stored && level && (stored.level !== level || stored.end !== end || stored.hours !== courseHours))
      issues.push({ column: '培训项目名称', message: '与已登记的同名同期项目的级别、结束日期或学时不一致' });
    if (issues.length || !level || !start || !end || courseHours === null || hours === null || !teacher || !id.ok)
      return { issues };
    return {
      record: {
        courseKey: `${name}|${start}`,
        name,
        level,
        organizer: cells['主办单位']?.trim() || null,
        start,
        end,
        courseHours,
        teacherId: teacher.id,
        hours,
        masked: maskIdNumber(id.value),
      },
      issues,
    };
  },

  key: (r) => `${r.courseKey}|${r.teacherId}`,
  displayKey: (r) => `${r.name} ${r.masked}`,
  toStageRow: (r) => [r.name, r.level, r.organizer, r.start, r.end, r.courseHours, r.teacherId, r.hours, r.masked],

  async merge(trx, { stageTable, jobId, countyCode }) {
    const stage = sql.table(stageTable);
    await sql`insert into training_course (county_code, name, level, organizer, start_date, end_date, hours)
      select distinct on (course_name, start_date) ${countyCode}, course_name, level, organizer, start_date, end_date, course_hours
      from ${stage} order by course_name, start_date, row_number
      on conflict (county_code, name, start_date) do nothing`.execute(trx);
    await sql`create temp table training_stage on commit drop as
      select s.row_number, c.id as course_id, s.teacher_id, s.hours, s.course_name || ' ' || s.id_masked as label
      from ${stage} s join training_course c on c.county_code = ${countyCode} and c.name = s.course_name and c.start_date = s.start_date`.execute(
      trx,
    );
    const counts = await mergeKeyed(trx, {
      stageTable: 'training_stage',
      target: 'training_record',
      jobId,
      countyCode,
      keyColumns: ['course_id', 'teacher_id'],
      valueColumns: ['hours'],
      entityKey: sql<string>`s.label`,
    });
    await sql`drop table training_stage`.execute(trx);
    return counts;
  },

  async *exportRows(db, { scope, countyCode }) {
    const rows = await db
      .selectFrom('training_record as r')
      .innerJoin('training_course as c', 'c.id', 'r.course_id')
      .innerJoin('teacher as t', 't.id', 'r.teacher_id')
      .innerJoin('school', 'school.id', 't.school_id')
      .where('r.county_code', '=', countyCode)
      .where(schoolInScope(scope))
      .select([
        'c.name',
        'c.level',
        'c.organizer',
        'c.start_date',
        'c.end_date',
        'c.hours as course_hours',
        't.id_masked',
        't.name as teacher_name',
        'r.hours',
      ])
      .orderBy('c.start_date')
      .orderBy('c.name')
      .execute();
    for (const r of rows) {
      yield {
        培训项目名称: r.name,
        培训级别: TRAINING_LEVELS[r.level as TrainingLevel] ?? r.level,
        主办单位: r.organizer,
        开始日期: r.start_date,
        结束日期: r.end_date,
        项目学时: Number(r.course_hours),
        身份证号: r.id_masked,
        姓名: r.teacher_name,
        获得学时: Number(r.hours),
      };
    }
  },
};
