import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type AidCategory, isAidCategory } from '../../domain/aid/categories';
import { aidProgramProblems, NATIONAL_AID_PROGRAMS, programById } from '../../domain/aid/programs';
import { applicableStandards } from '../../domain/aid/standards';
import {
  AID_STAGES,
  type AidProgram,
  type AidStage,
  REPORT_GROUPS,
  type ReportGroup,
  type StandardBasis,
  type StandardTier,
  type StandardUnit,
} from '../../domain/aid/types';
import { parseTerm, termLabel } from '../../domain/period';
import { parseYuanToFen } from '../../domain/phrasing/money';
import { recordAudit } from '../../platform/audit/record-audit';
import { notFound, validationError } from '../../platform/errors';
import { dataChanged } from '../../platform/events';
import { requirePermission, type Viewer } from '../../platform/scope';
import { loadAidCatalog } from './aid-catalog';
import { inTransaction } from './in-transaction';

export interface LocalProgramInput {
  id: string;
  name: string;
  reportPhrase?: string | null;
  stages: AidStage[];
  reportGroup: ReportGroup;
  requiresCategory: boolean;
  eligibleCategories?: AidCategory[] | null;
  exclusiveWith?: string[];
  oncePerPerson?: boolean;
  fundingNote?: string;
  source: string;
}

/**
 * Adds or changes a county's own program. National programs are shipped and read-only; a county changes their
 * amounts with a standard override instead.
 */
export async function saveLocalProgram(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  input: LocalProgramInput,
): Promise<void> {
  requirePermission(viewer, 'aid.config');
  if (programById(NATIONAL_AID_PROGRAMS, input.id))
    throw validationError(`“${input.id}”是国家资助项目的标识，本地项目请另取标识`);
  for (const stage of input.stages) if (!Object.hasOwn(AID_STAGES, stage)) throw validationError(`学段“${stage}”无效`);
  if (!Object.hasOwn(REPORT_GROUPS, input.reportGroup)) throw validationError(`统计口径“${input.reportGroup}”无效`);
  for (const code of input.eligibleCategories ?? [])
    if (!isAidCategory(code)) throw validationError(`资助对象类别“${code}”不存在`);
  const catalog = await loadAidCatalog(db, countyCode);
  const program: AidProgram = {
    id: input.id,
    name: input.name.trim(),
    stages: input.stages,
    reportGroup: input.reportGroup,
    funding: { note: input.fundingNote ?? '', source: input.source, verification: 'local' },
    requiresCategory: input.requiresCategory,
    exclusiveWith: input.exclusiveWith ?? [],
    standards: [],
    local: true,
  };
  const others = catalog.programs.filter((p) => p.id !== input.id);
  const problems = aidProgramProblems(program, [...others, program]);
  if (others.some((p) => p.name === program.name)) problems.push(`项目名称“${program.name}”已存在`);
  if (problems.length) throw validationError(problems.join('；'));

  const values = {
    name: program.name,
    report_phrase: input.reportPhrase?.trim() || null,
    stages: JSON.stringify(input.stages),
    report_group: input.reportGroup,
    requires_category: input.requiresCategory,
    eligible_categories: input.eligibleCategories?.length ? JSON.stringify(input.eligibleCategories) : null,
    exclusive_with: JSON.stringify(program.exclusiveWith),
    once_per_person: input.oncePerPerson ?? false,
    funding_note: input.fundingNote?.trim() ?? '',
    source: input.source.trim(),
    updated_by: viewer.userId,
    updated_at: new Date(),
  };
  await inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('aid_local_program')
      .selectAll()
      .where('county_code', '=', countyCode)
      .where('program_id', '=', input.id)
      .executeTakeFirst();
    await trx
      .insertInto('aid_local_program')
      .values({ county_code: countyCode, program_id: input.id, ...values })
      .onConflict((oc) => oc.constraint('aid_local_program_key').doUpdateSet(values))
      .execute();
    await recordAudit(trx, viewer.actor, {
      action: before ? 'aid.program.update' : 'aid.program.create',
      entityType: 'aid_program',
      entityId: input.id,
      countyCode,
      summary: `${before ? '修改' : '新增'}本地资助项目“${program.name}”`,
      before: before ?? undefined,
      after: { program_id: input.id, ...values },
    });
  });
}

export interface OverrideInput {
  programId: string;
  /** termCode or 学期 text: '2024-spring', '2024年春季学期'. */
  fromTerm: string;
  basis: StandardBasis;
  unit: StandardUnit;
  tiers: StandardTier[];
  minYuan?: number | null;
  maxDaysPerYear?: number | null;
  grades?: number[] | null;
  source: string;
}

/**
 * Sets the county's standard of a program from a term on (its 资助标准 tiers, a fee, a local amount). Lists already
 * accepted keep the check they passed; lists imported from now on are checked against it.
 */
export async function saveStandardOverride(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  input: OverrideInput,
): Promise<void> {
  requirePermission(viewer, 'aid.config');
  const from = parseTerm(input.fromTerm);
  if (!from) throw validationError(`起始学期“${input.fromTerm}”无效，应写作如“2024年春季学期”`);
  const catalog = await loadAidCatalog(db, countyCode);
  const program = programById(catalog.programs, input.programId);
  if (!program) throw notFound(`资助项目“${input.programId}”`);
  if (!input.tiers.length) throw validationError('请至少填写一档资助标准');
  const ids = new Set<string>();
  for (const tier of input.tiers) {
    if (!/^[a-z0-9_]+$/.test(tier.id)) throw validationError(`档次标识“${tier.id}”应为小写英文、数字和下划线`);
    if (ids.has(tier.id)) throw validationError(`档次标识“${tier.id}”重复`);
    ids.add(tier.id);
    const fen = parseYuanToFen(tier.yuan);
    if (fen === undefined || fen === 0) throw validationError(`“${tier.label}”的金额${tier.yuan}元无效`);
    if (input.basis === 'fixed' && input.unit === 'year' && fen % 2 !== 0)
      throw validationError(`“${tier.label}”每年${tier.yuan}元不能平分为两个学期的整分金额`);
    for (const stage of tier.stages ?? [])
      if (!program.stages.includes(stage))
        throw validationError(`“${tier.label}”的学段不在“${program.name}”资助范围内`);
  }
  if (input.basis === 'ceiling' && !(input.minYuan && input.minYuan > 0))
    throw validationError('贷款类标准须填写最低额度');
  if (input.basis === 'per_day' && !(input.maxDaysPerYear && input.maxDaysPerYear > 0))
    throw validationError('按天计的标准须填写每年最多天数');
  const override = {
    programId: program.id,
    from,
    basis: input.basis,
    unit: input.unit,
    tiers: input.tiers,
    ...(input.minYuan ? { minYuan: input.minYuan } : {}),
    ...(input.maxDaysPerYear ? { maxDaysPerYear: input.maxDaysPerYear } : {}),
    ...(input.grades?.length ? { grades: input.grades } : {}),
    source: input.source,
    verification: 'local' as const,
  };
  // The resolver must accept it for the term it starts in (it halves per-year amounts, and so on).
  applicableStandards({ program, term: from, overrides: [override] });

  const code = `${from.year}-${from.season}`;
  const values = {
    basis: input.basis,
    unit: input.unit,
    tiers: JSON.stringify(input.tiers),
    min_yuan: input.minYuan ?? null,
    max_days_per_year: input.maxDaysPerYear ?? null,
    grades: input.grades?.length ? JSON.stringify(input.grades) : null,
    source: input.source.trim(),
    updated_by: viewer.userId,
    updated_at: new Date(),
  };
  await inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('aid_standard_override')
      .selectAll()
      .where('county_code', '=', countyCode)
      .where('program_id', '=', program.id)
      .where('from_term', '=', code)
      .executeTakeFirst();
    await trx
      .insertInto('aid_standard_override')
      .values({ county_code: countyCode, program_id: program.id, from_term: code, ...values })
      .onConflict((oc) => oc.constraint('aid_standard_override_key').doUpdateSet(values))
      .execute();
    await recordAudit(trx, viewer.actor, {
      action: 'aid.standard.save',
      entityType: 'aid_standard',
      entityId: `${program.id}@${code}`,
      countyCode,
      summary: `设置“${program.name}”自${termLabel(from)}起的本地资助标准：${input.tiers.map((t) => `${t.label}${t.yuan}元`).join('、')}`,
      before: before ?? undefined,
      after: values,
    });
    await dataChanged(trx, { countyCode, area: 'aid' });
  });
}

/** Removes a county override; the shipped standard (or none) applies again to lists imported from now on. */
export async function deleteStandardOverride(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  programId: string,
  fromTerm: string,
): Promise<void> {
  requirePermission(viewer, 'aid.config');
  await inTransaction(db, async (trx) => {
    const before = await trx
      .deleteFrom('aid_standard_override')
      .where('county_code', '=', countyCode)
      .where('program_id', '=', programId)
      .where('from_term', '=', fromTerm)
      .returningAll()
      .executeTakeFirst();
    if (!before) throw notFound('本地资助标准');
    await recordAudit(trx, viewer.actor, {
      action: 'aid.standard.delete',
      entityType: 'aid_standard',
      entityId: `${programId}@${fromTerm}`,
      countyCode,
      summary: `删除“${programId}”自${fromTerm}起的本地资助标准`,
      before,
    });
  });
}
