import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, viewerWith } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { type AidWorld, aidRow, buildAidWorld, failure, importAid, pupilId, SCHOOLS } from './aid.test-kit';
import { createBatch, exportBankFile, transitionBatch } from './aid-batches';
import { batchDetail, listBatches } from './aid-batches.repository';
import { registerCorrection, resolveFindings } from './aid-corrections';
import { findAidList, listAidLists, listRows } from './aid-lists.repository';
import { aidTotals } from './aid-totals';

describe('aid batches: workflow, locking, corrections and scope', () => {
  let database: TestDatabase;
  let world: AidWorld;
  let batchId: number;
  const db = () => database.db;
  const year2024 = { kind: 'calendar_year' as const, year: 2024 };

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildAidWorld(database.db);
    const ours = await importAid(database.db, world.clerk, [
      aidRow({ 姓名: '张小明', 身份证号: pupilId(1) }),
      aidRow({ 姓名: '李小红', 身份证号: pupilId(2), '金额(元)': '300' }),
    ]);
    const theirs = await importAid(database.db, world.otherClerk, [
      aidRow({ 学校标识码: SCHOOLS.other, 姓名: '周小军', 身份证号: pupilId(10) }),
    ]);
    expect([ours.committed, theirs.committed]).toEqual([true, true]);
  });
  afterAll(() => database?.close());

  it('shows a school only its own lists, and a county account all of them', async () => {
    const own = await listAidLists(db(), world.clerk.scope, COUNTY, {});
    expect(own.items.map((l) => l.school_code)).toEqual([SCHOOLS.primary]);
    const all = await listAidLists(db(), world.leader.scope, COUNTY, {});
    expect(all.items.map((l) => l.school_code).sort()).toEqual([SCHOOLS.primary, SCHOOLS.other]);
    const theirs = all.items.find((l) => l.school_code === SCHOOLS.other)!;
    expect(await failure(findAidList(db(), world.clerk.scope, COUNTY, theirs.id))).toMatch(
      '资助名单不存在或您无权访问',
    );
  });

  it('lets the school batch and submit its own lists only', async () => {
    expect(
      await failure(createBatch(db(), world.clerk, COUNTY, { term: '2024-autumn', schoolId: world.ids.other })),
    ).toMatch('学校不存在或您无权访问');
    const created = await createBatch(db(), world.clerk, COUNTY, { term: '2024-autumn', schoolId: world.ids.primary });
    expect(created).toMatchObject({ lists: 1, rows: 2 });
    batchId = created.batchId;
    expect(
      await failure(createBatch(db(), world.clerk, COUNTY, { term: '2024-autumn', schoolId: world.ids.primary })),
    ).toMatch(/没有待编入批次的名单/);
    expect(await failure(transitionBatch(db(), world.clerk, COUNTY, batchId, { action: 'review' }))).toMatch(
      '您没有执行此操作的权限',
    );
    await transitionBatch(db(), world.clerk, COUNTY, batchId, { action: 'submit' });
    const batches = await listBatches(db(), world.otherClerk.scope, COUNTY, {});
    expect(batches.items).toEqual([]);
  });

  it('reviews only when every finding is confirmed, pays only after the bank file, then locks everything', async () => {
    expect(await failure(transitionBatch(db(), world.center, COUNTY, batchId, { action: 'review' }))).toMatch(
      '批次中还有1条核查提示未确认，请在名单中逐条核实确认后再审核',
    );
    const list = (await listAidLists(db(), world.center.scope, COUNTY, { schoolId: world.ids.primary })).items[0];
    const { findings } = await findAidList(db(), world.center.scope, COUNTY, list.id);
    expect(await failure(resolveFindings(db(), world.clerk, COUNTY, [findings[0].id], '已核实'))).toBe(
      '您没有执行此操作的权限',
    );
    await resolveFindings(db(), world.center, COUNTY, [findings[0].id], '10月中旬转入，按在校天数折算发放');
    await transitionBatch(db(), world.center, COUNTY, batchId, { action: 'review' });

    expect(
      await failure(transitionBatch(db(), world.center, COUNTY, batchId, { action: 'pay', paidOn: '2024-12-20' })),
    ).toMatch('请先导出银行代发文件，银行发放后再确认发放');
    expect(await failure(exportBankFile(db(), world.clerk, COUNTY, batchId))).toMatch('您没有执行此操作的权限');
    const file = await exportBankFile(db(), world.center, COUNTY, batchId);
    expect(file.rows.map((r) => [r.姓名, r.身份证号, r['金额(元)']])).toEqual([
      ['张小明', pupilId(1), '625.00'],
      ['李小红', pupilId(2), '300.00'],
    ]);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['summary', 'after'])
      .where('action', '=', 'aid.bank_file.export')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain('含完整身份证号');
    expect(JSON.stringify(audit)).not.toContain(pupilId(1));

    expect((await aidTotals(db(), world.center.scope, COUNTY, year2024)).totals.all.personTimes).toBe(0);
    await transitionBatch(db(), world.center, COUNTY, batchId, { action: 'pay', paidOn: '2024-12-20' });
    const { batch, history } = await batchDetail(db(), world.center.scope, COUNTY, batchId);
    expect(batch).toMatchObject({ status: 'paid', paid_on: '2024-12-20', total_fen: 92500, row_count: 2 });
    expect(history.map((h) => [h.action, h.from_status, h.to_status])).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['review', 'submitted', 'reviewed'],
      ['pay', 'reviewed', 'paid'],
    ]);
    const totals = await aidTotals(db(), world.center.scope, COUNTY, year2024);
    expect(totals.totals.all).toMatchObject({ personTimes: 2, persons: 2, amountFen: 92500 });

    // Locked: no transition, no re-import, no edit in the database itself.
    expect(
      await failure(transitionBatch(db(), world.center, COUNTY, batchId, { action: 'return', comment: '重审' })),
    ).toMatch('该批次已发放，已锁定，不能再变更；如需调整请登记更正');
    const again = await importAid(db(), world.clerk, [aidRow({ 姓名: '张小明', 身份证号: pupilId(1) })]);
    expect(again.issues[0].message).toMatch(/名单已发放，不能重新导入；如需调整，请在该名单中登记更正/);
    expect(
      await failure(sql`update aid_beneficiary set amount_fen = 1 where batch_id = ${batchId}`.execute(db())),
    ).toMatch(/不能修改或删除/);
    expect(await failure(sql`update aid_batch set total_fen = 1 where id = ${batchId}`.execute(db()))).toMatch(
      /已锁定/,
    );
    expect(await failure(sql`delete from aid_batch_transition`.execute(db()))).toMatch(/只能追加/);
  });

  it('corrects a paid row with a new adjusting row that counts once its own batch is paid', async () => {
    const list = (await listAidLists(db(), world.center.scope, COUNTY, { schoolId: world.ids.primary })).items[0];
    const rows = await listRows(db(), list.id, {});
    const li = rows.items.find((r) => r.name === '李小红')!;
    expect(
      await failure(registerCorrection(db(), world.clerk, COUNTY, li.id, { amountYuan: '1250', reason: '按全额补发' })),
    ).toMatch(/更正后金额不符合资助标准：金额高于标准/);
    const correction = await registerCorrection(db(), world.clerk, COUNTY, li.id, {
      amountYuan: '625',
      reason: '转入时间登记有误，应全额发放',
    });
    expect(correction.deltaFen).toBe(32500);
    const original = await db()
      .selectFrom('aid_beneficiary')
      .select('amount_fen')
      .where('id', '=', li.id)
      .executeTakeFirstOrThrow();
    expect(original.amount_fen).toBe(30000);
    // Not counted until the correction batch is paid.
    expect((await aidTotals(db(), world.center.scope, COUNTY, year2024)).totals.all.amountFen).toBe(92500);

    await transitionBatch(db(), world.clerk, COUNTY, correction.batchId, { action: 'submit' });
    await transitionBatch(db(), world.center, COUNTY, correction.batchId, { action: 'review' });
    const file = await exportBankFile(db(), world.center, COUNTY, correction.batchId);
    expect(file.rows.map((r) => [r.姓名, r['金额(元)'], r.类型])).toEqual([['李小红', '325.00', '更正补发']]);
    await transitionBatch(db(), world.center, COUNTY, correction.batchId, { action: 'pay', paidOn: '2025-01-10' });
    const totals = await aidTotals(db(), world.center.scope, COUNTY, year2024);
    expect(totals.totals.all).toMatchObject({ personTimes: 2, persons: 2, amountFen: 125000 });

    // Recovering the whole payment: the row is no longer a payment at all.
    const zhang = rows.items.find((r) => r.name === '张小明')!;
    const recovery = await registerCorrection(db(), world.center, COUNTY, zhang.id, {
      amountYuan: '0',
      reason: '该生已转学，追回',
    });
    expect(recovery.deltaFen).toBe(-62500);
    await transitionBatch(db(), world.center, COUNTY, recovery.batchId, { action: 'submit' });
    await transitionBatch(db(), world.center, COUNTY, recovery.batchId, { action: 'review' });
    await exportBankFile(db(), world.center, COUNTY, recovery.batchId);
    await transitionBatch(db(), world.center, COUNTY, recovery.batchId, { action: 'pay', paidOn: '2025-01-15' });
    expect((await aidTotals(db(), world.center.scope, COUNTY, year2024)).totals.all).toMatchObject({
      personTimes: 1,
      amountFen: 62500,
    });
  });

  it('refuses a correction of an unpaid row, and a return without a reason', async () => {
    const theirs = (await listAidLists(db(), world.center.scope, COUNTY, { schoolId: world.ids.other })).items[0];
    const row = (await listRows(db(), theirs.id, {})).items[0];
    const created = await createBatch(db(), world.otherClerk, COUNTY, {
      term: '2024-autumn',
      schoolId: world.ids.other,
    });
    await transitionBatch(db(), world.otherClerk, COUNTY, created.batchId, { action: 'submit' });
    expect(
      await failure(registerCorrection(db(), world.otherClerk, COUNTY, row.id, { amountYuan: '600', reason: '少发' })),
    ).toMatch(/尚未发放，不需要登记更正/);
    expect(await failure(transitionBatch(db(), world.center, COUNTY, created.batchId, { action: 'return' }))).toMatch(
      '请填写退回修改的原因',
    );
    await transitionBatch(db(), world.center, COUNTY, created.batchId, { action: 'return', comment: '班级填写不全' });
    const list = await findAidList(db(), world.otherClerk.scope, COUNTY, theirs.id);
    expect(list.list.status).toBe('draft');
    // Back in draft, the school may fix the list by importing it again.
    const fixed = await importAid(db(), world.otherClerk, [
      aidRow({ 学校标识码: SCHOOLS.other, 姓名: '周小军', 身份证号: pupilId(10), 班级: '六(1)班' }),
    ]);
    expect(fixed).toMatchObject({ committed: true, updated: 1 });
    const township = viewerWith('township', {
      level: 'township',
      countyCode: COUNTY,
      townshipId: world.townships['东河镇'],
    });
    expect((await listBatches(db(), township.scope, COUNTY, {})).items.map((b) => b.school_code)).toEqual([
      SCHOOLS.other,
    ]);
  });
});
