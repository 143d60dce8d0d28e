import { sql } from 'kysely';
import { codeFromLabel, labelsOf, OWNERSHIPS, SCHOOL_TYPES, URBAN_RURAL } from '../../domain/org/school-types';
import { parseDateText } from '../../domain/period';
import { dataChanged } from '../../platform/events';
import type { ImportColumn, ImportDefinition, RowIssue } from '../../platform/imports/define-import';
import { schoolInScope } from '../../platform/scope';
import {
  loadSchoolContext,
  SCHOOL_FIELD_LABELS,
  type SchoolContext,
  type SchoolInput,
  schoolProblems,
  townshipIdOf,
} from './school-rules';

const COLUMNS: ImportColumn[] = [
  {
    header: '学校标识码',
    required: true,
    text: true,
    example: '2114552301',
    width: 16,
    help: '教育部10位学校(机构)标识码，前两位为学校类别（11幼儿园、21小学、31初中、34高中、36中职、51特教），第3-4位为省份代码',
  },
  { header: '学校名称', required: true, example: '城关镇第一小学', width: 28, help: '学校全称，2至60个字' },
  { header: '学校类型', required: true, options: labelsOf(SCHOOL_TYPES), example: '小学', help: '从下拉列表选择' },
  {
    header: '办学性质',
    required: true,
    options: labelsOf(OWNERSHIPS),
    example: '公办',
    help: '从下拉列表选择；“普惠性民办”只适用于幼儿园',
  },
  {
    header: '城乡类型',
    required: true,
    options: labelsOf(URBAN_RURAL),
    example: '城区',
    help: '按国家统计局城乡划分代码归入城区、镇区或乡村',
  },
  {
    header: '所属乡镇',
    required: true,
    aliases: ['乡镇', '所属乡镇(街道)', '所属学区'],
    example: '城关镇',
    width: 14,
    help: '乡镇（街道）名称或9位代码，从下拉列表选择',
  },
  {
    header: '统一社会信用代码',
    text: true,
    example: '12145523MB0000011B',
    width: 22,
    help: '18位，公办学校以12开头，民办学校多以52开头；教学点可不填',
  },
  { header: '地址', example: '城关镇解放路12号', width: 30, help: '学校所在详细地址' },
  {
    header: '所属学校标识码',
    aliases: ['所属学校'],
    text: true,
    example: '',
    width: 16,
    help: '仅教学点填写：其所属小学或九年一贯制学校的学校标识码',
  },
  { header: '建校日期', example: '1956-09-01', width: 12, help: '格式如 1956-09-01，用于按日期查询当时的学校' },
];

interface ImportContext extends SchoolContext {
  /** Codes and types of the schools in this file, for 教学点 whose parent is in the same file. */
  fileSchools: Map<string, string>;
  parentRefs: { row: number; parentCode: string }[];
}

/** 学校 import (first user of the import engine): creates and corrects school records by 学校标识码. */
export const schoolsImport: ImportDefinition<ImportContext, SchoolInput> = {
  type: 'schools',
  label: '学校',
  permission: 'org.import',
  readPermission: 'org.read',
  columns: COLUMNS,
  keyHeaders: ['学校标识码'],
  stageColumns: [
    { name: 'code', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'type', type: 'text' },
    { name: 'ownership', type: 'text' },
    { name: 'urban_rural', type: 'text' },
    { name: 'township_id', type: 'integer' },
    { name: 'parent_code', type: 'text' },
    { name: 'credit_code', type: 'text' },
    { name: 'address', type: 'text' },
    { name: 'opened_on', type: 'date' },
  ],

  async prepare({ db, countyCode }) {
    return { ...(await loadSchoolContext(db, countyCode)), fileSchools: new Map(), parentRefs: [] };
  },

  templateOptions(ctx) {
    return { 所属乡镇: ctx.townships.map((t) => t.name) };
  },

  parseRow(cells, ctx, rowNumber) {
    const issues: RowIssue[] = [];
    const townshipText = cells['所属乡镇'];
    const townshipId = townshipIdOf(ctx, townshipText);
    if (townshipId === undefined) {
      issues.push({
        column: '所属乡镇',
        message: `所属乡镇“${townshipText}”不存在，应为：${ctx.townships.map((t) => t.name).join('、')}`,
      });
    }
    const openedText = cells['建校日期'] ?? '';
    const openedOn = openedText ? parseDateText(openedText) : null;
    if (openedText && !openedOn)
      issues.push({ column: '建校日期', message: `建校日期“${openedText}”不是有效日期，格式如 1956-09-01` });
    if (issues.length) return { issues };

    const input: SchoolInput = {
      code: cells['学校标识码'],
      name: cells['学校名称'],
      type: codeFromLabel(SCHOOL_TYPES, cells['学校类型'])!,
      ownership: codeFromLabel(OWNERSHIPS, cells['办学性质'])!,
      urbanRural: codeFromLabel(URBAN_RURAL, cells['城乡类型'])!,
      townshipId: townshipId!,
      parentCode: cells['所属学校标识码'] || null,
      creditCode: cells['统一社会信用代码']?.toUpperCase() || null,
      address: cells['地址'] || null,
      openedOn: openedOn ?? null,
    };
    // Parents named in this file are checked once the whole file has been read (finish).
    for (const p of schoolProblems(input, ctx, ctx.fileSchools)) {
      issues.push({ column: SCHOOL_FIELD_LABELS[p.field], message: p.message, severity: p.severity });
    }
    if (issues.some((i) => i.severity !== 'warning')) return { issues };
    ctx.fileSchools.set(input.code, input.type);
    if (input.parentCode && !ctx.schoolsByCode.has(input.parentCode))
      ctx.parentRefs.push({ row: rowNumber, parentCode: input.parentCode });
    return { record: input, issues };
  },

  key: (record) => record.code,

  finish(ctx) {
    const problems: { row: number; column: string; message: string }[] = [];
    for (const ref of ctx.parentRefs) {
      const parentType = ctx.fileSchools.get(ref.parentCode);
      if (!parentType) {
        problems.push({
          row: ref.row,
          column: '所属学校标识码',
          message: `所属学校${ref.parentCode}既不是本县已有学校，也不在本文件中`,
        });
      } else if (!['primary', 'nine_year'].includes(parentType)) {
        problems.push({ row: ref.row, column: '所属学校标识码', message: '教学点的所属学校应为小学或九年一贯制学校' });
      }
    }
    return problems;
  },

  toStageRow: (r) => [
    r.code,
    r.name,
    r.type,
    r.ownership,
    r.urbanRural,
    r.townshipId,
    r.parentCode,
    r.creditCode,
    r.address,
    r.openedOn,
  ],

  async merge(trx, { stageTable, jobId, countyCode, actor }) {
    const stage = sql.table(stageTable);
    await sql`alter table ${stage} add column is_new boolean not null default false`.execute(trx);
    await sql`update ${stage} s set is_new = true
      where not exists (select 1 from school t where t.county_code = ${countyCode} and t.code = s.code)`.execute(trx);

    const inserted =
      await sql`insert into school (county_code, code, name, type, ownership, urban_rural, township_id, credit_code, address, opened_on)
      select ${countyCode}, code, name, type, ownership, urban_rural, township_id, credit_code, address, opened_on
      from ${stage} where is_new order by row_number`.execute(trx);
    await sql`update school t set parent_school_id = p.id
      from ${stage} s join school p on p.county_code = ${countyCode} and p.code = s.parent_code
      where s.is_new and t.county_code = ${countyCode} and t.code = s.code`.execute(trx);
    await sql`insert into school_version (county_code, school_id, valid_from, name, type, ownership, urban_rural, township_id, parent_school_id, status, change_kind, note, recorded_by)
      select ${countyCode}, t.id, coalesce(t.opened_on, current_date), t.name, t.type, t.ownership, t.urban_rural, t.township_id, t.parent_school_id, 'open', 'open', '导入建档', ${actor.id}
      from ${stage} s join school t on t.county_code = ${countyCode} and t.code = s.code where s.is_new`.execute(trx);

    // Existing schools: keep the before and after of every row that changes, then correct the record and its current version.
    const changed = sql`select s.row_number, t.id, s.code,
        jsonb_build_object('name', t.name, 'type', t.type, 'ownership', t.ownership, 'urban_rural', t.urban_rural, 'township_id', t.township_id,
          'parent_code', tp.code, 'credit_code', t.credit_code, 'address', t.address, 'opened_on', t.opened_on) as before,
        jsonb_build_object('name', s.name, 'type', s.type, 'ownership', s.ownership, 'urban_rural', s.urban_rural, 'township_id', s.township_id,
          'parent_code', s.parent_code, 'credit_code', s.credit_code, 'address', s.address, 'opened_on', s.opened_on) as after,
        sp.id as parent_id
      from ${stage} s
      join school t on t.county_code = ${countyCode} and t.code = s.code
      left join school tp on tp.id = t.parent_school_id
      left join school sp on sp.county_code = ${countyCode} and sp.code = s.parent_code
      where not s.is_new`;
    await sql`create temp table import_school_changes on commit drop as
      select * from (${changed}) c where c.before is distinct from c.after`.execute(trx);
    await sql`insert into import_change (job_id, county_code, row_number, entity_key, before, after)
      select ${jobId}, ${countyCode}, row_number, code, before, after from import_school_changes`.execute(trx);
    const updated =
      await sql`update school t set name = s.name, type = s.type, ownership = s.ownership, urban_rural = s.urban_rural,
        township_id = s.township_id, parent_school_id = c.parent_id, credit_code = s.credit_code, address = s.address,
        opened_on = s.opened_on, updated_at = now()
      from import_school_changes c join ${stage} s on s.row_number = c.row_number
      where t.id = c.id`.execute(trx);
    await sql`update school_version v set name = t.name, type = t.type, ownership = t.ownership, urban_rural = t.urban_rural,
        township_id = t.township_id, parent_school_id = t.parent_school_id
      from import_school_changes c join school t on t.id = c.id
      where v.school_id = c.id and v.valid_to is null`.execute(trx);
    await dataChanged(trx, { countyCode, area: 'schools' });
    return { inserted: Number(inserted.numAffectedRows ?? 0), updated: Number(updated.numAffectedRows ?? 0) };
  },

  async *exportRows(db, { scope, countyCode }) {
    const rows = await db
      .selectFrom('school')
      .innerJoin('township', 'township.id', 'school.township_id')
      .leftJoin('school as parent', 'parent.id', 'school.parent_school_id')
      .where(schoolInScope(scope))
      .where('school.county_code', '=', countyCode)
      .select([
        'school.code',
        'school.name',
        'school.type',
        'school.ownership',
        'school.urban_rural',
        'township.name as township',
        'school.credit_code',
        'school.address',
        'parent.code as parent_code',
        'school.opened_on',
        'school.status',
      ])
      .orderBy('township.sort_order')
      .orderBy('school.code')
      .execute();
    for (const r of rows) {
      yield {
        学校标识码: r.code,
        学校名称: r.name,
        学校类型: SCHOOL_TYPES[r.type as keyof typeof SCHOOL_TYPES]?.label ?? r.type,
        办学性质: OWNERSHIPS[r.ownership as keyof typeof OWNERSHIPS] ?? r.ownership,
        城乡类型: URBAN_RURAL[r.urban_rural as keyof typeof URBAN_RURAL] ?? r.urban_rural,
        所属乡镇: r.township,
        统一社会信用代码: r.credit_code,
        地址: r.address,
        所属学校标识码: r.parent_code,
        建校日期: r.opened_on,
      };
    }
  },
};
