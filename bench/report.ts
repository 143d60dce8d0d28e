import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  name: string;
  json: unknown;
  tables: { title: string; header: string[]; rows: (string | number)[][] }[];
  met: boolean;
}

/** Writes bench/results/<name>-<time>.json and latest-<name>.json, and prints the tables. */
export function report(result: BenchResult): void {
  const at = new Date().toISOString();
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const body = `${JSON.stringify({ at, node: process.version, ...(result.json as object) }, null, 2)}\n`;
  writeFileSync(join(dir, `${result.name}-${at.replace(/[:.]/g, '-')}.json`), body);
  writeFileSync(join(dir, `latest-${result.name}.json`), body);
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  for (const table of result.tables) {
    console.log(`\n${table.title}`);
    console.log(line(table.header));
    console.log(line(table.header.map(() => '---')));
    for (const row of table.rows) console.log(line(row));
  }
}
