/**
 * The one error type of the application. Domain and module code throw it with a code; the HTTP layer maps codes to
 * status once (server/plugins/errors.ts) and the CLI prints `userMessage`. Nothing below the server mentions HTTP.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  IMPORT_INVALID: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  CSRF: 403,
  OUT_OF_SCOPE: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DATA_DIR_LOCKED: 503,
  DATABASE_NOT_EMPTY: 409,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface Issue {
  /** Dot path to the offending value: 'rows.12.学校标识码', 'password'. */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  message: string;
  /** What a user reads, in Chinese. Defaults to `message`. */
  userMessage?: string;
  issues?: Issue[];
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly issues: Issue[];

  constructor(code: ErrorCode, options: AppErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? options.message;
    this.issues = options.issues ?? [];
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', { message: `${what} not found`, userMessage: `${what}不存在或您无权访问` });
}

export function forbidden(userMessage = '您没有执行此操作的权限'): AppError {
  return new AppError('FORBIDDEN', { message: 'Forbidden', userMessage });
}

export function validationError(userMessage: string, issues: Issue[] = []): AppError {
  return new AppError('VALIDATION', { message: userMessage, userMessage, issues });
}
