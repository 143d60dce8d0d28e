import { type Kysely, sql } from 'kysely';

export interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  primaryKey: { name: string; type: string };
  /** Columns that reference the same table; loaded in a second pass so row order does not matter. */
  selfReferences: string[];
  identityColumns: string[];
}

// Sessions are not data: a restored system starts with everyone logged out.
const SKIPPED = new Set(['kysely_migration', 'kysely_migration_lock', 'user_session']);

/** The application's tables, parents before children, read from the database's own catalog. */
export async function listTables(db: Kysely<any>): Promise<TableInfo[]> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const columns = await sql<{ table_name: string; column_name: string; udt_name: string; is_identity: string }>`
    select table_name, column_name, udt_name, is_identity from information_schema.columns
    where table_schema = 'public' order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select tc.table_name, kcu.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'`.execute(db);
  const references = await sql<{ child: string; column_name: string; parent: string }>`
    select tc.table_name as child, kcu.column_name, ccu.table_name as parent
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.table_schema = 'public' and tc.constraint_type = 'FOREIGN KEY'`.execute(db);

  const infos = new Map<string, TableInfo>();
  for (const { table_name } of tables.rows) {
    if (SKIPPED.has(table_name)) continue;
    const cols = columns.rows.filter((c) => c.table_name === table_name);
    const pk = keys.rows.filter((k) => k.table_name === table_name);
    if (pk.length !== 1) throw new Error(`Table ${table_name} needs a single-column primary key for backup`);
    const pkColumn = cols.find((c) => c.column_name === pk[0].column_name)!;
    infos.set(table_name, {
      name: table_name,
      columns: cols.map((c) => ({ name: c.column_name, type: c.udt_name })),
      primaryKey: { name: pkColumn.column_name, type: pkColumn.udt_name },
      selfReferences: [
        ...new Set(
          references.rows.filter((r) => r.child === table_name && r.parent === table_name).map((r) => r.column_name),
        ),
      ],
      identityColumns: cols.filter((c) => c.is_identity === 'YES').map((c) => c.column_name),
    });
  }

  // Topological order over foreign keys (ignoring self-references).
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || !infos.has(name)) return;
    if (path.has(name)) throw new Error(`Foreign key cycle through ${name}`);
    path.add(name);
    for (const r of references.rows) if (r.child === name && r.parent !== name) visit(r.parent, path);
    path.delete(name);
    done.add(name);
    ordered.push(infos.get(name)!);
  };
  for (const name of [...infos.keys()].sort()) visit(name, new Set());
  return ordered;
}
