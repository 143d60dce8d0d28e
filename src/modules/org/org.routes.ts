import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OWNERSHIPS, SCHOOL_STATUSES, SCHOOL_TYPES, URBAN_RURAL } from '../../domain/org/school-types';
import { isIsoDate, todayInChina } from '../../domain/period';
import { notFound } from '../../platform/errors';
import { countiesInScope, requirePermission, resolveCounty } from '../../platform/scope';
import type { ServerContext } from '../../server/context';
import {
  childSchools,
  findCounty,
  findSchool,
  listCounties,
  listSchools,
  listTownships,
  schoolCountsAsOf,
  schoolsAsOf,
  schoolVersions,
} from './org.repository';
import { createSchool, updateSchool } from './save-school';
import { closeSchool, mergeSchool, renameSchool } from './school-lifecycle';

const keys = <T extends Record<string, unknown>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');
const lifecycleBody = { effectiveDate: isoDate, note: z.string().trim().max(500).optional() };
const schoolBody = z.object({
  type: z.enum(keys(SCHOOL_TYPES)),
  ownership: z.enum(keys(OWNERSHIPS)),
  urbanRural: z.enum(keys(URBAN_RURAL)),
  townshipId: z.number().int().positive(),
  parentCode: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .nullish()
    .transform((v) => v || null),
  address: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  openedOn: isoDate.nullish().transform((v) => v || null),
});

export async function orgRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: z.coerce.number().int().positive() });

  api.get('/api/counties', { schema: { tags: ['机构'], summary: '可见的县区' } }, async (request) => {
    requirePermission(request.viewer, 'org.read');
    return listCounties(ctx.db, countiesInScope(request.viewer.scope));
  });

  api.get(
    '/api/townships',
    {
      schema: { tags: ['机构'], summary: '县内乡镇（学区）', querystring: z.object({ county: z.string().optional() }) },
    },
    async (request) => {
      requirePermission(request.viewer, 'org.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return listTownships(ctx.db, countyCode);
    },
  );

  api.get(
    '/api/schools',
    {
      schema: {
        tags: ['机构'],
        summary: '学校列表（当前状态，可筛选、分页）',
        querystring: z.object({
          county: z.string().optional(),
          township: z.coerce.number().int().optional(),
          type: z.enum(keys(SCHOOL_TYPES)).optional(),
          ownership: z.enum(keys(OWNERSHIPS)).optional(),
          urbanRural: z.enum(keys(URBAN_RURAL)).optional(),
          status: z.enum(keys(SCHOOL_STATUSES)).optional(),
          q: z.string().trim().max(60).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'org.read');
      const q = request.query;
      const countyCode = resolveCounty(request.viewer.scope, q.county);
      return listSchools(
        ctx.db,
        request.viewer.scope,
        {
          countyCode,
          townshipId: q.township,
          type: q.type,
          ownership: q.ownership,
          urbanRural: q.urbanRural,
          status: q.status,
          search: q.q,
        },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
    },
  );

  api.get(
    '/api/schools/as-of',
    {
      schema: {
        tags: ['机构'],
        summary: '某日在办的学校（按当时的名称与属性）',
        querystring: z.object({ county: z.string().optional(), date: isoDate }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'org.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return schoolsAsOf(ctx.db, request.viewer.scope, countyCode, request.query.date);
    },
  );

  api.get(
    '/api/schools/overview',
    {
      schema: {
        tags: ['机构'],
        summary: '学校数量按类型、乡镇、性质、城乡统计',
        querystring: z.object({ county: z.string().optional(), date: isoDate.optional() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'org.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const county = await findCounty(ctx.db, countyCode);
      const counts = await schoolCountsAsOf(
        ctx.db,
        request.viewer.scope,
        countyCode,
        request.query.date ?? todayInChina(),
      );
      return { county, ...counts };
    },
  );

  api.get(
    '/api/schools/:id',
    { schema: { tags: ['机构'], summary: '学校详情、下属教学点与沿革', params: idParams } },
    async (request) => {
      requirePermission(request.viewer, 'org.read');
      const school = await findSchool(ctx.db, request.viewer.scope, request.params.id);
      if (!school) throw notFound('学校');
      const [versions, children, township, parent, mergedInto, changes] = await Promise.all([
        schoolVersions(ctx.db, school.id),
        childSchools(ctx.db, school.id),
        ctx.db.selectFrom('township').selectAll().where('id', '=', school.township_id).executeTakeFirst(),
        school.parent_school_id
          ? ctx.db
              .selectFrom('school')
              .select(['id', 'code', 'name'])
              .where('id', '=', school.parent_school_id)
              .executeTakeFirst()
          : undefined,
        school.merged_into_id
          ? ctx.db
              .selectFrom('school')
              .select(['id', 'code', 'name'])
              .where('id', '=', school.merged_into_id)
              .executeTakeFirst()
          : undefined,
        ctx.db
          .selectFrom('audit_log')
          .select(['id', 'at', 'actor_name', 'action', 'summary', 'before', 'after'])
          .where('entity_type', '=', 'school')
          .where('entity_id', '=', String(school.id))
          .orderBy('id', 'desc')
          .limit(100)
          .execute(),
      ]);
      return { school, township, parent: parent ?? null, mergedInto: mergedInto ?? null, children, versions, changes };
    },
  );

  api.post(
    '/api/schools',
    {
      schema: {
        tags: ['机构'],
        summary: '新建学校',
        querystring: z.object({ county: z.string().optional() }),
        body: schoolBody.extend({ code: z.string().trim(), name: z.string().trim() }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return { id: await createSchool(ctx.db, request.viewer, countyCode, request.body) };
    },
  );

  api.put(
    '/api/schools/:id',
    { schema: { tags: ['机构'], summary: '更正学校信息', params: idParams, body: schoolBody } },
    async (request) => {
      await updateSchool(ctx.db, request.viewer, request.params.id, request.body);
      return { ok: true };
    },
  );

  api.post(
    '/api/schools/:id/rename',
    {
      schema: {
        tags: ['机构'],
        summary: '学校更名',
        params: idParams,
        body: z.object({ name: z.string().trim(), ...lifecycleBody }),
      },
    },
    async (request) => {
      await renameSchool(ctx.db, request.viewer, request.params.id, request.body.name, request.body);
      return { ok: true };
    },
  );

  api.post(
    '/api/schools/:id/merge',
    {
      schema: {
        tags: ['机构'],
        summary: '学校撤并',
        params: idParams,
        body: z.object({ intoSchoolId: z.number().int().positive(), ...lifecycleBody }),
      },
    },
    async (request) => {
      await mergeSchool(ctx.db, request.viewer, request.params.id, request.body.intoSchoolId, request.body);
      return { ok: true };
    },
  );

  api.post(
    '/api/schools/:id/close',
    { schema: { tags: ['机构'], summary: '学校撤销', params: idParams, body: z.object(lifecycleBody) } },
    async (request) => {
      await closeSchool(ctx.db, request.viewer, request.params.id, request.body);
      return { ok: true };
    },
  );
}
