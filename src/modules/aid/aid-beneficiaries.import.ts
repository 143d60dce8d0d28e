import { AID_CATEGORIES, HARDSHIP_LEVELS, hardshipLevelFromText, parseCategories } from '../../domain/aid/categories';
import { AID_CHECK_RULES, type AidFinding } from '../../domain/aid/check-rules';
import { checkBeneficiaryRows, type StoredAidRow } from '../../domain/aid/checks';
import { programById, programFromText } from '../../domain/aid/programs';
import {
  AID_COLUMNS,
  type BeneficiaryRow,
  type SchoolInTerm,
  stageOfRow,
  stagesOfSchoolType,
} from '../../domain/aid/records';
import type { AidProgram, AidStage, StandardOverride } from '../../domain/aid/types';
import { maskIdNumber } from '../../domain/masking';
import { parseTerm, type Term, termCode, termLabel } from '../../domain/period';
import { parseYuanToFen } from '../../domain/phrasing/money';
import type { ImportColumn, ImportDefinition } from '../../platform/imports/define-import';
import { lookupHash, seal } from '../../platform/personal-data/seal';
import { isCountyWide, schoolInScope } from '../../platform/scope';
import { loadAidCatalog } from './aid-catalog';
import { type AidDirectory, loadAidDirectory } from './aid-directory';
import { mergeAidLists } from './aid-import-merge';
import { exportListRows } from './aid-lists.repository';
import { BATCH_STATUSES } from './batch-workflow';

const COLUMNS: ImportColumn[] = [
  { header: AID_COLUMNS.term, required: true, example: '2024年秋季学期', help: '如 2024年秋季学期、2025年春季学期' },
  {
    header: AID_COLUMNS.programId,
    required: true,
    example: '义务教育家庭经济困难寄宿生生活补助',
    width: 36,
    help: '资助项目全称（从下拉列表选择），含本县自设项目',
  },
  {
    header: AID_COLUMNS.schoolCode,
    required: true,
    text: true,
    example: '2114552301',
    width: 14,
    help: '学生就读学校的10位标识码；生源地助学贷款、新生入学资助填写就读高校的标识码',
  },
  { header: AID_COLUMNS.name, required: true, example: '张小明', help: '与身份证一致' },
  {
    header: AID_COLUMNS.idNumber,
    required: true,
    text: true,
    example: '145523201201150021',
    width: 22,
    help: '18位公民身份号码；系统加密保存，列表与导出中脱敏显示，公示名单不含身份证号',
  },
  {
    header: AID_COLUMNS.grade,
    required: true,
    example: '五年级',
    help: '如 大班、三年级、初一、高二、一年级（中职）、大一',
  },
  { header: AID_COLUMNS.className, example: '2班', help: '选填；公示名单显示' },
  {
    header: AID_COLUMNS.categories,
    example: '脱贫家庭',
    width: 24,
    help: `家庭经济困难认定类别，可填多个，用顿号分隔：${Object.values(AID_CATEGORIES)
      .map((c) => c.label)
      .join('、')}`,
  },
  { header: AID_COLUMNS.hardshipLevel, example: '困难', help: '特别困难、困难、一般困难' },
  {
    header: AID_COLUMNS.amount,
    required: true,
    example: '625',
    help: '本学期发放金额（元），最多两位小数；须符合该学期资助标准',
  },
];

/** What a staged row carries into the lists. */
export interface AidImportRecord {
  rowNumber: number;
  term: string;
  programId: string;
  /** The school whose list the row goes in; null for the 资助中心's own lists (university programs). */
  ownerSchoolId: number | null;
  schoolCode: string;
  schoolId: number | null;
  name: string;
  idHash: string;
  idSealed: string;
  idMasked: string;
  grade: string;
  className: string;
  stage: string | null;
  categories: string[];
  hardshipLevel: string | null;
  amountFen: number | null;
}

export interface AidImportContext {
  countyCode: string;
  programs: AidProgram[];
  overrides: StandardOverride[];
  directory: AidDirectory;
  countyWide: boolean;
  visibleSchoolIds: Set<number>;
  /** Existing lists by list key. */
  lists: Map<string, { status: keyof typeof BATCH_STATUSES }>;
  /** Original rows already stored, for duplicate, exclusivity and name checks. */
  stored: { term: string; programId: string; schoolCode: string; listKey: string; idHash: string; name: string }[];
  rows: BeneficiaryRow[];
  listKeyOfRow: Map<number, string>;
  idByHash: Map<string, string>;
  terms: Map<string, Term | null>;
  /** Review findings of the file, for the merge to store with the lists. */
  review: AidFinding[];
  today: Date;
}

/** Lists are per term, program and school (or the 资助中心's own): 'term|program|schoolId'. */
export function listKey(term: string, programId: string, ownerSchoolId: number | null): string {
  return `${term}|${programId}|${ownerSchoolId ?? ''}`;
}

const universityOnly = (program: AidProgram | undefined) =>
  !!program && program.stages.every((stage) => stage === 'university');

/**
 * 资助名单 (import type `aid-beneficiaries`): one row per student, program and 学期. Rows are read here; the checks
 * of the aid domain run once over the whole file in finish(): blocking findings refuse the file, review findings
 * are shown and stored with the lists for the 资助中心. Accepted rows replace the draft lists they belong to.
 */
export const aidBeneficiariesImport: ImportDefinition<AidImportContext, AidImportRecord> = {
  type: 'aid-beneficiaries',
  label: '学生资助名单',
  permission: 'aid.import',
  readPermission: 'aid.read',
  columns: COLUMNS,
  keyHeaders: [AID_COLUMNS.idNumber, AID_COLUMNS.term, AID_COLUMNS.programId],
  stageColumns: [
    { name: 'term', type: 'text' },
    { name: 'program_id', type: 'text' },
    { name: 'owner_school_id', type: 'integer' },
    { name: 'school_code', type: 'text' },
    { name: 'school_id', type: 'integer' },
    { name: 'name', type: 'text' },
    { name: 'id_hash', type: 'text' },
    { name: 'id_sealed', type: 'text' },
    { name: 'id_masked', type: 'text' },
    { name: 'grade', type: 'text' },
    { name: 'class_name', type: 'text' },
    { name: 'stage', type: 'text' },
    { name: 'categories', type: 'jsonb' },
    { name: 'hardship_level', type: 'text' },
    { name: 'amount_fen', type: 'integer' },
  ],

  async prepare({ db, countyCode, viewer }) {
    const [catalog, directory, visible, lists, stored] = await Promise.all([
      loadAidCatalog(db, countyCode),
      loadAidDirectory(db, countyCode),
      db.selectFrom('school').select('school.id').where(schoolInScope(viewer.scope)).execute(),
      db
        .selectFrom('aid_list')
        .select(['term', 'program_id', 'school_id', 'status'])
        .where('county_code', '=', countyCode)
        .execute(),
      db
        .selectFrom('aid_beneficiary as b')
        .innerJoin('aid_list as l', 'l.id', 'b.list_id')
        .select(['b.term', 'b.program_id', 'b.school_code', 'b.id_hash', 'b.name', 'l.school_id'])
        .where('b.county_code', '=', countyCode)
        .where('b.kind', '=', 'original')
        .execute(),
    ]);
    return {
      countyCode,
      programs: catalog.programs,
      overrides: catalog.overrides,
      directory,
      countyWide: isCountyWide(viewer.scope),
      visibleSchoolIds: new Set(visible.map((s) => s.id)),
      lists: new Map(lists.map((l) => [listKey(l.term, l.program_id, l.school_id), { status: l.status }])),
      stored: stored.map((s) => ({
        term: s.term,
        programId: s.program_id,
        schoolCode: s.school_code,
        listKey: listKey(s.term, s.program_id, s.school_id),
        idHash: s.id_hash,
        name: s.name,
      })),
      rows: [],
      listKeyOfRow: new Map(),
      idByHash: new Map(),
      terms: new Map(),
      review: [],
      today: new Date(),
    };
  },

  templateOptions: (ctx) => ({
    [AID_COLUMNS.programId]: ctx.programs.map((p) => p.name),
    [AID_COLUMNS.hardshipLevel]: Object.values(HARDSHIP_LEVELS),
  }),

  parseRow(cells, ctx, rowNumber) {
    const termText = cells[AID_COLUMNS.term] ?? '';
    let term = ctx.terms.get(termText);
    if (term === undefined) {
      term = parseTerm(termText) ?? null;
      ctx.terms.set(termText, term);
    }
    if (!term)
      return {
        issues: [{ column: AID_COLUMNS.term, message: `学期“${termText}”无效，应写作如“2024年秋季学期”` }],
      };
    const programText = cells[AID_COLUMNS.programId] ?? '';
    const program = programFromText(ctx.programs, programText);
    const schoolCode = (cells[AID_COLUMNS.schoolCode] ?? '').trim();
    const school = universityOnly(program) ? undefined : ctx.directory.byCode.get(schoolCode);
    if (universityOnly(program) && !ctx.countyWide)
      return {
        issues: [
          { column: AID_COLUMNS.programId, message: `“${program!.name}”由县学生资助管理中心导入，学校不能填报` },
        ],
      };
    if (school && !ctx.visibleSchoolIds.has(school.id))
      return { issues: [{ column: AID_COLUMNS.schoolCode, message: `您无权填报“${school.name}”的资助名单` }] };

    const idNumber = (cells[AID_COLUMNS.idNumber] ?? '').trim().toUpperCase();
    const { categories, unknown } = parseCategories(cells[AID_COLUMNS.categories] ?? '');
    const levelText = (cells[AID_COLUMNS.hardshipLevel] ?? '').trim();
    const hardshipLevel = levelText === '' ? '' : (hardshipLevelFromText(levelText) ?? levelText);
    const row: BeneficiaryRow = {
      row: rowNumber,
      term,
      programId: program?.id ?? programText,
      schoolCode,
      name: (cells[AID_COLUMNS.name] ?? '').trim(),
      idNumber,
      grade: (cells[AID_COLUMNS.grade] ?? '').trim(),
      className: '',
      categories: [...categories, ...unknown],
      hardshipLevel,
      amount: cells[AID_COLUMNS.amount] ?? '',
    };
    ctx.rows.push(row);
    const code = termCode(term);
    const owner = universityOnly(program) ? null : (school?.id ?? null);
    ctx.listKeyOfRow.set(rowNumber, listKey(code, row.programId, owner));
    const sealed = seal(idNumber);
    ctx.idByHash.set(sealed.hash, idNumber);
    const schoolInTerm = school ? ctx.directory.inTerm(schoolCode, term) : undefined;
    return {
      record: {
        rowNumber,
        term: code,
        programId: row.programId,
        ownerSchoolId: owner,
        schoolCode,
        schoolId: school?.id ?? null,
        name: row.name,
        idHash: sealed.hash,
        idSealed: sealed.sealed,
        idMasked: maskIdNumber(idNumber),
        grade: row.grade,
        className: (cells[AID_COLUMNS.className] ?? '').trim(),
        stage: program ? (stageOfRow(row, program, schoolInTerm) ?? fallbackStage(program, schoolInTerm)) : null,
        categories: row.categories as string[],
        hardshipLevel: hardshipLevel || null,
        amountFen: parseYuanToFen(row.amount) ?? null,
      },
      issues: [],
    };
  },

  // Every row is its own record here: duplicates are the aid checks' business (a person may be in several lists).
  key: (record) => String(record.rowNumber),
  displayKey: (record) => `${record.idMasked} ${record.name}`,

  finish(ctx) {
    const issues: { row: number; column?: string; message: string; severity?: 'error' | 'warning' }[] = [];
    const fileLists = new Map<string, number>();
    for (const [row, key] of ctx.listKeyOfRow) if (!fileLists.has(key)) fileLists.set(key, row);
    for (const [key, row] of fileLists) {
      const status = ctx.lists.get(key)?.status;
      if (!status || status === 'draft') continue;
      const [term, programId, owner] = key.split('|');
      const program = programById(ctx.programs, programId);
      const ownerName = owner ? (ctx.directory.byId.get(Number(owner))?.name ?? '') : '县学生资助管理中心';
      issues.push({
        row,
        column: AID_COLUMNS.programId,
        message: `${termLabel(parseTerm(term)!)}“${program?.name ?? programId}”（${ownerName}）名单${BATCH_STATUSES[status]}，不能重新导入；如需调整，请在该名单中登记更正`,
      });
    }
    // Rows stored in other lists whose people appear in this file; the lists this file replaces do not count.
    const stored: StoredAidRow[] = [];
    for (const s of ctx.stored) {
      const idNumber = ctx.idByHash.get(s.idHash);
      if (idNumber === undefined || fileLists.has(s.listKey)) continue;
      const program = programById(ctx.programs, s.programId);
      const term = parseTerm(s.term)!;
      stored.push({
        term,
        programId: s.programId,
        idNumber,
        name: s.name,
        schoolCode: s.schoolCode,
        source: `${termLabel(term)}${program?.name ?? s.programId}名单`,
      });
    }
    const findings = checkBeneficiaryRows(ctx.rows, {
      programs: ctx.programs,
      overrides: ctx.overrides,
      school: ctx.directory.inTerm,
      stored,
      today: ctx.today,
    });
    ctx.review = findings.filter((f) => f.severity === 'review');
    for (const finding of findings)
      issues.push({
        row: finding.row,
        column: finding.column,
        message: `${AID_CHECK_RULES[finding.rule].label}：${finding.message}`,
        severity: finding.severity === 'block' ? 'error' : 'warning',
      });
    return issues;
  },

  toStageRow: (r) => [
    r.term,
    r.programId,
    r.ownerSchoolId,
    r.schoolCode,
    r.schoolId,
    r.name,
    r.idHash,
    r.idSealed,
    r.idMasked,
    r.grade,
    r.className,
    r.stage,
    r.categories,
    r.hardshipLevel,
    r.amountFen,
  ],

  merge: (trx, options, ctx) => mergeAidLists(trx, options, ctx.review),

  exportRows: (db, { scope, countyCode }) => exportListRows(db, scope, countyCode),
};

// A 年级 nobody could read, for a program of several 学段 (confirmed on review): the school's first 学段 the
// program pays, else the program's first.
function fallbackStage(program: AidProgram, school: SchoolInTerm | undefined): AidStage {
  const own = school ? stagesOfSchoolType(school.type) : [];
  return own.find((stage) => program.stages.includes(stage)) ?? program.stages[0];
}

/** The lookup hash of an ID number as the import stores it (upper-cased, trimmed). */
export function aidIdHash(idNumber: string): string {
  return lookupHash(idNumber.trim().toUpperCase());
}
