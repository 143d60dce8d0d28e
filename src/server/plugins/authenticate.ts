import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { isRole } from '../../domain/auth/roles';
import { touchSession } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors';
import { scopeOfUser, type Viewer, viewerFor } from '../../platform/scope';

export const SESSION_COOKIE = 'jg_session';
export const CSRF_COOKIE = 'jg_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
    sessionId: string | undefined;
    mustChangePassword: boolean;
  }
}

const PUBLIC_ROUTES = new Set(['/api/auth/login', '/api/health']);
/** What an account that must change its password may still do. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function clientIp(request: FastifyRequest): string {
  return request.ip;
}

/**
 * Every /api request (but login and health) runs as a viewer built from its session: idle sessions end after 30
 * minutes, state-changing requests must echo the CSRF token, and an account that must change its password can do
 * nothing else first.
 */
export function registerAuthentication(app: FastifyInstance, db: Kysely<DB>): void {
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('mustChangePassword', false);
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.routeOptions.url ?? request.url.split('?')[0];
    if (!path.startsWith('/api/') || PUBLIC_ROUTES.has(path) || path.startsWith('/api/docs')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED', { message: 'No session', userMessage: '请先登录' });
    const session = await touchSession(db, token);
    if (!session.ok) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const userMessage =
        session.reason === 'idle' ? '超过30分钟未操作，会话已结束，请重新登录' : '登录已失效，请重新登录';
      throw new AppError('UNAUTHENTICATED', { message: `Session ${session.reason}`, userMessage });
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        throw new AppError('CSRF', {
          message: 'CSRF token mismatch',
          userMessage: '请求校验失败（CSRF），请刷新页面后重试',
        });
      }
    }
    const user = await db.selectFrom('app_user').selectAll().where('id', '=', session.userId).executeTakeFirst();
    if (!user || user.disabled || !isRole(user.role) || (user.locked_until && user.locked_until > new Date())) {
      throw new AppError('UNAUTHENTICATED', {
        message: 'User unavailable',
        userMessage: '账号已停用或被锁定，请联系系统管理员',
      });
    }
    request.viewer = viewerFor({ ...user, role: user.role }, await scopeOfUser(db, user), clientIp(request));
    request.sessionId = session.sessionId;
    request.mustChangePassword = user.must_change_password;
    if (user.must_change_password && !PASSWORD_CHANGE_ROUTES.has(path)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', {
        message: 'Password change required',
        userMessage: '首次登录或密码已过期，请先修改密码',
      });
    }
  });
}
