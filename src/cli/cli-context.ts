import { resolve } from 'node:path';
import { type Database, databaseOptionsFromEnv, openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { permissionsOf, ROLES, type Role } from '../domain/auth/roles';
import { registerModules } from '../modules';
import { cliActor } from '../platform/audit/actor';
import { checkPersonalDataKey } from '../platform/personal-data/key-check';
import type { Viewer } from '../platform/scope';

/** Opens the configured database (PGlite data directory or DATABASE_URL) and brings its schema up to date. */
export async function openForCli(options: { dataDir?: string; migrate?: boolean } = {}): Promise<Database> {
  registerModules();
  // The personal-data key lives with the data directory it protects, unless given by environment.
  if (options.dataDir && !process.env.JIAOGUAN_DATA_KEY_FILE)
    process.env.JIAOGUAN_DATA_KEY_FILE = resolve(options.dataDir, 'keys/personal-data.key');
  const database = await openDatabase(databaseOptionsFromEnv(options));
  if (options.migrate !== false) {
    await migrateToLatest(database.db);
    await checkPersonalDataKey(database.db);
  }
  return database;
}

export function uploadDirFor(dataDir?: string): string {
  return resolve(process.env.UPLOAD_DIR ?? `${dataDir ?? process.env.DATA_DIR ?? './data'}/uploads`);
}

/** The operator at the server's console acts with every permission across the deployment, recorded as such. */
export function cliViewer(): Viewer {
  const permissions = new Set(Object.keys(ROLES).flatMap((role) => permissionsOf(role as Role)));
  return {
    userId: null,
    username: 'cli',
    displayName: '命令行',
    role: null,
    scope: { level: 'system' },
    permissions,
    actor: cliActor(),
  };
}

export function print(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

/** A one-line progress indicator on stderr that rewrites itself (only on a terminal or when asked). */
export function progressLine(enabled: boolean) {
  let last = '';
  return {
    update(text: string) {
      if (!enabled || text === last) return;
      last = text;
      process.stderr.write(`\r${text}\u001b[K`);
    },
    done() {
      if (enabled && last) process.stderr.write('\n');
    },
  };
}
