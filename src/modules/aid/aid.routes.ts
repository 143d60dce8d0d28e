import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AID_CATEGORIES } from '../../domain/aid/categories';
import { AID_STAGES, REPORT_GROUPS } from '../../domain/aid/types';
import { isIsoDate, parseTerm, termCode, todayInChina } from '../../domain/period';
import { recordAudit } from '../../platform/audit/record-audit';
import { validationError } from '../../platform/errors';
import { writeRows } from '../../platform/imports/workbook-writers';
import { requirePermission, resolveCounty } from '../../platform/scope';
import type { ServerContext } from '../../server/context';
import { createBatch, exportBankFile, transitionBatch } from './aid-batches';
import { batchableOwners, batchDetail, listBatches } from './aid-batches.repository';
import { loadAidCatalog, programViews } from './aid-catalog';
import { deleteStandardOverride, saveLocalProgram, saveStandardOverride } from './aid-config';
import { registerCorrection, resolveFindings } from './aid-corrections';
import { aidDashboard } from './aid-dashboard';
import { studentAidHistory } from './aid-history';
import { aidTerms, findAidList, listAidLists, listRows } from './aid-lists.repository';
import { listPublicity, PUBLICITY_COLUMNS, publicityRows, publishPublicity, withdrawPublicity } from './aid-publicity';
import { aidSummary, summaryPeriod } from './aid-summary';
import { BATCH_STATUSES, BATCH_TRANSITIONS } from './batch-workflow';

const tags = ['学生资助'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const keys = <T extends Record<string, unknown>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
const term = z
  .string()
  .refine((t) => parseTerm(t) !== undefined, '学期无效，应如 2024-autumn 或 2024年秋季学期')
  .transform((t) => termCode(parseTerm(t)!));
const date = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');
const county = z.string().optional();
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
const idParams = z.object({ id: z.coerce.number().int().positive() });
const format = z.enum(['xlsx', 'csv']).default('xlsx');

/** Writes rows to a temporary .xlsx or .csv (cells guarded against formulas) and sends it as a download. */
async function sendRows(
  reply: FastifyReply,
  fileName: string,
  headers: readonly string[],
  rows: Record<string, string | number | null>[],
  type: 'xlsx' | 'csv',
) {
  const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-aid-'));
  try {
    const path = join(dir, `out.${type}`);
    async function* all() {
      yield* rows;
    }
    await writeRows(path, fileName.slice(0, 31), headers, all());
    const body = readFileSync(path);
    return reply
      .header('content-type', type === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${fileName}.${type}`)}`)
      .send(body);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function aidRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.db;

  api.get(
    '/api/aid/terms',
    { schema: { tags, summary: '有资助名单的学期', querystring: z.object({ county }) } },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      return aidTerms(db, resolveCounty(request.viewer.scope, request.query.county));
    },
  );

  api.get(
    '/api/aid/programs',
    {
      schema: {
        tags,
        summary: '资助项目与某学期的资助标准（国家标准只读，注明来源；本地项目与本地标准）',
        querystring: z.object({ county, term: term.optional() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const today = todayInChina();
      const at = parseTerm(request.query.term ?? '') ?? {
        year: Number(today.slice(0, 4)),
        season: Number(today.slice(5, 7)) >= 9 ? ('autumn' as const) : ('spring' as const),
      };
      return { term: termCode(at), programs: programViews(await loadAidCatalog(db, countyCode), at) };
    },
  );

  api.post(
    '/api/aid/programs',
    {
      schema: {
        tags,
        summary: '新增或修改本地资助项目',
        querystring: z.object({ county }),
        body: z.object({
          id: z.string().regex(/^[a-z][a-z0-9_]*$/, '项目标识应为小写英文、数字和下划线'),
          name: z.string().trim().min(2).max(60),
          reportPhrase: z.string().trim().max(40).nullish(),
          stages: z.array(z.enum(keys(AID_STAGES))).min(1, '请选择适用学段'),
          reportGroup: z.enum(keys(REPORT_GROUPS)),
          requiresCategory: z.boolean(),
          eligibleCategories: z.array(z.enum(keys(AID_CATEGORIES))).nullish(),
          exclusiveWith: z.array(z.string()).optional(),
          oncePerPerson: z.boolean().optional(),
          fundingNote: z.string().trim().max(100).optional(),
          source: z.string().trim().min(2, '请填写依据文件').max(300),
        }),
      },
    },
    async (request) => {
      await saveLocalProgram(
        db,
        request.viewer,
        resolveCounty(request.viewer.scope, request.query.county),
        request.body,
      );
      return { ok: true };
    },
  );

  api.put(
    '/api/aid/standards',
    {
      schema: {
        tags,
        summary: '设置本地资助标准（自某学期起）',
        querystring: z.object({ county }),
        body: z.object({
          programId: z.string(),
          fromTerm: term,
          basis: z.enum(['fixed', 'ceiling', 'per_day']),
          unit: z.enum(['year', 'term', 'once', 'day']),
          tiers: z
            .array(
              z.object({
                id: z.string().trim().min(1),
                label: z.string().trim().min(1).max(30),
                yuan: z.number().positive(),
                stages: z.array(z.enum(keys(AID_STAGES))).optional(),
              }),
            )
            .min(1, '请至少填写一档资助标准'),
          minYuan: z.number().positive().nullish(),
          maxDaysPerYear: z.number().int().positive().nullish(),
          grades: z.array(z.number().int().min(1).max(6)).nullish(),
          source: z.string().trim().min(2, '请填写依据文件').max(300),
        }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      await saveStandardOverride(db, request.viewer, countyCode, request.body);
      return { ok: true };
    },
  );

  api.delete(
    '/api/aid/standards',
    {
      schema: {
        tags,
        summary: '删除本地资助标准',
        querystring: z.object({ county, program: z.string(), from: term }),
      },
    },
    async (request) => {
      const q = request.query;
      await deleteStandardOverride(
        db,
        request.viewer,
        resolveCounty(request.viewer.scope, q.county),
        q.program,
        q.from,
      );
      return { ok: true };
    },
  );

  api.get(
    '/api/aid/lists',
    {
      schema: {
        tags,
        summary: '资助名单（按学期、项目、学校）及核查提示',
        querystring: z.object({
          county,
          term: term.optional(),
          program: z.string().optional(),
          school: z.coerce.number().int().optional(),
          status: z.enum(keys(BATCH_STATUSES)).optional(),
          findings: z.enum(['open']).optional(),
          ...page,
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const q = request.query;
      return listAidLists(db, request.viewer.scope, resolveCounty(request.viewer.scope, q.county), {
        term: q.term,
        programId: q.program,
        schoolId: q.school,
        status: q.status,
        withOpenFindings: q.findings === 'open',
        page: q.page,
        pageSize: q.pageSize,
      });
    },
  );

  api.get(
    '/api/aid/lists/:id',
    { schema: { tags, summary: '名单及其核查提示', params: idParams, querystring: z.object({ county }) } },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return findAidList(db, request.viewer.scope, countyCode, request.params.id);
    },
  );

  api.get(
    '/api/aid/lists/:id/rows',
    {
      schema: {
        tags,
        summary: '名单中的学生（身份证号脱敏）',
        params: idParams,
        querystring: z.object({ county, q: z.string().trim().max(30).optional(), ...page }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      await findAidList(db, request.viewer.scope, countyCode, request.params.id);
      return listRows(db, request.params.id, request.query);
    },
  );

  api.post(
    '/api/aid/findings/resolve',
    {
      schema: {
        tags,
        summary: '确认核查提示（资助中心）',
        querystring: z.object({ county }),
        body: z.object({
          ids: z.array(z.number().int().positive()).min(1),
          resolution: z.string().trim().min(2).max(300),
        }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return resolveFindings(db, request.viewer, countyCode, request.body.ids, request.body.resolution);
    },
  );

  api.post(
    '/api/aid/beneficiaries/:id/corrections',
    {
      schema: {
        tags,
        summary: '登记更正（已发放的记录不修改，新增一条调整记录）',
        params: idParams,
        querystring: z.object({ county }),
        body: z.object({ amountYuan: z.union([z.string(), z.number()]), reason: z.string().trim().min(2).max(200) }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return registerCorrection(db, request.viewer, countyCode, request.params.id, request.body);
    },
  );

  api.get(
    '/api/aid/batches',
    {
      schema: {
        tags,
        summary: '发放批次',
        querystring: z.object({ county, term: term.optional(), status: z.string().optional(), ...page }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const q = request.query;
      return listBatches(db, request.viewer.scope, resolveCounty(request.viewer.scope, q.county), q);
    },
  );

  api.get(
    '/api/aid/batches/batchable',
    { schema: { tags, summary: '可以生成批次的名单（按学校）', querystring: z.object({ county, term }) } },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return batchableOwners(db, request.viewer.scope, countyCode, request.query.term);
    },
  );

  api.get(
    '/api/aid/batches/:id',
    { schema: { tags, summary: '批次、名单与流转记录', params: idParams, querystring: z.object({ county }) } },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return batchDetail(db, request.viewer.scope, countyCode, request.params.id);
    },
  );

  api.post(
    '/api/aid/batches',
    {
      schema: {
        tags,
        summary: '将一个学期未编批的名单生成发放批次',
        querystring: z.object({ county }),
        body: z.object({ term, schoolId: z.number().int().positive().nullable() }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return createBatch(db, request.viewer, countyCode, request.body);
    },
  );

  api.post(
    '/api/aid/batches/:id/transitions',
    {
      schema: {
        tags,
        summary: '批次流转：提交、退回、审核、确认发放',
        params: idParams,
        querystring: z.object({ county }),
        body: z.object({
          action: z.enum(keys(BATCH_TRANSITIONS)),
          comment: z.string().trim().max(300).nullish(),
          paidOn: date.nullish(),
        }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return transitionBatch(db, request.viewer, countyCode, request.params.id, request.body);
    },
  );

  api.get(
    '/api/aid/batches/:id/bank-file',
    {
      schema: {
        tags,
        summary: '导出银行代发文件（含完整身份证号，须有查看敏感信息权限，记入审计）',
        params: idParams,
        querystring: z.object({ county, format }),
      },
    },
    async (request, reply) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const file = await exportBankFile(db, request.viewer, countyCode, request.params.id);
      const headers = ['序号', '学期', '学校', '资助项目', '姓名', '身份证号', '金额(元)', '类型'];
      return sendRows(reply, file.name, headers, file.rows as never, request.query.format);
    },
  );

  api.get(
    '/api/aid/dashboard',
    {
      schema: {
        tags,
        summary: '资助统计看板（按口径、项目、学段、乡镇，同比）',
        querystring: z.object({ county, year: z.coerce.number().int().min(2000).max(2100) }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return aidDashboard(db, request.viewer.scope, countyCode, request.query.year);
    },
  );

  api.get(
    '/api/aid/summary',
    {
      schema: {
        tags,
        summary: '资助合计（与命令行 aid summary 相同）',
        querystring: z.object({
          county,
          year: z.coerce.number().int().min(2000).max(2100),
          term: z.string().optional(),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const period = summaryPeriod(request.query.year, request.query.term);
      return aidSummary(db, request.viewer.scope, countyCode, period);
    },
  );

  api.get(
    '/api/aid/publicity',
    { schema: { tags, summary: '各校某学期的公示情况', querystring: z.object({ county, term }) } },
    async (request) => {
      requirePermission(request.viewer, 'aid.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return listPublicity(db, request.viewer.scope, countyCode, request.query.term);
    },
  );

  api.post(
    '/api/aid/publicity',
    {
      schema: {
        tags,
        summary: '发布（或调整）学校某学期的资助公示',
        querystring: z.object({ county }),
        body: z.object({ schoolId: z.number().int().positive(), term, startsOn: date, endsOn: date }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return publishPublicity(db, request.viewer, countyCode, request.body);
    },
  );

  api.post(
    '/api/aid/publicity/:id/withdraw',
    { schema: { tags, summary: '提前撤下公示', params: idParams, querystring: z.object({ county }) } },
    async (request) => {
      await withdrawPublicity(
        db,
        request.viewer,
        resolveCounty(request.viewer.scope, request.query.county),
        request.params.id,
      );
      return { ok: true };
    },
  );

  api.get(
    '/api/aid/publicity/:id/rows',
    {
      schema: {
        tags,
        summary: '公示名单（仅姓名、学校、年级、班级、资助项目）',
        params: idParams,
        querystring: z.object({ county }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return publicityRows(db, request.viewer, countyCode, request.params.id);
    },
  );

  api.get(
    '/api/aid/publicity/:id/export',
    {
      schema: {
        tags,
        summary: '导出公示名单（公示期内）',
        params: idParams,
        querystring: z.object({ county, format }),
      },
    },
    async (request, reply) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const publicity = await publicityRows(db, request.viewer, countyCode, request.params.id);
      await recordAudit(db, request.viewer.actor, {
        action: 'aid.publicity.export',
        entityType: 'aid_publicity',
        entityId: request.params.id,
        countyCode,
        summary: `导出${publicity.title}（${publicity.rows.length}人次）`,
      });
      return sendRows(reply, publicity.title, PUBLICITY_COLUMNS, publicity.rows, request.query.format);
    },
  );

  api.post(
    '/api/aid/history',
    {
      schema: {
        tags,
        summary: '按身份证号查询学生历年资助（须有查看敏感信息权限，记入审计）',
        querystring: z.object({ county }),
        body: z.object({ idNumber: z.string().trim().min(1, '请输入身份证号').max(20) }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      if (!request.body.idNumber) throw validationError('请输入身份证号');
      return studentAidHistory(db, request.viewer, countyCode, request.body.idNumber);
    },
  );
}
