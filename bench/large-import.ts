import { readFileSync } from 'node:fs';
import { openDatabase } from '../src/db/connect';
import { cliActor } from '../src/platform/audit/actor';
import { runImport } from '../src/platform/imports/run-import';
import { schoolStatLike } from './school-stat-like';

// Child of bench/run.ts: imports one large file into a fresh embedded database and reports peak RSS.
const [csvPath, rows, target] = process.argv.slice(2);
const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
const viewer = {
  userId: null,
  username: 'bench',
  displayName: 'bench',
  role: null,
  scope: { level: 'system' as const },
  permissions: new Set<never>(),
  actor: cliActor(),
};
const outcome = await runImport({
  db: database.db,
  definition: schoolStatLike,
  viewer,
  countyCode: '145523',
  jobId: 'large',
  filePath: csvPath,
  format: 'csv',
  fileName: 'large.csv',
  fileSha256: '0'.repeat(64),
  dryRun: false,
});
await database.close();
if (outcome.inserted !== Number(rows)) throw new Error(`imported ${outcome.inserted} of ${rows}`);
const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
console.log(JSON.stringify({ inserted: outcome.inserted, peakRssMb: peak ? Math.round(Number(peak[1]) / 1024) : -1 }));
