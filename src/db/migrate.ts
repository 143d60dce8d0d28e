import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import * as m0001 from './migrations/0001_platform';
import * as m0002 from './migrations/0002_stats';
import * as m0003 from './migrations/0003_snapshot_json';
import * as m0004 from './migrations/0004_teachers';
import * as m0005 from './migrations/0005_aid';
import * as m0006 from './migrations/0006_reports';

/** Every migration in order. Names sort lexically; never rename or edit one that has shipped. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_stats': m0002,
  '0003_snapshot_json': m0003,
  '0004_teachers': m0004,
  '0005_aid': m0005,
  '0006_reports': m0006,
};

export interface MigrateResult {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrateResult> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
