import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/auth/roles';
import { maskPhone } from '../../domain/masking';
import { requirePermission, type Viewer } from '../../platform/scope';
import type { ServerContext } from '../../server/context';
import { type AccountManager, createUser, resetPassword, setDisabled, setLocked, updateUser } from './manage-users';
import { listUsers } from './users.repository';

const userBody = z.object({
  displayName: z.string().trim().min(1, '请输入姓名').max(30),
  role: z.string(),
  scopeLevel: z.enum(['system', 'city', 'county', 'township', 'school']),
  cityCode: z.string().nullish(),
  countyCode: z.string().nullish(),
  townshipId: z.number().int().nullish(),
  schoolId: z.number().int().nullish(),
  phone: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null),
});

export async function userRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: z.coerce.number().int().positive() });
  const manager = (viewer: Viewer): AccountManager => ({ actor: viewer.actor, scope: viewer.scope });

  api.get('/api/roles', { schema: { tags: ['用户'], summary: '角色与可选管理范围' } }, async (request) => {
    requirePermission(request.viewer, 'user.manage');
    return Object.entries(ROLES).map(([key, r]) => ({ key, label: r.label, scopes: r.scopes }));
  });

  api.get(
    '/api/users',
    {
      schema: {
        tags: ['用户'],
        summary: '账号列表',
        querystring: z.object({
          q: z.string().trim().optional(),
          role: z.string().optional(),
          county: z.string().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'user.manage');
      const q = request.query;
      const result = await listUsers(
        ctx.db,
        request.viewer.scope,
        { search: q.q, role: q.role, countyCode: q.county },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      const now = new Date();
      return {
        total: result.total,
        items: result.items.map((u) => ({
          ...u,
          phone: u.phone ? maskPhone(u.phone) : null,
          roleLabel: ROLES[u.role as keyof typeof ROLES]?.label ?? u.role,
          locked: !!u.locked_until && u.locked_until > now,
        })),
      };
    },
  );

  api.post(
    '/api/users',
    {
      schema: {
        tags: ['用户'],
        summary: '新建账号（返回初始密码，仅此一次）',
        body: userBody.extend({ username: z.string().trim() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'user.manage');
      return createUser(ctx.db, manager(request.viewer), request.body);
    },
  );

  api.put(
    '/api/users/:id',
    { schema: { tags: ['用户'], summary: '修改账号', params: idParams, body: userBody } },
    async (request) => {
      requirePermission(request.viewer, 'user.manage');
      await updateUser(ctx.db, manager(request.viewer), request.params.id, request.body);
      return { ok: true };
    },
  );

  api.post(
    '/api/users/:id/reset-password',
    { schema: { tags: ['用户'], summary: '重置密码（返回临时密码）', params: idParams } },
    async (request) => {
      requirePermission(request.viewer, 'user.manage');
      return { password: await resetPassword(ctx.db, manager(request.viewer), request.params.id) };
    },
  );

  for (const [path, action] of [
    ['lock', (id: number, m: AccountManager) => setLocked(ctx.db, m, id, true)],
    ['unlock', (id: number, m: AccountManager) => setLocked(ctx.db, m, id, false)],
    ['disable', (id: number, m: AccountManager) => setDisabled(ctx.db, m, id, true)],
    ['enable', (id: number, m: AccountManager) => setDisabled(ctx.db, m, id, false)],
  ] as const) {
    api.post(
      `/api/users/:id/${path}`,
      {
        schema: {
          tags: ['用户'],
          summary: { lock: '锁定', unlock: '解锁', disable: '停用', enable: '启用' }[path],
          params: idParams,
        },
      },
      async (request) => {
        requirePermission(request.viewer, 'user.manage');
        await action(request.params.id, manager(request.viewer));
        return { ok: true };
      },
    );
  }
}
