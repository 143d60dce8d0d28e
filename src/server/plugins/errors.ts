import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS } from '../../platform/errors';

export interface ErrorBody {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

/** The one place where error codes become HTTP statuses. Every error body names what is wrong in Chinese. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const status = ERROR_STATUS[error.code];
      if (status >= 500) request.log.error(error);
      return reply
        .status(status)
        .send({ error: { code: error.code, message: error.userMessage, issues: error.issues } } satisfies ErrorBody);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path:
          v.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
          ((v.params?.issue as { path?: PropertyKey[] } | undefined)?.path ?? []).map(String).join('.'),
        message: v.message ?? '输入无效',
      }));
      return reply.status(400).send({
        error: {
          code: 'VALIDATION',
          message: `请求参数有误：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')}`,
          issues,
        },
      } satisfies ErrorBody);
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试', issues: [] } } satisfies ErrorBody);
    }
    if (fastifyError.code === 'FST_REQ_FILE_TOO_LARGE' || fastifyError.code === 'FST_FILES_LIMIT') {
      return reply
        .status(413)
        .send({ error: { code: 'TOO_LARGE', message: '文件过大', issues: [] } } satisfies ErrorBody);
    }
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      return reply.status(fastifyError.statusCode).send({
        error: { code: fastifyError.code ?? 'BAD_REQUEST', message: `请求无效：${fastifyError.message}`, issues: [] },
      } satisfies ErrorBody);
    }
    request.log.error(error);
    return reply.status(500).send({
      error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如反复出现请联系系统管理员', issues: [] },
    } satisfies ErrorBody);
  });
}
