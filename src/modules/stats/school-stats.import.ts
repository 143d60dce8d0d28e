import { sql } from 'kysely';
import type { StatStage } from '../../domain/indicators/inputs';
import { SCHOOL_TYPES, type SchoolType, STAGES } from '../../domain/org/school-types';
import { parseSchoolYear, schoolYearLabel } from '../../domain/period';
import { GRADES, logicProblems, plausibilityProblems, type StatFigures } from '../../domain/stats/stat-checks';
import { dataChanged } from '../../platform/events';
import type { ImportColumn, ImportDefinition, RowIssue } from '../../platform/imports/define-import';
import { mergeKeyed } from '../../platform/imports/keyed-merge';
import { schoolInScope } from '../../platform/scope';
import { FIGURE_COLUMNS } from './stat-columns';
import { loadStatContext, type StatContext, statisticsDate } from './stat-context';

const STAGE_BY_LABEL = new Map<string, StatStage>(
  Object.entries(STAGES).map(([key, label]) => [label, key as StatStage]),
);
const GRADE_COLUMNS = [...GRADES.primary, ...GRADES.junior];

const COLUMNS: ImportColumn[] = [
  {
    header: '学校标识码',
    required: true,
    text: true,
    example: '2114552301',
    width: 14,
    help: '10位学校标识码；教学点填写自己的标识码',
  },
  {
    header: '学年',
    required: true,
    example: '2024-2025学年',
    width: 14,
    help: '如 2024-2025学年（统计时点为当年9月30日）',
  },
  {
    header: '学段',
    required: true,
    options: Object.values(STAGES),
    example: '小学',
    help: '九年一贯制学校、完全中学按学段分行填写',
  },
  ...FIGURE_COLUMNS.map((c) => ({
    header: c.header,
    required: c.required,
    example: c.example,
    help:
      c.field === 'students' ? '幼儿园可改填“在园幼儿数”' : c.decimal ? '非负数，最多两位小数' : '非负整数；不填视为0',
  })),
  { header: '在园幼儿数', example: '', help: '仅幼儿园（学段为学前）填写，等同于在校生数' },
  {
    header: '是否普惠',
    options: ['是', '否'],
    example: '',
    help: '仅民办幼儿园填写：当年是否认定为普惠性民办幼儿园；公办园一律视为普惠',
  },
  ...GRADE_COLUMNS.map((g) => ({
    header: g.label,
    example: '',
    help: '选填；填写时各年级之和须等于在校生数，九年级人数用于计算巩固率',
  })),
  {
    header: '说明',
    example: '',
    width: 30,
    help: '数据较上年变化超过30%、平均班额超过70人等需要说明的情况，在此填写原因',
  },
];

interface StatRecord {
  schoolId: number;
  schoolCode: string;
  schoolYear: number;
  stage: StatStage;
  figures: StatFigures;
  inclusive: boolean | null;
  explanations: { message: string; explanation: string }[] | null;
}

interface ImportContext extends StatContext {
  years: Set<number>;
}

function parseNumber(text: string, decimal: boolean): number | string {
  const clean = text.replace(/[,，\s]/g, '');
  if (clean === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(clean)) return '应为非负数';
  const value = Number(clean);
  if (!decimal && !Number.isInteger(value)) return '应为整数';
  if (decimal && /\.\d{3,}$/.test(clean)) return '最多两位小数';
  return value;
}

/** 学校年度基表 (import type `school-stats`): one row per school, 学年 and 学段. */
export const schoolStatsImport: ImportDefinition<ImportContext, StatRecord> = {
  type: 'school-stats',
  label: '学校年度基表',
  permission: 'stats.import',
  readPermission: 'stats.read',
  columns: COLUMNS,
  keyHeaders: ['学校标识码', '学年', '学段'],
  explanationHeader: '说明',
  incrementalMerge: true,
  stageColumns: [
    { name: 'school_id', type: 'integer' },
    { name: 'school_year', type: 'integer' },
    { name: 'stage', type: 'text' },
    ...FIGURE_COLUMNS.map((c) => ({ name: c.db, type: c.decimal ? 'numeric(12, 2)' : 'integer' })),
    { name: 'inclusive', type: 'boolean' },
    { name: 'grades', type: 'jsonb' },
    { name: 'explanations', type: 'jsonb' },
    { name: 'school_code', type: 'text' },
  ],

  async prepare({ db, countyCode, viewer }) {
    return { ...(await loadStatContext(db, countyCode, viewer.scope)), years: new Set() };
  },

  parseRow(cells, ctx, _rowNumber, row) {
    const issues: RowIssue[] = [];
    const code = cells['学校标识码'];
    const school = ctx.schoolsByCode.get(code);
    if (!school) return { issues: [{ column: '学校标识码', message: `本县没有学校标识码为${code}的学校` }] };
    if (!ctx.inScope(school.id))
      return { issues: [{ column: '学校标识码', message: `您无权填报“${school.name}”的数据` }] };
    const schoolYear = parseSchoolYear(cells['学年']);
    if (schoolYear === undefined || schoolYear < 2000 || schoolYear > new Date().getFullYear()) {
      return { issues: [{ column: '学年', message: `学年“${cells['学年']}”无效，应写作如“2024-2025学年”` }] };
    }
    const stage = STAGE_BY_LABEL.get(cells['学段'])!;
    const date = statisticsDate(schoolYear);
    const version = ctx.versionAt(school.id, date);
    if (!version)
      return {
        issues: [
          {
            column: '学校标识码',
            message: `“${school.name}”在${schoolYearLabel(schoolYear)}统计时点（${date}）不在办学，不能填报该学年数据`,
          },
        ],
      };
    const type = version.type as SchoolType;
    if (!(SCHOOL_TYPES[type].stages as readonly string[]).includes(stage)) {
      return {
        issues: [
          { column: '学段', message: `“${school.name}”是${SCHOOL_TYPES[type].label}，没有${cells['学段']}学段` },
        ],
      };
    }

    const figures = { grades: null } as StatFigures;
    // A column missing from the file keeps what is stored: a partial file corrects figures, it does not erase others.
    const stored = ctx.previous(school.id, schoolYear, stage);
    for (const column of FIGURE_COLUMNS) {
      if (cells[column.header] === undefined && stored) {
        figures[column.field] = stored[column.field];
        continue;
      }
      const parsed = parseNumber(cells[column.header] ?? '', !!column.decimal);
      if (typeof parsed === 'string')
        issues.push({ column: column.header, message: `“${column.header}”${parsed}（“${cells[column.header]}”）` });
      else figures[column.field] = parsed;
    }
    if (stage === 'preschool' && cells['在园幼儿数']) {
      const children = parseNumber(cells['在园幼儿数'], false);
      if (typeof children === 'string') issues.push({ column: '在园幼儿数', message: `“在园幼儿数”${children}` });
      else if (cells['在校生数'] && children !== figures.students)
        issues.push({
          column: '在园幼儿数',
          message: `在园幼儿数（${children}）与在校生数（${figures.students}）不一致`,
        });
      else figures.students = children;
    } else if (stage !== 'preschool' && cells['在园幼儿数']) {
      issues.push({ column: '在园幼儿数', message: '只有学前学段填写在园幼儿数' });
    }
    if (!cells['在校生数'] && !(stage === 'preschool' && cells['在园幼儿数']))
      issues.push({ column: '在校生数', message: '“在校生数”不能为空' });
    const grades: Record<string, number> = {};
    let gradesCleared = false;
    for (const grade of GRADE_COLUMNS) {
      if (!cells[grade.label]) continue;
      const value = parseNumber(cells[grade.label], false);
      if (typeof value === 'string') issues.push({ column: grade.label, message: `“${grade.label}”${value}` });
      else grades[grade.key] = value;
    }
    if (Object.keys(grades).length) figures.grades = grades;
    else if (GRADE_COLUMNS.every((g) => cells[g.label] === undefined) && stored?.grades) {
      // Stored grades stand while the total does; a new total makes them wrong, so they are cleared and asked for.
      if (stored.students === figures.students) figures.grades = stored.grades;
      else gradesCleared = true;
    }
    let inclusive: boolean | null = null;
    if (cells['是否普惠']) {
      if (stage !== 'preschool') issues.push({ column: '是否普惠', message: '只有幼儿园填写“是否普惠”' });
      else inclusive = cells['是否普惠'] === '是';
    }
    if (issues.length) return { issues };

    for (const problem of logicProblems(figures, stage))
      issues.push({ column: columnOf(problem.field), message: problem.message });
    if (issues.length) return { issues };
    const previous = ctx.previous(school.id, schoolYear - 1, stage);
    const plausibility = plausibilityProblems(figures, previous);
    for (const problem of plausibility) {
      issues.push({
        column: columnOf(problem.field),
        message: `${problem.message}，请在“说明”中写明原因`,
        severity: 'warning',
        needsExplanation: true,
      });
    }
    if (ctx.rosterCounts(school.id, schoolYear, stage)) {
      issues.push({
        column: '专任教师数',
        message: '该校已有教师名册，教师数以名册计算为准，本行的教师数列仅作核对',
        severity: 'warning',
      });
    }
    if (gradesCleared) {
      issues.push({
        column: '在校生数',
        message: '在校生数已变更，原有分年级在校生数不再适用，已清空；请补填分年级在校生数（九年级人数用于计算巩固率）',
        severity: 'warning',
      });
    }
    ctx.years.add(schoolYear);
    const explanations =
      plausibility.length && row.explanation
        ? plausibility.map((p) => ({ message: p.message, explanation: row.explanation! }))
        : null;
    return {
      record: {
        schoolId: school.id,
        schoolCode: code,
        schoolYear,
        stage,
        figures,
        inclusive: stage === 'preschool' ? (version.ownership === 'public' ? true : (inclusive ?? false)) : null,
        explanations,
      },
      issues,
    };
  },

  key: (r) => `${r.schoolCode}|${r.schoolYear}|${r.stage}`,

  toStageRow: (r) => [
    r.schoolId,
    r.schoolYear,
    r.stage,
    ...FIGURE_COLUMNS.map((c) => r.figures[c.field]),
    r.inclusive,
    r.figures.grades,
    r.explanations,
    r.schoolCode,
  ],

  async merge(trx, { stageTable, jobId, countyCode }) {
    const counts = await mergeKeyed(trx, {
      stageTable,
      target: 'school_stat',
      jobId,
      countyCode,
      keyColumns: ['school_id', 'school_year', 'stage'],
      valueColumns: [...FIGURE_COLUMNS.map((c) => c.db), 'inclusive', 'grades', 'explanations'],
      extraSet: { updated_at: sql`now()` },
      entityKey: sql<string>`s.school_code || ' ' || s.school_year || '学年 ' || s.stage`,
    });
    const { rows } = await sql<{
      school_year: number;
    }>`select distinct school_year from ${sql.table(stageTable)}`.execute(trx);
    await dataChanged(trx, { countyCode, area: 'stats', years: rows.map((r) => r.school_year) });
    return counts;
  },

  async *exportRows(db, { scope, countyCode }) {
    const rows = await db
      .selectFrom('school_stat')
      .innerJoin('school', 'school.id', 'school_stat.school_id')
      .where(schoolInScope(scope))
      .where('school_stat.county_code', '=', countyCode)
      .selectAll('school_stat')
      .select('school.code as school_code')
      .orderBy('school_stat.school_year')
      .orderBy('school.code')
      .orderBy('school_stat.stage')
      .execute();
    for (const r of rows) {
      const out: Record<string, string | number | null> = {
        学校标识码: r.school_code,
        学年: schoolYearLabel(r.school_year),
        学段: STAGES[r.stage as StatStage],
      };
      for (const c of FIGURE_COLUMNS) out[c.header] = Number((r as unknown as Record<string, number>)[c.db]);
      if (r.stage === 'preschool') {
        out['在园幼儿数'] = r.students;
        out['是否普惠'] = r.inclusive ? '是' : '否';
      }
      const grades = (r.grades ?? {}) as Record<string, number>;
      for (const g of GRADE_COLUMNS) if (grades[g.key] !== undefined) out[g.label] = grades[g.key];
      const explanations = (r.explanations ?? []) as { explanation: string }[];
      if (explanations.length) out['说明'] = explanations[0].explanation;
      yield out;
    }
  },
};

function columnOf(field: keyof StatFigures): string {
  if (field === 'grades') return '分年级在校生数';
  return FIGURE_COLUMNS.find((c) => c.field === field)?.header ?? field;
}
