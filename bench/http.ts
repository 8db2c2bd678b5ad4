/**
 * npm run bench — HTTP throughput and latency of the API, startup time, and the web app's initial JS.
 *
 * 1. The ceiling: a route registered here on a bare Fastify instance (nothing of yizheng), then
 *    /api/health of the real app (session hook, security headers, one `select 1`).
 * 2. Real read endpoints found in the route list at run time (document search, a body's roster,
 *    the livelihood dashboard, the award list), logged in with a session cookie; an endpoint that
 *    does not exist yet is skipped with a note.
 * Both on PGlite (a fresh data dir with the bundled 2023 documents) and on PostgreSQL (a throwaway
 * cluster). autocannon runs in this process (a worker thread), on loopback only, 50 connections,
 * BENCH_SECONDS (default 60) per endpoint; ratios are against the ceiling measured in the same run.
 * 3. Startup: `node --import tsx src/server/main.ts` on a fresh and on an existing data dir (and
 *    PostgreSQL database), time to the first 200 from /api/health.
 * 4. Web: JS a browser loads to show each page (gzip), from web/dist.
 *
 *   BENCH_SECONDS=10 BENCH_DB=both|pglite|postgres npm run bench
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { hasPermission, ROLES, type Role } from '../src/domain/auth/roles.js';
import { buildApp } from '../src/server/app.js';
import { policyFor } from '../src/server/policies/index.js';
import { openRuntime } from '../src/runtime.js';
import { systemActor } from '../src/services/actor.js';
import { createUser } from '../src/services/auth/users.service.js';
import { startCluster, type Cluster } from '../tests/setup/postgres-cluster.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = 50;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const KINDS = (process.env.BENCH_DB ?? 'both') === 'both' ? ['pglite', 'postgres'] : [process.env.BENCH_DB ?? 'pglite'];
const PASSWORD = 'Ili-Bench-Run-2023';

function say(line = '') {
  process.stdout.write(`${line}\n`);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length + (r[i].match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0))));
  const pad = (s: string, w: number, left: boolean) => {
    const width = [...s].length + (s.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0);
    return left ? s + ' '.repeat(w - width) : ' '.repeat(w - width) + s;
  };
  return rows.map((r) => r.map((cell, i) => pad(cell, widths[i], i < 2)).join('  ')).join('\n');
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, workers: WORKERS || undefined, headers, timeout: 30 });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as net.AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- endpoints

interface Target {
  name: string;
  /** The route to use, from the registered list. */
  route: (routes: { method: string; url: string }[]) => string | undefined;
  /** Path and query to request, given the base URL and a cookie (may look up an id first). */
  path: (url: string, base: string, cookie: string) => Promise<string | null>;
}

const getRoute = (pattern: RegExp) => (routes: { method: string; url: string }[]) =>
  routes.filter((r) => r.method === 'GET' && pattern.test(r.url)).map((r) => r.url).sort((a, b) => b.length - a.length)[0];

async function firstId(base: string, listPath: string, cookie: string): Promise<string | null> {
  const res = await fetch(`${base}${listPath}`, { headers: { cookie } });
  if (!res.ok) return null;
  const body = (await res.json()) as { items?: { id?: string }[] };
  return body.items?.[0]?.id ?? null;
}

const TARGETS: Target[] = [
  { name: 'document search', route: getRoute(/^\/api\/documents(\/search)?$/), path: async (url) => `${url}?q=${encodeURIComponent('体育')}` },
  {
    name: "a body's roster",
    route: getRoute(/^\/api\/bodies\/:id(\/roster)?$/),
    path: async (url, base, cookie) => {
      const id = await firstId(base, '/api/bodies', cookie);
      return id ? url.replace(':id', id) : null;
    },
  },
  { name: 'livelihood dashboard', route: getRoute(/^\/api\/livelihood\/dashboard$/), path: async (url) => url },
  { name: 'award list', route: getRoute(/^\/api\/awards(\/applications)?$/), path: async (url) => url },
];

/** A role that may call the route, preferring the leader (who reads everything). */
function roleFor(url: string): Role | undefined {
  const policy = policyFor('GET', url);
  if (!policy) return undefined;
  if (policy.kind !== 'permission') return 'leader';
  const preferred: Role[] = ['leader', 'office-staff', ...ROLES];
  return preferred.find((role) => hasPermission([role], policy.permission));
}

async function loginCookie(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

interface Row {
  endpoint: string;
  db: string;
  load: Load | null;
  note?: string;
}

async function benchDatabase(kind: string, cluster: Cluster | null, rows: Row[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-'));
  const config = loadConfig({
    YIZHENG_DATA_DIR: dataDir,
    YIZHENG_ADMIN_PASSWORD: PASSWORD,
    LOG_LEVEL: 'silent',
    ...(kind === 'postgres' && cluster ? { DATABASE_URL: await freshPostgresDatabase(cluster, 'yz_bench') } : {}),
  });
  const started = Date.now();
  const database: Database = await openRuntime(config, { info: () => undefined });
  say(`${kind}: database ready with the bundled documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const registered: { method: string; url: string }[] = [];
  const app = await buildApp({ database, config, logger: false, onRoute: (r) => registered.push(r) });
  const base = await listen(app);
  try {
    rows.push({ endpoint: 'GET /api/health (app, no session)', db: kind, load: await load(`${base}/api/health`) });
    const cookies = new Map<Role, string>();
    for (const target of TARGETS) {
      const url = target.route(registered);
      if (!url) {
        rows.push({ endpoint: target.name, db: kind, load: null, note: 'no such route yet: skipped' });
        continue;
      }
      const role = roleFor(url);
      if (!role) {
        rows.push({ endpoint: `${target.name} (GET ${url})`, db: kind, load: null, note: 'no role may call it: skipped' });
        continue;
      }
      if (!cookies.has(role)) {
        await createUser(database, systemActor(), { username: `bench-${role}`, displayName: `压测-${role}`, roles: [role], organizationId: null, password: PASSWORD });
        cookies.set(role, await loginCookie(base, `bench-${role}`));
      }
      const cookie = cookies.get(role) ?? '';
      const target_path = await target.path(`/api${url.slice(4)}`, base, cookie);
      if (!target_path) {
        rows.push({ endpoint: `${target.name} (GET ${url})`, db: kind, load: null, note: 'no data to address it: skipped' });
        continue;
      }
      const probe = await fetch(`${base}${target_path}`, { headers: { cookie } });
      const size = (await probe.arrayBuffer()).byteLength;
      if (!probe.ok) {
        rows.push({ endpoint: `${target.name} (GET ${target_path})`, db: kind, load: null, note: `answers ${probe.status}: skipped` });
        continue;
      }
      rows.push({ endpoint: `${target.name} (GET ${decodeURIComponent(target_path)}, ${(size / 1024).toFixed(1)} KB, ${role})`, db: kind, load: await load(`${base}${target_path}`, { cookie }) });
    }
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function freshPostgresDatabase(cluster: Cluster, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}

// ---------------------------------------------------------------- startup

async function timeToFirst200(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', YIZHENG_ADMIN_PASSWORD: PASSWORD, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
      if (performance.now() - started > 300_000) throw new Error('no 200 within 5 minutes');
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status === 200, () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function benchStartup(cluster: Cluster | null): Promise<string[][]> {
  const rows = [['startup', 'db', 'time to first 200']];
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yz-start-')), 'data');
  try {
    rows.push(['fresh data dir (migrations, admin, bundled 2023 documents)', 'pglite', `${(await timeToFirst200({ YIZHENG_DATA_DIR: dataDir }) / 1000).toFixed(2)} s`]);
    rows.push(['existing data dir', 'pglite', `${(await timeToFirst200({ YIZHENG_DATA_DIR: dataDir }) / 1000).toFixed(2)} s`]);
    if (cluster) {
      const url = await freshPostgresDatabase(cluster, 'yz_start');
      rows.push(['empty database (migrations, admin, bundled 2023 documents)', 'postgres', `${(await timeToFirst200({ DATABASE_URL: url, YIZHENG_DATA_DIR: dataDir }) / 1000).toFixed(2)} s`]);
      rows.push(['existing database', 'postgres', `${(await timeToFirst200({ DATABASE_URL: url, YIZHENG_DATA_DIR: dataDir }) / 1000).toFixed(2)} s`]);
    }
  } finally {
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
  return rows;
}

// ---------------------------------------------------------------- web

/** JS a browser fetches to show each page: the entry's static imports, plus each lazy chunk's. */
function webSizes(): string[][] | null {
  const dist = path.join(ROOT, 'web/dist');
  const indexHtml = path.join(dist, 'index.html');
  if (!fs.existsSync(indexHtml)) return null;
  const html = fs.readFileSync(indexHtml, 'utf8');
  const read = (file: string) => fs.readFileSync(path.join(dist, 'assets', file), 'utf8');
  const staticImports = (code: string) => [...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const closure = (roots: string[]) => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const file = stack.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      stack.push(...staticImports(read(file)));
    }
    return seen;
  };
  const entryFiles = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const entry = closure(entryFiles);
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const size = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const buffer = fs.readFileSync(path.join(dist, 'assets', file));
      s = { raw: buffer.length, gzip: gzipSync(buffer).length };
      sizes.set(file, s);
    }
    return s;
  };
  const total = (files: Set<string>) => [...files].reduce((acc, f) => ({ raw: acc.raw + size(f).raw, gzip: acc.gzip + size(f).gzip }), { raw: 0, gzip: 0 });
  const lazy = (code: string) => [...code.matchAll(/import\("\.\/([^"]+\.js)"\)/g)].map((m) => m[1]);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows = [['page', 'chunks', 'JS (raw)', 'JS (gzip)']];
  const entryLazy = [...entry].flatMap((f) => lazy(read(f)));
  const shell = entryLazy.find((f) => f.startsWith('AppShell-'));
  const shellFiles = shell ? closure([shell]) : new Set<string>();
  const login = entryLazy.find((f) => f.startsWith('LoginPage-'));
  if (login) {
    const files = new Set([...entry, ...closure([login])]);
    rows.push(['login (/login)', String(files.size), kb(total(files).raw), kb(total(files).gzip)]);
  }
  // Module pages: the lazy chunks the shell (and the registry) load, each on top of entry + shell.
  const modulePages = [...new Set([...shellFiles, ...entry].flatMap((f) => lazy(read(f))))].filter((f) => f !== shell && f !== login).sort();
  for (const page of modulePages) {
    const files = new Set([...entry, ...shellFiles, ...closure([page])]);
    rows.push([`${page.replace(/-[\w-]{8}\.js$/, '')} (after login)`, String(files.size), kb(total(files).raw), kb(total(files).gzip)]);
  }
  return rows;
}

// ---------------------------------------------------------------- main

function fmt(rows: Row[], ceiling: number): string[][] {
  const out = [['endpoint', 'db', 'req/s', 'p50 ms', 'p99 ms', 'ratio to ceiling', 'non-2xx', 'errors']];
  for (const r of rows) {
    if (!r.load) {
      out.push([r.endpoint, r.db, '–', '–', '–', '–', '–', r.note ?? '']);
      continue;
    }
    out.push([r.endpoint, r.db, r.load.rps.toFixed(0), String(r.load.p50), String(r.load.p99), `${((100 * r.load.rps) / ceiling).toFixed(1)}%`, String(r.load.non2xx), String(r.load.errors)]);
  }
  return out;
}

async function main() {
  say(`yizheng HTTP bench: ${SECONDS} s per endpoint, ${CONNECTIONS} connections, autocannon in ${WORKERS ? `${WORKERS} worker thread(s)` : 'the main thread'}`);
  say(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  const bare = Fastify({ logger: false });
  bare.get('/ceiling', async () => ({ status: 'ok' }));
  const bareBase = await listen(bare);
  const ceiling = await load(`${bareBase}/ceiling`);
  await bare.close();
  const rows: Row[] = [{ endpoint: 'GET /ceiling (bare Fastify, this bench)', db: '–', load: ceiling }];
  let cluster: Cluster | null = null;
  try {
    if (KINDS.includes('postgres')) cluster = await startCluster();
    for (const kind of KINDS) await benchDatabase(kind, kind === 'postgres' ? cluster : null, rows);
    say();
    say(table(fmt(rows, ceiling.rps)));
    say();
    say(table(await benchStartup(cluster)));
  } finally {
    await cluster?.stop();
  }
  const web = webSizes();
  say();
  if (web) say(table(web));
  else say('web/dist is missing: run npm run build to measure the web app');
  say('\nThe app does not compress responses itself (the reverse proxy does): gzip sizes are what a browser transfers behind it.');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
