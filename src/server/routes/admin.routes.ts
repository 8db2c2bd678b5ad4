import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/auth/roles.js';
import {
  createUser,
  listUsers,
  lockUser,
  resetPassword,
  unlockUser,
  updateUser,
} from '../../services/auth/users.service.js';
import {
  addOrganizationAlias,
  createOrganization,
  listOrganizations,
} from '../../services/directory/organizations.service.js';
import { userActorOf } from '../context.js';

const idParams = z.strictObject({ id: z.uuid({ message: '编号格式不正确' }) });
const role = z.enum(ROLES);
const userRow = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  roles: z.array(z.string()),
  status: z.enum(['active', 'locked', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
const idResult = z.object({ id: z.string() });
const organizationKind = z.enum(['unit', 'county', 'body']);

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.ctx;
  const tags = ['admin'];

  app.get('/users', { schema: { tags, response: { 200: z.object({ items: z.array(userRow) }) } } }, async () => ({
    items: await listUsers(database.db),
  }));

  app.post(
    '/users',
    {
      schema: {
        tags,
        body: z.strictObject({
          username: z.string().min(1).max(32),
          displayName: z.string().min(1).max(50),
          organizationId: z.uuid().nullable().optional(),
          roles: z.array(role).min(1, '至少选择一个角色'),
          password: z.string().min(1).max(256),
        }),
        response: { 201: idResult },
      },
    },
    // The administrator chose the password: its owner changes it at the first login.
    async (req, reply) => reply.status(201).send(await createUser(database, userActorOf(req), { ...req.body, mustChangePassword: true })),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({
          displayName: z.string().min(1).max(50).optional(),
          organizationId: z.uuid().nullable().optional(),
          roles: z.array(role).min(1).optional(),
          status: z.enum(['active', 'disabled']).optional(),
        }),
        response: { 200: idResult },
      },
    },
    async (req) => updateUser(database, userActorOf(req), req.params.id, req.body),
  );

  app.post('/users/:id/lock', { schema: { tags, params: idParams, response: { 200: idResult } } }, async (req) =>
    lockUser(database, userActorOf(req), req.params.id),
  );
  app.post('/users/:id/unlock', { schema: { tags, params: idParams, response: { 200: idResult } } }, async (req) =>
    unlockUser(database, userActorOf(req), req.params.id),
  );
  app.post(
    '/users/:id/reset-password',
    { schema: { tags, params: idParams, body: z.strictObject({ password: z.string().min(1).max(256) }), response: { 200: idResult } } },
    async (req) => resetPassword(database, userActorOf(req), req.params.id, req.body.password),
  );

  const organization = z.object({
    id: z.string(),
    name: z.string(),
    kind: organizationKind,
    parentId: z.string().nullable(),
    aliases: z.array(z.string()),
  });
  app.get('/organizations', { schema: { tags, response: { 200: z.object({ items: z.array(organization) }) } } }, async () => ({
    items: await listOrganizations(database.db),
  }));
  app.post(
    '/organizations',
    {
      schema: {
        tags,
        body: z.strictObject({ name: z.string().min(1).max(100), kind: organizationKind, parentId: z.uuid().nullable().optional() }),
        response: { 201: idResult },
      },
    },
    async (req, reply) => reply.status(201).send(await createOrganization(database, userActorOf(req), req.body)),
  );
  app.post(
    '/organizations/:id/aliases',
    {
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ alias: z.string().min(1).max(100) }),
        response: { 201: z.object({ organizationId: z.string(), alias: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addOrganizationAlias(database, userActorOf(req), req.params.id, req.body.alias)),
  );
};
