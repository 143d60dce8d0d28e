import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, countyViewer, newCounty, newSchool, viewerWith } from '../../../test/factories';
import { tempDir, writeCsv } from '../../../test/files';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { composeIdNumber } from '../../domain/codes/id-card';
import { maskIdNumber } from '../../domain/masking';
import { createImportJob, executeImportJob } from '../../platform/imports/import-jobs';
import type { Viewer } from '../../platform/scope';
import { hireTeacher, recordEvent, revokeEvent } from './record-event';
import { countyRoster } from './roster';
import { rosterCountSource } from './roster-counts';
import { teachersImport } from './teachers.import';
import { listTeachers, revealTeacherField, teacherDetail } from './teachers.repository';
import { teacherSummary } from './teachers-summary';

const dir = tempDir();
const HEADERS = [
  '身份证号',
  '姓名',
  '学校标识码',
  '任教学段',
  '岗位类别',
  '主要任教学科',
  '最高学历',
  '职称',
  '编制情况',
  '补充渠道',
  '入职日期',
  '变动日期',
];
const ID = {
  wang: composeIdNumber('145523', '1970-03-15', 22),
  li: composeIdNumber('145523', '1988-07-01', 31),
  zhao: composeIdNumber('145523', '1995-11-20', 44),
};
const hire = (schoolId: number, effective = '2015-09-01') => ({
  effective,
  schoolId,
  stage: 'primary' as const,
  post: 'full_time_teacher' as const,
  subject: 'chinese' as const,
  channel: 'open_recruitment' as const,
  establishment: 'in_establishment' as const,
  education: 'bachelor' as const,
});

describe('teacher roster', () => {
  let database: TestDatabase;
  let personnel: Viewer;
  const schools: Record<string, number> = {};
  const teachers: Record<string, number> = {};

  async function importRoster(rows: string[][], as: Viewer = personnel) {
    const path = writeCsv(join(dir, `t${Math.random().toString(36).slice(2)}.csv`), [HEADERS, ...rows]);
    const job = await createImportJob(database.db, {
      countyCode: COUNTY,
      type: 'teachers',
      fileName: '教师名册.csv',
      source: { path },
      uploadDir: join(dir, 'u'),
      createdBy: null,
    });
    return executeImportJob(database.db, job, { definition: teachersImport, viewer: as, dryRun: false });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const town = (await newCounty(database.db)).townships;
    schools.a = await newSchool(database.db, town['城关镇'], {
      code: '2114552311',
      name: '城关镇第一小学',
      urbanRural: 'urban',
    });
    schools.b = await newSchool(database.db, town['南庄乡'], {
      code: '2114552312',
      name: '南庄乡中心小学',
      urbanRural: 'rural',
    });
    personnel = countyViewer('personnel');
    teachers.wang = (
      await hireTeacher(database.db, personnel, COUNTY, {
        idNumber: ID.wang,
        name: '王芳',
        hire: hire(schools.b, '1992-09-01'),
      })
    ).teacherId;
  });
  afterAll(() => database.close());

  it('registers a hire with the birth date and sex read from the ID number, and shows the ID masked', async () => {
    const page = await listTeachers(database.db, personnel.scope, COUNTY, {});
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      name: '王芳',
      id_masked: maskIdNumber(ID.wang),
      sex: 'female',
      birth_date: '1970-03-15',
      school_name: '南庄乡中心小学',
    });
    expect(JSON.stringify(page)).not.toContain(ID.wang);
    await expect(
      hireTeacher(database.db, personnel, COUNTY, {
        idNumber: `${ID.li.slice(0, 17)}0`,
        name: '李强',
        hire: hire(schools.a),
      }),
    ).rejects.toThrow(/校验位错误/);
  });

  it('reveals the full ID number only with the permission, and audits each reveal', async () => {
    await expect(revealTeacherField(database.db, countyViewer('leader'), teachers.wang, 'idNumber')).rejects.toThrow();
    expect(await revealTeacherField(database.db, personnel, teachers.wang, 'idNumber')).toBe(ID.wang);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', '=', 'pii.reveal')
      .execute();
    expect(audit).toEqual([{ action: 'pii.reveal', summary: '查看王芳的完整身份证号' }]);
  });

  it('counts a teacher at the old school before a transfer and at the new one from its date', async () => {
    await recordEvent(database.db, personnel, teachers.wang, {
      kind: 'transfer',
      effective: '2024-08-31',
      toSchoolId: schools.a,
      transferKind: 'exchange_rotation',
    });
    const before = await countyRoster(database.db, COUNTY, '2024-08-30');
    const after = await countyRoster(database.db, COUNTY, '2024-08-31');
    expect(before.entries.find((e) => e.teacherId === teachers.wang)?.schoolId).toBe(schools.b);
    expect(after.entries.find((e) => e.teacherId === teachers.wang)?.schoolId).toBe(schools.a);
    const counts = await rosterCountSource.counts(database.db, COUNTY, '2024-09-30');
    expect(counts.get(`${schools.a}|primary`)).toMatchObject({ fullTimeTeachers: 1, staff: 1, aboveQualified: 1 });
    expect(counts.get(`${schools.b}|primary`)).toBeUndefined();
    const { events } = await teacherDetail(database.db, personnel.scope, teachers.wang);
    expect(events.map((e) => [e.kind, e.school_name, e.from_school_name])).toEqual([
      ['transfer', '城关镇第一小学', '南庄乡中心小学'],
      ['hire', '南庄乡中心小学', null],
    ]);
  });

  it('blocks a promotion in the year of an unqualified 师德考核 (一票否决), not in the next', async () => {
    await recordEvent(database.db, personnel, teachers.wang, {
      kind: 'ethics_review',
      effective: '2025-01-10',
      year: 2024,
      result: 'unqualified',
    });
    await expect(
      // The 2024 评审 round, announced in March 2025, falls under the 2024 考核 result.
      recordEvent(database.db, personnel, teachers.wang, {
        kind: 'title_promotion',
        effective: '2025-03-01',
        title: 'first',
        reviewYear: 2024,
      }),
    ).rejects.toThrow(/师德/);
    await recordEvent(database.db, personnel, teachers.wang, {
      kind: 'title_promotion',
      effective: '2025-06-30',
      title: 'first',
    });
    expect((await teacherDetail(database.db, personnel.scope, teachers.wang)).teacher.title).toBe('first');
  });

  it('refuses a back-dated event that would invalidate a later one, and revokes a mistaken event', async () => {
    await expect(
      recordEvent(database.db, personnel, teachers.wang, { kind: 'retirement', effective: '2024-01-01' }),
    ).rejects.toThrow(/不再成立/);
    const { eventId } = await recordEvent(database.db, personnel, teachers.wang, {
      kind: 'leave',
      effective: '2025-09-01',
      to: '2025-12-31',
      reason: '产假',
    });
    await revokeEvent(database.db, personnel, eventId, '登记错人');
    const detail = await teacherDetail(database.db, personnel.scope, teachers.wang);
    expect(detail.events.find((e) => e.id === eventId)).toMatchObject({ revoke_reason: '登记错人' });
    expect(detail.teacher.leave_from).toBeNull();
  });

  it('imports a roster: a wrong ID checksum is named by row and nothing is written; the fixed file commits', async () => {
    const rows = [
      [
        ID.li,
        '李强',
        '2114552311',
        '小学',
        '专任教师',
        '数学',
        '本科',
        '二级教师',
        '在编',
        '特岗计划',
        '2023-09-01',
        '',
      ],
      [
        `${ID.zhao.slice(0, 17)}${ID.zhao[17] === '0' ? '1' : '0'}`,
        '赵敏',
        '2114552312',
        '小学',
        '专任教师',
        '音乐',
        '专科',
        '未定级',
        '在编',
        '三支一扶',
        '2024-09-01',
        '',
      ],
    ];
    const bad = await importRoster(rows);
    expect(bad.committed).toBe(false);
    expect(bad.issues).toEqual([
      expect.objectContaining({ row: 3, column: '身份证号', message: expect.stringContaining('校验位错误') }),
    ]);
    expect((await listTeachers(database.db, personnel.scope, COUNTY, {})).total).toBe(1);
    rows[1][0] = ID.zhao;
    const good = await importRoster(rows);
    expect(good).toMatchObject({ committed: true, inserted: 2, updated: 0 });
    const page = await listTeachers(database.db, personnel.scope, COUNTY, { channel: 'special_post' });
    expect(page.rows.map((r) => r.name)).toEqual(['李强']);
    // Re-importing with another school and a new title becomes a transfer and a promotion, not an edit.
    rows[0][2] = '2114552312';
    rows[0][7] = '一级教师';
    rows[0][11] = '2025-09-01';
    const again = await importRoster(rows);
    expect(again).toMatchObject({ committed: true, inserted: 0, updated: 1 });
    const li = page.rows[0].id;
    const { events } = await teacherDetail(database.db, personnel.scope, li);
    expect(events.map((e) => e.kind)).toEqual(['title_promotion', 'transfer', 'hire']);
  });

  it('shows a school user only their own teachers', async () => {
    const clerk = viewerWith('school_clerk', {
      level: 'school',
      countyCode: COUNTY,
      schoolId: schools.a,
      schoolIds: [schools.a],
    });
    const page = await listTeachers(database.db, clerk.scope, COUNTY, { status: 'all' });
    expect(page.rows.map((r) => r.school_name)).toEqual(page.rows.map(() => '城关镇第一小学'));
    expect(page.rows.map((r) => r.name)).toEqual(['王芳']);
    const other = (await listTeachers(database.db, personnel.scope, COUNTY, { q: '赵敏' })).rows[0].id;
    await expect(teacherDetail(database.db, clerk.scope, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A school clerk may import their own teachers but not move someone else's.
    const moved = await importRoster(
      [
        [
          ID.zhao,
          '赵敏',
          '2114552311',
          '小学',
          '专任教师',
          '音乐',
          '专科',
          '未定级',
          '在编',
          '三支一扶',
          '2024-09-01',
          '',
        ],
      ],
      clerk,
    );
    expect(moved.committed).toBe(false);
    expect(moved.issues[0].message).toMatch(/调动由教育局办理/);
  });

  it('summarises hires by channel, structure and retirements for a year', async () => {
    const summary = await teacherSummary(database.db, personnel.scope, COUNTY, 2024);
    expect(summary.changes.hiresByChannel).toEqual({ three_supports: 1 });
    expect(summary.totals.employed).toBe(3);
    expect(summary.structure.county.total).toBe(3);
    // 王芳, born 1970-03-15, retires as a woman cadre at 55 years and 1 month under the 2025 reform: 2025-04.
    expect(summary.retirements.retiring.map((r) => [r.name, r.due.month])).toEqual([['王芳', '2025-04']]);
  });
});
