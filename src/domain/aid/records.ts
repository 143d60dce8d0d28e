/**
 * A beneficiary list row as the import parses it, and the stored aid record it becomes once accepted. The row keeps
 * the cells as written (年级, 金额) so the checks can name them; the record keeps what totals need.
 */
import { SCHOOL_TYPES, type SchoolType } from '../org/school-types';
import type { Term } from '../period';
import { parseYuanToFen } from '../phrasing/money';
import { parseGrade } from './grades';
import { programById } from './programs';
import type { AidProgram, AidStage } from './types';

/** Chinese headers of the import template, in template order. */
export const AID_COLUMNS = {
  term: '学期',
  programId: '资助项目',
  schoolCode: '学校标识码',
  name: '姓名',
  idNumber: '身份证号',
  grade: '年级',
  className: '班级',
  categories: '资助对象类别',
  hardshipLevel: '困难等级',
  amount: '金额(元)',
} as const;
export type AidColumn = (typeof AID_COLUMNS)[keyof typeof AID_COLUMNS];

export interface BeneficiaryRow {
  /** Spreadsheet row number, for messages. */
  row: number;
  term: Term;
  programId: string;
  schoolCode: string;
  name: string;
  idNumber: string;
  /** 年级 as written: 三年级, 初一, 高二, 大班, 大一. */
  grade: string;
  className: string;
  /** Category codes (see categories.ts); a student may hold several. */
  categories: readonly string[];
  /** 认定 grade code, or empty. */
  hardshipLevel?: string;
  /** 金额(元) as in the cell. */
  amount: string | number;
}

/** An accepted aid payment: one row is one 人次. */
export interface AidRecord {
  term: Term;
  programId: string;
  schoolCode: string;
  /** Normalised 身份证号: the person's key. */
  idNumber: string;
  stage: AidStage;
  amountFen: number;
}

/** A school as it stood in the term of a row. */
export interface SchoolInTerm {
  code: string;
  name: string;
  type: SchoolType;
  /** False when the school was closed or merged (撤并) in or before that term. */
  open: boolean;
}

/** The 学段 a school teaches; a 特教 school teaches the 义务教育 grades. */
export function stagesOfSchoolType(type: SchoolType): AidStage[] {
  return SCHOOL_TYPES[type].stages.flatMap((stage): AidStage[] =>
    stage === 'special' ? ['primary', 'junior'] : [stage],
  );
}

/**
 * The record an accepted row becomes. The 学段 comes from the 年级 (read in the school's 学段), or from the program
 * when it pays a single 学段. Undefined when the program is unknown, the amount unreadable or the 学段 undecidable:
 * rows the checks block.
 */
export function recordFromRow(
  row: BeneficiaryRow,
  programs: readonly AidProgram[],
  school: SchoolInTerm | undefined,
): AidRecord | undefined {
  const program = programById(programs, row.programId);
  const amountFen = parseYuanToFen(row.amount);
  if (!program || amountFen === undefined) return undefined;
  const stage = stageOfRow(row, program, school);
  if (!stage) return undefined;
  return {
    term: row.term,
    programId: program.id,
    schoolCode: row.schoolCode.trim(),
    idNumber: row.idNumber.trim().toUpperCase(),
    stage,
    amountFen,
  };
}

/** The 学段 of a row: from its 年级 if readable, else the program's only 学段. */
export function stageOfRow(
  row: BeneficiaryRow,
  program: AidProgram,
  school: SchoolInTerm | undefined,
): AidStage | undefined {
  const grade = parseGrade(row.grade, school ? stagesOfSchoolType(school.type) : []);
  if (grade) return grade.stage;
  return program.stages.length === 1 ? program.stages[0] : undefined;
}
