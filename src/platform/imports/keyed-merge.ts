import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { MergeCounts } from './define-import';

export interface KeyedMergeOptions {
  stageTable: string;
  target: string;
  jobId: string;
  countyCode: string;
  /** Columns that identify a record within the county (the natural key, without county_code). */
  keyColumns: readonly string[];
  /** Columns the import sets; they are compared to decide between "updated" and "unchanged". */
  valueColumns: readonly string[];
  /** Columns that are written but not compared (a timestamp, say), as SQL expressions. */
  extraSet?: Record<string, RawBuilder<unknown>>;
  /** How a record is named in the change log, as a SQL expression over the staged row `s`. */
  entityKey: RawBuilder<string>;
}

const list = (columns: readonly string[], prefix = '') => sql.raw(columns.map((c) => `${prefix}${c}`).join(', '));

/**
 * Merges staged rows into a plain table keyed by (county_code, natural key): new keys are inserted, changed rows
 * updated, identical rows left alone. The before and after of every updated row go to import_change (for the audit
 * chain) before the update. One statement does the upsert and counts inserts and updates.
 */
export async function mergeKeyed(trx: Kysely<DB>, options: KeyedMergeOptions): Promise<MergeCounts> {
  const stage = sql.table(options.stageTable);
  const target = sql.table(options.target);
  const county = options.countyCode;
  const joinOn = sql.raw(options.keyColumns.map((c) => `t.${c} = s.${c}`).join(' and '));
  const distinct = sql`(${list(options.valueColumns, 't.')}) is distinct from (${list(options.valueColumns, 's.')})`;
  const image = (alias: string) =>
    sql.raw(`jsonb_build_object(${options.valueColumns.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`);

  await sql`insert into import_change (job_id, county_code, row_number, entity_key, before, after)
    select ${options.jobId}, ${county}, s.row_number, ${options.entityKey}, ${image('t')}, ${image('s')}
    from ${stage} s join ${target} t on t.county_code = ${county} and ${joinOn}
    where ${distinct}`.execute(trx);

  const extra = Object.entries(options.extraSet ?? {});
  const setList = sql.join([
    ...options.valueColumns.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`),
    ...extra.map(([c, expression]) => sql`${sql.ref(c)} = ${expression}`),
  ]);
  const { rows } = await sql<{ inserted: number; updated: number }>`with upserted as (
      insert into ${target} as t (county_code, ${list(options.keyColumns)}, ${list(options.valueColumns)})
      select ${county}, ${list(options.keyColumns)}, ${list(options.valueColumns)} from ${stage}
      on conflict (county_code, ${list(options.keyColumns)}) do update set ${setList}
      where (${list(options.valueColumns, 't.')}) is distinct from (${list(options.valueColumns, 'excluded.')})
      returning (xmax = 0) as fresh)
    select count(*) filter (where fresh)::int8 as inserted, count(*) filter (where not fresh)::int8 as updated from upserted`.execute(
    trx,
  );
  return { inserted: Number(rows[0].inserted), updated: Number(rows[0].updated) };
}
