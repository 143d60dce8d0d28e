import { CompiledQuery, type Kysely } from 'kysely';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One value in PostgreSQL's CSV COPY format: null is an unquoted empty field, an empty string is "", and text is
 * quoted only when it has to be (imports stage millions of values, so the common case stays cheap).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (text === '' || NEEDS_QUOTES.test(text) || text.startsWith(' ') || text.endsWith(' '))
    return `"${text.replaceAll('"', '""')}"`;
  return text;
}

const TEXT_SPECIAL = /[\\\t\n\r]/;
const TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One value in PostgreSQL's text COPY format: null is \N, and only backslash, tab and line breaks are escaped. JSON
 * values pass almost untouched, where CSV would double every quote in them.
 */
export function textField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return TEXT_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => TEXT_ESCAPES[c]) : text;
}

/**
 * Loads rows with COPY on the given executor (a Kysely instance or a transaction), in chunks so that memory stays
 * bounded. Returns the number of rows copied.
 */
export async function copyRows(
  executor: Kysely<any>,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
  chunkSize = 20_000,
): Promise<number> {
  const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT text)`;
  let buffer: string[] = [];
  let total = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    await executor.executeQuery(CompiledQuery.raw(statement, [`${buffer.join('\n')}\n`]));
    total += buffer.length;
    buffer = [];
  };
  for (const row of rows) {
    buffer.push(row.map(textField).join('\t'));
    if (buffer.length >= chunkSize) await flush();
  }
  await flush();
  return total;
}
