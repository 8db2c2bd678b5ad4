/**
 * The target of the security scans: the real app (bundled 2023 documents imported) on a loopback
 * port with a throwaway PGlite data dir, one account per role plus one holding every business role
 * but county-user (which narrows what one sees to one county), and a harvest of the record ids the
 * API shows, so that path parameters and id fields can name real records.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { BUSINESS_ROLES, hasPermission, ROLES, type Role } from '../../src/domain/auth/roles.js';
import { openRuntime } from '../../src/runtime.js';
import { buildApp } from '../../src/server/app.js';
import { systemActor } from '../../src/services/actor.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { createOrganization } from '../../src/services/directory/organizations.service.js';
import { ROLE_USER_PASSWORD } from '../../tests/helpers/role-clients.js';
import { apiRoutes, pathParamNames, type ApiRoute, type RegisteredRoute } from '../../tests/helpers/route-inventory.js';

export const PASSWORD = ROLE_USER_PASSWORD;
/** Every business role except county-user: sees and may do the most a single account can. */
export const BROAD_ROLES: Role[] = BUSINESS_ROLES.filter((r) => r !== 'county-user');
export const BROAD_USER = 'sec-broad';

export interface HttpSession {
  username: string;
  /** `yz_session=…; yz_csrf=…` */
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }>;
}

export interface Target {
  app: FastifyInstance;
  database: Database;
  config: Config;
  baseUrl: string;
  dataDir: string;
  routes: ApiRoute[];
  /** Logged-in sessions by username (`sec-<role>`, `sec-broad`, `admin`). */
  sessions: Map<string, HttpSession>;
  sessionFor(route: ApiRoute): HttpSession | undefined;
  ids: IdPools;
  /** GETs every list and detail route again, adding the ids they show to `ids`. */
  harvest(): Promise<void>;
  close(): Promise<void>;
}

export function say(line = '') {
  process.stdout.write(`${line}\n`);
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}

export async function httpLogin(baseUrl: string, username: string, password = PASSWORD): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const jar = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]));
  const cookie = `yz_session=${jar.yz_session}; yz_csrf=${jar.yz_csrf}`;
  const csrf = jar.yz_csrf;
  return {
    username,
    cookie,
    csrf,
    async request(method, url, body) {
      const r = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: r.status, json, text };
    },
  };
}

/** Record ids seen in API answers, by pool: the list or field they came from (`applications`, `organizations` …). */
export class IdPools {
  readonly pools = new Map<string, string[]>();

  static key(name: string): string {
    return name.toLowerCase().replace(/[^a-z]/g, '');
  }

  add(pool: string, id: string) {
    const key = IdPools.key(pool);
    const list = this.pools.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    this.pools.set(key, list);
  }

  get(pool: string): string[] {
    return this.pools.get(IdPools.key(pool)) ?? [];
  }

  /** Walks an answer: any object with a UUID `id` joins the pool named by its parent key (or `fallback`). */
  harvest(value: unknown, fallback: string, parentKey?: string) {
    if (Array.isArray(value)) {
      for (const v of value) this.harvest(v, fallback, parentKey);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && UUID.test(record.id)) this.add(parentKey ?? fallback, record.id);
    for (const [k, v] of Object.entries(record)) {
      if (typeof v === 'string' && UUID.test(v) && /Id$/.test(k)) this.add(poolOfField(k), v);
      else if (v && typeof v === 'object') this.harvest(v, fallback, k === 'items' || k === 'rows' || k === 'data' ? parentKey : k);
    }
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `organizationId` → organizations, `replacesPersonId` → people, `mediaIds` → media. */
export function poolOfField(field: string): string {
  const stem = field.replace(/Ids?$/, '');
  const last = (stem.match(/[A-Z]?[a-z]+$/)?.[0] ?? stem).toLowerCase();
  const special: Record<string, string> = { person: 'people', media: 'media', parent: 'organizations', unit: 'organizations', body: 'bodies', county: 'organizations', org: 'organizations' };
  return special[last] ?? `${last}s`;
}

/** The pool a path parameter draws from: the static segment before it (`/bodies/:id` → bodies). */
export function poolOfParam(url: string, name: string): string {
  const segments = url.split('/');
  const at = segments.findIndex((s) => s === `:${name}`);
  if (name !== 'id' && name.endsWith('Id')) return poolOfField(name);
  return at > 0 ? segments[at - 1] : name;
}

async function harvestIds(routes: ApiRoute[], sessionFor: (r: ApiRoute) => HttpSession | undefined, ids: IdPools) {
  const gets = routes.filter((r) => r.method === 'GET' && !r.url.startsWith('/api/docs') && !/\.(docx|xlsx)$|\/file$|template/.test(r.url));
  // Lists first, then details of what they named (twice, for ids only a detail shows).
  for (let round = 0; round < 3; round += 1) {
    for (const route of gets) {
      const session = sessionFor(route);
      if (!session) continue;
      const names = pathParamNames(route.url);
      if (names.length === 0 && round > 0) continue;
      if (names.length > 0 && round === 0) continue;
      const candidates = names.length ? combos(route.url, names, ids).slice(0, 12) : [route.url];
      for (const url of candidates) {
        const res = await session.request('GET', url);
        if (res.status === 200 && res.json) ids.harvest(res.json, lastStatic(route.url));
      }
    }
  }
}

function lastStatic(url: string): string {
  return url.split('/').filter((s) => s && !s.startsWith(':') && s !== 'api').pop() ?? 'root';
}

/** URLs for a route with path parameters, filled from the pools (years for `:year`). */
export function combos(url: string, names: string[], ids: IdPools): string[] {
  let urls = [url];
  for (const name of names) {
    const values = name === 'year' ? ['2023', '2024'] : name === 'kind' ? ['material'] : name === 'date' ? ['2023-10-01'] : ids.get(poolOfParam(url, name)).slice(0, 12);
    if (values.length === 0) return [];
    urls = urls.flatMap((u) => values.map((v) => u.replace(`:${name}`, encodeURIComponent(v))));
  }
  return urls;
}

export async function startTarget(options: { trustProxy?: boolean; importBundled?: boolean; now?: () => Date } = {}): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-security-'));
  const config = loadConfig({
    YIZHENG_DATA_DIR: dataDir,
    YIZHENG_ADMIN_PASSWORD: PASSWORD,
    YIZHENG_IMPORT_BUNDLED: options.importBundled === false ? 'false' : 'true',
    YIZHENG_TRUST_PROXY: options.trustProxy ? 'true' : 'false',
    LOG_LEVEL: 'silent',
  });
  const database = await openRuntime(config, { info: () => undefined });
  const registered: RegisteredRoute[] = [];
  const app = await buildApp({ database, config, now: options.now, logger: false, onRoute: (r) => registered.push(r) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const actor = systemActor();
  const unit = await createOrganization(database, actor, { name: '安全检查测试单位', kind: 'unit' });
  for (const role of ROLES) {
    const admin = role === 'system-admin' || role === 'security-admin' || role === 'auditor';
    await createUser(database, actor, { username: `sec-${role}`, displayName: `安全检查-${role}`, roles: [role], organizationId: admin ? null : unit.id, password: PASSWORD });
  }
  await createUser(database, actor, { username: BROAD_USER, displayName: '安全检查-业务', roles: BROAD_ROLES, organizationId: unit.id, password: PASSWORD });
  const sessions = new Map<string, HttpSession>();
  for (const username of [BROAD_USER, ...ROLES.map((r) => `sec-${r}`)]) sessions.set(username, await httpLogin(baseUrl, username));
  const routes = apiRoutes(registered);
  const sessionFor = (route: ApiRoute): HttpSession | undefined => {
    const policy = route.policy;
    if (!policy) return undefined;
    if (policy.kind === 'public' || policy.kind === 'authenticated') return sessions.get(BROAD_USER);
    const permission = (policy as { permission: string }).permission;
    if (BROAD_ROLES.some((r) => hasRolePermission(r, permission))) return sessions.get(BROAD_USER);
    const role = ROLES.find((r) => hasRolePermission(r, permission));
    return role ? sessions.get(`sec-${role}`) : undefined;
  };
  const ids = new IdPools();
  ids.add('organizations', unit.id);
  await harvestIds(routes, sessionFor, ids);
  return {
    app,
    database,
    config,
    baseUrl,
    dataDir,
    routes,
    sessions,
    sessionFor,
    ids,
    harvest: () => harvestIds(routes, sessionFor, ids),
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}


function hasRolePermission(role: Role, permission: string): boolean {
  return hasPermission([role], permission);
}
