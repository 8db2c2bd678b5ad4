/**
 * Drill: double approval and double disbursement of award applications.
 *   npm run drill:races [-- --trials 1000 --pglite-trials 1000 --callers 50 --db both|pglite|postgres]
 *
 * In-process through fastify.inject, the clock pinned to 2023. Per database: applications go the
 * whole way through the API (create with ID numbers, two materials, submit, review, a 7-day notice,
 * report); then each trial sends 50 concurrent approvals of one application (office), and then 50
 * concurrent disbursements of it (finance). Exactly one of each 50 must succeed (200) and the other
 * 49 get 409; afterwards the application has exactly one approve and one disburse event, is
 * disbursed with the prefecture share, and the audit chain verifies. Exit code 1 on any violation.
 *
 * On PGlite the one connection serialises the requests (the race is then between a request and the
 * status another one left behind); on PostgreSQL the 50 run on the pool's 20 connections at once.
 */
import { randomBytes } from 'node:crypto';
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
  },
});
const TRIALS = Number(args.trials);
const PGLITE_TRIALS = Number(args['pglite-trials'] ?? args.trials);
const CALLERS = Number(args.callers);
const KINDS = args.db === 'both' ? ['pglite', 'postgres'] : [String(args.db)];
const PASSWORD = 'Ili-Drill-Races-2023';
const SETUP_CONCURRENCY = 10;

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
  other: Map<string, number>;
  violations: number;
  ms: number;
}

function tally(): RaceTally {
  return { trials: 0, ok: 0, conflict: 0, other: new Map(), violations: 0, ms: 0 };
}

async function race(t: RaceTally, send: (i: number) => Promise<LightMyRequestResponse>, violations: string[], label: string) {
  const results = await Promise.all(Array.from({ length: CALLERS }, (_, i) => send(i)));
  const ok = results.filter((r) => r.statusCode === 200).length;
  const conflict = results.filter((r) => r.statusCode === 409 && r.json().code === 'INVALID_STATE').length;
  t.trials += 1;
  t.ok += ok;
  t.conflict += conflict;
  for (const r of results) {
    if (r.statusCode !== 200 && !(r.statusCode === 409 && r.json().code === 'INVALID_STATE')) {
      const key = `${r.statusCode} ${r.json().code ?? ''}`;
      t.other.set(key, (t.other.get(key) ?? 0) + 1);
    }
  }
  if (ok !== 1 || conflict !== CALLERS - 1) {
    t.violations += 1;
    if (violations.length < 10) violations.push(`${label}：${ok} 个成功，${conflict} 个 409`);
  }
}

async function drill(kind: string, trials: number, cluster: Cluster | null) {
  const violations: string[] = [];
  let clock = utc('2023-09-01');
  const config = loadConfig({ YIZHENG_ADMIN_PASSWORD: PASSWORD, YIZHENG_IMPORT_BUNDLED: 'false', LOG_LEVEL: 'silent', YIZHENG_SECRET_KEY: randomBytes(32).toString('hex') });
  let database: Database;
  if (kind === 'postgres' && cluster) {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE races');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/races';
    database = await openDatabase({ kind: 'postgres', url: url.toString() }, async () => undefined);
  } else {
    database = await openDatabase({ kind: 'pglite-memory' }, async () => undefined);
  }
  await bootstrapDatabase(database, config, { info: () => undefined });
  const app = await buildApp({ database, config, now: () => clock, logger: false });
  await app.ready();
  try {
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
    const coach = await loginAs(app, 'coach');
    const reviewer = await loginAs(app, 'reviewer');

    say(`\n== ${kind}：准备 ${trials} 份申请（创建、材料、提交、审核、公示、上报，全部经 API） ==`);
    const setupStarted = Date.now();
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
    clock = utc('2023-09-12'); // the notice ran 09-02 to 09-08; idle sessions ended with the jump
    const reviewerLater = await loginAs(app, 'reviewer');
    for (const id of notices) expect(await reviewerLater.request('POST', `/api/awards/notices/${id}/report`), 200, '上报');
    const office = await loginAs(app, 'office');
    const finance = await loginAs(app, 'finance');
    const [{ reported }] = await queryRows<{ reported: number }>(database.db, sql`SELECT count(*)::int AS reported FROM award_applications WHERE status = 'reported'`);
    say(`准备完成：${reported} 份已上报，${notices.length} 份公示，用时 ${((Date.now() - setupStarted) / 1000).toFixed(0)} s`);

    const approve = tally();
    const disburse = tally();
    for (const [n, id] of ids.entries()) {
      let began = Date.now();
      await race(approve, () => office.request('POST', `/api/awards/applications/${id}/approve`, { comment: '同意' }), violations, `第 ${n + 1} 次审批 ${id}`);
      approve.ms += Date.now() - began;
      began = Date.now();
      await race(
        disburse,
        (i) => finance.request('POST', `/api/awards/applications/${id}/disburse`, { paidOn: '2023-09-12', voucher: `记-${n}-${i}` }),
        violations,
        `第 ${n + 1} 次拨付 ${id}`,
      );
      disburse.ms += Date.now() - began;
      if ((n + 1) % 25 === 0) say(`  ${n + 1}/${ids.length} 次试验`);
    }

    // The state the races left: one event of each, the prefecture share paid once, a sound chain.
    const [after] = await queryRows<{ wrong_events: number; not_disbursed: number; wrong_amount: number }>(
      database.db,
      sql`SELECT
            (SELECT count(*)::int FROM (
               SELECT a.id FROM award_applications a LEFT JOIN award_events e ON e.application_id = a.id AND e.action IN ('approve', 'disburse')
               GROUP BY a.id HAVING count(*) FILTER (WHERE e.action = 'approve') <> 1 OR count(*) FILTER (WHERE e.action = 'disburse') <> 1) x) AS wrong_events,
            (SELECT count(*)::int FROM award_applications WHERE status <> 'disbursed') AS not_disbursed,
            (SELECT count(*)::int FROM award_applications WHERE disbursed_fen IS DISTINCT FROM prefecture_fen) AS wrong_amount`,
    );
    const [audit] = await queryRows<{ ok: number; failed: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE result = 'success')::int AS ok, count(*) FILTER (WHERE result <> 'success')::int AS failed
          FROM audit_log WHERE action IN ('award.application.approve', 'award.application.disburse')`,
    );
    const chain = await verifyAuditChain(database.db);
    if (after.wrong_events) violations.push(`${after.wrong_events} 份申请的审批/拨付事件不是各一条`);
    if (after.not_disbursed) violations.push(`${after.not_disbursed} 份申请最终不是已拨付`);
    if (after.wrong_amount) violations.push(`${after.wrong_amount} 份申请的拨付金额不等于州财政承担部分`);
    if (!chain.ok) violations.push('审计链校验失败');
    const expectedAudit = ids.length * CALLERS * 2;
    if (audit.ok + audit.failed !== expectedAudit || audit.ok !== ids.length * 2) {
      violations.push(`审计记录：成功 ${audit.ok}、失败 ${audit.failed}，应为成功 ${ids.length * 2}、共 ${expectedAudit}`);
    }

    const rows: (string | number)[][] = [['竞争', '试验', '每次并发', '成功 200', '409', '其他', '违例', '平均每次']];
    for (const [label, t] of [
      ['重复审批', approve],
      ['重复拨付', disburse],
    ] as const) {
      rows.push([
        label,
        t.trials,
        CALLERS,
        t.ok,
        t.conflict,
        [...t.other].map(([k, v]) => `${k}×${v}`).join(' ') || 0,
        t.violations,
        `${(t.ms / Math.max(1, t.trials)).toFixed(0)} ms`,
      ]);
    }
    say('');
    for (const line of table(rows)) say(line);
    say(
      `事件异常 ${after.wrong_events}，未拨付 ${after.not_disbursed}，金额不符 ${after.wrong_amount}；审计记录 成功 ${audit.ok}、失败 ${audit.failed}；审计链${chain.ok ? `完整（${chain.checked} 条）` : '断裂'}`,
    );
    say(violations.length ? `违例（${kind}）：\n${violations.map((v) => `  ${v}`).join('\n')}` : `${kind}：无违例`);
    return violations.length;
  } finally {
    await app.close();
    await database.close();
  }
}

async function main() {
  let cluster: Cluster | null = null;
  let violations = 0;
  say(`竞争演练：每次 ${CALLERS} 个并发请求；PostgreSQL ${TRIALS} 次试验，PGlite ${PGLITE_TRIALS} 次试验（${KINDS.join('、')}）`);
  try {
    if (KINDS.includes('postgres')) cluster = await startCluster();
    for (const kind of KINDS) violations += await drill(kind, kind === 'pglite' ? PGLITE_TRIALS : TRIALS, cluster);
  } finally {
    if (cluster) await stopCluster(cluster);
  }
  say(`\n竞争演练：${violations ? `${violations} 处违例` : '全部通过'}`);
  process.exitCode = violations ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`演练失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
