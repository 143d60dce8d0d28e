import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { checkCreditCode } from '../../domain/codes/credit-code';
import { checkSchoolCode } from '../../domain/codes/school-code';
import {
  type Ownership,
  SCHOOL_TYPES,
  type SchoolType,
  schoolConsistencyProblems,
  type UrbanRural,
} from '../../domain/org/school-types';
import { isIsoDate } from '../../domain/period';

/** A school as a form or an import row describes it, with coded values. */
export interface SchoolInput {
  code: string;
  name: string;
  type: SchoolType;
  ownership: Ownership;
  urbanRural: UrbanRural;
  townshipId: number;
  parentCode: string | null;
  creditCode: string | null;
  address: string | null;
  openedOn: string | null;
}

export type SchoolField = keyof SchoolInput;

export const SCHOOL_FIELD_LABELS: Record<SchoolField, string> = {
  code: '学校标识码',
  name: '学校名称',
  type: '学校类型',
  ownership: '办学性质',
  urbanRural: '城乡类型',
  townshipId: '所属乡镇',
  parentCode: '所属学校标识码',
  creditCode: '统一社会信用代码',
  address: '地址',
  openedOn: '建校日期',
};

interface KnownSchool {
  id: number;
  name: string;
  type: string;
  status: string;
  creditCode: string | null;
}

/** What the school checks need to know about the county, loaded once per import or form. */
export interface SchoolContext {
  countyCode: string;
  provinceCode: string;
  townships: { id: number; code: string; name: string }[];
  schoolsByCode: Map<string, KnownSchool>;
  /** 学校标识码 used by schools of other counties in this deployment. */
  codesElsewhere: Map<string, string>;
  /** 统一社会信用代码 → the 学校标识码 of the school holding it, across the deployment. */
  creditCodeOwners: Map<string, string>;
}

export async function loadSchoolContext(db: Kysely<DB>, countyCode: string): Promise<SchoolContext> {
  const county = await db
    .selectFrom('county')
    .select(['code', 'province_code'])
    .where('code', '=', countyCode)
    .executeTakeFirstOrThrow();
  const townships = await db
    .selectFrom('township')
    .select(['id', 'code', 'name'])
    .where('county_code', '=', countyCode)
    .orderBy('sort_order')
    .execute();
  const schools = await db
    .selectFrom('school')
    .select(['id', 'code', 'name', 'type', 'status', 'credit_code', 'county_code'])
    .execute();
  const schoolsByCode = new Map<string, KnownSchool>();
  const codesElsewhere = new Map<string, string>();
  const creditCodeOwners = new Map<string, string>();
  for (const s of schools) {
    if (s.county_code === countyCode)
      schoolsByCode.set(s.code, { id: s.id, name: s.name, type: s.type, status: s.status, creditCode: s.credit_code });
    else codesElsewhere.set(s.code, s.county_code);
    if (s.credit_code) creditCodeOwners.set(s.credit_code, s.code);
  }
  return { countyCode, provinceCode: county.province_code, townships, schoolsByCode, codesElsewhere, creditCodeOwners };
}

/** Finds a township by its name or its 9-digit code. */
export function townshipIdOf(ctx: SchoolContext, text: string): number | undefined {
  return ctx.townships.find((t) => t.name === text || t.code === text)?.id;
}

export interface SchoolProblem {
  field: SchoolField;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * Checks a school against the codes standards, the type/ownership rules and the county's other schools. `pendingCodes`
 * lists schools created by the same batch (an import file), which a 教学点 may name as its parent.
 */
export function schoolProblems(
  input: SchoolInput,
  ctx: SchoolContext,
  pendingCodes?: ReadonlyMap<string, string>,
): SchoolProblem[] {
  const problems: SchoolProblem[] = [];
  const error = (field: SchoolField, message: string) => problems.push({ field, message, severity: 'error' });

  const code = checkSchoolCode(input.code, ctx.provinceCode);
  if (!code.ok) error('code', code.reason);
  const elsewhere = ctx.codesElsewhere.get(input.code);
  if (elsewhere) error('code', `学校标识码${input.code}已属于其他县（行政区划代码${elsewhere}）的学校`);

  if (input.name.length < 2 || input.name.length > 60) error('name', '学校名称应为2至60个字');
  if (!ctx.townships.some((t) => t.id === input.townshipId)) error('townshipId', '所属乡镇不存在');

  if (input.creditCode) {
    const credit = checkCreditCode(input.creditCode);
    if (!credit.ok) error('creditCode', credit.reason);
    const owner = ctx.creditCodeOwners.get(input.creditCode);
    if (owner && owner !== input.code) error('creditCode', `统一社会信用代码已被学校标识码为${owner}的学校使用`);
  }
  if (input.openedOn && !isIsoDate(input.openedOn)) error('openedOn', '建校日期不是有效日期');

  if (code.ok) {
    for (const p of schoolConsistencyProblems({ ...input, parentSchoolCode: input.parentCode })) {
      error(p.field === 'parentSchoolCode' ? 'parentCode' : p.field, p.message);
    }
  }
  if (input.parentCode && input.type === 'teaching_point') {
    const parent = ctx.schoolsByCode.get(input.parentCode);
    const parentType = parent?.type ?? pendingCodes?.get(input.parentCode);
    if (input.parentCode === input.code) error('parentCode', '教学点不能隶属于自己');
    else if (!parentType) {
      if (!pendingCodes) error('parentCode', `所属学校${input.parentCode}不是本县的学校`);
    } else if (
      !(SCHOOL_TYPES[parentType as SchoolType]?.stages as readonly string[] | undefined)?.includes('primary') ||
      parentType === 'teaching_point'
    ) {
      error('parentCode', '教学点的所属学校应为小学或九年一贯制学校');
    } else if (parent && parent.status !== 'open') {
      error('parentCode', `所属学校“${parent.name}”已撤销或撤并`);
    }
  }
  const existing = ctx.schoolsByCode.get(input.code);
  if (existing && existing.status !== 'open') {
    problems.push({
      field: 'code',
      message: `该学校已${existing.status === 'merged' ? '撤并' : '撤销'}，本行只更正其档案信息`,
      severity: 'warning',
    });
  }
  return problems;
}
