import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, countyViewer, newCounty } from '../../../test/factories';
import { SCHOOL_HEADERS, tempDir, writeCsv, writeXls, writeXlsx } from '../../../test/files';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { verifyAuditChain } from '../../platform/audit/verify-chain';
import { createImportJob, executeImportJob } from '../../platform/imports/import-jobs';
import { writeRows, writeTemplate } from '../../platform/imports/workbook-writers';
import { schoolsImport } from './schools.import';

const dir = tempDir();
const viewer = countyViewer('basic_edu');

const GOOD: (string | null)[][] = [
  [
    '2114552301',
    '城关镇第一小学',
    '小学',
    '公办',
    '城区',
    '城关镇',
    '12145523MB0000011B',
    '解放路1号',
    null,
    '1956-09-01',
  ],
  ['2114552302', '东河镇中心小学', '小学', '公办', '镇区', '东河镇', null, null, null, '1960/9/1'],
  ['2114552303', '东河镇王家庄教学点', '教学点', '公办', '乡村', '东河镇', null, null, '2114552302', null],
  ['1114552301', '城关镇阳光幼儿园', '幼儿园', '普惠性民办', '城区', '145523100', null, null, null, null],
];

async function run(database: TestDatabase, path: string, options: { dryRun?: boolean } = {}) {
  const job = await createImportJob(database.db, {
    countyCode: COUNTY,
    type: 'schools',
    fileName: path.split('/').pop()!,
    source: { path },
    uploadDir: join(dir, 'uploads'),
    createdBy: null,
  });
  return executeImportJob(database.db, job, { definition: schoolsImport, viewer, dryRun: options.dryRun ?? false });
}

describe('schools import', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await newCounty(database.db);
  });
  afterAll(() => database.close());

  const count = async () =>
    Number(
      (
        await database.db
          .selectFrom('school')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('a file with one bad row', () => {
    it('names the row, the column and the reason, and writes nothing', async () => {
      const rows = [SCHOOL_HEADERS, ...GOOD.map((r) => [...r])];
      rows[1][6] = '12145523MB0000011X';
      rows[4][2] = '大学';
      const outcome = await run(database, await writeXlsx(join(dir, 'bad.xlsx'), rows));
      expect(outcome.committed).toBe(false);
      expect(outcome.errorCount).toBe(2);
      expect(outcome.rejectedRows).toBe(2);
      expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([
        {
          row: 2,
          column: '统一社会信用代码',
          message: '统一社会信用代码校验位错误（最后一位应为B）',
          severity: 'error',
        },
        {
          row: 5,
          column: '学校类型',
          message: '“学校类型”的值“大学”无效，应为：幼儿园、小学、初中、九年一贯制、完全中学、高中、中职、特教、教学点',
          severity: 'error',
        },
      ]);
      expect(await count()).toBe(0);
    });
  });

  describe('a clean file', () => {
    it('previews exact counts in a dry run without writing', async () => {
      const outcome = await run(database, writeCsv(join(dir, 'good.csv'), [SCHOOL_HEADERS, ...GOOD]), { dryRun: true });
      expect(outcome).toMatchObject({
        committed: false,
        errorCount: 0,
        totalRows: 4,
        inserted: 4,
        updated: 0,
        unchanged: 0,
      });
      expect(await count()).toBe(0);
    });

    it('commits in one go, links the 教学点 to a parent from the same file, and versions each school', async () => {
      const outcome = await run(database, writeCsv(join(dir, 'good.csv'), [SCHOOL_HEADERS, ...GOOD]));
      expect(outcome).toMatchObject({ committed: true, inserted: 4, updated: 0, unchanged: 0 });
      const point = await database.db
        .selectFrom('school')
        .innerJoin('school as parent', 'parent.id', 'school.parent_school_id')
        .select(['school.name', 'parent.name as parent'])
        .where('school.code', '=', '2114552303')
        .executeTakeFirstOrThrow();
      expect(point).toEqual({ name: '东河镇王家庄教学点', parent: '东河镇中心小学' });
      const versions = await database.db
        .selectFrom('school_version')
        .select(['valid_from', 'change_kind'])
        .orderBy('school_id')
        .execute();
      expect(versions.map((v) => v.valid_from)).toContain('1960-09-01');
      expect(versions).toHaveLength(4);
    });

    it('changes nothing when the same file is imported again', async () => {
      const outcome = await run(database, writeCsv(join(dir, 'good.csv'), [SCHOOL_HEADERS, ...GOOD]));
      expect(outcome).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 4 });
    });

    it('updates changed rows by 学校标识码 and keeps their before/after images in the audit chain', async () => {
      const rows = [SCHOOL_HEADERS, ...GOOD.map((r) => [...r])];
      rows[1][7] = '解放路99号';
      rows[2][4] = '乡村';
      const outcome = await run(database, await writeXlsx(join(dir, 'update.xlsx'), rows));
      expect(outcome).toMatchObject({ committed: true, inserted: 0, updated: 2, unchanged: 2 });
      expect(outcome.changes.map((c) => c.key)).toEqual(['2114552301', '2114552302']);
      expect(outcome.changes[0].before).toMatchObject({ address: '解放路1号' });
      expect(outcome.changes[0].after).toMatchObject({ address: '解放路99号' });
      const current = await database.db
        .selectFrom('school_version')
        .innerJoin('school', 'school.id', 'school_version.school_id')
        .select('school_version.urban_rural')
        .where('school.code', '=', '2114552302')
        .where('valid_to', 'is', null)
        .executeTakeFirstOrThrow();
      expect(current.urban_rural).toBe('rural');
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });
  });

  describe('file formats', () => {
    it('reads a GBK-encoded CSV as Excel in China saves it', async () => {
      const outcome = await run(database, writeCsv(join(dir, 'gbk.csv'), [SCHOOL_HEADERS, ...GOOD.slice(2)], 'gbk'));
      expect(outcome).toMatchObject({ committed: true, errorCount: 0, totalRows: 2 });
    });
    it('reads UTF-8 with a BOM', async () => {
      const outcome = await run(
        database,
        writeCsv(join(dir, 'bom.csv'), [SCHOOL_HEADERS, ...GOOD.slice(2)], 'utf8-bom'),
      );
      expect(outcome).toMatchObject({ committed: true, errorCount: 0, totalRows: 2 });
    });
    it('reads Excel 97-2003 .xls', async () => {
      const outcome = await run(database, writeXls(join(dir, 'old.xls'), [SCHOOL_HEADERS, ...GOOD.slice(2)]));
      expect(outcome).toMatchObject({ committed: true, errorCount: 0, totalRows: 2 });
    });
  });

  describe('row checks', () => {
    it('reports missing columns, duplicates, lost digits, unknown parents and bad dates, all by row', async () => {
      const rows: (string | number | null)[][] = [
        [
          '学校标识码',
          '学校名称',
          '学校类型',
          '办学性质',
          '城乡类型',
          '所属乡镇',
          '所属学校标识码',
          '建校日期',
          '备注',
        ],
        ['2114552309', '甲小学', '小学', '公办', '城区', '城关镇', null, '1999-02-30', null],
        ['2114552309', '乙小学', '小学', '公办', '城区', '城关镇', null, null, null],
        ['2114552310', '丙教学点', '教学点', '公办', '乡村', '南庄乡', '2114559999', null, null],
        [1.1010519491231e17, '丁小学', '小学', '公办', '城区', '西门镇', null, null, null],
      ];
      const outcome = await run(database, await writeXlsx(join(dir, 'checks.xlsx'), rows));
      expect(outcome.committed).toBe(false);
      const messages = outcome.issues.map((i) => `${i.row}|${i.column}|${i.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([
          '2|建校日期|建校日期“1999-02-30”不是有效日期，格式如 1956-09-01',
          '4|所属学校标识码|所属学校2114559999既不是本县已有学校，也不在本文件中',
          '5|学校标识码|“学校标识码”被Excel存成了数字，长数字已丢失精度；请将该列设为文本格式后重新填写',
          '1|备注|未识别的列“备注”，已忽略',
        ]),
      );
      expect(outcome.issues.find((i) => i.row === 3)?.message).toBeUndefined();
      const noParent = await run(database, await writeXlsx(join(dir, 'dup.xlsx'), [SCHOOL_HEADERS, GOOD[0], GOOD[0]]));
      expect(noParent.issues.filter((i) => i.severity === 'error')).toEqual([
        { row: 3, column: '学校标识码', message: '与第2行重复（学校标识码：2114552301）', severity: 'error' },
      ]);
      const missing = await run(database, await writeXlsx(join(dir, 'missing.xlsx'), [['学校名称'], ['某小学']]));
      expect(missing.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
        '文件中没有找到含“学校标识码”列的表头行，请使用系统模板',
      ]);
      const partial = await run(
        database,
        await writeXlsx(join(dir, 'partial.xlsx'), [
          ['学校标识码', '学校名称'],
          ['2114552301', '某小学'],
        ]),
      );
      expect(partial.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
        '缺少必填列“学校类型”，请使用系统模板',
        '缺少必填列“办学性质”，请使用系统模板',
        '缺少必填列“城乡类型”，请使用系统模板',
        '缺少必填列“所属乡镇”，请使用系统模板',
      ]);
    });

    it('skips the template example row and blank rows', async () => {
      const example = schoolsImport.columns.map((c) => c.example);
      const outcome = await run(
        database,
        writeCsv(join(dir, 'example.csv'), [SCHOOL_HEADERS, example, SCHOOL_HEADERS.map(() => ''), GOOD[0]]),
      );
      expect(outcome).toMatchObject({ committed: true, totalRows: 1, skippedRows: 2 });
      expect(outcome.issues).toEqual([
        { row: 2, column: null, message: '该行与模板示例完全相同，已跳过', severity: 'warning' },
      ]);
    });
  });

  describe('template and export', () => {
    it('writes a template with exact headers, a dropdown per coded column, the example and an explanation sheet', async () => {
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on('data', (c) => chunks.push(c));
      await writeTemplate(schoolsImport, { 所属乡镇: ['城关镇', '东河镇', '南庄乡'] }, sink);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.concat(chunks) as never);
      const sheet = workbook.getWorksheet('学校')!;
      expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(SCHOOL_HEADERS);
      expect(sheet.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['字典!$A$2:$A$10'] });
      expect(sheet.getCell('F3').dataValidation).toMatchObject({ type: 'list' });
      expect(sheet.getCell('A2').value).toBe('2114552301');
      expect(sheet.getCell('A3').numFmt).toBe('@');
      expect(workbook.getWorksheet('填写说明')!.getCell('A2').value).toBe('学校标识码');
    });

    it('exports every school and never lets a cell start a formula', async () => {
      await database.db
        .updateTable('school')
        .set({ address: '=HYPERLINK("http://evil","点我")' })
        .where('code', '=', '2114552301')
        .execute();
      const path = join(dir, 'export.csv');
      const rows = await writeRows(
        path,
        '学校',
        SCHOOL_HEADERS,
        schoolsImport.exportRows(database.db, { scope: viewer.scope, countyCode: COUNTY }),
      );
      expect(rows).toBe(4);
      const text = readFileSync(path, 'utf8');
      expect(text.startsWith('\uFEFF学校标识码,')).toBe(true);
      expect(text).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
      expect(text).toContain('东河镇王家庄教学点,教学点,公办,乡村,东河镇,,,2114552302');
    });
  });
});
