import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { errors } from '../../domain/errors.js';
import { login } from '../../services/auth/login.js';
import { deleteSession } from '../../services/auth/sessions.js';
import { changeOwnPassword, describeUser } from '../../services/auth/users.service.js';
import { runAudited } from '../../services/audit/audit.service.js';
import { userActorOf } from '../context.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../plugins/security.js';

const currentUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }).nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config, now } = app.ctx;
  const settings = {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    passwordMaxAgeDays: config.passwordMaxAgeDays,
  };

  app.get('/health', { schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } } }, async () => {
    await database.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: database.kind };
  });

  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ user: currentUser }) },
      },
    },
    async (req, reply) => {
      const result = await login(
        database,
        { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id, now: now() },
        settings,
      );
      const secure = req.protocol === 'https';
      const maxAge = config.sessionAbsoluteHours * 3600;
      reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge });
      return { user: await describeUser(database.db, result.userId, now(), config.passwordMaxAgeDays) };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 200: z.object({ ok: z.boolean() }) } } }, async (req, reply) => {
    const actor = userActorOf(req);
    const sessionId = req.user?.sessionId ?? '';
    await runAudited(database, actor, { action: 'auth.logout', object: `user:${actor.username}` }, (tx) => deleteSession(tx, sessionId));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: z.object({ user: currentUser }) } } }, async (req) => {
    const user = req.user;
    if (!user) throw errors.unauthenticated();
    return { user: await describeUser(database.db, user.userId, now(), config.passwordMaxAgeDays) };
  });

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        body: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      await changeOwnPassword(database, userActorOf(req), { ...req.body, keepSessionId: req.user?.sessionId ?? null });
      return { ok: true };
    },
  );
};
