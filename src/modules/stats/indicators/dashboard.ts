import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { indicator, QUALITY_INDICATORS, type StageKey } from '../../../domain/indicators/definitions';
import type { Scope } from '../../../platform/scope';
import { findValue, type IndicatorItem, readSnapshot, scopeNames, toItem } from './read-indicators';

/** The county indicators the dashboard leads with, in the order a 局领导 reads them. */
export const HEADLINE: { id: string; stage: StageKey }[] = [
  { id: 'preschool_ger', stage: 'preschool' },
  { id: 'inclusive_coverage', stage: 'preschool' },
  { id: 'public_kindergarten_share', stage: 'preschool' },
  { id: 'junior_ger', stage: 'junior' },
  { id: 'senior_ger', stage: 'senior' },
  { id: 'consolidation_rate', stage: 'compulsory' },
  { id: 'disabled_enrollment', stage: 'compulsory' },
  { id: 'large_class_share', stage: 'compulsory' },
  { id: 'super_large_class_count', stage: 'compulsory' },
  { id: 'staff_shortage', stage: 'primary' },
  { id: 'staff_shortage', stage: 'junior' },
  { id: 'staff_shortage', stage: 'senior' },
  { id: 'quality_school_pass_share', stage: 'primary' },
  { id: 'quality_school_pass_share', stage: 'junior' },
  { id: 'basic_composite_cv', stage: 'primary' },
  { id: 'basic_composite_cv', stage: 'junior' },
];

export interface Comparison extends IndicatorItem {
  previous: number | null;
  /** This year minus last year; for a rate it is in 百分点. */
  change: number | null;
  changeUnit: string;
}

export function compare(item: IndicatorItem, previous: number | null | undefined): Comparison {
  const change = item.value !== null && previous !== null && previous !== undefined ? item.value - previous : null;
  return { ...item, previous: previous ?? null, change, changeUnit: item.rate ? '百分点' : item.unit };
}

export async function countyDashboard(db: Kysely<DB>, scope: Scope, countyCode: string, schoolYear: number) {
  const [current, previous, name] = await Promise.all([
    readSnapshot(db, scope, countyCode, schoolYear),
    readSnapshot(db, scope, countyCode, schoolYear - 1),
    scopeNames(db, countyCode),
  ]);
  const county = { level: 'county' as const, scopeId: countyCode };
  const headline = HEADLINE.flatMap(({ id, stage }) => {
    const value = findValue(current, 'county', countyCode, stage, id);
    if (!value) return [];
    return [
      compare(
        toItem({ ...county, stage, values: {} }, id, value, name),
        findValue(previous, 'county', countyCode, stage, id)?.v,
      ),
    ];
  });

  const enrollment = (['primary', 'junior', 'senior'] as const).map((stage) => ({
    stage,
    students: findValue(current, 'county', countyCode, stage, 'average_class_size')?.n ?? null,
    previous: findValue(previous, 'county', countyCode, stage, 'average_class_size')?.n ?? null,
  }));
  enrollment.unshift({
    stage: 'preschool' as never,
    students: findValue(current, 'county', countyCode, 'preschool', 'kindergarten_child_teacher_ratio')?.n ?? null,
    previous: findValue(previous, 'county', countyCode, 'preschool', 'kindergarten_child_teacher_ratio')?.n ?? null,
  });

  const townships = current
    .filter((r) => r.level === 'township' && r.stage === 'compulsory')
    .map((r) => {
      const v = (stage: StageKey, id: string) => findValue(current, 'township', r.scopeId, stage, id) ?? null;
      return {
        townshipId: Number(r.scopeId),
        name: name('township', r.scopeId),
        inclusiveCoverage: v('preschool', 'inclusive_coverage'),
        largeClassShare: v('compulsory', 'large_class_share'),
        largeClasses: v('compulsory', 'large_class_count'),
        superLargeClasses: v('compulsory', 'super_large_class_count'),
        staffShortage: (v('primary', 'staff_shortage')?.v ?? 0) + (v('junior', 'staff_shortage')?.v ?? 0),
        primaryPassShare: v('primary', 'quality_school_pass_share'),
        juniorPassShare: v('junior', 'quality_school_pass_share'),
        compulsoryStudents: (v('primary', 'average_class_size')?.n ?? 0) + (v('junior', 'average_class_size')?.n ?? 0),
      };
    })
    .sort((a, b) => a.townshipId - b.townshipId);

  const schoolRows = current.filter((r) => r.level === 'school');
  const hotspots = schoolRows
    .filter((r) => r.stage === 'compulsory' || r.stage === 'senior')
    .map((r) => ({
      schoolId: Number(r.scopeId),
      name: name('school', r.scopeId),
      stage: r.stage,
      large: r.values.large_class_count?.v ?? 0,
      superLarge: r.values.super_large_class_count?.v ?? 0,
      share: r.values.large_class_share?.v ?? null,
    }))
    .filter((h) => h.large + h.superLarge > 0)
    .sort((a, b) => b.superLarge - a.superLarge || b.large - a.large)
    .slice(0, 15);
  const staffing = schoolRows
    .filter((r) => (r.values.staff_shortage?.v ?? 0) > 0)
    .map((r) => ({
      schoolId: Number(r.scopeId),
      name: name('school', r.scopeId),
      stage: r.stage,
      shortage: r.values.staff_shortage.v!,
      required: r.values.staff_shortage.n ?? null,
      staff: r.values.staff_shortage.d ?? null,
      ratio: r.values.student_staff_ratio?.v ?? null,
    }))
    .sort((a, b) => b.shortage - a.shortage)
    .slice(0, 15);
  const balance = (['primary', 'junior'] as const).map((stage) => ({
    stage,
    cvs: QUALITY_INDICATORS.map((q) => {
      const id = `quality_cv_${q.key}`;
      const value = findValue(current, 'county', countyCode, stage, id);
      return {
        id,
        key: q.key,
        name: q.name,
        value: value?.v ?? null,
        threshold: value?.t ?? null,
        status: value?.s ?? 'none',
        previous: findValue(previous, 'county', countyCode, stage, id)?.v ?? null,
      };
    }),
  }));
  return {
    countyCode,
    schoolYear,
    hasData: current.some((r) => r.level === 'school'),
    headline,
    enrollment,
    townships,
    hotspots,
    staffing,
    balance,
    definitions: HEADLINE.map((h) => ({ id: h.id, formula: indicator(h.id).formula })),
  };
}
