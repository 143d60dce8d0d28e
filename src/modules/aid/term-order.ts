import { type RawBuilder, sql } from 'kysely';

/**
 * Terms in time order in SQL: a stored term code ('2024-spring', '2024-autumn') does not sort by time as text, so
 * queries order by this number instead (the year twice, plus one for autumn, as termOrdinal does).
 */
export function termOrder(column: string): RawBuilder<number> {
  const ref = sql.ref(column);
  return sql<number>`(substr(${ref}, 1, 4)::int * 2 + case when ${ref} like '%-autumn' then 1 else 0 end)`;
}
