import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { indicator, isIndicator, STAGE_LABELS, type StageKey } from '../../../domain/indicators/definitions';
import type { IndicatorValue } from '../../../domain/indicators/inputs';
import { type Scope, schoolInScope } from '../../../platform/scope';
import { ensureIndicators } from './refresh';

export interface SnapshotRecord {
  level: 'school' | 'township' | 'county';
  scopeId: string;
  stage: StageKey;
  values: Record<string, IndicatorValue>;
}

export interface IndicatorItem {
  id: string;
  name: string;
  unit: string;
  rate: boolean;
  decimals: number;
  direction: 'higher' | 'lower';
  level: SnapshotRecord['level'];
  scopeId: string;
  scopeName: string;
  stage: StageKey;
  stageLabel: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  status: IndicatorValue['s'];
  detail: Record<string, unknown> | null;
}

/** Snapshot rows of a county-year that the viewer may see (their own schools and townships only, below county level). */
export async function readSnapshot(
  db: Kysely<DB>,
  scope: Scope,
  countyCode: string,
  schoolYear: number,
): Promise<SnapshotRecord[]> {
  await ensureIndicators(db, countyCode, schoolYear);
  const rows = await db
    .selectFrom('indicator_snapshot')
    .select(['level', 'scope_id', 'stage', 'values'])
    .where('county_code', '=', countyCode)
    .where('school_year', '=', schoolYear)
    .execute();
  const visibleSchools =
    scope.level === 'school' || scope.level === 'township'
      ? new Set(
          (await db.selectFrom('school').select('school.id').where(schoolInScope(scope)).execute()).map((s) =>
            String(s.id),
          ),
        )
      : null;
  return rows
    .filter((r) => {
      if (!visibleSchools) return true;
      if (r.level === 'school') return visibleSchools.has(r.scope_id);
      if (r.level === 'township') return scope.level === 'township' && String(scope.townshipId) === r.scope_id;
      return true;
    })
    .map((r) => ({
      level: r.level as SnapshotRecord['level'],
      scopeId: r.scope_id,
      stage: r.stage as StageKey,
      values: r.values as Record<string, IndicatorValue>,
    }));
}

/** Names of the schools, townships and county a snapshot mentions. */
export async function scopeNames(db: Kysely<DB>, countyCode: string): Promise<(level: string, id: string) => string> {
  const [county, townships, schools] = await Promise.all([
    db.selectFrom('county').select('name').where('code', '=', countyCode).executeTakeFirst(),
    db.selectFrom('township').select(['id', 'name']).where('county_code', '=', countyCode).execute(),
    db.selectFrom('school').select(['id', 'name']).where('county_code', '=', countyCode).execute(),
  ]);
  const t = new Map(townships.map((x) => [String(x.id), x.name]));
  const s = new Map(schools.map((x) => [String(x.id), x.name]));
  return (level, id) =>
    level === 'county' ? (county?.name ?? id) : level === 'township' ? (t.get(id) ?? id) : (s.get(id) ?? id);
}

export function toItem(
  record: SnapshotRecord,
  id: string,
  value: IndicatorValue,
  name: (level: string, id: string) => string,
): IndicatorItem {
  const d = indicator(id);
  return {
    id,
    name: d.name,
    unit: d.unit,
    rate: d.rate,
    decimals: d.decimals,
    direction: d.direction,
    level: record.level,
    scopeId: record.scopeId,
    scopeName: name(record.level, record.scopeId),
    stage: record.stage,
    stageLabel: STAGE_LABELS[record.stage],
    value: value.v,
    numerator: value.n ?? null,
    denominator: value.d ?? null,
    threshold: value.t ?? null,
    status: value.s,
    detail: value.x ?? null,
  };
}

/** Every indicator value of a county-year as a flat list (what the CLI prints), optionally for one school. */
export async function listIndicators(
  db: Kysely<DB>,
  scope: Scope,
  countyCode: string,
  schoolYear: number,
  schoolId?: number,
): Promise<IndicatorItem[]> {
  const [records, name] = await Promise.all([
    readSnapshot(db, scope, countyCode, schoolYear),
    scopeNames(db, countyCode),
  ]);
  const items: IndicatorItem[] = [];
  const order = { county: 0, township: 1, school: 2 };
  for (const record of records.sort(
    (a, b) => order[a.level] - order[b.level] || a.scopeId.localeCompare(b.scopeId) || a.stage.localeCompare(b.stage),
  )) {
    if (schoolId !== undefined && !(record.level === 'school' && record.scopeId === String(schoolId))) continue;
    for (const [id, value] of Object.entries(record.values))
      if (isIndicator(id)) items.push(toItem(record, id, value, name));
  }
  return items;
}

export function findValue(
  records: readonly SnapshotRecord[],
  level: string,
  scopeId: string,
  stage: StageKey,
  id: string,
): IndicatorValue | undefined {
  return records.find((r) => r.level === level && r.scopeId === scopeId && r.stage === stage)?.values[id];
}
