import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { BASIC_INDICATORS, QUALITY_INDICATORS } from '../../../domain/indicators/definitions';
import type { Scope } from '../../../platform/scope';
import { findValue, readSnapshot, scopeNames } from './read-indicators';

/** The 均衡 page: every school of a 学段 with its 7 values, the county means and the 差异系数 against their limits. */
export async function balanceView(
  db: Kysely<DB>,
  scope: Scope,
  countyCode: string,
  schoolYear: number,
  stage: 'primary' | 'junior',
) {
  const [records, name] = await Promise.all([
    readSnapshot(db, scope, countyCode, schoolYear),
    scopeNames(db, countyCode),
  ]);
  const schools = await db
    .selectFrom('school')
    .innerJoin('township', 'township.id', 'school.township_id')
    .select(['school.id', 'school.code', 'school.type', 'township.name as township'])
    .where('school.county_code', '=', countyCode)
    .execute();
  const info = new Map(schools.map((s) => [String(s.id), s]));
  const rows = records
    .filter((r) => r.level === 'school' && r.stage === stage && r.values.quality_school_met)
    .map((r) => {
      const met = r.values.quality_school_met;
      return {
        schoolId: Number(r.scopeId),
        code: info.get(r.scopeId)?.code ?? '',
        name: name('school', r.scopeId),
        type: info.get(r.scopeId)?.type ?? '',
        township: info.get(r.scopeId)?.township ?? '',
        students: r.values.quality_l1?.d ?? null,
        values: QUALITY_INDICATORS.map((q) => ({
          id: `quality_${q.key}`,
          ...(r.values[`quality_${q.key}`] ?? { v: null, s: 'none' }),
        })),
        met: met.v,
        pass: met.s,
        detail: met.x ?? null,
      };
    })
    .sort((a, b) => (a.pass === b.pass ? (b.students ?? 0) - (a.students ?? 0) : a.pass === 'fail' ? -1 : 1));
  const indicators = QUALITY_INDICATORS.map((q) => ({
    id: `quality_${q.key}`,
    name: q.name,
    unit: q.unit,
    threshold: findValue(records, 'county', countyCode, stage, `quality_${q.key}`)?.t ?? null,
    countyMean: findValue(records, 'county', countyCode, stage, `quality_${q.key}`)?.v ?? null,
    cv: findValue(records, 'county', countyCode, stage, `quality_cv_${q.key}`) ?? null,
  }));
  const basic = {
    composite: findValue(records, 'county', countyCode, stage, 'basic_composite_cv') ?? null,
    components: BASIC_INDICATORS.map((b) => ({
      id: `basic_cv_${b.key}`,
      name: b.name,
      value: findValue(records, 'county', countyCode, stage, `basic_cv_${b.key}`)?.v ?? null,
    })),
  };
  const passShare = findValue(records, 'county', countyCode, stage, 'quality_school_pass_share') ?? null;
  return { countyCode, schoolYear, stage, rows, indicators, basic, passShare };
}
