import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportJob } from '../../db/schema';
import { recordAudit } from '../../platform/audit/record-audit';
import { AppError, notFound } from '../../platform/errors';
import { createImportJob, executeImportJob, liveProgress } from '../../platform/imports/import-jobs';
import { importDefinition, importDefinitions } from '../../platform/imports/registry';
import { writeRows, writeTemplate } from '../../platform/imports/workbook-writers';
import { canSeeCounty, requirePermission, resolveCounty, type Viewer } from '../../platform/scope';
import type { ServerContext } from '../context';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(reply: FastifyReply, fileName: string, type: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
}

function jobView(job: ImportJob) {
  const progress = liveProgress(job.id);
  return {
    id: job.id,
    type: job.type,
    countyCode: job.county_code,
    fileName: job.file_name,
    fileSize: job.file_size,
    status: job.status,
    progress: progress ?? null,
    totalRows: job.total_rows,
    inserted: job.inserted,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
    errorCount: job.error_count,
    warningCount: job.warning_count,
    unexplained: job.unexplained,
    issues: job.errors ?? [],
    preview: job.preview ?? null,
    message: job.message,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

export async function importRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  async function loadJob(viewer: Viewer, id: string): Promise<ImportJob> {
    const job = await ctx.db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
    if (!job || !canSeeCounty(viewer.scope, job.county_code)) throw notFound('导入任务');
    requirePermission(viewer, importDefinition(job.type).permission);
    return job;
  }

  api.get('/api/imports/types', { schema: { tags: ['导入导出'], summary: '可用的导入类型' } }, async (request) => {
    return importDefinitions()
      .filter((d) => request.viewer.permissions.has(d.permission) || request.viewer.permissions.has(d.readPermission))
      .map((d) => ({
        type: d.type,
        label: d.label,
        canImport: request.viewer.permissions.has(d.permission),
        columns: d.columns.map((c) => ({
          header: c.header,
          required: !!c.required,
          help: c.help,
          options: c.options ?? null,
        })),
      }));
  });

  api.get(
    '/api/imports/:type/template',
    {
      schema: {
        tags: ['导入导出'],
        summary: '下载导入模板',
        params: z.object({ type: z.string() }),
        querystring: z.object({ county: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const definition = importDefinition(request.params.type);
      requirePermission(request.viewer, definition.permission);
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const prepared = await definition.prepare({ db: ctx.db, countyCode, viewer: request.viewer });
      const chunks: Buffer[] = [];
      const sink = new PassThrough();
      sink.on('data', (c: Buffer) => chunks.push(c));
      await writeTemplate(definition, definition.templateOptions?.(prepared) ?? {}, sink);
      return attachment(reply, `${definition.label}导入模板.xlsx`, XLSX_TYPE).send(Buffer.concat(chunks));
    },
  );

  api.post(
    '/api/imports/:type/jobs',
    {
      schema: {
        tags: ['导入导出'],
        summary: '上传文件并校验（预览）',
        params: z.object({ type: z.string() }),
        querystring: z.object({ county: z.string().optional() }),
      },
    },
    async (request) => {
      const definition = importDefinition(request.params.type);
      requirePermission(request.viewer, definition.permission);
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const file = await request.file();
      if (!file) throw new AppError('VALIDATION', { message: 'No file', userMessage: '请选择要上传的文件' });
      const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-upload-'));
      try {
        const path = join(dir, 'upload');
        await pipeline(file.file, createWriteStream(path));
        if (file.file.truncated)
          throw new AppError('VALIDATION', { message: 'File too large', userMessage: '文件超过大小上限（500MB）' });
        const job = await createImportJob(ctx.db, {
          countyCode,
          type: definition.type,
          fileName: file.filename,
          source: { path },
          uploadDir: ctx.uploadDir,
          createdBy: request.viewer.userId,
        });
        void executeImportJob(ctx.db, job, { definition, viewer: request.viewer, dryRun: true }).catch((error) =>
          request.log.warn({ err: error, job: job.id }, 'import validation failed'),
        );
        return jobView(job);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  api.get(
    '/api/imports/jobs',
    {
      schema: {
        tags: ['导入导出'],
        summary: '导入记录',
        querystring: z.object({ county: z.string().optional(), type: z.string().optional() }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      let query = ctx.db
        .selectFrom('import_job')
        .leftJoin('app_user', 'app_user.id', 'import_job.created_by')
        .select([
          'import_job.id',
          'import_job.type',
          'import_job.file_name',
          'import_job.status',
          'import_job.total_rows',
          'import_job.inserted',
          'import_job.updated',
          'import_job.unchanged',
          'import_job.error_count',
          'import_job.created_at',
          'import_job.finished_at',
          'app_user.display_name as created_by_name',
        ])
        .where('import_job.county_code', '=', countyCode)
        .orderBy('import_job.created_at', 'desc')
        .limit(50);
      if (request.query.type) query = query.where('import_job.type', '=', request.query.type);
      const allowed = importDefinitions()
        .filter((d) => request.viewer.permissions.has(d.permission))
        .map((d) => d.type);
      if (!allowed.length) return [];
      return query.where('import_job.type', 'in', allowed).execute();
    },
  );

  api.get(
    '/api/imports/jobs/:id',
    {
      schema: {
        tags: ['导入导出'],
        summary: '导入任务状态、进度与校验结果',
        params: z.object({ id: z.string().uuid() }),
      },
    },
    async (request) => {
      return jobView(await loadJob(request.viewer, request.params.id));
    },
  );

  api.post(
    '/api/imports/jobs/:id/commit',
    {
      schema: {
        tags: ['导入导出'],
        summary: '确认导入（一个事务）；可附上对提示行的说明',
        params: z.object({ id: z.string().uuid() }),
        body: z
          .object({
            explanations: z
              .record(z.string().regex(/^\d+$/), z.string().trim().min(2, '说明至少2个字').max(500))
              .optional(),
          })
          .nullish(),
      },
    },
    async (request) => {
      const job = await loadJob(request.viewer, request.params.id);
      if (job.status !== 'validated') {
        throw new AppError('CONFLICT', {
          message: `Job is ${job.status}`,
          userMessage: job.status === 'committed' ? '该文件已导入' : '该文件尚未通过校验，不能导入',
        });
      }
      const definition = importDefinition(job.type);
      const explanations = Object.fromEntries(
        Object.entries(request.body?.explanations ?? {}).map(([row, text]) => [Number(row), text]),
      );
      void executeImportJob(ctx.db, job, { definition, viewer: request.viewer, dryRun: false, explanations }).catch(
        (error) => request.log.warn({ err: error, job: job.id }, 'import commit failed'),
      );
      return { ...jobView(job), status: 'committing' };
    },
  );

  api.get(
    '/api/imports/jobs/:id/issues',
    { schema: { tags: ['导入导出'], summary: '下载错误报告', params: z.object({ id: z.string().uuid() }) } },
    async (request, reply) => {
      const job = await loadJob(request.viewer, request.params.id);
      const issues = (job.errors ?? []) as { row: number; column: string | null; message: string; severity: string }[];
      const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-report-'));
      const path = join(dir, 'issues.xlsx');
      async function* rows() {
        for (const i of issues)
          yield { 行号: i.row, 列: i.column ?? '', 问题: i.message, 级别: i.severity === 'error' ? '错误' : '提示' };
      }
      await writeRows(path, '校验结果', ['行号', '列', '问题', '级别'], rows());
      const body = readFileSync(path);
      rmSync(dir, { recursive: true, force: true });
      return attachment(reply, `${job.file_name}-校验结果.xlsx`, XLSX_TYPE).send(body);
    },
  );

  api.get(
    '/api/exports/:type',
    {
      schema: {
        tags: ['导入导出'],
        summary: '导出Excel或CSV',
        params: z.object({ type: z.string() }),
        querystring: z.object({ county: z.string().optional(), format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const definition = importDefinition(request.params.type);
      requirePermission(request.viewer, definition.readPermission);
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-export-'));
      const path = join(dir, `export.${request.query.format}`);
      const count = await writeRows(
        path,
        definition.label,
        definition.columns.map((c) => c.header),
        definition.exportRows(ctx.db, { scope: request.viewer.scope, countyCode }),
      );
      const body = readFileSync(path);
      rmSync(dir, { recursive: true, force: true });
      await recordAudit(ctx.db, request.viewer.actor, {
        action: 'export',
        entityType: definition.type,
        countyCode,
        summary: `导出${definition.label}${count}条`,
      });
      const type = request.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE;
      return attachment(reply, `${definition.label}-${countyCode}.${request.query.format}`, type).send(body);
    },
  );
}
