import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/connect';
import { moduleRoutes, registerModules } from '../modules';
import type { ServerContext } from './context';
import { registerAuthentication } from './plugins/authenticate';
import { registerErrorHandler } from './plugins/errors';
import { authRoutes } from './routes/auth.routes';
import { importRoutes } from './routes/imports.routes';

z.config(z.locales.zhCN());

export interface AppOptions {
  database: Database;
  uploadDir: string;
  /** Built web UI; served with an index.html fallback when present. */
  webDist?: string;
  /** Set when served over HTTPS (behind a TLS proxy): cookies get the Secure flag. */
  secureCookies?: boolean;
  logger?: boolean;
  /** Trust X-Forwarded-For from a reverse proxy, for the IP in the audit log. */
  trustProxy?: boolean;
}

export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  registerModules();
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '教管 Jiaoguan API',
        description: '县级教育管理平台接口。除登录外均需会话 Cookie；修改类请求须带 x-csrf-token 头。',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const ctx: ServerContext = {
    db: options.database.db,
    uploadDir: options.uploadDir,
    secureCookies: options.secureCookies ?? false,
  };
  registerAuthentication(app, ctx.db);

  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查' } }, async () => {
    await ctx.db.selectFrom('county').select('code').limit(1).execute();
    return { ok: true, database: options.database.engine };
  });
  await authRoutes(app, ctx);
  await importRoutes(app, ctx);
  await moduleRoutes(app, ctx);

  const webDist = options.webDist ? resolve(options.webDist) : undefined;
  if (webDist && existsSync(resolve(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({
        error: {
          code: 'NOT_FOUND',
          message: `接口不存在：${request.method} ${request.url.split('?')[0]}`,
          issues: [],
        },
      });
    }
    if (webDist && existsSync(resolve(webDist, 'index.html'))) return reply.sendFile('index.html');
    return reply.status(404).type('text/plain; charset=utf-8').send('前端尚未构建：请运行 npm run build:web');
  });
  return app;
}
