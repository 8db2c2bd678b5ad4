import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { queryRows, type Database } from '../../src/db/client.js';
import { ROLES, type Role } from '../../src/domain/auth/roles.js';
import { systemActor } from '../../src/services/actor.js';
import { sessionIdOf } from '../../src/services/auth/sessions.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { createOrganization } from '../../src/services/directory/organizations.service.js';

/** The password of every account these helpers create (meets the password policy). */
export const ROLE_USER_PASSWORD = 'Ili-Sec-Check-2023';

export interface ApiRequest {
  method: string;
  /** Path and query, already encoded. */
  url: string;
  /** An object is sent as JSON; a string is sent as is (set the content type in `headers`). */
  payload?: unknown;
  headers?: Record<string, string>;
}

/** Someone calling the API: anonymous (`role` null) or a user holding exactly one role. */
export interface Caller {
  role: Role | null;
  username: string | null;
  send(request: ApiRequest): Promise<LightMyRequestResponse>;
  /** Whether the session still exists (a logout route ends it). */
  sessionAlive(): Promise<boolean>;
  relogin(): Promise<void>;
}

let addressCounter = 0;
/**
 * A fresh loopback-looking address per request, so that per-IP throttles (login: 30 a minute) do
 * not turn the checks into a test of the throttle. Sessions are not bound to an address.
 */
export function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

function inject(app: FastifyInstance, request: ApiRequest, cookies: Record<string, string>, csrf: string | undefined) {
  const { payload } = request;
  const raw = payload === undefined || typeof payload === 'string' || Buffer.isBuffer(payload);
  const headers: Record<string, string> = {
    ...(csrf ? { 'x-csrf-token': csrf } : {}),
    ...(raw ? {} : { 'content-type': 'application/json' }),
    ...request.headers,
  };
  return app.inject({
    method: request.method as 'GET',
    url: request.url,
    cookies,
    headers,
    remoteAddress: nextAddress(),
    ...(payload === undefined ? {} : { payload: raw ? (payload as string | Buffer) : JSON.stringify(payload) }),
  });
}

export function anonymousCaller(app: FastifyInstance): Caller {
  return {
    role: null,
    username: null,
    send: (request) => inject(app, request, {}, undefined),
    sessionAlive: async () => true,
    relogin: async () => undefined,
  };
}

export async function loginCaller(app: FastifyInstance, database: Database, username: string, role: Role | null, password = ROLE_USER_PASSWORD): Promise<Caller> {
  let cookies: Record<string, string> = {};
  const relogin = async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: nextAddress(),
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  };
  await relogin();
  return {
    role,
    username,
    send: (request) => inject(app, request, cookies, cookies.yz_csrf),
    async sessionAlive() {
      const token = cookies.yz_session;
      if (!token) return false;
      const rows = await queryRows(database.db, sql`SELECT 1 FROM sessions WHERE id = ${sessionIdOf(token)}`);
      return rows.length > 0;
    },
    relogin,
  };
}

/**
 * One account per role (三权分立 forbids combining admin roles, so each holds exactly one), the
 * business roles attached to one unit, each logged in; plus the anonymous caller.
 */
export async function roleCallers(app: FastifyInstance, database: Database): Promise<{ anonymous: Caller; byRole: Map<Role, Caller> }> {
  const actor = systemActor();
  const unit = await createOrganization(database, actor, { name: '安全检查测试单位', kind: 'unit' });
  const byRole = new Map<Role, Caller>();
  for (const role of ROLES) {
    const username = `sec-${role}`;
    const admin = role === 'system-admin' || role === 'security-admin' || role === 'auditor';
    await createUser(database, actor, {
      username,
      displayName: `安全检查-${role}`,
      roles: [role],
      organizationId: admin ? null : unit.id,
      password: ROLE_USER_PASSWORD,
    });
    byRole.set(role, await loginCaller(app, database, username, role));
  }
  return { anonymous: anonymousCaller(app), byRole };
}
