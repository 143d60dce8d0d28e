import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { programById } from '../../domain/aid/programs';
import { isIsoDate, parseTerm, termLabel, todayInChina } from '../../domain/period';
import { recordAudit } from '../../platform/audit/record-audit';
import { AppError, notFound, validationError } from '../../platform/errors';
import { requirePermission, type Scope, schoolInScope, type Viewer } from '../../platform/scope';
import { checkOwner } from './aid-batches';
import { loadAidCatalog } from './aid-catalog';
import { inTransaction } from './in-transaction';

/**
 * The only columns a 公示 list may show (教财厅函〔2017〕28号): never the ID number, address, phone, birth date or
 * bank card. Nothing else is selected from the database for it.
 */
export const PUBLICITY_COLUMNS = ['姓名', '学校', '年级', '班级', '资助项目'] as const;
export type PublicityRow = Record<(typeof PUBLICITY_COLUMNS)[number], string>;

/** The longest window a school may set; 5 working days is usual. */
const MAX_WINDOW_DAYS = 30;

export type PublicityState = 'scheduled' | 'active' | 'ended' | 'withdrawn';

export function publicityState(
  publicity: { starts_on: string; ends_on: string; withdrawn_at: Date | null },
  today = todayInChina(),
): PublicityState {
  if (publicity.withdrawn_at) return 'withdrawn';
  if (today < publicity.starts_on) return 'scheduled';
  return today > publicity.ends_on ? 'ended' : 'active';
}

export const PUBLICITY_STATES: Record<PublicityState, string> = {
  scheduled: '待公示',
  active: '公示中',
  ended: '已到期撤下',
  withdrawn: '已撤下',
};

/** Opens (or moves) a school's 公示 window for a term. */
export async function publishPublicity(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  input: { schoolId: number; term: string; startsOn: string; endsOn: string },
): Promise<{ id: number }> {
  requirePermission(viewer, 'aid.import');
  const school = await checkOwner(db, viewer, countyCode, input.schoolId);
  const term = parseTerm(input.term);
  if (!term) throw validationError(`学期“${input.term}”无效`);
  if (!isIsoDate(input.startsOn) || !isIsoDate(input.endsOn)) throw validationError('公示起止日期格式应为 YYYY-MM-DD');
  if (input.endsOn < input.startsOn) throw validationError('公示结束日期不能早于开始日期');
  const days = (Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000 + 1;
  if (days > MAX_WINDOW_DAYS) throw validationError(`公示期不能超过${MAX_WINDOW_DAYS}天，期满后名单应撤下`);
  const lists = await db
    .selectFrom('aid_list')
    .select('id')
    .where('county_code', '=', countyCode)
    .where('school_id', '=', input.schoolId)
    .where('term', '=', input.term)
    .limit(1)
    .execute();
  if (!lists.length) throw validationError(`${school}${termLabel(term)}没有资助名单，无需公示`);
  return inTransaction(db, async (trx) => {
    const saved = await trx
      .insertInto('aid_publicity')
      .values({
        county_code: countyCode,
        term: input.term,
        school_id: input.schoolId,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        created_by: viewer.userId,
      })
      .onConflict((oc) =>
        oc.constraint('aid_publicity_key').doUpdateSet({
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          withdrawn_at: null,
          created_by: viewer.userId,
          created_at: new Date(),
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, viewer.actor, {
      action: 'aid.publicity.publish',
      entityType: 'aid_publicity',
      entityId: saved.id,
      countyCode,
      summary: `${school}${termLabel(term)}资助名单公示：${input.startsOn}至${input.endsOn}`,
      after: input,
    });
    return saved;
  });
}

/** Takes a 公示 down before its window ends. */
export async function withdrawPublicity(db: Kysely<DB>, viewer: Viewer, countyCode: string, id: number) {
  requirePermission(viewer, 'aid.import');
  const publicity = await findPublicity(db, viewer.scope, countyCode, id);
  await checkOwner(db, viewer, countyCode, publicity.school_id);
  await inTransaction(db, async (trx) => {
    await trx.updateTable('aid_publicity').set({ withdrawn_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, viewer.actor, {
      action: 'aid.publicity.withdraw',
      entityType: 'aid_publicity',
      entityId: id,
      countyCode,
      summary: `撤下${publicity.school_name}${termLabel(parseTerm(publicity.term)!)}资助名单公示`,
    });
  });
}

async function findPublicity(db: Kysely<DB>, scope: Scope, countyCode: string, id: number) {
  const publicity = await db
    .selectFrom('aid_publicity')
    .innerJoin('school', 'school.id', 'aid_publicity.school_id')
    .selectAll('aid_publicity')
    .select('school.name as school_name')
    .where('aid_publicity.id', '=', id)
    .where('aid_publicity.county_code', '=', countyCode)
    .where(schoolInScope(scope))
    .executeTakeFirst();
  if (!publicity) throw notFound('公示');
  return publicity;
}

/** The schools in scope that have lists in a term, with their 公示 window and its state. */
export async function listPublicity(db: Kysely<DB>, scope: Scope, countyCode: string, term: string) {
  const rows = await db
    .selectFrom('aid_list')
    .innerJoin('school', 'school.id', 'aid_list.school_id')
    .leftJoin('aid_publicity as p', (join) =>
      join.onRef('p.school_id', '=', 'aid_list.school_id').onRef('p.term', '=', 'aid_list.term'),
    )
    .where('aid_list.county_code', '=', countyCode)
    .where('aid_list.term', '=', term)
    .where(schoolInScope(scope))
    .select([
      'school.id as school_id',
      'school.code as school_code',
      'school.name as school_name',
      'p.id',
      'p.starts_on',
      'p.ends_on',
      'p.withdrawn_at',
    ])
    .select((eb) => [eb.fn.countAll<number>().as('lists'), eb.fn.sum<number>('aid_list.row_count').as('rows')])
    .groupBy(['school.id', 'school.code', 'school.name', 'p.id', 'p.starts_on', 'p.ends_on', 'p.withdrawn_at'])
    .orderBy('school.code')
    .execute();
  const today = todayInChina();
  return rows.map((r) => ({
    ...r,
    lists: Number(r.lists),
    rows: Number(r.rows ?? 0),
    state:
      r.id && r.starts_on && r.ends_on
        ? publicityState({ ...r, starts_on: r.starts_on, ends_on: r.ends_on }, today)
        : null,
  }));
}

/**
 * The 公示 list of a school and term while its window is open: 姓名, 学校, 年级, 班级 and 资助项目 only, payments
 * corrected to nothing left out. Outside the window it is refused: a list is taken down when its 公示 ends.
 */
export async function publicityRows(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  id: number,
): Promise<{ title: string; state: PublicityState; startsOn: string; endsOn: string; rows: PublicityRow[] }> {
  requirePermission(viewer, 'aid.read');
  const publicity = await findPublicity(db, viewer.scope, countyCode, id);
  const state = publicityState(publicity);
  const term = parseTerm(publicity.term)!;
  if (state !== 'active')
    throw new AppError('CONFLICT', {
      message: `Publicity ${state}`,
      userMessage:
        state === 'scheduled'
          ? `公示尚未开始（${publicity.starts_on}起）`
          : `公示期已于${publicity.ends_on}结束，名单已撤下，不能再查看或导出`,
    });
  const { programs } = await loadAidCatalog(db, countyCode);
  const { rows } = await sql<{ name: string; grade: string; class_name: string; program_id: string }>`
    select b.name, b.grade, b.class_name, b.program_id from aid_beneficiary b
    join aid_list l on l.id = b.list_id
    where l.county_code = ${countyCode} and l.school_id = ${publicity.school_id} and l.term = ${publicity.term}
      and b.kind = 'original'
      and b.amount_fen + coalesce((select sum(c.amount_fen) from aid_beneficiary c where c.corrects_id = b.id), 0) > 0
    `.execute(db);
  // By program as declared, then 年级, 班级 and 姓名 in pinyin order (the embedded database has no Chinese collation).
  const collator = new Intl.Collator('zh-CN');
  const order = new Map(programs.map((p, i) => [p.id, i]));
  rows.sort(
    (a, b) =>
      (order.get(a.program_id) ?? 99) - (order.get(b.program_id) ?? 99) ||
      collator.compare(a.grade, b.grade) ||
      collator.compare(a.class_name, b.class_name) ||
      collator.compare(a.name, b.name),
  );
  return {
    title: `${publicity.school_name}${termLabel(term)}学生资助公示名单`,
    state,
    startsOn: publicity.starts_on,
    endsOn: publicity.ends_on,
    rows: rows.map((r) => ({
      姓名: r.name,
      学校: publicity.school_name,
      年级: r.grade,
      班级: r.class_name,
      资助项目: programById(programs, r.program_id)?.name ?? r.program_id,
    })),
  };
}
