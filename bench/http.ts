/**
 * npm run bench — throughput, latency, scale, startup and web figures, each against a baseline
 * measured in the same run (the machine is shared: absolute numbers drift, ratios less so).
 *
 * 1. HTTP. autocannon (a worker thread of this process, loopback, 50 connections, BENCH_SECONDS
 *    per endpoint, after a short warm-up). The ceiling: a bare Fastify route served by this same
 *    process. Then the app (also in this process, as `npm start` would run it) on GET /api/health
 *    and on the real read endpoints, with a leader's session cookie: document search, a body's
 *    roster, the livelihood dashboard, the award list. PGlite (fresh data dir) and PostgreSQL
 *    (a throwaway cluster). Data at 1× (seed.ts), the clock pinned at 2023-12-15 (the bundled
 *    plan's year, whose workday calendar is bundled).
 *    Each endpoint twice: on the app as served (repeated reads answered by the read cache,
 *    src/server/read-cache.ts, while no data changes) and on a second instance of the app built
 *    without the read cache (every request does the whole work: the first read after a change).
 * 2. Scale. The same endpoints after growing the data to 100× (seed.ts); p95 at 1× and at 100×,
 *    with and without the read cache.
 * 3. Startup. `node scripts/start.mjs` (npm start; web/dist built beforehand) to the first 200.
 * 4. Web. Initial JS per page (gzip) from a Vite manifest; time to a rendered dashboard in Chromium.
 *
 *   BENCH_SECONDS=60 BENCH_DB=both|pglite|postgres npm run bench
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { openRuntime } from '../src/runtime.js';
import { systemActor } from '../src/services/actor.js';
import { createUser } from '../src/services/auth/users.service.js';
import { startCluster, type Cluster } from '../tests/setup/postgres-cluster.js';
import { explainEndpoints } from './explain.js';
import { CONNECTIONS, load, type Load } from './load.js';
import { SEARCH_PROBE, seedTo, type Counts } from './seed.js';
import { ensureWebBuilt, timeToFirst200 } from './startup.js';
import { dashboardRenderTimes, initialJsPerPage, type RenderTimes } from './web.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
/** The rows without the read cache and the 100× rows: shorter, to keep the whole run near 30 minutes. */
const SHORT_SECONDS = Number(process.env.BENCH_SHORT_SECONDS ?? Math.max(10, Math.round(SECONDS / 4)));
const KINDS = (process.env.BENCH_DB ?? 'both') === 'both' ? ['pglite', 'postgres'] : [process.env.BENCH_DB ?? 'pglite'];
const PASSWORD = 'Ili-Bench-Run-2023';
const NOW = new Date('2023-12-15T04:00:00Z');
const SCALE = 100;
const GOAL = { share: 0.3, p99: 50, growth: 3 };

function say(line = '') {
  process.stdout.write(`${line}\n`);
}

const wide = (s: string) => [...s].length + (s.match(/[\u2e80-\u9fff\uff00-\uffef]/g)?.length ?? 0);

function table(rows: string[][], leftColumns = 2): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => wide(r[i] ?? ''))));
  const pad = (s: string, w: number, left: boolean) => (left ? s + ' '.repeat(w - wide(s)) : ' '.repeat(w - wide(s)) + s);
  return rows.map((r) => r.map((cell, i) => pad(cell ?? '', widths[i], i < leftColumns)).join('  ').trimEnd()).join('\n');
}

const ms = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load1 = () => os.loadavg()[0].toFixed(2);

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
}

// ---------------------------------------------------------------- endpoints

interface Endpoint {
  name: string;
  /** Path and query, given the base URL and a cookie (the roster looks its body up first). */
  path: (base: string, cookie: string) => Promise<string>;
}

/** The real read endpoints (src/server/routes/*.routes.ts). */
const ENDPOINTS: Endpoint[] = [
  { name: 'document search', path: async () => `/api/documents?q=${encodeURIComponent(SEARCH_PROBE)}` },
  {
    name: "a body's roster",
    path: async (base, cookie) => {
      // The largest body: the heaviest roster there is.
      const res = await fetch(`${base}/api/bodies`, { headers: { cookie } });
      const { items } = (await res.json()) as { items: { id: string; members: number }[] };
      const body = [...items].sort((a, b) => b.members - a.members)[0];
      if (!body) throw new Error('no coordination body in the bundled documents');
      return `/api/bodies/${body.id}`;
    },
  },
  { name: 'livelihood dashboard', path: async () => '/api/livelihood/dashboard' },
  { name: 'award list', path: async () => '/api/awards/applications' },
];

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

type CacheUse = 'on' | 'off' | '';

interface Measured {
  endpoint: string;
  cache: CacheUse;
  seconds: number;
  url: string;
  db: string;
  bytes: number;
  load: Load;
  ceiling: number;
}

interface Scaled {
  endpoint: string;
  cache: CacheUse;
  db: string;
  base: Load;
  scaled: Load;
}

interface DatabaseResult {
  kind: string;
  openSeconds: number;
  seed1: { counts: Counts; seconds: number };
  seed100: { counts: Counts; seconds: number };
  http: Measured[];
  scale: Scaled[];
  render: RenderTimes | null;
  plans: string[][];
  loadAverage: string[];
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

/**
 * The 100× seed keeps PGlite's thread (the server's) busy for minutes; when it ends, the server's
 * overdue keep-alive timers close the idle sockets just as the next request is sent on one of them
 * (ECONNRESET, "fetch failed"). Such a request is sent again.
 */
async function fetchRetrying(url: string, headers: Record<string, string>): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, { headers });
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function measureCeiling(): Promise<Load> {
  const bare = Fastify({ logger: false });
  bare.get('/ceiling', async () => ({ status: 'ok' }));
  try {
    return await load(`${await listen(bare)}/ceiling`, SECONDS);
  } finally {
    await bare.close();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

async function benchDatabase(kind: string, cluster: Cluster | null): Promise<DatabaseResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-'));
  const config = loadConfig({
    YIZHENG_DATA_DIR: dataDir,
    YIZHENG_ADMIN_PASSWORD: PASSWORD,
    LOG_LEVEL: 'silent',
    ...(kind === 'postgres' && cluster ? { DATABASE_URL: await freshPostgresDatabase(cluster, 'yz_bench') } : {}),
  });
  const loadAverage = [load1()];
  const opened = await timed(() => openRuntime(config, { info: () => undefined }));
  const database: Database = opened.value;
  say(`${kind}: database ready with the bundled documents in ${opened.seconds.toFixed(1)} s`);
  const seed1 = await timed(() => seedTo(database, 1, (line) => say(`${kind} 1×: ${line}`)));
  say(`${kind}: 1× data in ${seed1.seconds.toFixed(1)} s: ${JSON.stringify(seed1.value)}`);
  const app = await buildApp({ database, config, logger: false, now: () => NOW });
  const base = await listen(app);
  const raw = await buildApp({ database, config, logger: false, now: () => NOW, readCache: false });
  const rawBase = await listen(raw);
  const result: DatabaseResult = {
    kind, openSeconds: opened.seconds, seed1: { counts: seed1.value, seconds: seed1.seconds }, seed100: { counts: seed1.value, seconds: 0 },
    http: [], scale: [], render: null, plans: [], loadAverage,
  };
  try {
    await createUser(database, systemActor(), { username: 'bench-leader', displayName: '压测-州领导', roles: ['leader'], organizationId: null, password: PASSWORD });
    const cookie = await loginCookie(base, 'bench-leader');
    const ceiling = await measureCeiling();
    say(`${kind}: ceiling ${ceiling.rps.toFixed(0)} req/s`);
    result.http.push({ endpoint: 'ceiling: bare Fastify route', cache: '', seconds: SECONDS, url: 'GET /ceiling', db: kind, bytes: 15, load: ceiling, ceiling: ceiling.rps });
    /** Bytes of the answer; with the cache on, the second request must be a hit (else the row would not measure it). */
    const probe = async (server: string, url: string, headers: Record<string, string>, cache: CacheUse) => {
      let bytes = 0;
      for (let i = 0; i < 2; i += 1) {
        const res = await fetchRetrying(`${server}${url}`, headers);
        bytes = (await res.arrayBuffer()).byteLength;
        if (!res.ok) throw new Error(`${url} answers ${res.status}`);
        const seen = res.headers.get('x-yizheng-cache');
        if (i === 1 && (cache === 'on' ? seen !== 'hit' : seen !== null)) throw new Error(`${url}: x-yizheng-cache ${seen} with the cache ${cache}`);
      }
      return bytes;
    };
    const health = await load(`${base}/api/health`, SECONDS);
    result.http.push({
      endpoint: 'app floor: /api/health, no session', cache: '', seconds: SECONDS, url: 'GET /api/health', db: kind, bytes: await probe(base, '/api/health', {}, ''), load: health,
      ceiling: ceiling.rps,
    });
    const urls: string[] = [];
    for (const endpoint of ENDPOINTS) urls.push(await endpoint.path(base, cookie));
    for (const [cache, server, seconds] of [['on', base, SECONDS], ['off', rawBase, SHORT_SECONDS]] as const) {
      for (const [i, endpoint] of ENDPOINTS.entries()) {
        const bytes = await probe(server, urls[i], { cookie }, cache);
        const measured = await load(`${server}${urls[i]}`, seconds, { cookie });
        say(`${kind} 1×, read cache ${cache}: ${endpoint.name} ${measured.rps.toFixed(0)} req/s, p95 ${ms(measured.p95)} ms`);
        result.http.push({ endpoint: endpoint.name, cache, seconds, url: `GET ${decodeURIComponent(urls[i])}`, db: kind, bytes, load: measured, ceiling: ceiling.rps });
      }
    }
    if (kind === KINDS[0]) result.render = await dashboardRenderTimes(base, 'bench-leader', PASSWORD);
    loadAverage.push(load1());
    const seed100 = await timed(() => seedTo(database, SCALE, (line) => say(`${kind} ${SCALE}×: ${line}`)));
    result.seed100 = { counts: seed100.value, seconds: seed100.seconds };
    say(`${kind}: ${SCALE}× data in ${seed100.seconds.toFixed(1)} s: ${JSON.stringify(seed100.value)}`);
    result.plans = await explainEndpoints(database).catch((error: unknown) => [['EXPLAIN failed'], [String(error)]]);
    for (const [cache, server] of [['off', rawBase], ['on', base]] as const) {
      for (const [i, endpoint] of ENDPOINTS.entries()) {
        await probe(server, urls[i], { cookie }, cache);
        const scaled = await load(`${server}${urls[i]}`, SHORT_SECONDS, { cookie });
        say(`${kind} ${SCALE}×, read cache ${cache}: ${endpoint.name} ${scaled.rps.toFixed(0)} req/s, p95 ${ms(scaled.p95)} ms`);
        const at1 = result.http.find((m) => m.endpoint === endpoint.name && m.cache === cache) as Measured;
        result.scale.push({ endpoint: endpoint.name, cache, db: kind, base: at1.load, scaled });
      }
    }
    loadAverage.push(load1());
  } finally {
    await app.close();
    await raw.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return result;
}

// ---------------------------------------------------------------- startup

async function benchStartup(cluster: Cluster | null): Promise<string[][]> {
  const rows = [['startup (node scripts/start.mjs → first 200 on /api/health)', 'db', 'ms', 'runs']];
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-start-'));
  const dataDir = path.join(parent, 'data');
  const env = { YIZHENG_DATA_DIR: dataDir, YIZHENG_ADMIN_PASSWORD: PASSWORD };
  const repeat = async (n: number, envFor: Record<string, string>) => {
    const times: number[] = [];
    for (let i = 0; i < n; i += 1) times.push(await timeToFirst200(ROOT, envFor));
    return times;
  };
  const row = (what: string, db: string, times: number[]) =>
    rows.push([what, db, ms(median(times)), times.length > 1 ? `median of ${times.length}: ${times.map((t) => ms(t)).join(', ')}` : '1']);
  try {
    row('fresh data dir (initdb, migrations, admin, bundled documents)', 'pglite', await repeat(1, env));
    row('existing data dir', 'pglite', await repeat(3, env));
    if (cluster) {
      const url = await freshPostgresDatabase(cluster, 'yz_start');
      row('empty database (migrations, admin, bundled documents)', 'postgres', await repeat(1, { ...env, DATABASE_URL: url }));
      row('existing database', 'postgres', await repeat(3, { ...env, DATABASE_URL: url }));
    }
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
  return rows;
}

// ---------------------------------------------------------------- report

function httpTable(results: DatabaseResult[]): string[][] {
  const out = [['endpoint', 'request', 'db', 'read cache', 's', 'KB', 'req/s', 'p50 ms', 'p99 ms', 'of ceiling', 'goal ≥30%, p99<50', 'non-2xx/err']];
  for (const r of results.flatMap((d) => d.http)) {
    const share = r.load.rps / r.ceiling;
    const isEndpoint = ENDPOINTS.some((e) => e.name === r.endpoint);
    const met = share >= GOAL.share && r.load.p99 < GOAL.p99;
    out.push([
      r.endpoint, r.url, r.db, r.cache, String(r.seconds), (r.bytes / 1024).toFixed(1), r.load.rps.toFixed(0), ms(r.load.p50), ms(r.load.p99), `${(100 * share).toFixed(1)}%`,
      isEndpoint ? (met ? 'met' : 'not met') : '', `${r.load.non2xx}/${r.load.errors}`,
    ]);
  }
  return out;
}

function scaleTable(results: DatabaseResult[]): string[][] {
  const out = [['endpoint', 'read cache', 'db', 'p95 1× ms', `p95 ${SCALE}× ms`, 'growth', 'goal <3×', `req/s 1×`, `req/s ${SCALE}×`, 'non-2xx/err']];
  for (const s of results.flatMap((d) => d.scale)) {
    const growth = s.scaled.p95 / s.base.p95;
    out.push([
      s.endpoint, s.cache, s.db, ms(s.base.p95), ms(s.scaled.p95), `${growth.toFixed(2)}×`, growth < GOAL.growth ? 'met' : 'not met',
      s.base.rps.toFixed(0), s.scaled.rps.toFixed(0), `${s.scaled.non2xx}/${s.scaled.errors}`,
    ]);
  }
  return out;
}

async function main() {
  const started = performance.now();
  say(`yizheng bench: ${SECONDS} s per endpoint with the read cache, ${SHORT_SECONDS} s without it and at ${SCALE}× (after a warm-up), ${CONNECTIONS} connections, autocannon in a worker thread, loopback`);
  say(`machine: nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  say(`load average at start: ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}`);
  say(`clock pinned at ${NOW.toISOString()} for the app (the bundled livelihood plan's year)`);
  ensureWebBuilt(ROOT);
  const results: DatabaseResult[] = [];
  let cluster: Cluster | null = null;
  try {
    if (KINDS.includes('postgres')) cluster = await startCluster();
    for (const kind of KINDS) results.push(await benchDatabase(kind, kind === 'postgres' ? cluster : null));
    say();
    say(`== HTTP (1× data); "of ceiling" = req/s ÷ the bare route's req/s in the same process, measured just before;`);
    say('   read cache on = the app as served (repeated reads from memory while no data changes); off = every request does the whole work');
    say(table(httpTable(results), 4));
    say();
    say(`== Scale: the same endpoints at 1× and ${SCALE}× data (p95 under the same load; ${SCALE}× rows ${SHORT_SECONDS} s each)`);
    for (const r of results) {
      say(`${r.kind}: 1× ${JSON.stringify(r.seed1.counts)} seeded in ${r.seed1.seconds.toFixed(1)} s; ${SCALE}× ${JSON.stringify(r.seed100.counts)} in ${r.seed100.seconds.toFixed(1)} s`);
    }
    say(table(scaleTable(results), 3));
    for (const r of results) {
      say();
      say(`indexes used at ${SCALE}× (${r.kind}, EXPLAIN):`);
      say(table(r.plans));
    }
    say();
    say('== Startup');
    say(table(await benchStartup(cluster)));
  } finally {
    await cluster?.stop();
  }
  const web = initialJsPerPage(ROOT);
  say();
  say(`== Web: initial JS per page (gzip -6 of each file; the app does not compress, the reverse proxy does)${web.sameAsDist ? '' : '; rebuilt with --manifest, whose chunk hashes differ from web/dist'}`);
  say(table([['page', 'chunks', 'JS raw KB', 'JS gzip KB'], ...web.rows.map((r) => [r.page, String(r.chunks), (r.raw / 1024).toFixed(1), (r.gzip / 1024).toFixed(1)])], 1));
  for (const r of results.filter((d) => d.render)) {
    const render = r.render as RenderTimes;
    say();
    say(`== Livelihood dashboard rendered in Chromium (${r.kind}, 1× data; totals and projects chart shown), ${render.firstVisit.length} runs`);
    say(table([
      ['visit', 'median ms', 'runs ms'],
      ['first (empty cache)', ms(median(render.firstVisit)), render.firstVisit.map(ms).join(', ')],
      ['repeat (JS cached)', ms(median(render.repeatVisit)), render.repeatVisit.map(ms).join(', ')],
    ], 1));
  }
  say();
  say(`load average during the database sections (start, after 1×, after ${SCALE}×): ${results.map((r) => `${r.kind} ${r.loadAverage.join(' → ')}`).join('; ')}`);
  say(`load average at the end: ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}; whole run ${((performance.now() - started) / 60000).toFixed(1)} min`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
