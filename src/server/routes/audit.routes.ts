import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditRecords, verifyAuditChain } from '../../services/audit/audit.service.js';

/** A stored record as the log page lists it: `id` is its place in the chain (seq), `details` free-form JSON. */
const auditRecord = z.object({
  id: z.number(), at: z.string(), userId: z.string().nullable(), username: z.string().nullable(), role: z.string().nullable(), action: z.string(),
  object: z.string().nullable(), result: z.enum(['success', 'failure', 'denied']), ip: z.string().nullable(), requestId: z.string(),
  details: z.record(z.string(), z.unknown()), jurisdiction: z.string(), prevHash: z.string(), hash: z.string(),
});
const chainVerification = z.object({
  ok: z.boolean(), checked: z.number(), firstBroken: z.object({ id: z.number(), reason: z.string() }).nullable(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.ctx;
  const tags = ['audit'];
  app.get(
    '/audit',
    {
      schema: {
        tags,
        querystring: z.strictObject({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
          action: z.string().max(100).optional(),
          username: z.string().max(64).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: z.object({ items: z.array(auditRecord), total: z.number() }) },
      },
    },
    async (req) => {
      const { items, total } = await listAuditRecords(database.db, req.query);
      return { items, total };
    },
  );
  app.get('/audit/verify', { schema: { tags, response: { 200: chainVerification } } }, async () => {
    const result = await verifyAuditChain(database.db);
    return {
      ok: result.ok,
      checked: result.checked,
      firstBroken: result.firstBroken ? { id: result.firstBroken.seq, reason: result.firstBroken.reason } : null,
    };
  });
};
