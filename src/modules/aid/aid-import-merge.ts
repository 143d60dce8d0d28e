import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { AidFinding } from '../../domain/aid/check-rules';
import { AppError } from '../../platform/errors';
import { dataChanged } from '../../platform/events';
import type { MergeCounts, MergeOptions } from '../../platform/imports/define-import';
import { refreshBatchTotals } from './aid-batches.repository';

// What a list row holds besides the person (compared to tell an updated row from an unchanged one).
const VALUES = [
  'name',
  'school_code',
  'school_id',
  'grade',
  'class_name',
  'stage',
  'categories',
  'hardship_level',
  'amount_fen',
];
const columns = (alias: string) => sql.raw(VALUES.map((c) => `${alias}.${c}`).join(', '));
// The row as the change log (and the import preview) shows it: no ID number, amounts in 元.
const image = (alias: string) =>
  sql.raw(`jsonb_build_object('姓名', ${alias}.name, '学校标识码', ${alias}.school_code, '年级', ${alias}.grade,
    '班级', ${alias}.class_name, '资助对象类别', ${alias}.categories, '困难等级', ${alias}.hardship_level,
    '金额(元)', round(${alias}.amount_fen / 100.0, 2))`);

/**
 * Merges a validated file into its lists, inside the import's transaction: each list the file names (term, program,
 * school) is created or, while still a draft, brought to exactly the file's rows — new people added, changed rows
 * updated (before and after go to the change log), people no longer listed removed. The review findings replace the
 * lists' previous ones. A list that left draft meanwhile stops the whole import.
 */
export async function mergeAidLists(
  trx: Kysely<DB>,
  { stageTable, jobId, countyCode, actor }: MergeOptions,
  review: readonly AidFinding[],
): Promise<MergeCounts> {
  const stage = sql.table(stageTable);
  // coalesce keeps the join hashable (the 资助中心's own lists have no school).
  const listOfStage = sql`l.county_code = ${countyCode} and l.term = s.term and l.program_id = s.program_id
    and coalesce(l.school_id, 0) = coalesce(s.owner_school_id, 0)`;
  const { rows: lists } = await sql<{ id: number; status: string; batch_id: number | null; term: string }>`
    insert into aid_list as l (county_code, term, program_id, school_id, import_job_id, created_by)
    select distinct ${countyCode}, term, program_id, owner_school_id, ${jobId}, ${actor.id}::int from ${stage}
    on conflict on constraint aid_list_key do update set import_job_id = excluded.import_job_id, updated_at = now()
    returning l.id, l.status, l.batch_id, l.term`.execute(trx);
  if (lists.some((l) => l.status !== 'draft'))
    throw new AppError('CONFLICT', {
      message: 'An aid list left draft during the import',
      userMessage: '导入期间有名单已被提交审核，未写入任何数据；请刷新后重新导入',
    });
  const ids = sql.join(lists.map((l) => l.id));
  await sql`delete from aid_check_finding where list_id in (${ids})`.execute(trx);

  const { rows: changed } = await sql<{ n: number }>`with logged as (
      insert into import_change (job_id, county_code, row_number, entity_key, before, after)
      select ${jobId}, ${countyCode}, s.row_number, t.id_masked || ' ' || s.name, ${image('t')}, ${image('s')}
      from ${stage} s join aid_list l on ${listOfStage}
      join aid_beneficiary t on t.county_code = ${countyCode} and t.list_id = l.id and t.id_hash = s.id_hash
        and t.kind = 'original'
      where (${columns('t')}) is distinct from (${columns('s')})
      returning 1)
    select count(*)::int8 as n from logged`.execute(trx);
  await sql`with gone as (
      delete from aid_beneficiary t where t.list_id in (${ids}) and t.kind = 'original' and not exists (
        select 1 from ${stage} s join aid_list l on ${listOfStage} where l.id = t.list_id and s.id_hash = t.id_hash)
      returning t.*)
    insert into import_change (job_id, county_code, row_number, entity_key, before, after)
    select ${jobId}, ${countyCode}, 0, g.id_masked || ' ' || g.name, ${image('g')}, null from gone g`.execute(trx);
  await sql`update aid_beneficiary t set ${sql.raw(VALUES.map((c) => `${c} = s.${c}`).join(', '))},
      row_number = s.row_number, import_job_id = ${jobId}
    from ${stage} s join aid_list l on ${listOfStage}
    where t.county_code = ${countyCode} and t.list_id = l.id and t.id_hash = s.id_hash and t.kind = 'original'
      and ((${columns('t')}) is distinct from (${columns('s')}) or t.row_number is distinct from s.row_number)`.execute(
    trx,
  );
  const { rows: added } = await sql<{ n: number }>`with added as (
      insert into aid_beneficiary (county_code, list_id, batch_id, term, program_id, school_code, school_id, row_number,
        name, id_hash, id_sealed, id_masked, grade, class_name, stage, categories, hardship_level, amount_fen,
        import_job_id, created_by)
      select ${countyCode}, l.id, l.batch_id, s.term, s.program_id, s.school_code, s.school_id, s.row_number, s.name,
        s.id_hash, s.id_sealed, s.id_masked, s.grade, s.class_name, s.stage, s.categories, s.hardship_level,
        s.amount_fen, ${jobId}, ${actor.id}::int
      from ${stage} s join aid_list l on ${listOfStage}
      where not exists (select 1 from aid_beneficiary t where t.county_code = ${countyCode} and t.list_id = l.id
        and t.id_hash = s.id_hash and t.kind = 'original')
      returning 1)
    select count(*)::int8 as n from added`.execute(trx);

  if (review.length) {
    const findings = JSON.stringify(
      review.map((f) => ({ row_number: f.row, rule: f.rule, column_name: f.column, message: f.message })),
    );
    await sql`insert into aid_check_finding (county_code, list_id, beneficiary_id, row_number, rule, column_name, message)
      select ${countyCode}, l.id, t.id, f.row_number, f.rule, f.column_name, f.message
      from jsonb_to_recordset(${findings}::jsonb) as f(row_number int, rule text, column_name text, message text)
      join ${stage} s on s.row_number = f.row_number
      join aid_list l on ${listOfStage}
      left join aid_beneficiary t on t.county_code = ${countyCode} and t.list_id = l.id and t.id_hash = s.id_hash
        and t.kind = 'original'`.execute(trx);
  }
  await sql`update aid_list l set row_count = a.n, amount_fen = a.fen, updated_at = now()
    from (select list_id, count(*) as n, sum(amount_fen) as fen from aid_beneficiary
      where list_id in (${ids}) and kind = 'original' group by list_id) a
    where l.id = a.list_id`.execute(trx);
  const batches = [...new Set(lists.map((l) => l.batch_id).filter((id): id is number => id !== null))];
  await refreshBatchTotals(trx, batches);
  const years = [...new Set(lists.map((l) => Number(l.term.slice(0, 4))))];
  await dataChanged(trx, { countyCode, area: 'aid', years });
  return { inserted: Number(added[0].n), updated: Number(changed[0].n) };
}
