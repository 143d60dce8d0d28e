import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Runs `work` in the caller's transaction when there is one (the demo pays a whole term at once), else in a new one. */
export function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
