import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record-audit';
import { AppError } from '../../platform/errors';
import { dataChanged } from '../../platform/events';
import { isCountyWide, requirePermission, resolveCounty } from '../../platform/scope';
import type { ServerContext } from '../../server/context';
import { balanceView } from './indicators/balance';
import { countyDashboard } from './indicators/dashboard';
import { explainIndicator } from './indicators/explain';
import { listIndicators } from './indicators/read-indicators';
import { listStats, statYears } from './stats.repository';

const year = z.coerce.number().int().min(2000).max(2100);

export async function statsRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** The 学年 asked for, or the latest with data. */
  async function yearOf(countyCode: string, requested?: number): Promise<number> {
    if (requested) return requested;
    const years = await statYears(ctx.db, countyCode);
    if (!years.length)
      throw new AppError('NOT_FOUND', { message: 'No statistics', userMessage: '尚未导入任何学年的基表数据' });
    return years[0];
  }

  api.get(
    '/api/stats/years',
    {
      schema: {
        tags: ['基表与指标'],
        summary: '有基表数据的学年',
        querystring: z.object({ county: z.string().optional() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'stats.read');
      return statYears(ctx.db, resolveCounty(request.viewer.scope, request.query.county));
    },
  );

  api.get(
    '/api/stats',
    {
      schema: {
        tags: ['基表与指标'],
        summary: '学校年度基表（按学校、学段）',
        querystring: z.object({
          county: z.string().optional(),
          year: year.optional(),
          township: z.coerce.number().int().optional(),
          school: z.coerce.number().int().optional(),
          stage: z.string().optional(),
          q: z.string().trim().max(60).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'stats.read');
      const q = request.query;
      const countyCode = resolveCounty(request.viewer.scope, q.county);
      const schoolYear = await yearOf(countyCode, q.year);
      const result = await listStats(
        ctx.db,
        request.viewer.scope,
        { countyCode, schoolYear, townshipId: q.township, schoolId: q.school, stage: q.stage, search: q.q },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      return { schoolYear, ...result };
    },
  );

  api.get(
    '/api/population',
    {
      schema: {
        tags: ['基表与指标'],
        summary: '适龄人口',
        querystring: z.object({ county: z.string().optional(), year: year.optional() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'stats.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const schoolYear = await yearOf(countyCode, request.query.year);
      return ctx.db
        .selectFrom('population')
        .selectAll()
        .where('county_code', '=', countyCode)
        .where('year', '=', schoolYear)
        .orderBy('age')
        .execute();
    },
  );

  api.get(
    '/api/indicators',
    {
      schema: {
        tags: ['基表与指标'],
        summary: '全部指标值（县、乡镇、学校）',
        querystring: z.object({ county: z.string().optional(), year: year.optional(), school: z.string().optional() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'stats.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const schoolYear = await yearOf(countyCode, request.query.year);
      let schoolId: number | undefined;
      if (request.query.school) {
        const school = await ctx.db
          .selectFrom('school')
          .select('id')
          .where('county_code', '=', countyCode)
          .where('code', '=', request.query.school)
          .executeTakeFirst();
        if (!school)
          throw new AppError('NOT_FOUND', {
            message: 'No school',
            userMessage: `本县没有学校标识码为${request.query.school}的学校`,
          });
        schoolId = school.id;
      }
      return {
        schoolYear,
        items: await listIndicators(ctx.db, request.viewer.scope, countyCode, schoolYear, schoolId),
      };
    },
  );

  api.get(
    '/api/indicators/dashboard',
    {
      schema: {
        tags: ['基表与指标'],
        summary: '县域教育指标看板',
        querystring: z.object({ county: z.string().optional(), year: year.optional() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'stats.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return countyDashboard(ctx.db, request.viewer.scope, countyCode, await yearOf(countyCode, request.query.year));
    },
  );

  api.get(
    '/api/indicators/balance',
    {
      schema: {
        tags: ['基表与指标'],
        summary: '义务教育优质均衡：逐校7项指标与差异系数',
        querystring: z.object({
          county: z.string().optional(),
          year: year.optional(),
          stage: z.enum(['primary', 'junior']).default('primary'),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'stats.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return balanceView(
        ctx.db,
        request.viewer.scope,
        countyCode,
        await yearOf(countyCode, request.query.year),
        request.query.stage,
      );
    },
  );

  api.get(
    '/api/indicators/explain',
    {
      schema: {
        tags: ['基表与指标'],
        summary: '一个指标值的公式、标准与所依据的记录',
        querystring: z.object({
          county: z.string().optional(),
          year,
          indicator: z.string(),
          level: z.enum(['school', 'township', 'county']),
          scopeId: z.string(),
          stage: z.enum(['preschool', 'primary', 'junior', 'senior', 'compulsory']),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'stats.read');
      const q = request.query;
      const countyCode = resolveCounty(request.viewer.scope, q.county);
      return explainIndicator(ctx.db, request.viewer.scope, {
        countyCode,
        schoolYear: q.year,
        indicatorId: q.indicator,
        level: q.level,
        scopeId: q.scopeId,
        stage: q.stage,
      });
    },
  );

  api.get(
    '/api/indicators/cohort-base',
    {
      schema: {
        tags: ['基表与指标'],
        summary: '九年巩固率入学基数',
        querystring: z.object({ county: z.string().optional() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'stats.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return ctx.db
        .selectFrom('cohort_base')
        .selectAll()
        .where('county_code', '=', countyCode)
        .orderBy('school_year', 'desc')
        .execute();
    },
  );

  api.put(
    '/api/indicators/cohort-base',
    {
      schema: {
        tags: ['基表与指标'],
        summary: '登记九年巩固率入学基数（该届学生小学一年级入学人数，按正常流动调整）',
        querystring: z.object({ county: z.string().optional() }),
        body: z.object({
          schoolYear: year,
          base: z.number().int().positive('入学基数应为正整数'),
          note: z.string().trim().max(200).optional(),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'stats.import');
      if (!isCountyWide(request.viewer.scope))
        throw new AppError('FORBIDDEN', { message: 'County scope', userMessage: '入学基数由县级账号登记' });
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const { schoolYear, base, note } = request.body;
      await ctx.db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('cohort_base')
          .selectAll()
          .where('county_code', '=', countyCode)
          .where('school_year', '=', schoolYear)
          .executeTakeFirst();
        await trx
          .insertInto('cohort_base')
          .values({
            county_code: countyCode,
            school_year: schoolYear,
            base,
            note: note ?? null,
            recorded_by: request.viewer.userId,
          })
          .onConflict((oc) =>
            oc
              .columns(['county_code', 'school_year'])
              .doUpdateSet({ base, note: note ?? null, recorded_by: request.viewer.userId, updated_at: new Date() }),
          )
          .execute();
        await dataChanged(trx, { countyCode, area: 'stats', years: [schoolYear] });
        await recordAudit(trx, request.viewer.actor, {
          action: 'stats.cohort_base',
          entityType: 'cohort_base',
          entityId: `${countyCode}-${schoolYear}`,
          countyCode,
          summary: `登记${schoolYear}学年九年巩固率入学基数：${base}人`,
          before: before ? { base: before.base, note: before.note } : null,
          after: { base, note },
        });
      });
      return { ok: true };
    },
  );
}
