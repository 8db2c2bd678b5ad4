/**
 * Drill: double approval and double disbursement of award applications.
 *   npm run drill:races [-- --trials 1000 --pglite-trials 1000 --callers 50 --shards 2 --db both|pglite|postgres]
 *
 * In-process through fastify.inject, the clock pinned to 2023. Applications go the whole way through
 * the API first (create with ID numbers, two materials, submit, review, one 7-day notice per 500,
 * report after it ended): nothing is prepared behind the API. Then each trial sends 50 concurrent
 * approvals of one application (office), and then 50 concurrent disbursements of it (finance), each
 * with its real session. Exactly one of each 50 must succeed (200, with the new status) and the other
 * 49 get 409 INVALID_STATE. At the end, per database: each application has exactly one approve and
 * one disburse event, is disbursed with the prefecture share, the audit log holds one success and 49
 * failures per race, and the audit chain verifies (once, over the whole log). Exit code 1 on any
 * violation.
 *
 * The time goes to the races themselves (2 × 50 audited requests per trial, about 10 SQL statements
 * each), not to the preparation (about 7 %). To use both cores, the trials of a database kind are
 * split over `--shards` child processes (default 2), each with its own database (an in-memory PGlite,
 * or its own database on the one PostgreSQL cluster), its own app, sessions and final checks; the
 * summary adds them up. `--shards 1` runs everything in this process.
 *
 * On PGlite the one connection serialises the requests (the race is then between a request and the
 * status another one left behind); on PostgreSQL the 50 run on the pool's 20 connections at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { openDatabase, queryRows, type Database } from '../../src/db/client.js';
import { idCardCheckChar } from '../../src/domain/awards/id-card.js';
import { buildApp } from '../../src/server/app.js';
import { systemActor } from '../../src/services/actor.js';
import { verifyAuditChain } from '../../src/services/audit/audit.service.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { bootstrapDatabase } from '../../src/services/bootstrap.js';
import { ensureOrganization } from '../../src/services/directory/organizations.service.js';
import { startCluster, type Cluster } from '../../tests/setup/postgres-cluster.js';
import { say, stopCluster, table } from './lib.js';

const { values: args } = parseArgs({
  options: {
    trials: { type: 'string', default: '1000' },
    'pglite-trials': { type: 'string' },
    callers: { type: 'string', default: '50' },
    db: { type: 'string', default: 'both' },
    shards: { type: 'string', default: String(Math.min(2, os.availableParallelism())) },
    /** Internal: run one shard (a ShardSpec as JSON) and print its result. */
    shard: { type: 'string' },
  },
});
const TRIALS = Number(args.trials);
const PGLITE_TRIALS = Number(args['pglite-trials'] ?? args.trials);
const CALLERS = Number(args.callers);
const SHARDS = Math.max(1, Number(args.shards));
const KINDS = args.db === 'both' ? ['pglite', 'postgres'] : [String(args.db)];
const PASSWORD = 'Ili-Drill-Races-2023';
const SETUP_CONCURRENCY = 10;
const RESULT_PREFIX = 'RACES-SHARD-RESULT ';

const withCheck = (first17: string) => `${first17}${idCardCheckChar(first17)}`;
const ENTRY = {
  kind: 'result',
  games: 'region-games',
  date: '2023-08-10',
  event: 'individual',
  sport: '田径',
  teamSize: 1,
  place: 1,
  team: '伊犁州田径队',
  athletes: [{ name: '阿力木', county: '伊宁县' }],
  enteredTeamOn: '2021-03-01',
  coaches: [{ name: '张伟', role: 'head' }],
  disqualified: null,
};
const PEOPLE = [
  { name: '阿力木', role: 'athlete', idNumber: withCheck('65400220050307123') },
  { name: '张伟', role: 'head', idNumber: withCheck('65400219800512201') },
];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)]);

const utc = (date: string) => new Date(`${date}T04:00:00Z`); // 10:00 in Urumqi

interface Client {
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  upload(url: string, content: Buffer, filename: string, type: string): Promise<LightMyRequestResponse>;
}

async function loginAs(app: FastifyInstance, username: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`登录 ${username} 失败：${res.statusCode} ${res.body}`);
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  const headers = { 'x-csrf-token': cookies.yz_csrf };
  return {
    request: (method, url, body) => app.inject({ method: method as 'POST', url, cookies, headers, ...(body === undefined ? {} : { payload: body as object }) }),
    upload(url, content, filename, type) {
      const boundary = `----yz${randomBytes(8).toString('hex')}`;
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({ method: 'POST', url, cookies, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    },
  };
}

function expect(res: LightMyRequestResponse, status: number, what: string): Record<string, unknown> {
  if (res.statusCode !== status) throw new Error(`${what}：期望 ${status}，得到 ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Runs `work` over `items`, `limit` at a time. */
async function pooled<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item);
      }
    }),
  );
}

interface RaceTally {
  trials: number;
  ok: number;
  conflict: number;
  other: [string, number][];
  violations: number;
  ms: number;
}

function tally(): RaceTally {
  return { trials: 0, ok: 0, conflict: 0, other: [], violations: 0, ms: 0 };
}

function countOther(t: RaceTally, key: string) {
  const found = t.other.find(([k]) => k === key);
  if (found) found[1] += 1;
  else t.other.push([key, 1]);
}

const isConflict = (r: LightMyRequestResponse) => r.statusCode === 409 && r.json().code === 'INVALID_STATE';

/** One race: CALLERS concurrent requests; exactly one 200 carrying the new status, the rest 409. */
async function race(t: RaceTally, send: (i: number) => Promise<LightMyRequestResponse>, expected: string, examples: string[], label: string) {
  const began = Date.now();
  const results = await Promise.all(Array.from({ length: CALLERS }, (_, i) => send(i)));
  t.ms += Date.now() - began;
  const succeeded = results.filter((r) => r.statusCode === 200);
  const conflict = results.filter(isConflict).length;
  t.trials += 1;
  t.ok += succeeded.length;
  t.conflict += conflict;
  for (const r of results) if (r.statusCode !== 200 && !isConflict(r)) countOther(t, `${r.statusCode} ${r.json().code ?? ''}`);
  const wrongStatus = succeeded.filter((r) => r.json().status !== expected).length;
  if (succeeded.length !== 1 || conflict !== CALLERS - 1 || wrongStatus) {
    t.violations += 1;
    if (examples.length < 10) examples.push(`${label}：${succeeded.length} 个成功（${wrongStatus} 个状态不是 ${expected}），${conflict} 个 409`);
  }
}

interface ShardSpec {
  kind: string;
  index: number;
  of: number;
  trials: number;
  /** Trials before this shard's (numbers the vouchers). */
  offset: number;
  /** PostgreSQL: this shard's database. */
  url: string | null;
}

interface ShardResult {
  trials: number;
  approve: RaceTally;
  disburse: RaceTally;
  prepMs: number;
  raceMs: number;
  after: { wrong_events: number; not_disbursed: number; wrong_amount: number };
  audit: { ok: number; failed: number };
  chain: { ok: boolean; checked: number };
  /** Up to 10 failed races, described. */
  examples: string[];
  /** What the final checks found wrong. */
  problems: string[];
}

async function openShardDatabase(spec: ShardSpec): Promise<Database> {
  return spec.url
    ? openDatabase({ kind: 'postgres', url: spec.url }, async () => undefined)
    : openDatabase({ kind: 'pglite-memory' }, async () => undefined);
}

async function createDrillUsers(database: Database) {
  const school = await database.db.transaction(async (tx) => {
    await ensureOrganization(tx, '伊宁县', 'county');
    return ensureOrganization(tx, '州体育运动学校', 'unit');
  });
  const users: [string, string, string | null][] = [
    ['coach', 'department-reporter', school.id],
    ['reviewer', 'sports-reviewer', null],
    ['office', 'office-staff', null],
    ['finance', 'finance', null],
  ];
  for (const [username, role, organizationId] of users) {
    await createUser(database, systemActor(), { username, displayName: username, roles: [role], organizationId, password: PASSWORD });
  }
}

/** Applications through the API up to `reported`; returns their ids. Moves the clock past the notice. */
async function prepareApplications(app: FastifyInstance, trials: number, setClock: (date: string) => void): Promise<string[]> {
  const coach = await loginAs(app, 'coach');
  const reviewer = await loginAs(app, 'reviewer');
  const ids: string[] = [];
  await pooled(
    Array.from({ length: trials }, (_, i) => i),
    SETUP_CONCURRENCY,
    async (i) => {
      const created = expect(
        await coach.request('POST', '/api/awards/applications', { applicantKind: 'coach', applicantName: `张伟-${i}`, entry: ENTRY, people: PEOPLE }),
        201,
        '创建申请',
      );
      const id = String(created.id);
      expect(await coach.upload(`/api/awards/applications/${id}/materials?kind=certificate`, PDF, 'a.pdf', 'application/pdf'), 201, '上传获奖证书');
      expect(await coach.upload(`/api/awards/applications/${id}/materials?kind=id-card`, JPEG, 'b.jpg', 'image/jpeg'), 201, '上传身份证');
      expect(await coach.request('POST', `/api/awards/applications/${id}/submit`, {}), 200, '提交');
      expect(await reviewer.request('POST', `/api/awards/applications/${id}/review`, { decision: 'pass' }), 200, '审核');
      ids.push(id);
    },
  );
  const notices: string[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    notices.push(String(expect(await reviewer.request('POST', '/api/awards/notices', { applicationIds: ids.slice(i, i + 500) }), 201, '公示').id));
  }
  setClock('2023-09-12'); // the notice ran 09-02 to 09-08; idle sessions ended with the jump
  const reviewerLater = await loginAs(app, 'reviewer');
  for (const id of notices) expect(await reviewerLater.request('POST', `/api/awards/notices/${id}/report`), 200, '上报');
  return ids;
}

/** The state the races left: one event of each, the prefecture share paid once, a sound chain. */
async function finalState(database: Database, applications: number) {
  const problems: string[] = [];
  const [after] = await queryRows<ShardResult['after']>(
    database.db,
    sql`SELECT
          (SELECT count(*)::int FROM (
             SELECT a.id FROM award_applications a LEFT JOIN award_events e ON e.application_id = a.id AND e.action IN ('approve', 'disburse')
             GROUP BY a.id HAVING count(*) FILTER (WHERE e.action = 'approve') <> 1 OR count(*) FILTER (WHERE e.action = 'disburse') <> 1) x) AS wrong_events,
          (SELECT count(*)::int FROM award_applications WHERE status <> 'disbursed') AS not_disbursed,
          (SELECT count(*)::int FROM award_applications WHERE disbursed_fen IS DISTINCT FROM prefecture_fen) AS wrong_amount`,
  );
  const [audit] = await queryRows<ShardResult['audit']>(
    database.db,
    sql`SELECT count(*) FILTER (WHERE result = 'success')::int AS ok, count(*) FILTER (WHERE result <> 'success')::int AS failed
        FROM audit_log WHERE action IN ('award.application.approve', 'award.application.disburse')`,
  );
  const { ok, checked } = await verifyAuditChain(database.db);
  if (after.wrong_events) problems.push(`${after.wrong_events} 份申请的审批/拨付事件不是各一条`);
  if (after.not_disbursed) problems.push(`${after.not_disbursed} 份申请最终不是已拨付`);
  if (after.wrong_amount) problems.push(`${after.wrong_amount} 份申请的拨付金额不等于州财政承担部分`);
  if (!ok) problems.push('审计链校验失败');
  const expectedAudit = applications * CALLERS * 2;
  if (audit.ok + audit.failed !== expectedAudit || audit.ok !== applications * 2) {
    problems.push(`审计记录：成功 ${audit.ok}、失败 ${audit.failed}，应为成功 ${applications * 2}、共 ${expectedAudit}`);
  }
  return { after, audit, chain: { ok, checked }, problems };
}

/** One shard: its own database and app; prepare, race, check. Progress lines go to stdout. */
async function runShard(spec: ShardSpec): Promise<ShardResult> {
  const tag = `[${spec.kind} ${spec.index + 1}/${spec.of}]`;
  const examples: string[] = [];
  let clock = utc('2023-09-01');
  const config = loadConfig({ YIZHENG_ADMIN_PASSWORD: PASSWORD, YIZHENG_IMPORT_BUNDLED: 'false', LOG_LEVEL: 'silent', YIZHENG_SECRET_KEY: randomBytes(32).toString('hex') });
  const database = await openShardDatabase(spec);
  await bootstrapDatabase(database, config, { info: () => undefined });
  const app = await buildApp({ database, config, now: () => clock, logger: false });
  await app.ready();
  try {
    await createDrillUsers(database);
    const prepStarted = Date.now();
    const ids = await prepareApplications(app, spec.trials, (date) => (clock = utc(date)));
    const prepMs = Date.now() - prepStarted;
    const office = await loginAs(app, 'office');
    const finance = await loginAs(app, 'finance');
    const [{ reported }] = await queryRows<{ reported: number }>(database.db, sql`SELECT count(*)::int AS reported FROM award_applications WHERE status = 'reported'`);
    say(`${tag} 准备完成：${reported} 份已上报，用时 ${(prepMs / 1000).toFixed(0)} s`);
    const racesStarted = Date.now();
    const approve = tally();
    const disburse = tally();
    for (const [k, id] of ids.entries()) {
      const n = spec.offset + k + 1;
      await race(approve, () => office.request('POST', `/api/awards/applications/${id}/approve`, { comment: '同意' }), 'approved', examples, `第 ${n} 次审批 ${id}`);
      await race(
        disburse,
        (i) => finance.request('POST', `/api/awards/applications/${id}/disburse`, { paidOn: '2023-09-12', voucher: `记-${n}-${i}` }),
        'disbursed',
        examples,
        `第 ${n} 次拨付 ${id}`,
      );
      if ((k + 1) % 50 === 0) say(`${tag} ${k + 1}/${ids.length} 次试验，${((Date.now() - racesStarted) / 1000).toFixed(0)} s`);
    }
    const raceMs = Date.now() - racesStarted;
    const state = await finalState(database, ids.length);
    return { trials: ids.length, approve, disburse, prepMs, raceMs, ...state, examples };
  } finally {
    await app.close();
    await database.close();
  }
}

/** Shards still running: stopped when the drill ends early. */
const running = new Set<ChildProcess>();

/** Runs a shard in a child process (same Node flags, so tsx too) and reads its result line. */
function spawnShard(spec: ShardSpec): Promise<ShardResult> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--callers', String(CALLERS), '--shard', JSON.stringify(spec)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let result: ShardResult | null = null;
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = stdout.split('\n');
    stdout = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length)) as ShardResult;
      else say(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-10_000)));
  running.add(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      running.delete(child);
      if (result && code === 0) resolve(result);
      else reject(new Error(`分片 ${spec.kind} ${spec.index + 1}/${spec.of} 退出码 ${code}：\n${stderr.slice(-3000)}`));
    });
  });
}

async function shardSpecs(kind: string, trials: number, cluster: Cluster | null): Promise<ShardSpec[]> {
  const of = Math.min(SHARDS, trials);
  const specs: ShardSpec[] = [];
  let offset = 0;
  for (let index = 0; index < of; index += 1) {
    const count = Math.floor(trials / of) + (index < trials % of ? 1 : 0);
    let url: string | null = null;
    if (kind === 'postgres' && cluster) {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE races_${index}`);
      await admin.end();
      const u = new URL(cluster.url);
      u.pathname = `/races_${index}`;
      url = u.toString();
    }
    specs.push({ kind, index, of, trials: count, offset, url });
    offset += count;
  }
  return specs;
}

function sumTallies(list: RaceTally[]): RaceTally {
  const t = tally();
  for (const x of list) {
    t.trials += x.trials;
    t.ok += x.ok;
    t.conflict += x.conflict;
    t.violations += x.violations;
    t.ms += x.ms;
    for (const [key, n] of x.other) for (let i = 0; i < n; i += 1) countOther(t, key);
  }
  return t;
}

function printSummary(kind: string, results: ShardResult[], wallMs: number) {
  const rows: (string | number)[][] = [['竞争', '试验', '每次并发', '成功 200', '409', '其他', '违例', '平均每次']];
  for (const [label, t] of [
    ['重复审批', sumTallies(results.map((r) => r.approve))],
    ['重复拨付', sumTallies(results.map((r) => r.disburse))],
  ] as const) {
    rows.push([label, t.trials, CALLERS, t.ok, t.conflict, t.other.map(([k, v]) => `${k}×${v}`).join(' ') || 0, t.violations, `${(t.ms / Math.max(1, t.trials)).toFixed(0)} ms`]);
  }
  say('');
  for (const line of table(rows)) say(line);
  for (const [i, r] of results.entries()) {
    say(
      `数据库 ${i + 1}/${results.length}：${r.trials} 次试验，准备 ${(r.prepMs / 1000).toFixed(0)} s，竞争 ${(r.raceMs / 1000).toFixed(0)} s；` +
        `事件异常 ${r.after.wrong_events}，未拨付 ${r.after.not_disbursed}，金额不符 ${r.after.wrong_amount}；` +
        `审计记录 成功 ${r.audit.ok}、失败 ${r.audit.failed}；审计链${r.chain.ok ? `完整（${r.chain.checked} 条）` : '断裂'}`,
    );
  }
  const violations = results.flatMap((r) => [...r.examples, ...r.problems]);
  say(violations.length ? `违例（${kind}）：\n${violations.map((v) => `  ${v}`).join('\n')}` : `${kind}：无违例`);
  const layout = results.length > 1 ? `${results.length} 个进程并行，各用一个数据库` : '本进程，一个数据库';
  say(`${kind}：用时 ${(wallMs / 1000).toFixed(0)} s（${layout}）`);
}

/** One database kind: its shards, then the summary. Returns the number of violations. */
async function drill(kind: string, trials: number, cluster: Cluster | null): Promise<number> {
  const started = Date.now();
  const specs = await shardSpecs(kind, trials, cluster);
  say(`\n== ${kind}：${trials} 次试验，分 ${specs.length} 个进程；先经 API 准备申请（创建、材料、提交、审核、公示、上报） ==`);
  const results = specs.length === 1 ? [await runShard(specs[0])] : await Promise.all(specs.map(spawnShard));
  printSummary(kind, results, Date.now() - started);
  return results.reduce((n, r) => n + r.approve.violations + r.disburse.violations + r.problems.length, 0);
}

async function main() {
  let cluster: Cluster | null = null;
  let violations = 0;
  say(`竞争演练：每次 ${CALLERS} 个并发请求；PostgreSQL ${TRIALS} 次试验，PGlite ${PGLITE_TRIALS} 次试验（${KINDS.join('、')}）；每种数据库 ${SHARDS} 个进程`);
  try {
    if (KINDS.includes('postgres')) cluster = await startCluster();
    for (const kind of KINDS) violations += await drill(kind, kind === 'pglite' ? PGLITE_TRIALS : TRIALS, cluster);
  } finally {
    for (const child of running) child.kill();
    if (cluster) await stopCluster(cluster);
  }
  say(`\n竞争演练：${violations ? `${violations} 处违例` : '全部通过'}`);
  process.exitCode = violations ? 1 : 0;
}

async function shardMain(spec: ShardSpec) {
  const result = await runShard(spec);
  say(`${RESULT_PREFIX}${JSON.stringify(result)}`);
}

(args.shard ? shardMain(JSON.parse(args.shard) as ShardSpec) : main()).catch((error: unknown) => {
  process.stderr.write(`演练失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
