import { type Kysely, sql } from 'kysely';
import { copyRows } from '../../../db/bulk';
import type { DB } from '../../../db/schema';
import { computeIndicators } from '../../../domain/indicators/compute';
import type { Policy, SnapshotRow } from '../../../domain/indicators/inputs';
import { onDataChanged } from '../../../platform/events';
import { indicatorPolicy, resolvePolicy } from '../../../platform/policy/policy';
import { type CountyYear, countyYearKey, loadInputs } from './load-inputs';

/** Marks a county's indicators stale for the given years (every year it has, when none are given). */
export async function markIndicatorsStale(
  trx: Kysely<DB>,
  countyCode: string,
  years?: readonly number[],
): Promise<void> {
  if (!years) {
    await trx
      .updateTable('indicator_state')
      .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
      .where('county_code', '=', countyCode)
      .execute();
    return;
  }
  for (const year of years) {
    await trx
      .insertInto('indicator_state')
      .values({ county_code: countyCode, school_year: year })
      .onConflict((oc) =>
        oc
          .columns(['county_code', 'school_year'])
          .doUpdateSet((eb) => ({ data_version: eb('indicator_state.data_version', '+', 1) })),
      )
      .execute();
  }
}

let subscribed = false;
/** Every change to schools, 基表, populations, teachers or policy marks the affected indicators stale, in its own transaction. */
export function subscribeIndicatorFreshness(): void {
  if (subscribed) return;
  subscribed = true;
  onDataChanged((trx, change) => markIndicatorsStale(trx, change.countyCode, change.years));
}

const SNAPSHOT_COLUMNS = ['county_code', 'school_year', 'level', 'scope_id', 'stage', 'values'];
const COPY_CHUNK = 5_000;

/**
 * Recomputes the indicators of the given county-years and replaces their snapshots, in one transaction: loads with one
 * query per table, computes in memory and writes with COPY, computing the next chunk while the server stores the
 * previous one. Returns how many snapshot rows were written.
 */
export async function recomputeIndicators(db: Kysely<DB>, targets: readonly CountyYear[]): Promise<number> {
  if (!targets.length) return 0;
  const counties = [...new Set(targets.map((t) => t.countyCode))];
  const versions = await db
    .selectFrom('indicator_state')
    .select(['county_code', 'school_year', 'data_version'])
    .where('county_code', 'in', counties)
    .execute();
  const inputs = await loadInputs(db, targets);
  const provinces = new Map(
    (await db.selectFrom('county').select(['code', 'province_code']).where('code', 'in', counties).execute()).map(
      (c) => [c.code, c.province_code],
    ),
  );
  // Policies are read before the write transaction: on the embedded database a query outside it would wait for it.
  const policies = new Map<string, Policy>();
  const policyOf = (target: CountyYear) => `${provinces.get(target.countyCode) ?? '00'}|${target.schoolYear}`;
  for (const target of targets) {
    const key = policyOf(target);
    if (!policies.has(key)) {
      const [province] = key.split('|');
      policies.set(key, indicatorPolicy(await resolvePolicy(db, province, target.schoolYear)));
    }
  }

  let written = 0;
  const write = async (trx: Kysely<DB>) => {
    for (const target of targets) {
      await trx
        .deleteFrom('indicator_snapshot')
        .where('county_code', '=', target.countyCode)
        .where('school_year', '=', target.schoolYear)
        .execute();
    }
    let pending: Promise<unknown> = Promise.resolve();
    let chunk: unknown[][] = [];
    const flush = async () => {
      await pending;
      pending = copyRows(trx, 'indicator_snapshot', SNAPSHOT_COLUMNS, chunk);
      // Awaited at the next flush; until then a failure must not count as unhandled (the transaction rolls back).
      pending.catch(() => undefined);
      written += chunk.length;
      chunk = [];
    };
    for (const target of targets) {
      const snapshot: SnapshotRow[] = computeIndicators(
        inputs.get(countyYearKey(target))!,
        policies.get(policyOf(target))!,
      );
      for (const row of snapshot)
        chunk.push([target.countyCode, target.schoolYear, row.level, row.scopeId, row.stage, row.values]);
      if (chunk.length >= COPY_CHUNK) await flush();
    }
    await flush();
    await pending;
    for (const target of targets) {
      const version =
        versions.find((v) => v.county_code === target.countyCode && v.school_year === target.schoolYear)
          ?.data_version ?? 1;
      await trx
        .insertInto('indicator_state')
        .values({
          county_code: target.countyCode,
          school_year: target.schoolYear,
          data_version: version,
          computed_version: version,
          computed_at: new Date(),
        })
        .onConflict((oc) =>
          oc
            .columns(['county_code', 'school_year'])
            .doUpdateSet({ computed_version: version, computed_at: new Date() }),
        )
        .execute();
    }
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return written;
}

/**
 * Makes sure a county-year's snapshot reflects its data, recomputing only when a write has marked it stale since.
 * Readers call this; it costs one small query when nothing changed.
 */
export async function ensureIndicators(db: Kysely<DB>, countyCode: string, schoolYear: number): Promise<void> {
  const state = await db
    .selectFrom('indicator_state')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
  if (state && state.computed_version >= state.data_version) return;
  // Two readers of a stale county-year compute it once: the second waits, then finds it fresh.
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`indicators:${countyCode}:${schoolYear}`}))`.execute(trx);
    const again = await trx
      .selectFrom('indicator_state')
      .selectAll()
      .where('county_code', '=', countyCode)
      .where('school_year', '=', schoolYear)
      .executeTakeFirst();
    if (again && again.computed_version >= again.data_version) return;
    await recomputeIndicators(trx, [{ countyCode, schoolYear }]);
  });
}
