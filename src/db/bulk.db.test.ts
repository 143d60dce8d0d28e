import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness';
import { copyRows } from './bulk';

describe('copyRows', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`create table copy_probe (id integer primary key, t text, j json, n numeric, d date)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('round-trips text that COPY treats specially, keeps empty strings apart from null, and loads JSON unchanged', async () => {
    const awkward = ['tab\there', 'line\nbreak\r\n', 'back\\slash \\N', '"quoted", comma', '', ' 前后空格 ', '\\.'];
    const json = { path: 'C:\\数据\\基表.xlsx', quote: '"', line: 'a\nb', nested: [1, null, { x: '\t' }] };
    const rows = awkward.map((t, i) => [
      i + 1,
      t,
      i === 0 ? json : null,
      i === 1 ? '12.50' : null,
      i === 2 ? '2024-09-30' : null,
    ]);
    rows.push([99, null, null, null, null]);
    expect(await copyRows(database.db, 'copy_probe', ['id', 't', 'j', 'n', 'd'], rows, 3)).toBe(rows.length);

    const { rows: stored } = await sql<{
      id: number;
      t: string | null;
      j: unknown;
      n: string | null;
      d: string | null;
    }>`
      select id, t, j, n::text as n, d::text as d from copy_probe order by id`.execute(database.db);
    expect(stored.map((r) => r.t)).toEqual([...awkward, null]);
    expect(stored[0].j).toEqual(json);
    expect(stored[1].n).toBe('12.50');
    expect(stored[2].d).toBe('2024-09-30');
  });
});
