import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { StageKey } from '../../domain/indicators/definitions';
import type { Policy } from '../../domain/indicators/inputs';

export interface PolicyEntry {
  key: string;
  province: string;
  from: number;
  value: unknown;
  source?: string | null;
  /** Where the entry comes from: the shipped file or a local setting. */
  origin?: 'shipped' | 'local';
}

let shipped: PolicyEntry[] | undefined;

/** The defaults shipped with the product, from config/policy.json (versioned with the code, but not in it). */
export function shippedPolicy(): PolicyEntry[] {
  shipped ??= (
    JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../config/policy.json'), 'utf8'))
      .entries as PolicyEntry[]
  ).map((e) => ({ ...e, origin: 'shipped' as const }));
  return shipped;
}

/**
 * The entry that applies to a province in a year: a local setting beats the shipped file, the province beats the
 * national default, and the latest year on or before `year` wins.
 */
export function pickEntry(
  entries: readonly PolicyEntry[],
  key: string,
  province: string,
  year: number,
): PolicyEntry | undefined {
  let best: PolicyEntry | undefined;
  const rank = (e: PolicyEntry) => [e.origin === 'local' ? 1 : 0, e.province === province ? 1 : 0, e.from];
  for (const entry of entries) {
    if (entry.key !== key || entry.from > year || (entry.province !== province && entry.province !== '00')) continue;
    if (!best) {
      best = entry;
      continue;
    }
    const [a, b] = [rank(entry), rank(best)];
    if (a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))) best = entry;
  }
  return best;
}

export interface ResolvedPolicy {
  province: string;
  year: number;
  entry(key: string): PolicyEntry | undefined;
  value<T>(key: string, fallback: T): T;
}

/** Every policy entry that applies to a province and year, with local settings from the database. */
export async function resolvePolicy(db: Kysely<DB>, province: string, year: number): Promise<ResolvedPolicy> {
  const local = await db
    .selectFrom('policy_setting')
    .selectAll()
    .where('province_code', 'in', [province, '00'])
    .where('from_year', '<=', year)
    .execute();
  const entries = [
    ...shippedPolicy(),
    ...local.map(
      (l): PolicyEntry => ({
        key: l.key,
        province: l.province_code,
        from: l.from_year,
        value: l.value,
        source: l.source,
        origin: 'local',
      }),
    ),
  ];
  const cache = new Map<string, PolicyEntry | undefined>();
  const entry = (key: string) => {
    if (!cache.has(key)) cache.set(key, pickEntry(entries, key, province, year));
    return cache.get(key);
  };
  return {
    province,
    year,
    entry,
    value: <T>(key: string, fallback: T) => {
      const found = entry(key);
      return found === undefined ? fallback : (found.value as T);
    },
  };
}

/** The indicator engine's view of a resolved policy. */
export function indicatorPolicy(resolved: ResolvedPolicy): Policy {
  const thresholds = new Map<string, Record<string, number> | null>();
  return {
    threshold: (indicatorId: string, stage: StageKey) => {
      // Called for every value the engine computes: resolve each indicator's thresholds once.
      let byStage = thresholds.get(indicatorId);
      if (byStage === undefined) {
        byStage = resolved.value<Record<string, number> | null>(`threshold.${indicatorId}`, null);
        thresholds.set(indicatorId, byStage);
      }
      return byStage?.[stage] ?? undefined;
    },
    staffingRatio: resolved.value('rule.staffing.ratio', { primary: 19, junior: 13.5, senior: 12.5 }),
    smallTeachingPointMergeBelow: resolved.value<number | null>('rule.balance.smallTeachingPointMergeBelow', null),
    includePrivateInBalance: resolved.value('rule.balance.includePrivate', true),
    countHomeDeliveryAsEnrolled: resolved.value('rule.disabled.countHomeDelivery', true),
  };
}
