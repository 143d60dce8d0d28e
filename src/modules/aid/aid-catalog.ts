import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AidCategory } from '../../domain/aid/categories';
import { NATIONAL_AID_PROGRAMS } from '../../domain/aid/programs';
import { activePeriod, applicableStandards } from '../../domain/aid/standards';
import type {
  AidProgram,
  AidStage,
  ReportGroup,
  StandardBasis,
  StandardOverride,
  StandardTier,
  StandardUnit,
} from '../../domain/aid/types';
import { parseTerm, type Term, termCode } from '../../domain/period';

/** The programs a county pays (national and its own) and its own standards, as the checks and totals read them. */
export interface AidCatalog {
  programs: AidProgram[];
  overrides: StandardOverride[];
}

/** The county's programs and standards: the national declarations, then its local programs in the order added. */
export async function loadAidCatalog(db: Kysely<DB>, countyCode: string): Promise<AidCatalog> {
  const [locals, overrides] = await Promise.all([
    db.selectFrom('aid_local_program').selectAll().where('county_code', '=', countyCode).orderBy('id').execute(),
    db
      .selectFrom('aid_standard_override')
      .selectAll()
      .where('county_code', '=', countyCode)
      .orderBy('program_id')
      .orderBy('from_term')
      .execute(),
  ]);
  return {
    programs: [
      ...NATIONAL_AID_PROGRAMS,
      ...locals.map(
        (row): AidProgram => ({
          id: row.program_id,
          name: row.name,
          ...(row.report_phrase ? { reportPhrase: row.report_phrase } : {}),
          stages: row.stages as AidStage[],
          reportGroup: row.report_group as ReportGroup,
          funding: { note: row.funding_note || '县级财政承担', source: row.source, verification: 'local' },
          requiresCategory: row.requires_category,
          ...(row.eligible_categories ? { eligibleCategories: row.eligible_categories as AidCategory[] } : {}),
          exclusiveWith: row.exclusive_with,
          ...(row.once_per_person ? { oncePerPerson: true } : {}),
          standards: [],
          local: true,
        }),
      ),
    ],
    overrides: overrides.map(
      (row): StandardOverride => ({
        programId: row.program_id,
        from: parseTerm(row.from_term) as Term,
        basis: row.basis as StandardBasis,
        unit: row.unit as StandardUnit,
        tiers: row.tiers as StandardTier[],
        ...(row.min_yuan !== null ? { minYuan: Number(row.min_yuan) } : {}),
        ...(row.max_days_per_year !== null ? { maxDaysPerYear: row.max_days_per_year } : {}),
        ...(row.grades ? { grades: row.grades } : {}),
        source: row.source,
        verification: 'local',
      }),
    ),
  };
}

/** A program as the configuration page shows it for one term: the standard in force and every period on record. */
export interface ProgramView {
  id: string;
  name: string;
  local: boolean;
  stages: readonly AidStage[];
  reportGroup: ReportGroup;
  requiresCategory: boolean;
  eligibleCategories: readonly string[] | null;
  exclusiveWith: readonly string[];
  oncePerPerson: boolean;
  funding: AidProgram['funding'];
  /** The standard for the term, per payment, or null when the program has none then. */
  current: {
    origin: 'national' | 'local';
    from: string;
    basis: StandardBasis;
    unit: StandardUnit;
    tiers: { id: string; label: string; fen: number; per: string; stages: readonly string[] | null }[];
    grades: readonly number[] | null;
    source: string;
    verification: string;
  } | null;
  /** Shipped periods (read-only) and the county's overrides (editable), oldest first. */
  periods: {
    origin: 'national' | 'local';
    from: string;
    basis: StandardBasis;
    unit: StandardUnit;
    tiers: readonly StandardTier[];
    minYuan: number | null;
    maxDaysPerYear: number | null;
    grades: readonly number[] | null;
    source: string;
    verification: string;
  }[];
}

/** Every program with its standard in `term` and the periods behind it. */
export function programViews(catalog: AidCatalog, term: Term): ProgramView[] {
  return catalog.programs.map((program) => {
    const active = activePeriod(program, term, catalog.overrides);
    const resolved = active ? applicableStandards({ program, term, overrides: catalog.overrides }) : [];
    const periods = [
      ...program.standards.map((period) => ({ origin: 'national' as const, period })),
      ...catalog.overrides
        .filter((period) => period.programId === program.id)
        .map((period) => ({ origin: 'local' as const, period })),
    ].sort((a, b) => termCode(a.period.from).localeCompare(termCode(b.period.from)));
    return {
      id: program.id,
      name: program.name,
      local: program.local === true,
      stages: program.stages,
      reportGroup: program.reportGroup,
      requiresCategory: program.requiresCategory,
      eligibleCategories: program.eligibleCategories ?? null,
      exclusiveWith: program.exclusiveWith,
      oncePerPerson: program.oncePerPerson === true,
      funding: program.funding,
      current: active
        ? {
            origin: active.origin,
            from: termCode(active.period.from),
            basis: active.period.basis,
            unit: active.period.unit,
            tiers: resolved.map((standard) => ({
              id: standard.tierId,
              label: standard.tierLabel,
              fen: standard.fen,
              per: standard.per,
              stages: active.period.tiers.find((tier) => tier.id === standard.tierId)?.stages ?? null,
            })),
            grades: active.period.grades ?? null,
            source: active.period.source,
            verification: active.period.verification,
          }
        : null,
      periods: periods.map(({ origin, period }) => ({
        origin,
        from: termCode(period.from),
        basis: period.basis,
        unit: period.unit,
        tiers: period.tiers,
        minYuan: period.minYuan ?? null,
        maxDaysPerYear: period.maxDaysPerYear ?? null,
        grades: period.grades ?? null,
        source: period.source,
        verification: period.verification,
      })),
    };
  });
}
