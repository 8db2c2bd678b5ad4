/**
 * SQL injection scan: `npm run security:sqlmap`. sqlmap (Debian package) against the real app on
 * loopback (throwaway PGlite data dir, bundled documents imported), logged in with a session
 * cookie and the CSRF header:
 *   - every GET /api route with path or query parameters, each parameter marked for injection,
 *     path values naming real records;
 *   - a representative set of POST JSON routes (every JSON value tested);
 *   - the session cookie (GET /api/auth/me) and the login form (POST /api/auth/login).
 * sqlmap is told the DBMS (PostgreSQL, what the app runs on) so it spends the time on its
 * PostgreSQL techniques. Prints one line per target (parameters tested, injectable ones, time) and the server's answers
 * by status; exit code 1 when sqlmap reports any injectable parameter.
 *
 *   SQLMAP_LEVEL=2 SQLMAP_RISK=1 SQLMAP_PARALLEL=5 SQLMAP_ONLY='<substring>|<substring>' npm run security:sqlmap
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { jsonSchemaOf, type JsonSchema } from '../../tests/helpers/schema-arbitrary.js';
import { pathParamNames, validBody, type ApiRoute } from '../../tests/helpers/route-inventory.js';
import { plant } from './plant.js';
import { combos, poolOfField, say, startTarget, table, UUID, type HttpSession, type Target } from './target.js';

const LEVEL = process.env.SQLMAP_LEVEL ?? '2';
const RISK = process.env.SQLMAP_RISK ?? '1';
const PARALLEL = Number(process.env.SQLMAP_PARALLEL ?? 5);
const ONLY = process.env.SQLMAP_ONLY;
const TARGET_TIMEOUT_MS = Number(process.env.SQLMAP_TARGET_TIMEOUT_S ?? 300) * 1000;

/** POST JSON routes scanned: creation and lookup routes of each module, the login form separately. */
const POST_ROUTES = [
  'POST /api/organizations',
  'POST /api/people/appointments',
  'POST /api/press/media',
  'POST /api/awards/compute',
  'POST /api/awards/applications',
  'POST /api/bodies/:id/rectifications',
  'POST /api/calendar/years/:year/days',
  'POST /api/documents/import',
  'POST /api/users',
];

interface ScanTarget {
  name: string;
  args: string[];
}

interface ScanResult {
  name: string;
  tested: string[];
  injectable: string[];
  status: 'done' | 'timeout' | 'error';
  seconds: number;
  note: string;
}

const REALISTIC = ['2023-03-01', '2023-03-01T02:00:00Z', '2023', '2023-03', '2023-Q1', '654000', 'a'];

/** A value the schema accepts for one query parameter, so that the request reaches the handler. */
function sampleValue(schema: JsonSchema): string {
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.anyOf?.length) return sampleValue(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]);
  if (schema.type === 'integer' || schema.type === 'number') return String(schema.minimum ?? 2023);
  if (schema.type === 'boolean') return 'true';
  if (schema.format === 'date') return '2023-03-01';
  if (schema.format === 'date-time') return '2023-03-01T02:00:00Z';
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.pattern) return REALISTIC.find((s) => new RegExp(schema.pattern as string, 'u').test(s)) ?? 'a';
  return '伊犁';
}

function queryFor(route: ApiRoute): Record<string, string> {
  if (!route.querystring) return {};
  const props = jsonSchemaOf(route.querystring).properties ?? {};
  const query: Record<string, string> = {};
  for (const [key, schema] of Object.entries(props)) {
    const candidate = { ...query, [key]: sampleValue(schema) };
    if (route.querystring.safeParse(candidate).success) Object.assign(query, candidate);
  }
  return query;
}

function base(session: HttpSession, outDir: string, headers: string[] = []): string[] {
  return [
    '--batch',
    `--level=${LEVEL}`,
    `--risk=${RISK}`,
    `--cookie=${session.cookie}`,
    `--headers=${[`x-csrf-token: ${session.csrf}`, ...headers].join('\n')}`,
    '--flush-session',
    '--disable-coloring',
    `--output-dir=${outDir}`,
    '--dbms=PostgreSQL',
    // A route whose record could not be found still answers 404 to the original request: test it anyway.
    '--ignore-code=404',
    '--time-sec=2',
    '--timeout=15',
    '--retries=1',
    '--threads=1',
    '--answers=follow=N', // never follow a redirect away from the API
    '-v',
    '1',
  ];
}

function getTargets(target: Target, outDir: string): { scans: ScanTarget[]; skipped: string[] } {
  const scans: ScanTarget[] = [];
  const skipped: string[] = [];
  for (const route of target.routes) {
    if (route.method !== 'GET' || route.url.startsWith('/api/docs')) continue;
    const names = pathParamNames(route.url);
    const query = queryFor(route);
    if (names.length === 0 && Object.keys(query).length === 0) continue;
    const session = target.sessionFor(route);
    if (!session) {
      skipped.push(`${route.key}: no role may call it`);
      continue;
    }
    const [filled] = names.length ? combos(route.url, names, target.ids) : [route.url];
    if (!filled) {
      skipped.push(`${route.key}: no record to name in its path (tested with a made-up id instead)`);
    }
    // Each path value and query value carries sqlmap's custom injection marker `*`.
    const url = filled ?? route.url.replace(/:[A-Za-z]+/g, (m) => (m === ':year' ? '2023' : '00000000-0000-4000-8000-000000000000'));
    const segments = url.split('/');
    const template = route.url.split('/');
    const marked = segments.map((s, i) => (template[i]?.startsWith(':') || template[i] === '*' ? `${s}*` : s)).join('/');
    const search = Object.entries(query)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}*`)
      .join('&');
    scans.push({ name: route.key, args: ['-u', `${target.baseUrl}${marked}${search ? `?${search}` : ''}`, ...base(session, outDir)] });
  }
  return { scans, skipped };
}

/** Puts real record ids into a sample body's uuid fields (`organizationId` → an organization). */
function withRealIds(value: unknown, target: Target, key = ''): unknown {
  if (typeof value === 'string' && UUID.test(value)) return target.ids.get(poolOfField(key))[0] ?? value;
  if (Array.isArray(value)) return value.map((v) => withRealIds(v, target, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withRealIds(v, target, k)]));
  return value;
}

function postTargets(target: Target, outDir: string): { scans: ScanTarget[]; skipped: string[] } {
  const scans: ScanTarget[] = [];
  const skipped: string[] = [];
  for (const key of POST_ROUTES) {
    const route = target.routes.find((r) => r.key === key);
    const session = route && target.sessionFor(route);
    if (!route || !session) {
      skipped.push(`${key}: not registered or no role may call it`);
      continue;
    }
    const [url] = pathParamNames(route.url).length ? combos(route.url, pathParamNames(route.url), target.ids) : [route.url];
    if (!url) {
      skipped.push(`${key}: no record to name in its path`);
      continue;
    }
    let body = withRealIds(validBody(route, 20230301), target);
    if (key === 'POST /api/documents/import') body = { text: '伊州政办发〔2023〕99号\n关于测试的通知\n正文。', sourceName: 'sqlmap.txt' };
    scans.push({
      name: key,
      args: ['-u', `${target.baseUrl}${url}`, '--method=POST', `--data=${JSON.stringify(body)}`, ...base(session, outDir, ['content-type: application/json'])],
    });
  }
  return { scans, skipped };
}

function specialTargets(target: Target, outDir: string): ScanTarget[] {
  const broad = target.sessions.get('sec-broad') as HttpSession;
  return [
    // The session cookie: looked up on every request.
    { name: 'GET /api/auth/me (cookie yz_session, yz_csrf)', args: ['-u', `${target.baseUrl}/api/auth/me`, ...base(broad, outDir), '-p', 'yz_session,yz_csrf'] },
    // The login form, anonymous, every request from another address (the app trusts X-Forwarded-For
    // in this run) so that the 30-a-minute throttle does not hide the answers.
    {
      name: 'POST /api/auth/login (anonymous)',
      args: [
        '-u',
        `${target.baseUrl}/api/auth/login`,
        '--method=POST',
        `--data=${JSON.stringify({ username: 'sqlmap-probe', password: 'Not-The-Password-1' })}`,
        '--headers=content-type: application/json',
        '--tamper=xforwardedfor',
        // Wrong credentials answer 401: the answer to compare, not a reason to stop.
        '--ignore-code=401',
        '--batch',
        `--level=${LEVEL}`,
        `--risk=${RISK}`,
        '--flush-session',
        '--disable-coloring',
        `--output-dir=${outDir}`,
        '--dbms=PostgreSQL',
        '--time-sec=2',
        '--timeout=15',
        '--retries=1',
        '-v',
        '1',
      ],
    },
  ];
}

function runSqlmap(scan: ScanTarget): Promise<ScanResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('sqlmap', scan.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TARGET_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const tested = [...new Set([...out.matchAll(/testing for SQL injection on (.+?) parameter '([^']+)'/g)].map((m) => `${m[1]} ${m[2]}`))];
      const injectable = [...new Set([...out.matchAll(/^Parameter: (.+)$/gm)].map((m) => m[1]))];
      if (/identified the following injection point/.test(out) && injectable.length === 0) injectable.push('(see log)');
      const timedOut = Date.now() - started >= TARGET_TIMEOUT_MS;
      const critical = [...out.matchAll(/\[CRITICAL\] (.+)/g)].map((m) => m[1]).filter((m) => !/do not appear to be injectable/.test(m));
      const note = critical.length ? critical[critical.length - 1].slice(0, 90) : '';
      fs.writeFileSync(path.join(LOG_DIR, `${scan.name.replace(/[^A-Za-z0-9]+/g, '_')}.log`), out);
      resolve({ name: scan.name, tested, injectable, status: timedOut ? 'timeout' : code === 0 ? 'done' : 'error', seconds: Math.round((Date.now() - started) / 1000), note });
    });
  });
}

const LOG_DIR = path.resolve('test-results/sqlmap');

async function main() {
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const started = Date.now();
  say('启动目标：回环地址上的应用（临时 PGlite 数据目录，导入随附公文）…');
  const target = await startTarget({ trustProxy: true });
  // Records for every path parameter: a short planting (benign text) through the API, then the
  // list and detail routes read again for the ids they show.
  await plant(target, [{ n: 1, text: '伊犁州测试' }], 3);
  await target.harvest();
  const statuses: Record<number, number> = {};
  target.app.server.on('request', (_req, res) => res.on('finish', () => (statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1)));
  const outDir = path.join(LOG_DIR, 'sqlmap-output');
  const gets = getTargets(target, outDir);
  const posts = postTargets(target, outDir);
  let scans = [...gets.scans, ...posts.scans, ...specialTargets(target, outDir)];
  if (ONLY) scans = scans.filter((s) => ONLY.split('|').some((part) => s.name.includes(part)));
  say(`目标 ${target.baseUrl}；sqlmap --level=${LEVEL} --risk=${RISK}；${scans.length} 个目标（GET ${gets.scans.length}，POST ${posts.scans.length}，另 2 个），并行 ${PARALLEL}`);
  const results: ScanResult[] = [];
  const queue = [...scans];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let scan = queue.shift(); scan; scan = queue.shift()) {
        const result = await runSqlmap(scan);
        results.push(result);
        say(`  ${result.status === 'done' ? '·' : '!'} ${result.name}: ${result.tested.length} 个参数，${result.injectable.length} 个可注入，${result.seconds} s${result.note ? `（${result.note}）` : ''}`);
      }
    }),
  );
  results.sort((a, b) => a.name.localeCompare(b.name));
  say('\n' + table([
    ['target', 'params tested', 'injectable', 'status', 's'],
    ...results.map((r) => [r.name, String(r.tested.length), String(r.injectable.length), r.status, String(r.seconds)]),
  ]));
  const testedTotal = results.reduce((n, r) => n + r.tested.length, 0);
  const injectable = results.flatMap((r) => r.injectable.map((p) => `${r.name}: ${p}`));
  say(`\n目标 ${results.length} 个，测试参数 ${testedTotal} 个，可注入参数 ${injectable.length} 个；用时 ${Math.round((Date.now() - started) / 1000)} s`);
  say(`服务器应答（按状态码）：${Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join('，')}`);
  const skipped = [...gets.skipped, ...posts.skipped];
  if (skipped.length) say(`说明：\n${skipped.map((s) => `  - ${s}`).join('\n')}`);
  const unfinished = results.filter((r) => r.status !== 'done');
  if (unfinished.length) say(`未正常结束：${unfinished.map((r) => `${r.name}（${r.status}）`).join('，')}`);
  for (const r of results) if (r.tested.length === 0) say(`未测到参数：${r.name}（见 ${LOG_DIR}）`);
  if (injectable.length) say(`可注入：\n${injectable.map((s) => `  - ${s}`).join('\n')}`);
  say(`sqlmap 输出：${LOG_DIR}`);
  await target.close();
  process.exit(injectable.length ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
