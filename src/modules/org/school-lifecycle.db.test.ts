import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, countyViewer, newCounty, newSchool, viewerWith } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { AppError } from '../../platform/errors';
import { findSchool, listSchools, schoolCountsAsOf, schoolsAsOf } from './org.repository';
import { closeSchool, mergeSchool, renameSchool } from './school-lifecycle';

describe('school life cycle and history', () => {
  let database: TestDatabase;
  const viewer = countyViewer('basic_edu');
  let ids: { center: number; village: number; point: number; other: number; kindergarten: number };
  let town: Record<string, number>;

  beforeAll(async () => {
    database = await createTestDatabase();
    town = (await newCounty(database.db)).townships;
    const center = await newSchool(database.db, town['东河镇'], { name: '东河镇中心小学', openedOn: '1990-09-01' });
    const village = await newSchool(database.db, town['东河镇'], { name: '东河镇李家沟小学', openedOn: '1995-09-01' });
    const centerCode = (
      await database.db.selectFrom('school').select('code').where('id', '=', village).executeTakeFirstOrThrow()
    ).code;
    const point = await newSchool(database.db, town['东河镇'], {
      name: '李家沟王庄教学点',
      type: 'teaching_point',
      parentCode: centerCode,
      openedOn: '2001-09-01',
    });
    const other = await newSchool(database.db, town['城关镇'], { name: '城关镇第三小学', openedOn: '1980-09-01' });
    const kindergarten = await newSchool(database.db, town['南庄乡'], {
      name: '南庄乡中心幼儿园',
      type: 'kindergarten',
      code: '1114552391',
      openedOn: '2012-09-01',
    });
    ids = { center, village, point, other, kindergarten };

    await renameSchool(database.db, viewer, other, '青禾县实验第二小学', { effectiveDate: '2023-09-01', note: '批复' });
    await mergeSchool(database.db, viewer, village, center, { effectiveDate: '2024-09-01' });
    await closeSchool(database.db, viewer, kindergarten, { effectiveDate: '2024-07-15' });
  });
  afterAll(() => database.close());

  it('answers "the county’s schools as of a date" with the names they had then', async () => {
    const before = await schoolsAsOf(database.db, viewer.scope, COUNTY, '2023-06-01');
    expect(before.map((s) => s.name).sort()).toEqual([
      '东河镇中心小学',
      '东河镇李家沟小学',
      '南庄乡中心幼儿园',
      '城关镇第三小学',
      '李家沟王庄教学点',
    ]);
    const autumn2023 = await schoolsAsOf(database.db, viewer.scope, COUNTY, '2023-09-01');
    expect(autumn2023.find((s) => s.id === ids.other)?.name).toBe('青禾县实验第二小学');
    const autumn2024 = await schoolsAsOf(database.db, viewer.scope, COUNTY, '2024-09-01');
    expect(autumn2024.map((s) => s.name).sort()).toEqual(['东河镇中心小学', '李家沟王庄教学点', '青禾县实验第二小学']);
    expect(autumn2024.find((s) => s.id === ids.point)?.parent_school_id).toBe(ids.center);
    const summer2024 = await schoolsAsOf(database.db, viewer.scope, COUNTY, '2024-08-31');
    expect(summer2024.find((s) => s.id === ids.point)?.parent_school_id).toBe(ids.village);
    const counts = await schoolCountsAsOf(database.db, viewer.scope, COUNTY, '2024-09-01');
    expect(counts).toMatchObject({ total: 3, byType: { primary: 2, teaching_point: 1 } });
    expect((await schoolsAsOf(database.db, viewer.scope, COUNTY, '1985-01-01')).map((s) => s.name)).toEqual([
      '城关镇第三小学',
    ]);
  });

  it('records the merge on the school, moves its 教学点 and audits it', async () => {
    const village = await findSchool(database.db, viewer.scope, ids.village);
    expect(village).toMatchObject({ status: 'merged', merged_into_id: ids.center, closed_on: '2024-09-01' });
    const point = await findSchool(database.db, viewer.scope, ids.point);
    expect(point?.parent_school_id).toBe(ids.center);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['summary', 'after'])
      .where('action', '=', 'school.merge')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe('学校撤并：“东河镇李家沟小学”并入“东河镇中心小学”，2024-09-01起生效，1个教学点随之划转');
  });

  it('refuses changes that make no sense, in Chinese', async () => {
    const message = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        return (error as AppError).userMessage;
      }
      return 'no error';
    };
    expect(await message(renameSchool(database.db, viewer, ids.village, '新名', { effectiveDate: '2025-01-01' }))).toBe(
      '“东河镇李家沟小学”已撤并，不能再办理变更',
    );
    expect(
      await message(renameSchool(database.db, viewer, ids.other, '另一个名', { effectiveDate: '2023-01-01' })),
    ).toBe('生效日期须晚于当前信息的生效日期（2023-09-01）');
    expect(
      await message(renameSchool(database.db, viewer, ids.other, '另一个名', { effectiveDate: '2999-01-01' })),
    ).toBe('生效日期不能晚于今天');
    expect(await message(closeSchool(database.db, viewer, ids.center, { effectiveDate: '2025-01-01' }))).toMatch(
      /^该校还有1个教学点（李家沟王庄教学点），请先将其撤销或划转$/,
    );
    expect(
      await message(mergeSchool(database.db, viewer, ids.center, ids.point, { effectiveDate: '2025-01-01' })),
    ).toBe('不能并入教学点');
    expect(
      await message(
        renameSchool(database.db, countyViewer('leader'), ids.other, '领导改名', { effectiveDate: '2025-01-01' }),
      ),
    ).toBe('您没有执行此操作的权限');
  });
});

describe('scope', () => {
  let database: TestDatabase;
  let town: Record<string, number>;
  let a: number;
  let b: number;
  let c: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    town = (await newCounty(database.db)).townships;
    await newCounty(database.db, '145524', '邻县');
    a = await newSchool(database.db, town['城关镇'], { name: '甲小学' });
    b = await newSchool(database.db, town['东河镇'], { name: '乙小学' });
    const neighbour = await database.db
      .selectFrom('township')
      .select('id')
      .where('county_code', '=', '145524')
      .limit(1)
      .executeTakeFirstOrThrow();
    c = await newSchool(database.db, neighbour.id, { name: '邻县小学', code: '2114552499' }, '145524');
  });
  afterAll(() => database.close());

  const names = async (scope: Parameters<typeof listSchools>[1], county = COUNTY) =>
    (await listSchools(database.db, scope, { countyCode: county }, { offset: 0, limit: 50 })).items
      .map((s) => s.name)
      .sort();

  it('keeps each level inside its part of the data', async () => {
    expect(await names({ level: 'county', countyCode: COUNTY })).toEqual(['乙小学', '甲小学']);
    expect(await names({ level: 'county', countyCode: COUNTY }, '145524')).toEqual([]);
    expect(await names({ level: 'township', countyCode: COUNTY, townshipId: town['东河镇'] })).toEqual(['乙小学']);
    expect(await names({ level: 'school', countyCode: COUNTY, schoolId: a, schoolIds: [a] })).toEqual(['甲小学']);
    expect(await names({ level: 'city', cityCode: '145500', countyCodes: ['145523', '145524'] }, '145524')).toEqual([
      '邻县小学',
    ]);
    expect(await names({ level: 'system' }, '145524')).toEqual(['邻县小学']);
  });

  it('hides another school’s record from a school account, as if it did not exist', async () => {
    const schoolScope = { level: 'school' as const, countyCode: COUNTY, schoolId: a, schoolIds: [a] };
    expect(await findSchool(database.db, schoolScope, a)).toBeDefined();
    expect(await findSchool(database.db, schoolScope, b)).toBeUndefined();
    expect(await findSchool(database.db, { level: 'county', countyCode: COUNTY }, c)).toBeUndefined();
    const clerk = viewerWith('school_clerk', schoolScope);
    await expect(renameSchool(database.db, clerk, b, '篡改', { effectiveDate: '2025-01-01' })).rejects.toThrow(
      AppError,
    );
  });
});
