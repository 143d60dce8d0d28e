import { sql } from 'kysely';
import { AppError } from '../../platform/errors';
import { dataChanged } from '../../platform/events';
import type { ImportColumn, ImportDefinition, RowIssue } from '../../platform/imports/define-import';
import { mergeKeyed } from '../../platform/imports/keyed-merge';

const COLUMNS: ImportColumn[] = [
  { header: '行政区划代码', required: true, text: true, example: '145523', help: '本县6位行政区划代码' },
  { header: '年份', required: true, example: '2024', help: '统计年份（对应该年秋季开始的学年）' },
  { header: '年龄', required: true, example: '3', help: '周岁，0至30' },
  { header: '人口数', required: true, example: '1286', help: '公安户籍或统计部门的该年龄人口数' },
  { header: '适龄三类残疾儿童少年数', example: '0', help: '视力、听力、智力残疾，仅6～15岁填写' },
  { header: '特殊教育学校就读人数', example: '0', help: '三类残疾儿童少年中在特殊教育学校就读的人数' },
  { header: '随班就读人数', example: '0', help: '在普通学校随班就读的人数' },
  { header: '送教上门人数', example: '0', help: '接受送教上门服务的人数' },
  { header: '数据来源', example: '县公安局户籍人口', help: '选填：公安、统计或卫健部门' },
];

const NUMBERS = [
  ['人口数', 'population'],
  ['适龄三类残疾儿童少年数', 'disabled'],
  ['特殊教育学校就读人数', 'enrolled_special'],
  ['随班就读人数', 'enrolled_regular'],
  ['送教上门人数', 'enrolled_home'],
] as const;

interface PopulationRecord {
  year: number;
  age: number;
  values: Record<(typeof NUMBERS)[number][1], number>;
  source: string | null;
}

/** Age-cohort populations (import type `population`): the denominators of the enrollment rates. */
export const populationImport: ImportDefinition<{ countyCode: string }, PopulationRecord> = {
  type: 'population',
  label: '适龄人口',
  permission: 'stats.import',
  readPermission: 'stats.read',
  columns: COLUMNS,
  keyHeaders: ['年份', '年龄'],
  incrementalMerge: true,
  stageColumns: [
    { name: 'year', type: 'integer' },
    { name: 'age', type: 'integer' },
    ...NUMBERS.map(([, db]) => ({ name: db, type: 'integer' })),
    { name: 'source', type: 'text' },
  ],
  prepare: async ({ countyCode, viewer }) => {
    if (viewer.scope.level === 'school' || viewer.scope.level === 'township') {
      throw new AppError('FORBIDDEN', { message: 'County scope needed', userMessage: '适龄人口由县级账号导入' });
    }
    return { countyCode };
  },
  parseRow(cells, ctx) {
    const issues: RowIssue[] = [];
    if (cells['行政区划代码'] !== ctx.countyCode)
      issues.push({
        column: '行政区划代码',
        message: `行政区划代码“${cells['行政区划代码']}”不是本县（${ctx.countyCode}）`,
      });
    const year = Number(cells['年份']);
    if (!/^\d{4}$/.test(cells['年份']) || year < 2000 || year > new Date().getFullYear())
      issues.push({ column: '年份', message: `年份“${cells['年份']}”无效` });
    const age = Number(cells['年龄']);
    if (!/^\d{1,2}$/.test(cells['年龄']) || age > 30)
      issues.push({ column: '年龄', message: `年龄“${cells['年龄']}”应为0至30的整数` });
    const values = {} as PopulationRecord['values'];
    for (const [header, key] of NUMBERS) {
      const text = (cells[header] ?? '').replace(/[,，]/g, '');
      if (text !== '' && !/^\d+$/.test(text)) issues.push({ column: header, message: `“${header}”应为非负整数` });
      values[key] = text === '' ? 0 : Number(text);
    }
    if (issues.length) return { issues };
    if (values.disabled > values.population)
      issues.push({ column: '适龄三类残疾儿童少年数', message: '三类残疾儿童少年数不能多于人口数' });
    const enrolled = values.enrolled_special + values.enrolled_regular + values.enrolled_home;
    if (enrolled > values.disabled)
      issues.push({
        column: '适龄三类残疾儿童少年数',
        message: `已入学的三类残疾儿童少年（${enrolled}）多于适龄人数（${values.disabled}）`,
      });
    if (values.disabled > 0 && (age < 6 || age > 15))
      issues.push({ column: '年龄', message: '适龄三类残疾儿童少年数只在6～15岁填写' });
    if (issues.length) return { issues };
    return { record: { year, age, values, source: cells['数据来源'] || null }, issues };
  },
  key: (r) => `${r.year}|${r.age}`,
  toStageRow: (r) => [r.year, r.age, ...NUMBERS.map(([, key]) => r.values[key]), r.source],
  async merge(trx, { stageTable, jobId, countyCode }) {
    const counts = await mergeKeyed(trx, {
      stageTable,
      target: 'population',
      jobId,
      countyCode,
      keyColumns: ['year', 'age'],
      valueColumns: [...NUMBERS.map(([, db]) => db), 'source'],
      entityKey: sql<string>`s.year || '年 ' || s.age || '岁'`,
    });
    const { rows } = await sql<{ year: number }>`select distinct year from ${sql.table(stageTable)}`.execute(trx);
    await dataChanged(trx, { countyCode, area: 'population', years: rows.map((r) => r.year) });
    return counts;
  },
  async *exportRows(db, { countyCode }) {
    const rows = await db
      .selectFrom('population')
      .selectAll()
      .where('county_code', '=', countyCode)
      .orderBy('year')
      .orderBy('age')
      .execute();
    for (const r of rows) {
      yield {
        行政区划代码: r.county_code,
        年份: r.year,
        年龄: r.age,
        人口数: r.population,
        适龄三类残疾儿童少年数: r.disabled,
        特殊教育学校就读人数: r.enrolled_special,
        随班就读人数: r.enrolled_regular,
        送教上门人数: r.enrolled_home,
        数据来源: r.source,
      };
    }
  },
};
