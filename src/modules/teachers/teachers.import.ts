import { sql } from 'kysely';
import { copyRows } from '../../db/bulk';
import { checkIdCard, idCardFacts } from '../../domain/codes/id-card';
import { maskIdNumber, maskPhone } from '../../domain/masking';
import { codeFromLabel, labelsOf } from '../../domain/org/school-types';
import { parseDateText, todayInChina } from '../../domain/period';
import { EVENT_LABELS, validateEvent } from '../../domain/teachers/event-validation';
import { applyEvent, foldEvents, type TeacherEvent } from '../../domain/teachers/events';
import type { TeacherRecord } from '../../domain/teachers/teacher-state';
import {
  BACKBONE_LEVELS,
  BACKBONE_TIERS,
  EDUCATION_LEVELS,
  ESTABLISHMENTS,
  POSTS,
  RECRUITMENT_CHANNELS,
  SUBJECTS,
  TEACHER_STAGES,
  TITLES,
  TRANSFER_KINDS,
} from '../../domain/teachers/vocab';
import { dataChanged } from '../../platform/events';
import type { ImportColumn, ImportDefinition, RowIssue } from '../../platform/imports/define-import';
import { lookupHash, seal } from '../../platform/personal-data/seal';
import { schoolInScope } from '../../platform/scope';
import { eventToRow } from './event-rows';
import { loadHistories, refreshTeacherState } from './roster';

const COLUMNS: ImportColumn[] = [
  {
    header: '身份证号',
    required: true,
    text: true,
    example: '142301199003150025',
    width: 22,
    help: '18位公民身份号码；出生日期和性别由身份证号得出，无需填写',
  },
  { header: '姓名', required: true, example: '王丽', help: '与身份证一致' },
  { header: '民族', example: '汉族', help: '选填' },
  { header: '联系电话', text: true, example: '13812345678', help: '选填；列表与导出中脱敏显示' },
  {
    header: '学校标识码',
    required: true,
    text: true,
    example: '2114552301',
    width: 14,
    help: '教师当前任职学校的10位标识码；与名册不同即登记为调动',
  },
  {
    header: '任教学段',
    required: true,
    options: labelsOf(TEACHER_STAGES),
    example: '小学',
    help: '九年一贯制、完全中学按主要任教学段填写',
  },
  {
    header: '岗位类别',
    required: true,
    options: labelsOf(POSTS),
    example: '专任教师',
    help: '专任教师、管理、教辅、工勤',
  },
  { header: '主要任教学科', options: labelsOf(SUBJECTS), example: '语文', help: '专任教师必填' },
  {
    header: '最高学历',
    required: true,
    options: labelsOf(EDUCATION_LEVELS),
    example: '本科',
    help: '教育统计口径的最高学历',
  },
  { header: '职称', options: labelsOf(TITLES), example: '一级教师', help: '已取得的职称（评）；不填视为未定级' },
  { header: '聘任岗位等级', options: labelsOf(TITLES), example: '', help: '评聘分开时填写实际聘任的等级；不高于职称' },
  {
    header: '编制情况',
    required: true,
    options: labelsOf(ESTABLISHMENTS),
    example: '在编',
    help: '在编、编外合同、劳务派遣、代课',
  },
  {
    header: '补充渠道',
    required: true,
    options: labelsOf(RECRUITMENT_CHANNELS),
    example: '公开招聘',
    help: '入职时的补充渠道（特岗计划、三支一扶等）',
  },
  { header: '教师资格证种类', example: '小学教师资格', help: '选填' },
  { header: '骨干等级', options: labelsOf(BACKBONE_LEVELS), example: '', help: '县级、市级或省级骨干教师' },
  {
    header: '骨干层级',
    options: labelsOf(BACKBONE_TIERS),
    example: '',
    help: '实行梯次培养的县填写（合格、骨干、精英、卓越）',
  },
  { header: '骨干认定年度', example: '', help: '填写骨干等级时必填，如 2024' },
  {
    header: '入职日期',
    required: true,
    example: '2015-09-01',
    help: '参加本县教育工作的日期；新登记教师的入职事件以此为生效日期',
  },
  { header: '变动日期', example: '', help: '再次导入时，调动、职称等变化的生效日期；不填为今天' },
  { header: '调动方式', options: labelsOf(TRANSFER_KINDS), example: '', help: '学校变化时的调动方式；不填为“调动”' },
];

interface TeacherImportRecord {
  teacherId: number | null;
  hash: string;
  sealed: string;
  masked: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity: string | null;
  phoneSealed: string | null;
  phoneMasked: string | null;
  certificate: string | null;
  events: ReturnType<typeof eventToRow>[];
  summary: string;
}

interface Context {
  countyCode: string;
  schools: Map<string, { id: number; name: string; inScope: boolean }>;
  schoolNames: Map<number, string>;
  schoolScoped: boolean;
  /** Existing teachers by ID hash, with their state after every recorded event and their last event date. */
  existing: Map<string, { id: number; record: TeacherRecord | undefined; lastEvent: string }>;
  today: string;
}

const coded = <T extends Record<string, string | { label: string }>>(
  table: T,
  header: string,
  cells: Readonly<Record<string, string>>,
  issues: RowIssue[],
  required = false,
): keyof T | null => {
  const text = cells[header]?.trim() ?? '';
  if (!text) {
    if (required) issues.push({ column: header, message: `“${header}”不能为空` });
    return null;
  }
  const code = codeFromLabel(table, text);
  if (code === undefined)
    issues.push({ column: header, message: `“${header}”的值“${text}”不在可选项内（${labelsOf(table).join('、')}）` });
  return code ?? null;
};

/** 教师名册 (import type `teachers`): one row per person; a changed row becomes events (调动, 职称晋升…), never edits. */
export const teachersImport: ImportDefinition<Context, TeacherImportRecord> = {
  type: 'teachers',
  label: '教师名册',
  permission: 'teacher.import',
  readPermission: 'teacher.read',
  columns: COLUMNS,
  keyHeaders: ['身份证号'],
  stageColumns: [
    { name: 'teacher_id', type: 'integer' },
    { name: 'id_hash', type: 'text' },
    { name: 'id_sealed', type: 'text' },
    { name: 'id_masked', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'sex', type: 'text' },
    { name: 'birth_date', type: 'date' },
    { name: 'ethnicity', type: 'text' },
    { name: 'phone_sealed', type: 'text' },
    { name: 'phone_masked', type: 'text' },
    { name: 'certificate', type: 'text' },
    { name: 'events', type: 'jsonb' },
    { name: 'summary', type: 'text' },
  ],

  async prepare({ db, countyCode, viewer }) {
    const [schools, visible, teachers, history] = await Promise.all([
      db.selectFrom('school').select(['id', 'code', 'name']).where('county_code', '=', countyCode).execute(),
      db.selectFrom('school').select('school.id').where(schoolInScope(viewer.scope)).execute(),
      db.selectFrom('teacher').select(['id', 'id_hash']).where('county_code', '=', countyCode).execute(),
      loadHistories(db, countyCode),
    ]);
    const visibleIds = new Set(visible.map((s) => s.id));
    const { roster } = foldEvents(history.events, '9999-12-31');
    const records = new Map(roster.entries.map((e) => [e.teacherId, e as TeacherRecord]));
    const lastEvent = new Map<number, string>();
    for (const e of history.events)
      if ((lastEvent.get(e.teacherId) ?? '') < e.effective) lastEvent.set(e.teacherId, e.effective);
    return {
      countyCode,
      schools: new Map(schools.map((s) => [s.code, { id: s.id, name: s.name, inScope: visibleIds.has(s.id) }])),
      schoolNames: new Map(schools.map((s) => [s.id, s.name])),
      schoolScoped: viewer.scope.level === 'school' || viewer.scope.level === 'township',
      existing: new Map(
        teachers.map((t) => [t.id_hash, { id: t.id, record: records.get(t.id), lastEvent: lastEvent.get(t.id) ?? '' }]),
      ),
      today: todayInChina(),
    };
  },

  parseRow(cells, ctx) {
    const issues: RowIssue[] = [];
    const id = checkIdCard(cells['身份证号'] ?? '');
    if (!id.ok) return { issues: [{ column: '身份证号', message: id.reason }] };
    const name = cells['姓名']?.trim() ?? '';
    if (!name) issues.push({ column: '姓名', message: '“姓名”不能为空' });
    const school = ctx.schools.get(cells['学校标识码']?.trim() ?? '');
    if (!school) issues.push({ column: '学校标识码', message: `本县没有学校标识码为${cells['学校标识码']}的学校` });
    else if (!school.inScope) issues.push({ column: '学校标识码', message: `您无权登记“${school.name}”的教师` });
    const stage = coded(TEACHER_STAGES, '任教学段', cells, issues, true);
    const post = coded(POSTS, '岗位类别', cells, issues, true);
    const subject = coded(SUBJECTS, '主要任教学科', cells, issues);
    if (post === 'full_time_teacher' && !subject && !cells['主要任教学科'])
      issues.push({ column: '主要任教学科', message: '专任教师须填写主要任教学科' });
    const education = coded(EDUCATION_LEVELS, '最高学历', cells, issues, true);
    const title = coded(TITLES, '职称', cells, issues) ?? 'unrated';
    const appointed = coded(TITLES, '聘任岗位等级', cells, issues);
    const establishment = coded(ESTABLISHMENTS, '编制情况', cells, issues, true);
    const channel = coded(RECRUITMENT_CHANNELS, '补充渠道', cells, issues, true);
    const backbone = coded(BACKBONE_LEVELS, '骨干等级', cells, issues);
    const tier = coded(BACKBONE_TIERS, '骨干层级', cells, issues);
    const backboneYear = Number(cells['骨干认定年度'] || 0);
    if (backbone && !(backboneYear >= 1990 && backboneYear <= Number(ctx.today.slice(0, 4))))
      issues.push({ column: '骨干认定年度', message: '填写骨干等级时须填写认定年度（如 2024）' });
    const hired = parseDateText(cells['入职日期'] ?? '');
    if (!hired) issues.push({ column: '入职日期', message: `“入职日期”“${cells['入职日期'] ?? ''}”不是有效日期` });
    else if (hired > ctx.today) issues.push({ column: '入职日期', message: '入职日期不能晚于今天' });
    const changed = cells['变动日期'] ? parseDateText(cells['变动日期']) : ctx.today;
    if (!changed) issues.push({ column: '变动日期', message: `“变动日期”“${cells['变动日期']}”不是有效日期` });
    const transferKind = coded(TRANSFER_KINDS, '调动方式', cells, issues) ?? 'reassignment';
    if (issues.length || !school || !stage || !post || !education || !establishment || !channel || !hired || !changed)
      return { issues };

    const hash = lookupHash(id.value);
    const existing = ctx.existing.get(hash);
    const record = existing?.record;
    const events: TeacherEvent[] = [];
    const teacherId = existing?.id ?? 0;
    // biome-ignore lint/complexity/useOptionalChain: the explicit test narrows record for the else branch
    if (!record || record.status !== 'employed') {
      if (record)
        return {
          issues: [
            {
              column: '身份证号',
              message: `${name}已于${record.leftOn}${record.status === 'retired' ? '退休' : '离开教师队伍'}；如确需重新聘用，请在教师页面登记入职`,
            },
          ],
        };
      if (ctx.schoolScoped && existing) return { issues: [{ column: '身份证号', message: '该教师不在您的学校' }] };
      events.push({
        kind: 'hire',
        teacherId,
        effective: hired,
        name,
        idNumber: id.value,
        schoolId: school.id,
        stage,
        post,
        subject,
        channel,
        establishment,
        education,
        title,
        appointedTitle: appointed,
      });
      if (backbone)
        events.push({
          kind: 'backbone',
          teacherId,
          effective: recognitionDate(backboneYear, hired, ctx.today),
          level: backbone,
          tier: tier ?? undefined,
          year: backboneYear,
        });
    } else {
      if (ctx.schoolScoped && record.schoolId !== school.id)
        return {
          issues: [
            {
              column: '学校标识码',
              message: `${name}目前在“${ctx.schoolNames.get(record.schoolId)}”，学校之间的调动由教育局办理`,
            },
          ],
        };
      if (changed < existing.lastEvent)
        return {
          issues: [{ column: '变动日期', message: `变动日期不能早于该教师最近一次变动（${existing.lastEvent}）` }],
        };
      const differs = <T>(a: T, b: T) => a !== b;
      const moveFields = {
        stage: differs(stage, record.stage) ? stage : undefined,
        post: differs(post, record.post) ? post : undefined,
        subject: differs(subject, record.subject) ? subject : undefined,
      };
      if (school.id !== record.schoolId)
        events.push({
          kind: 'transfer',
          teacherId,
          effective: changed,
          toSchoolId: school.id,
          transferKind,
          ...moveFields,
        });
      else if (
        moveFields.stage ||
        moveFields.post ||
        moveFields.subject !== undefined ||
        establishment !== record.establishment
      )
        events.push({
          kind: 'assignment',
          teacherId,
          effective: changed,
          ...moveFields,
          ...(establishment !== record.establishment ? { establishment } : {}),
        });
      if (school.id !== record.schoolId && establishment !== record.establishment)
        events.push({ kind: 'assignment', teacherId, effective: changed, establishment });
      if (education !== record.education) events.push({ kind: 'education', teacherId, effective: changed, education });
      if (title !== record.title) events.push({ kind: 'title_promotion', teacherId, effective: changed, title });
      if (appointed && appointed !== record.appointedTitle)
        events.push({ kind: 'appointment', teacherId, effective: changed, title: appointed });
      if (backbone && (backbone !== record.backbone?.level || backboneYear !== record.backbone?.year))
        events.push({
          kind: 'backbone',
          teacherId,
          effective: changed,
          level: backbone,
          tier: tier ?? undefined,
          year: backboneYear,
        });
    }
    // Each event must hold against the state the previous ones leave (the same rules as the teacher page).
    let state = record;
    for (const event of events) {
      const reasons = validateEvent(event, state);
      if (reasons.length)
        return {
          issues: reasons.map((message) => ({
            column: columnOf(event),
            message: `${EVENT_LABELS[event.kind]}：${message}`,
          })),
        };
      state = applyEvent(state, event);
    }
    const facts = idCardFacts(id.value);
    const sealed = seal(id.value);
    const phone = cells['联系电话']?.replace(/\s/g, '') || null;
    let current = record?.schoolId ?? null;
    const rows = events.map((event) => {
      const row = eventToRow(event, current);
      if (event.kind === 'transfer' || event.kind === 'hire') current = row.school_id;
      return row;
    });
    return {
      record: {
        teacherId: existing?.id ?? null,
        hash,
        sealed: sealed.sealed,
        masked: maskIdNumber(id.value),
        name,
        sex: facts.sex,
        birthDate: facts.birthDate,
        ethnicity: cells['民族']?.trim() || null,
        phoneSealed: phone ? seal(phone).sealed : null,
        phoneMasked: phone ? maskPhone(phone) : null,
        certificate: cells['教师资格证种类']?.trim() || null,
        events: rows,
        summary: events.map((e) => EVENT_LABELS[e.kind]).join('、'),
      },
      issues,
    };
  },

  key: (r) => r.hash,
  displayKey: (r) => `${r.masked} ${r.name}`,

  toStageRow: (r) => [
    r.teacherId,
    r.hash,
    r.sealed,
    r.masked,
    r.name,
    r.sex,
    r.birthDate,
    r.ethnicity,
    r.phoneSealed,
    r.phoneMasked,
    r.certificate,
    r.events,
    r.summary,
  ],

  async merge(trx, { stageTable, jobId, countyCode, actor }) {
    const stage = sql.table(stageTable);
    const today = todayInChina();
    // New people first, so their events can point at them.
    const { rows: created } = await sql<{ id: number; id_hash: string }>`
      insert into teacher (county_code, id_hash, id_sealed, id_masked, name, sex, birth_date, ethnicity, phone_sealed, phone_masked, certificate, status, state_as_of)
      select ${countyCode}, id_hash, id_sealed, id_masked, name, sex, birth_date, ethnicity, phone_sealed, phone_masked, certificate, 'employed', ${today}
      from ${stage} where teacher_id is null
      returning id, id_hash`.execute(trx);
    const newIds = new Map(created.map((c) => [c.id_hash, c.id]));
    await sql`update teacher t set name = s.name, ethnicity = coalesce(s.ethnicity, t.ethnicity),
        phone_sealed = coalesce(s.phone_sealed, t.phone_sealed), phone_masked = coalesce(s.phone_masked, t.phone_masked),
        certificate = coalesce(s.certificate, t.certificate)
      from ${stage} s where t.id = s.teacher_id and (t.name, t.ethnicity, t.phone_masked, t.certificate) is distinct from
        (s.name, coalesce(s.ethnicity, t.ethnicity), coalesce(s.phone_masked, t.phone_masked), coalesce(s.certificate, t.certificate))`.execute(
      trx,
    );
    const { rows: staged } = await sql<{
      row_number: number;
      teacher_id: number | null;
      id_hash: string;
      id_masked: string;
      name: string;
      events: ReturnType<typeof eventToRow>[];
      summary: string;
    }>`
      select row_number, teacher_id, id_hash, id_masked, name, events, summary from ${stage} order by row_number`.execute(
      trx,
    );
    const eventRows: unknown[][] = [];
    const touched: number[] = [];
    const changes: unknown[][] = [];
    let updated = 0;
    for (const row of staged) {
      const teacherId = row.teacher_id ?? newIds.get(row.id_hash)!;
      if (row.events.length) touched.push(teacherId);
      if (row.teacher_id !== null && row.events.length) {
        updated++;
        changes.push([
          jobId,
          countyCode,
          row.row_number,
          `${row.id_masked} ${row.name}`,
          null,
          JSON.stringify({ 变动: row.summary }),
        ]);
      }
      for (const e of row.events)
        eventRows.push([
          countyCode,
          teacherId,
          e.kind,
          e.effective_date,
          e.school_id,
          e.from_school_id,
          e.details,
          jobId,
          actor.id,
        ]);
    }
    await copyRows(
      trx,
      'teacher_event',
      [
        'county_code',
        'teacher_id',
        'kind',
        'effective_date',
        'school_id',
        'from_school_id',
        'details',
        'import_job_id',
        'recorded_by',
      ],
      eventRows,
    );
    await copyRows(
      trx,
      'import_change',
      ['job_id', 'county_code', 'row_number', 'entity_key', 'before', 'after'],
      changes,
    );
    await refreshTeacherState(trx, countyCode, touched, today);
    if (touched.length) await dataChanged(trx, { countyCode, area: 'teachers' });
    return { inserted: created.length, updated };
  },

  async *exportRows(db, { scope, countyCode }) {
    const rows = await db
      .selectFrom('teacher')
      .innerJoin('school', 'school.id', 'teacher.school_id')
      .where('teacher.county_code', '=', countyCode)
      .where('teacher.status', '=', 'employed')
      .where(schoolInScope(scope))
      .select([
        'teacher.id_masked',
        'teacher.name',
        'teacher.ethnicity',
        'teacher.phone_masked',
        'school.code',
        'teacher.stage',
        'teacher.post',
        'teacher.subject',
        'teacher.education',
        'teacher.title',
        'teacher.appointed_title',
        'teacher.establishment',
        'teacher.channel',
        'teacher.certificate',
        'teacher.backbone_level',
        'teacher.backbone_tier',
        'teacher.hired_on',
      ])
      .orderBy('school.code')
      .orderBy('teacher.name')
      .execute();
    const label = (table: Record<string, string | { label: string }>, key: string | null) => {
      if (!key) return null;
      const value = table[key];
      return typeof value === 'string' ? value : (value?.label ?? key);
    };
    // Exports are masked like every list: the full ID number needs a permission and a reveal, one at a time.
    for (const r of rows) {
      yield {
        身份证号: r.id_masked,
        姓名: r.name,
        民族: r.ethnicity,
        联系电话: r.phone_masked,
        学校标识码: r.code,
        任教学段: label(TEACHER_STAGES, r.stage),
        岗位类别: label(POSTS, r.post),
        主要任教学科: label(SUBJECTS, r.subject),
        最高学历: label(EDUCATION_LEVELS, r.education),
        职称: label(TITLES, r.title),
        聘任岗位等级: label(TITLES, r.appointed_title),
        编制情况: label(ESTABLISHMENTS, r.establishment),
        补充渠道: label(RECRUITMENT_CHANNELS, r.channel),
        教师资格证种类: r.certificate,
        骨干等级: label(BACKBONE_LEVELS, r.backbone_level),
        骨干层级: label(BACKBONE_TIERS, r.backbone_tier),
        入职日期: r.hired_on,
      };
    }
  },
};

/** A recognition listed with a new teacher: on record from the end of its year, not before the hire nor after today. */
function recognitionDate(year: number, hired: string, today: string): string {
  const yearEnd = `${year}-12-31`;
  return yearEnd < hired ? hired : yearEnd > today ? today : yearEnd;
}

function columnOf(event: TeacherEvent): string {
  switch (event.kind) {
    case 'hire':
      return '入职日期';
    case 'transfer':
      return '学校标识码';
    case 'education':
      return '最高学历';
    case 'title_promotion':
      return '职称';
    case 'appointment':
      return '聘任岗位等级';
    case 'backbone':
      return '骨干等级';
    default:
      return '岗位类别';
  }
}
