/**
 * Checks of a beneficiary list (资助名单) before it is accepted: each row on its own (ID, school, 学段, category,
 * amount against the standard), then across rows and against rows already stored for the same terms (duplicates,
 * mutually exclusive programs, one name per ID). Severities and their reasons are in check-rules.ts.
 */
import { checkIdCard } from '../codes/id-card';
import { maskIdNumber } from '../masking';
import { SCHOOL_TYPES } from '../org/school-types';
import { type Term, termCode, termLabel } from '../period';
import { formatYuan, parseYuanToFen } from '../phrasing/money';
import { chineseNumeral } from '../phrasing/numerals';
import { categoryLabels, isAidCategory, isHardshipLevel } from './categories';
import { AID_CHECK_RULES, type AidFinding, type AidRuleId } from './check-rules';
import { parseGrade } from './grades';
import { programById } from './programs';
import { AID_COLUMNS, type BeneficiaryRow, type SchoolInTerm, stagesOfSchoolType } from './records';
import { activePeriod, applicableStandards, describeStandards } from './standards';
import { AID_STAGES, type AidProgram, type AidStage, type StandardOverride } from './types';

/** A row already stored from another list or school, for duplicate and exclusivity checks. */
export interface StoredAidRow {
  term: Term;
  programId: string;
  idNumber: string;
  name?: string;
  schoolCode: string;
  /** Which list it came from, for messages: '2023年秋季学期寄宿生名单'. */
  source?: string;
}

export interface AidCheckContext {
  /** National and local program declarations. */
  programs: readonly AidProgram[];
  /** The county's own standards (tiers, fees). */
  overrides?: readonly StandardOverride[];
  /** The school with this 学校标识码 as it stood in that term; undefined when the county has no such school. */
  school: (code: string, term: Term) => SchoolInTerm | undefined;
  /** Rows already stored for the terms of the list, from other lists and schools. */
  stored?: readonly StoredAidRow[];
  /** Today, for the ID birth-date check. */
  today?: Date;
}

// Where a person already holds a program in a term: a row of this list, or a stored row.
interface Holding {
  programId: string;
  row?: number;
  schoolCode: string;
  source?: string;
}

/** Every finding for the list, ordered by row and then by template column. */
export function checkBeneficiaryRows(rows: readonly BeneficiaryRow[], context: AidCheckContext): AidFinding[] {
  const findings: AidFinding[] = [];
  const firstRows = new Map<string, Holding>();
  const holdings = new Map<string, Holding[]>();
  const names = new Map<string, { name: string; where: string }>();
  for (const stored of context.stored ?? []) {
    const program = programById(context.programs, stored.programId);
    const id = stored.idNumber.trim().toUpperCase();
    const holding: Holding = { programId: stored.programId, schoolCode: stored.schoolCode, source: stored.source };
    if (program && !firstRows.has(duplicateKey(program, stored.term, id))) {
      firstRows.set(duplicateKey(program, stored.term, id), holding);
    }
    pushHolding(holdings, `${termCode(stored.term)}|${id}`, holding);
    if (stored.name && !names.has(id)) names.set(id, { name: stored.name.trim(), where: storedWhere(holding) });
  }

  for (const row of rows) {
    const add = (rule: AidRuleId, column: string, message: string) =>
      findings.push({ row: row.row, column, rule, severity: AID_CHECK_RULES[rule].severity, message });
    const program = programById(context.programs, row.programId);
    if (!program) add('unknown_program', AID_COLUMNS.programId, `资助项目“${row.programId}”不存在`);
    const name = row.name.trim();
    if (name === '') add('name_missing', AID_COLUMNS.name, '姓名不能为空');
    const id = checkIdCard(row.idNumber, context.today);
    if (!id.ok) add('invalid_id', AID_COLUMNS.idNumber, idMessage(row.idNumber, id.reason));
    if (!program) continue;

    const school = checkSchool(row, program, context, add);
    const stage = checkGrade(row, program, school, context, add);
    checkCategories(row, program, add);
    checkAmount(row, program, stage, context, add);
    if (!id.ok) continue;

    const person = `${name}（身份证号${maskIdNumber(id.value)}）`;
    const here: Holding = { programId: program.id, row: row.row, schoolCode: row.schoolCode.trim() };
    const key = duplicateKey(program, row.term, id.value);
    const first = firstRows.get(key);
    if (first) {
      const rule = first.row === undefined ? 'duplicate_stored' : 'duplicate_in_list';
      add(rule, AID_COLUMNS.idNumber, duplicateMessage(person, program, row.term, first, here));
    } else {
      firstRows.set(key, here);
    }
    const termKey = `${termCode(row.term)}|${id.value}`;
    for (const held of holdings.get(termKey) ?? []) {
      const other = programById(context.programs, held.programId);
      if (other && exclusive(program, other)) {
        const where = held.row === undefined ? storedWhere(held) : `本名单第${held.row}行`;
        add(
          'exclusive_programs',
          AID_COLUMNS.programId,
          `${person}在${termLabel(row.term)}已享受“${other.name}”（${where}），不能同时享受“${program.name}”`,
        );
      }
    }
    pushHolding(holdings, termKey, here);
    const known = names.get(id.value);
    if (known && name !== '' && known.name !== name) {
      add(
        'name_mismatch',
        AID_COLUMNS.name,
        `身份证号${maskIdNumber(id.value)}在${known.where}登记的姓名为“${known.name}”，与本行姓名“${name}”不一致`,
      );
    } else if (!known && name !== '') {
      names.set(id.value, { name, where: `本名单第${row.row}行` });
    }
  }
  return sortFindings(findings);
}

type Add = (rule: AidRuleId, column: string, message: string) => void;

// University programs pay students of schools outside the county directory: only county programs look schools up.
function checkSchool(row: BeneficiaryRow, program: AidProgram, context: AidCheckContext, add: Add) {
  if (program.stages.every((stage) => stage === 'university')) return undefined;
  const code = row.schoolCode.trim();
  const school = context.school(code, row.term);
  if (!school) {
    add('unknown_school', AID_COLUMNS.schoolCode, `学校标识码“${code}”不在本县学校名录中`);
  } else if (!school.open) {
    add(
      'school_closed',
      AID_COLUMNS.schoolCode,
      `学校“${school.name}”（${code}）在${termLabel(row.term)}已撤销或撤并，不能发放资助`,
    );
  }
  return school;
}

function checkGrade(
  row: BeneficiaryRow,
  program: AidProgram,
  school: SchoolInTerm | undefined,
  context: AidCheckContext,
  add: Add,
): AidStage | undefined {
  const schoolStages = school ? stagesOfSchoolType(school.type) : [];
  const grade = parseGrade(row.grade, schoolStages);
  if (!grade) {
    add('grade_unreadable', AID_COLUMNS.grade, `无法识别年级“${row.grade.trim()}”，不能核对资助学段`);
    return program.stages.length === 1 ? program.stages[0] : undefined;
  }
  const stageName = AID_STAGES[grade.stage];
  if (!program.stages.includes(grade.stage)) {
    const allowed = program.stages.map((stage) => AID_STAGES[stage]).join('、');
    add(
      'stage_mismatch',
      AID_COLUMNS.grade,
      `年级“${row.grade.trim()}”属于${stageName}，“${program.name}”只资助${allowed}学生`,
    );
    return grade.stage;
  }
  if (school && !schoolStages.includes(grade.stage)) {
    add(
      'grade_school_mismatch',
      AID_COLUMNS.grade,
      `年级“${row.grade.trim()}”属于${stageName}，与学校“${school.name}”的类型（${SCHOOL_TYPES[school.type].label}）不符`,
    );
  }
  const covered = activePeriod(program, row.term, context.overrides)?.period.grades;
  if (covered && grade.year > 0 && !covered.includes(grade.year)) {
    const years = covered.map((year) => chineseNumeral(year)).join('、');
    add(
      'grade_not_covered',
      AID_COLUMNS.grade,
      `${termLabel(row.term)}“${program.name}”只资助${stageName}${years}年级，年级“${row.grade.trim()}”不在范围内`,
    );
  }
  return grade.stage;
}

function checkCategories(row: BeneficiaryRow, program: AidProgram, add: Add): void {
  const unknown = row.categories.filter((code) => !isAidCategory(code));
  for (const code of unknown) add('unknown_category', AID_COLUMNS.categories, `资助对象类别“${code}”不存在`);
  const known = row.categories.filter(isAidCategory);
  if (program.requiresCategory && row.categories.length === 0) {
    add('category_missing', AID_COLUMNS.categories, `“${program.name}”须填写资助对象类别（家庭经济困难学生认定结果）`);
  }
  const listed = program.eligibleCategories;
  if (listed && known.length > 0 && !known.some((code) => listed.includes(code))) {
    add(
      'category_not_listed',
      AID_COLUMNS.categories,
      `资助对象类别“${categoryLabels(known)}”不在“${program.name}”的政策范围（${categoryLabels(listed)}）内，请核实`,
    );
  }
  const level = row.hardshipLevel?.trim() ?? '';
  if (level !== '' && !isHardshipLevel(level)) {
    add('unknown_hardship_level', AID_COLUMNS.hardshipLevel, `困难等级“${level}”不存在，应为特别困难、困难或一般困难`);
  }
}

function checkAmount(
  row: BeneficiaryRow,
  program: AidProgram,
  stage: AidStage | undefined,
  context: AidCheckContext,
  add: Add,
): void {
  const column = AID_COLUMNS.amount;
  const fen = parseYuanToFen(row.amount);
  if (fen === undefined || fen === 0) {
    add('invalid_amount', column, `金额“${String(row.amount).trim()}”无效，应为大于0、最多两位小数的元数`);
    return;
  }
  const where = `${termLabel(row.term)}“${program.name}”`;
  if (!activePeriod(program, row.term, context.overrides)) {
    add('no_standard', column, `${where}尚未实施，没有资助标准`);
    return;
  }
  // A 学段 the program does not pay is already blocked; checking tiers for it would only add a confusing finding.
  const tierStage = stage && program.stages.includes(stage) ? stage : undefined;
  const standards = applicableStandards({
    program,
    term: row.term,
    stage: tierStage,
    grade: row.grade,
    overrides: context.overrides,
  });
  if (standards.length === 0) {
    const forStage = tierStage ? `适用于${AID_STAGES[tierStage]}的` : '';
    add('no_standard', column, `${where}没有${forStage}资助标准，请先配置本地资助标准`);
    return;
  }
  const amount = formatYuan(fen);
  const described = describeStandards(standards);
  const highest = Math.max(...standards.map((standard) => standard.fen));
  const basis = standards[0].basis;
  if (basis === 'ceiling') {
    if (fen > highest) add('amount_above_standard', column, `金额${amount}超过${where}的贷款额度（${described}）`);
    const minimum = standards[0].minFen ?? 0;
    if (fen < minimum) add('amount_below_minimum', column, `金额${amount}低于${where}的最低额度${formatYuan(minimum)}`);
    return;
  }
  if (basis === 'per_day') {
    const daily = standards[0].fen;
    const cap = daily * (standards[0].maxDaysPerYear ?? Number.POSITIVE_INFINITY);
    if (fen > cap) {
      add(
        'amount_above_standard',
        column,
        `金额${amount}超过${where}全年${standards[0].maxDaysPerYear}天的上限${formatYuan(cap)}`,
      );
    } else if (fen % daily !== 0) {
      add('amount_not_standard', column, `金额${amount}不是${where}标准（${described}）的整数倍，请核实`);
    }
    return;
  }
  if (standards.some((standard) => standard.fen === fen)) return;
  if (fen > highest) add('amount_above_standard', column, `金额${amount}高于${where}的资助标准（${described}）`);
  else add('amount_not_standard', column, `金额${amount}与${where}的资助标准（${described}）不符，请核实`);
}

// A once-per-person program (新生入学资助) repeats across terms; others only within a term.
function duplicateKey(program: AidProgram, term: Term, id: string): string {
  return program.oncePerPerson ? `${program.id}|${id}` : `${program.id}|${termCode(term)}|${id}`;
}

function duplicateMessage(person: string, program: AidProgram, term: Term, first: Holding, here: Holding): string {
  const scope = program.oncePerPerson ? `“${program.name}”每人只能享受一次` : `同一人同一学期同一项目不能重复资助`;
  const what = program.oncePerPerson ? `“${program.name}”` : `${termLabel(term)}“${program.name}”`;
  if (first.row === undefined) return `${person}已在${storedWhere(first)}享受${what}，${scope}`;
  const otherSchool = first.schoolCode !== here.schoolCode ? `（学校${first.schoolCode}）` : '';
  return `${person}与本名单第${first.row}行${otherSchool}重复：${scope}`;
}

function storedWhere(holding: Holding): string {
  return holding.source
    ? `已导入的“${holding.source}”（学校${holding.schoolCode}）`
    : `学校${holding.schoolCode}的已导入名单`;
}

function exclusive(a: AidProgram, b: AidProgram): boolean {
  return a.exclusiveWith.includes(b.id) || b.exclusiveWith.includes(a.id);
}

function pushHolding(map: Map<string, Holding[]>, key: string, holding: Holding): void {
  const list = map.get(key);
  if (list) list.push(holding);
  else map.set(key, [holding]);
}

function idMessage(raw: string, reason: string): string {
  const value = raw.trim();
  return value === '' ? reason : `“${maskIdNumber(value)}”：${reason}`;
}

const COLUMN_ORDER: readonly string[] = Object.values(AID_COLUMNS);

function sortFindings(findings: AidFinding[]): AidFinding[] {
  return findings.sort((a, b) => a.row - b.row || COLUMN_ORDER.indexOf(a.column) - COLUMN_ORDER.indexOf(b.column));
}
