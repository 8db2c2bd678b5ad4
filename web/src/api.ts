/**
 * The one API client of the web app. Every request to the server goes through `request` here:
 * JSON in and out, same-origin cookies, the CSRF header on state-changing requests, and one error
 * type (`ApiError`) carrying the server's stable `code` and Chinese `message`.
 */

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

/** Appends the defined, non-empty values as a query string: `withQuery('/api/audit', { page: 2 })`. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  if (!qs) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${qs}`;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * A 401 normally means the session ended, so the app returns to the login page. The few calls
   * where a 401 means something else (a wrong password at login) turn this off.
   */
  redirectOnUnauthorized?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const CSRF_COOKIE = 'yz_csrf';
const CSRF_HEADER = 'x-csrf-token';

let onUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** The auth context installs its handler here so a 401 anywhere returns the user to the login page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** The server's answer to every call but the account's own while the password must be changed. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

let onPasswordChangeRequired: () => void = () => {
  if (window.location.pathname !== '/account/password') window.location.assign('/account/password');
};

/** The auth context installs its handler here so that such an answer anywhere opens the password page. */
export function setPasswordChangeRequiredHandler(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '请求有误，请检查填写的内容',
  401: '未登录或会话已过期，请重新登录',
  403: '没有执行该操作的权限',
  404: '请求的内容不存在',
  409: '操作与当前数据状态冲突，请刷新后重试',
  413: '提交的内容过大',
  429: '请求过于频繁，请稍后再试',
};

function fallbackMessage(status: number): string {
  return FALLBACK_MESSAGES[status] ?? `服务器暂时无法处理请求（HTTP ${status}），请稍后再试`;
}

function isErrorBody(value: unknown): value is { code: string; message: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) return new ApiError(body.code, body.message, response.status);
  return new ApiError(`HTTP_${response.status}`, fallbackMessage(response.status), response.status);
}

/** Sends the request; throws ApiError for network failures and every non-2xx answer. */
async function send(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', '无法连接服务器，请检查网络后重试', 0);
  }
  if (response.ok) return response;
  const error = await errorFromResponse(response);
  if (response.status === 401 && options.redirectOnUnauthorized !== false) onUnauthorized();
  if (response.status === 403 && error.code === PASSWORD_CHANGE_REQUIRED) onPasswordChangeRequired();
  throw error;
}

async function request<T>(method: Method, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, body, options);
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError('BAD_RESPONSE', '服务器返回了无法识别的数据', response.status);
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('DELETE', path, body, options),
  /** POSTs one file as multipart/form-data (field `file`); the server checks its type by content. */
  upload: <T>(path: string, file: Blob, fileName: string, options?: RequestOptions) => {
    const form = new FormData();
    form.append('file', file, fileName);
    return request<T>('POST', path, form, options);
  },
  /** GETs a file (an Excel or Word export). See `downloadFile` in ui/ to save it. */
  file: async (path: string, options?: RequestOptions): Promise<{ blob: Blob; filename: string | null }> => {
    const response = await send('GET', path, undefined, options ?? {});
    return { blob: await response.blob(), filename: filenameFrom(response.headers.get('content-disposition')) };
  },
};

/** Reads the file name from Content-Disposition, preferring the UTF-8 form Chinese names need. */
export function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/.exec(disposition);
  const name = plain?.[1] ?? plain?.[2];
  return name ? name.trim() : null;
}

/** Any thrown value as an ApiError, so UI code has one shape to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof Error) return new ApiError('CLIENT', `页面出错：${error.message}`, 0);
  return new ApiError('CLIENT', '页面出错，请刷新后重试', 0);
}
