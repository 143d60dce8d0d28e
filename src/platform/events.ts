import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** What changed: a module's data for a county, and, when known, which years. */
export interface DataChange {
  countyCode: string;
  area: 'schools' | 'stats' | 'population' | 'teachers' | 'policy' | 'aid';
  /** Calendar years or 学年 start years affected; absent when every year may be. */
  years?: readonly number[];
}

type Listener = (trx: Kysely<DB>, change: DataChange) => Promise<void>;
const listeners: Listener[] = [];

/** Modules that keep derived data (computed indicators, facts) subscribe here once, at start-up. */
export function onDataChanged(listener: Listener): void {
  listeners.push(listener);
}

/**
 * Announces a change inside the transaction that makes it, so derived data is marked stale atomically with the
 * change: if the write rolls back, so does the mark.
 */
export async function dataChanged(trx: Kysely<DB>, change: DataChange): Promise<void> {
  for (const listener of listeners) await listener(trx, change);
}
