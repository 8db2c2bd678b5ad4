import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditRecords, verifyAuditChain } from '../../services/audit/audit.service.js';

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
      },
    },
    async (req) => {
      const { items, total } = await listAuditRecords(database.db, req.query);
      return { items, total };
    },
  );
  app.get('/audit/verify', { schema: { tags } }, async () => {
    const result = await verifyAuditChain(database.db);
    return {
      ok: result.ok,
      checked: result.checked,
      firstBroken: result.firstBroken ? { id: result.firstBroken.seq, reason: result.firstBroken.reason } : null,
    };
  });
};
