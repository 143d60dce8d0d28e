import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Bulk loading through Kysely on both engines. A compiled query `COPY … FROM STDIN …` whose only parameter is the
 * CSV payload is routed to pg-copy-streams (PostgreSQL) or PGlite's /dev/blob, on the same connection and inside the
 * same transaction as every other query. See `copyRows` in bulk.ts.
 */
const COPY_FROM_STDIN = /^\s*copy\s[\s\S]*\sfrom\s+stdin\b/i;

function isCopy(sql: string, params: unknown[] | undefined): params is [string | Buffer] {
  return (
    COPY_FROM_STDIN.test(sql) && params?.length === 1 && (typeof params[0] === 'string' || Buffer.isBuffer(params[0]))
  );
}

type Queryable = Pick<PGlite, 'query'>;
type QueryOptions = Parameters<PGlite['query']>[2];

function queryWithCopy(target: Queryable): PGlite['query'] {
  return async <T>(sql: string, params?: unknown[], options?: QueryOptions) => {
    if (!isCopy(sql, params)) return target.query<T>(sql, params as never[], options);
    const payload = params[0];
    const blob = new Blob([typeof payload === 'string' ? payload : new Uint8Array(payload)]);
    return target.query<T>(sql.replace(/\bfrom\s+stdin\b/i, "FROM '/dev/blob'"), [], { ...options, blob });
  };
}

/**
 * The PGlite members Kysely's PGliteDialect uses, with a query() — also inside transactions — that understands
 * COPY FROM STDIN with a payload parameter.
 */
export function wrapPglite(pglite: PGlite): PGlite {
  const adapter = {
    get closed() {
      return pglite.closed;
    },
    get ready() {
      return pglite.ready;
    },
    get waitReady() {
      return pglite.waitReady;
    },
    close: () => pglite.close(),
    query: queryWithCopy(pglite),
    transaction: <R>(callback: (tx: Queryable & { rollback(): Promise<void> }) => Promise<R>) =>
      pglite.transaction((tx) => callback({ query: queryWithCopy(tx), rollback: () => tx.rollback() })),
  };
  // Kysely's PGliteDialect uses only these members of the PGlite interface.
  return adapter as unknown as PGlite;
}

const wrappedClients = new WeakMap<pg.PoolClient, pg.PoolClient>();

function wrapClient(client: pg.PoolClient): pg.PoolClient {
  const cached = wrappedClients.get(client);
  if (cached) return cached;
  const wrapped = new Proxy(client, {
    get(object, property) {
      if (property !== 'query') {
        const value = Reflect.get(object, property, object);
        return typeof value === 'function' ? value.bind(object) : value;
      }
      return (sql: unknown, params?: unknown[]) => {
        if (typeof sql !== 'string' || !isCopy(sql, params))
          return (object.query as (text: unknown, values?: unknown[]) => unknown).call(object, sql, params);
        return new Promise((resolve, reject) => {
          const stream = object.query(copyFrom(sql));
          stream.on('finish', () => resolve({ command: 'COPY', rowCount: stream.rowCount, rows: [] }));
          stream.on('error', reject);
          stream.end(params[0]);
        });
      };
    },
  });
  wrappedClients.set(client, wrapped);
  return wrapped;
}

/** A pool facade for Kysely's PostgresDialect whose clients understand COPY FROM STDIN with a payload parameter. */
export function wrapPool(pool: pg.Pool): pg.Pool {
  return new Proxy(pool, {
    get(object, property) {
      if (property === 'connect') return async () => wrapClient(await object.connect());
      const value = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
