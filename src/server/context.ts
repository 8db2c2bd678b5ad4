import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { errors } from '../domain/errors.js';
import type { Actor } from '../services/actor.js';
import type { SessionUser } from '../services/auth/sessions.js';

export interface AppContext {
  database: Database;
  config: Config;
  /** The clock; tests pin it. */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  return {
    userId: req.user?.userId ?? null,
    username: req.user?.username ?? 'anonymous',
    roles: req.user?.roles ?? [],
    organizationId: req.user?.organizationId ?? null,
    ip: req.ip,
    requestId: req.id,
  };
}

/** The logged-in user's actor; the route's policy has already required a session. */
export function userActorOf(req: FastifyRequest): Actor & { userId: string } {
  if (!req.user) throw errors.unauthenticated();
  return { ...actorOf(req), userId: req.user.userId };
}
