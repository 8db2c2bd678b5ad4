/**
 * The one error type of yizheng. `code` is stable (clients switch on it), `message` is Chinese and
 * shown to the user as is, `status` is the HTTP status the API answers with.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const errors = {
  validation: (message: string, details?: Record<string, unknown>) =>
    new DomainError('VALIDATION', message, 400, details),
  unauthenticated: () => new DomainError('UNAUTHENTICATED', '未登录或会话已过期，请重新登录', 401),
  forbidden: (message = '没有执行该操作的权限') => new DomainError('FORBIDDEN', message, 403),
  passwordChangeRequired: () => new DomainError('PASSWORD_CHANGE_REQUIRED', '请先修改密码', 403),
  notFound: (what: string) => new DomainError('NOT_FOUND', `${what}不存在`, 404),
  conflict: (message: string) => new DomainError('CONFLICT', message, 409),
  badState: (message: string) => new DomainError('INVALID_STATE', message, 409),
  locked: (message: string) => new DomainError('ACCOUNT_LOCKED', message, 423),
  tooMany: () => new DomainError('TOO_MANY_REQUESTS', '请求过于频繁，请稍后再试', 429),
};
