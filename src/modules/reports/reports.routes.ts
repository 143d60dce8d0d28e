import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Draft } from '../../domain/report/draft';
import { requirePermission, resolveCounty } from '../../platform/scope';
import type { ServerContext } from '../../server/context';
import {
  composeAnnual,
  generateAnnual,
  listVersions,
  saveEdit,
  setApproval,
  versionDetail,
  versionDocx,
  versionPdf,
} from './report-service';

const year = z.coerce.number().int().min(2000).max(2100);
const runs = z
  .array(
    z.object({
      text: z.string().max(5000),
      fact: z
        .object({
          factId: z.string().min(1).max(200),
          value: z.union([z.number(), z.string(), z.null()]),
          rendered: z.string().max(200).optional(),
        })
        .optional(),
    }),
  )
  .max(2000);
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const draftSchema = z.object({
  title: z.string().trim().min(1, '标题不能为空').max(200),
  blocks: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('title'), runs }),
        z.object({ kind: z.literal('heading'), level, runs }),
        z.object({ kind: z.literal('paragraph'), lead: z.object({ level, runs }).optional(), runs }),
        z.object({ kind: z.literal('signature'), issuer: z.string().max(100), date: z.string().max(40) }),
      ]),
    )
    .min(1)
    .max(2000),
});

/** A file download with its Chinese name (RFC 5987) and a plain fallback. */
function sendFile(reply: FastifyReply, file: { buffer: Buffer; fileName: string }, type: string) {
  return reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="report${file.fileName.slice(file.fileName.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.buffer);
}

export async function reportRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: z.coerce.number().int().positive() });

  api.get(
    '/api/reports',
    {
      schema: {
        tags: ['报告'],
        summary: '年度工作总结的各稿',
        querystring: z.object({ county: z.string().optional(), year }),
      },
    },
    async (request) =>
      listVersions(
        ctx.db,
        request.viewer,
        resolveCounty(request.viewer.scope, request.query.county),
        request.query.year,
      ),
  );

  api.get(
    '/api/reports/preview',
    {
      schema: {
        tags: ['报告'],
        summary: '按最新数据生成的初稿与存在问题（不保存）',
        querystring: z.object({ county: z.string().optional(), year, plan: z.coerce.boolean().optional() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'report.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const { draft, problems } = await composeAnnual(ctx.db, countyCode, request.query.year, {
        withPlan: request.query.plan,
      });
      return { draft, problems };
    },
  );

  api.post(
    '/api/reports/generate',
    {
      schema: {
        tags: ['报告'],
        summary: '按最新数据生成新一稿',
        querystring: z.object({ county: z.string().optional() }),
        body: z.object({ year, withPlan: z.boolean().optional(), note: z.string().trim().max(200).nullish() }),
      },
    },
    async (request) =>
      generateAnnual(
        ctx.db,
        request.viewer,
        resolveCounty(request.viewer.scope, request.query.county),
        request.body.year,
        {
          withPlan: request.body.withPlan,
          note: request.body.note ?? null,
        },
      ),
  );

  api.get(
    '/api/reports/:id',
    { schema: { tags: ['报告'], summary: '某一稿：正文、数字核对与数据来源', params: idParams } },
    async (request) => versionDetail(ctx.db, request.viewer, request.params.id),
  );

  api.post(
    '/api/reports/:id/save',
    {
      schema: {
        tags: ['报告'],
        summary: '保存修改为新一稿',
        params: idParams,
        body: z.object({ draft: draftSchema, note: z.string().trim().max(200).nullish() }),
      },
    },
    async (request) =>
      saveEdit(ctx.db, request.viewer, request.params.id, request.body.draft as Draft, request.body.note ?? null),
  );

  api.post(
    '/api/reports/:id/approve',
    { schema: { tags: ['报告'], summary: '审定该稿（锁定）', params: idParams } },
    async (request) => {
      await setApproval(ctx.db, request.viewer, request.params.id, true);
      return { ok: true };
    },
  );

  api.post(
    '/api/reports/:id/unapprove',
    { schema: { tags: ['报告'], summary: '撤销审定', params: idParams } },
    async (request) => {
      await setApproval(ctx.db, request.viewer, request.params.id, false);
      return { ok: true };
    },
  );

  api.get(
    '/api/reports/:id/docx',
    { schema: { tags: ['报告'], summary: '导出 Word（GB/T 9704）', params: idParams } },
    async (request, reply) =>
      sendFile(
        reply,
        await versionDocx(ctx.db, request.viewer, request.params.id),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
  );

  api.get(
    '/api/reports/:id/pdf',
    { schema: { tags: ['报告'], summary: '导出 PDF', params: idParams } },
    async (request, reply) =>
      sendFile(reply, await versionPdf(ctx.db, request.viewer, request.params.id), 'application/pdf'),
  );
}
