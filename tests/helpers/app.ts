import type { FastifyInstance, FastifySchema, LightMyRequestResponse } from 'fastify';
import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { systemActor } from '../../src/services/actor.js';
import { ADMIN_PASSWORD, openTestDatabase, testConfig, type TestDatabaseKind } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** The PostgreSQL database's URL (another process's view of it); null on PGlite. */
  url: string | null;
  config: Config;
  /** Every registered route (HEAD excluded), with its schemas as declared (zod). */
  routes: { method: string; url: string; schema?: FastifySchema }[];
  /** Logs in and returns a client that sends the session cookie and CSRF header. */
  login(username: string, password?: string): Promise<TestClient>;
  /** Creates a user with the given roles (password = ADMIN_PASSWORD) and logs in. */
  userWith(username: string, roles: string[], organizationId?: string | null): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestClient {
  cookies: Record<string, string>;
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function createTestApp(
  kind: TestDatabaseKind,
  options: { now?: () => Date; config?: Record<string, string> } = {},
): Promise<TestApp> {
  const config = testConfig(options.config);
  const { database, url, drop } = await openTestDatabase(kind, config);
  const routes: TestApp['routes'] = [];
  const app = await buildApp({ database, config, now: options.now, logger: false, strictResponses: true, onRoute: (r) => routes.push(r) });
  await app.ready();

  const login = async (username: string, password = ADMIN_PASSWORD): Promise<TestClient> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
    return {
      cookies,
      request: (method, url, body) =>
        app.inject({
          method: method as 'GET',
          url,
          cookies,
          headers: { 'x-csrf-token': cookies.yz_csrf },
          ...(body === undefined ? {} : { payload: body as object }),
        }),
    };
  };

  return {
    app,
    database,
    url,
    config,
    routes,
    login,
    async userWith(username, roles, organizationId = null) {
      await createUser(database, systemActor(), { username, displayName: username, roles, organizationId, password: ADMIN_PASSWORD });
      return login(username);
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
