import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Fact } from '../../domain/report/facts';

export type { Fact, FactPeriod, FactScope, FactSet } from '../../domain/report/facts';

export interface FactRequest {
  countyCode: string;
  countyName: string;
  /** The report year: calendar facts of `year`, 学年 facts of the 学年 starting in `year`. */
  year: number;
}

/** A module's publisher of facts for a county and year (its own and the previous year's, for comparisons). */
export interface FactProvider {
  module: string;
  facts(db: Kysely<DB>, request: FactRequest): Promise<Fact[]>;
}

const providers = new Map<string, FactProvider>();

export function registerFactProvider(provider: FactProvider): void {
  providers.set(provider.module, provider);
}

/** Every registered module's facts for a county and year, keyed by id. A duplicate id is a programming error. */
export async function collectFacts(db: Kysely<DB>, request: FactRequest): Promise<Map<string, Fact>> {
  const out = new Map<string, Fact>();
  for (const provider of providers.values()) {
    for (const fact of await provider.facts(db, request)) {
      if (out.has(fact.id)) throw new Error(`Fact ${fact.id} published twice (module ${provider.module})`);
      out.set(fact.id, fact);
    }
  }
  return out;
}
