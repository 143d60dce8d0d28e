import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record-audit';
import { verifyAuditChain } from '../../platform/audit/verify-chain';
import { countiesInScope, requirePermission } from '../../platform/scope';
import type { ServerContext } from '../../server/context';
import { auditActions, listAudit } from './audit.repository';

export async function auditRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/audit',
    {
      schema: {
        tags: ['审计'],
        summary: '审计日志（只读）',
        querystring: z.object({
          action: z.string().optional(),
          actor: z.string().trim().optional(),
          entityType: z.string().optional(),
          entityId: z.string().optional(),
          from: z.string().date().optional(),
          to: z.string().date().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'audit.read');
      const q = request.query;
      return listAudit(
        ctx.db,
        { counties: countiesInScope(request.viewer.scope), ...q },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
    },
  );

  api.get('/api/audit/actions', { schema: { tags: ['审计'], summary: '已出现的操作类型' } }, async (request) => {
    requirePermission(request.viewer, 'audit.read');
    return auditActions(ctx.db);
  });

  api.post('/api/audit/verify', { schema: { tags: ['审计'], summary: '校验审计日志哈希链' } }, async (request) => {
    requirePermission(request.viewer, 'audit.read');
    const report = await verifyAuditChain(ctx.db);
    await recordAudit(ctx.db, request.viewer.actor, {
      action: 'audit.verify',
      summary: report.ok ? `审计日志校验通过（${report.checked}条）` : `审计日志校验未通过：${report.problem?.reason}`,
    });
    return report;
  });
}
