import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS, ROLES, type Role } from '../../domain/auth/roles';
import { modulesFor } from '../../modules/menu';
import { listCounties } from '../../modules/org/org.repository';
import { recordAudit } from '../../platform/audit/record-audit';
import { changePassword, login } from '../../platform/auth/login';
import { endSession } from '../../platform/auth/sessions';
import { countiesInScope } from '../../platform/scope';
import type { ServerContext } from '../context';
import { CSRF_COOKIE, clientIp, SESSION_COOKIE } from '../plugins/authenticate';

export async function authRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', sameSite: 'strict' as const, secure: ctx.secureCookies };

  api.post(
    '/api/auth/login',
    {
      // Per address, loose enough for a bureau whose whole office reaches the server through one NAT address; guessing
      // one account is stopped by its lockout after 5 failures. (The plugin runs one limiter per request.)
      onRequest: app.rateLimit({ max: 60, timeWindow: '1 minute' }),
      schema: {
        tags: ['账号'],
        summary: '登录',
        body: z.object({
          username: z.string().trim().min(1, '请输入用户名').max(64),
          password: z.string().min(1, '请输入密码').max(128),
        }),
      },
    },
    async (request, reply) => {
      const result = await login(ctx.db, {
        ...request.body,
        ip: clientIp(request),
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOptions, httpOnly: false });
      return { mustChangePassword: result.mustChangePassword, displayName: result.user.display_name };
    },
  );

  api.post('/api/auth/logout', { schema: { tags: ['账号'], summary: '退出登录' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(ctx.db, token);
    await recordAudit(ctx.db, request.viewer.actor, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: request.viewer.userId ?? undefined,
      summary: '退出登录',
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true };
  });

  api.get('/api/auth/me', { schema: { tags: ['账号'], summary: '当前用户、权限与可见模块' } }, async (request) => {
    const viewer = request.viewer;
    const role = viewer.role as Role;
    const counties = await listCounties(ctx.db, countiesInScope(viewer.scope));
    return {
      id: viewer.userId,
      username: viewer.username,
      displayName: viewer.displayName,
      role,
      roleLabel: ROLES[role].label,
      scope: viewer.scope,
      permissions: [...viewer.permissions].map((p) => ({ key: p, label: PERMISSIONS[p] })),
      counties,
      modules: modulesFor(viewer),
      mustChangePassword: request.mustChangePassword,
    };
  });

  api.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['账号'],
        summary: '修改密码',
        body: z.object({
          oldPassword: z.string().min(1, '请输入原密码'),
          newPassword: z.string().min(1, '请输入新密码').max(128),
        }),
      },
    },
    async (request) => {
      await changePassword(ctx.db, {
        userId: request.viewer.userId!,
        oldPassword: request.body.oldPassword,
        newPassword: request.body.newPassword,
        actor: request.viewer.actor,
        keepSessionId: request.sessionId,
      });
      return { ok: true };
    },
  );
}
