import { aidBench } from './aid';
import { importBench } from './import-vs-copy';
import { indicatorBench } from './indicators';
import { type BenchResult, report } from './report';
import { reportBench } from './reports';
import { teacherBench } from './teachers';

/** `npm run bench` runs every benchmark; `npm run bench -- indicators` runs one. Exit code 1 when a goal is missed. */
const BENCHES: Record<string, () => Promise<BenchResult>> = {
  import: importBench,
  indicators: indicatorBench,
  teachers: teacherBench,
  aid: aidBench,
  reports: reportBench,
};
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = chosen.filter((name) => !BENCHES[name]);
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
let allMet = true;
for (const name of chosen.length ? chosen : Object.keys(BENCHES)) {
  const result = await BENCHES[name]();
  report(result);
  allMet &&= result.met;
}
if (!allMet) process.exitCode = 1;
