import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { queryRows } from '../../db/client.js';
import { passwordChangeRequired } from '../../domain/auth/password-policy.js';
import { hasPermission } from '../../domain/auth/roles.js';
import { errors } from '../../domain/errors.js';
import { recordAudit } from '../../services/audit/audit.service.js';
import { resolveSession, type SessionRow, type SessionRowCache } from '../../services/auth/sessions.js';
import { actorOf } from '../context.js';
import { requestDataVersion, type ReadCache } from '../read-cache.js';
import { policyFor } from '../policies/index.js';

export const SESSION_COOKIE = 'yz_session';
export const CSRF_COOKIE = 'yz_csrf';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every /api request: find the session, check CSRF on state changes, apply the route's policy
 * (deny by default), and make sure each state-changing request leaves exactly one audit record.
 */
export function registerSecurityHooks(app: FastifyInstance, cache: ReadCache | null): void {
  app.decorateRequest('user', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const { database, config, now } = app.ctx;
    const token = req.cookies[SESSION_COOKIE];
    const settings = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
    req.user = token ? await resolveSession(database.db, token, now(), settings, cache ? await sessionRows(req, cache) : undefined) : null;
    const policy = policyFor(req.method, req.routeOptions.url ?? '');
    if (!req.routeOptions.url) return; // 404: the not-found handler answers
    if (!policy) {
      await deny(req, 'no-policy');
      throw errors.forbidden('该接口未配置访问策略，已拒绝');
    }
    if (policy.kind === 'public') return;
    if (!req.user) throw errors.unauthenticated();
    if (MUTATING.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, req.user.csrfToken)) {
        await deny(req, 'csrf');
        throw errors.forbidden('CSRF 校验失败，请刷新页面后重试');
      }
    }
    if (mustChangePasswordFirst(req, now(), config.passwordMaxAgeDays)) {
      await deny(req, 'password-change-required');
      throw errors.passwordChangeRequired();
    }
    if (policy.kind === 'permission' && !hasPermission(req.user.roles, policy.permission)) {
      await deny(req, policy.permission);
      throw errors.forbidden();
    }
  });

  // PostgreSQL text cannot hold U+0000, nor jsonb (audit details) a lone UTF-16 surrogate, which JSON
  // writes as "\ud800": refuse both at the door rather than fail (500) in the database.
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const found = unstorableText(req.params) ?? unstorableText(req.query) ?? unstorableText(req.body);
    if (found === 'nul') throw errors.validation('请求中含有不允许的空字符（U+0000）');
    if (found === 'surrogate') throw errors.validation('请求中含有无法保存的字符（不成对的 UTF-16 代理项），请检查输入内容');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!MUTATING.has(req.method) || !req.url.startsWith('/api/')) return payload;
    try {
      await ensureAudited(req, reply);
      return payload;
    } catch (error) {
      // The database is unreachable (found by drill:pg-crash): Fastify's fallback for an error in this
      // hook answered in English with the failed query's text and parameters. Keep the one shape.
      req.log.error({ err: error }, 'fallback audit record failed');
      reply.code(500).header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify({ code: 'INTERNAL', message: '服务器内部错误，请稍后再试或联系系统管理员' });
    }
  });
}

/** Session rows kept in the read cache under this request's data version. */
async function sessionRows(req: FastifyRequest, cache: ReadCache): Promise<SessionRowCache> {
  const version = await requestDataVersion(req);
  return {
    get: (sessionId) => cache.get<SessionRow>(version, `session\u0000${sessionId}`),
    set: (sessionId, row) => cache.set(version, `session\u0000${sessionId}`, row, 1024),
  };
}

/** What a user whose password must be changed may still call: read the own account, log out, change the password. */
const PASSWORD_CHANGE_ROUTES = new Set(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password']);

/** A generated, administrator-set or expired password: every other route waits for the change. */
function mustChangePasswordFirst(req: FastifyRequest, now: Date, maxAgeDays: number): boolean {
  if (!req.user || PASSWORD_CHANGE_ROUTES.has(`${req.method} ${req.routeOptions.url}`)) return false;
  return passwordChangeRequired(req.user, now, maxAgeDays);
}

async function deny(req: FastifyRequest, reason: string) {
  await recordAudit(req.server.ctx.database, actorOf(req), {
    action: 'access.denied',
    object: `${req.method} ${req.routeOptions.url ?? req.url}`,
    result: 'denied',
    details: { reason },
  });
}

/** The fallback record for a state-changing request that ended before any use case audited it. */
async function ensureAudited(req: FastifyRequest, reply: FastifyReply) {
  const { database } = req.server.ctx;
  const found = await queryRows(database.db, sql`SELECT 1 FROM audit_log WHERE request_id = ${req.id} LIMIT 1`);
  if (found.length) return;
  const status = reply.statusCode;
  await recordAudit(database, actorOf(req), {
    action: `http.${req.method.toLowerCase()}`,
    object: req.routeOptions.url ?? req.url.split('?')[0],
    result: status === 401 || status === 403 ? 'denied' : status >= 400 ? 'failure' : 'success',
    details: { status },
  });
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorableString(text: string): 'nul' | 'surrogate' | null {
  if (text.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(text) ? 'surrogate' : null;
}

/** Whether any string or key in a parsed request part holds U+0000 or a lone surrogate (iterative: bodies may nest deeply). */
function unstorableText(value: unknown): 'nul' | 'surrogate' | null {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') {
      const found = unstorableString(item);
      if (found) return found;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const found = unstorableString(key);
        if (found) return found;
        stack.push(child);
      }
    }
  }
  return null;
}

/**
 * Fastify answers a malformed URL (bad percent-encoding) before routing, so no hook runs: answer it
 * in the one error shape with restrictive headers, and audit a state-changing one like any other
 * refused request (the session is not read: the caller is recorded as anonymous, with its address).
 */
export async function answerMalformedUrl(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (MUTATING.has(req.method) && req.url.startsWith('/api/')) {
    await recordAudit(req.server.ctx.database, actorOf(req), {
      action: `http.${req.method.toLowerCase()}`,
      object: req.url.split('?')[0].slice(0, 200),
      result: 'failure',
      details: { status: 400, reason: 'malformed-url' },
    });
  }
  await reply
    .status(400)
    .headers({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
    })
    .send({ code: 'BAD_URL', message: '请求地址格式不正确' });
}
