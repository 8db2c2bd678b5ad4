/**
 * Drill: PostgreSQL crashes under load.
 *   npm run drill:pg-crash [-- --applications 1000 --connections 40 --outage-ms 2000]
 *
 * A throwaway cluster (tests/setup/postgres-cluster.ts), the app as a child process on it, a
 * department-reporter sending award applications (POST /api/awards/applications) over 40 HTTP
 * keep-alive connections. After a random number of acknowledged (201) applications the postmaster
 * gets kill -9; PostgreSQL is started again on the same data dir after the outage. The clients keep
 * going (a failed request waits 1 s before the next; nothing is retried — an unacknowledged
 * application is the client's to resend). Then:
 *   - every acknowledged application is in the database (0 lost), with its audit record;
 *   - `audit verify` (the CLI) passes and `seq` has no gaps;
 *   - the app answers GET /api/health 200 within 10 s of PostgreSQL accepting connections again,
 *     and takes applications again, without being restarted.
 * Exit code 1 when a check fails.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { startCluster } from '../../tests/setup/postgres-cluster.js';
import { ADMIN_PASSWORD, ROOT, call, checklist, login, runDrill, say, sleep, startApp, stopApp, table, type AppProcess, type Session } from './lib.js';

const { values: args } = parseArgs({
  options: {
    applications: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '40' },
    'outage-ms': { type: 'string', default: '2000' },
  },
});
const APPLICATIONS = Number(args.applications);
const CONNECTIONS = Number(args.connections);
const OUTAGE_MS = Number(args['outage-ms']);
const RECOVERY_LIMIT_MS = 10_000;
const FAILURE_PAUSE_MS = 1_000; // a client waits a second after a failed request before its next one
const REPORTER_PASSWORD = 'Ili-Drill-Reporter-9';
const NAME_PREFIX = '崩溃演练申请-';
const exec = promisify(execFile);

/** The data dir, port and postmaster pid of the running cluster, read through SQL and postmaster.pid. */
async function clusterFacts(url: string): Promise<{ dataDir: string; port: number; postmaster: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const [{ dir }] = (await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir")).rows;
  await client.end();
  const postmaster = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { dataDir: dir, port: Number(new URL(url).port), postmaster };
}

/** Child processes of `pid` (the postmaster's backends and auxiliary processes), from /proc. */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postgresBinary(): string {
  const base = '/usr/lib/postgresql';
  const bin = fs
    .readdirSync(base)
    .sort()
    .reverse()
    .map((v) => path.join(base, v, 'bin', 'postgres'))
    .find((p) => fs.existsSync(p));
  if (!bin) throw new Error('找不到 postgres 可执行文件');
  return bin;
}

/** Starts PostgreSQL on the same data dir and port, with the options of startCluster. */
function restartPostgres(dataDir: string, port: number): ChildProcess {
  const socketDir = path.dirname(dataDir);
  const argv = [postgresBinary(), '-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', socketDir, '-c', 'fsync=off', '-c', 'max_connections=300'];
  const [cmd, rest] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', ...argv]] : [argv[0], argv.slice(1)];
  return spawn(cmd, rest, { stdio: 'ignore' });
}

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** POST over a keep-alive agent holding at most CONNECTIONS sockets; status 0 = no answer. */
function post(agent: http.Agent, app: AppProcess, session: Session, url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const req = http.request(
      `${app.base}${url}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, cookie: session.cookie, 'x-csrf-token': session.csrf },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on('error', () => resolve({ status: 0, json: null }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, json: null }));
    req.end(payload);
  });
}

function entry(n: number) {
  const day = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    applicantKind: 'coach',
    applicantName: `${NAME_PREFIX}${n}`,
    entry: {
      kind: 'result',
      games: 'region-games',
      date: day,
      event: 'individual',
      sport: '田径',
      teamSize: 1,
      place: 1 + (n % 3),
      team: '伊犁州田径队',
      athletes: [{ name: `运动员${n}`, county: '伊宁县' }],
      enteredTeamOn: '2021-03-01',
      coaches: [{ name: '张伟', role: 'head' }],
      disqualified: null,
    },
    people: [],
  };
}

async function main() {
  const { check, summarize } = checklist();
  say(`PostgreSQL 崩溃演练：${APPLICATIONS} 份奖励申请，${CONNECTIONS} 个 HTTP 连接，途中 kill -9 postmaster，停机 ${OUTAGE_MS} ms 后在同一数据目录重启`);
  const cluster = await startCluster();
  let restarted: ChildProcess | null = null;
  let app: AppProcess | null = null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const summary: (string | number)[][] = [['项目', '结果']];
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE yizheng');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/yizheng';
    const dbUrl = url.toString();
    const env = { DATABASE_URL: dbUrl, YIZHENG_IMPORT_BUNDLED: 'false', YIZHENG_SECRET_KEY: randomBytes(32).toString('hex') };
    app = await startApp(env);
    say(`应用已启动：${app.base}（连接池 20 个数据库连接，src/db/client.ts）`);

    // The applicant: a department reporter of a unit, created through the admin API.
    const adminSession = await login(app.base, 'admin', ADMIN_PASSWORD);
    const org = await call(app.base, adminSession, 'POST', '/api/organizations', { name: '州体育运动学校', kind: 'unit' });
    if (org.status !== 201) throw new Error(`创建单位失败：${org.status} ${JSON.stringify(org.json)}`);
    const user = await call(app.base, adminSession, 'POST', '/api/users', {
      username: 'drill-coach',
      displayName: '演练填报员',
      organizationId: (org.json as { id: string }).id,
      roles: ['department-reporter'],
      password: REPORTER_PASSWORD,
    });
    if (user.status !== 201) throw new Error(`创建用户失败：${user.status} ${JSON.stringify(user.json)}`);
    const session = await login(app.base, 'drill-coach', REPORTER_PASSWORD);

    const facts = await clusterFacts(dbUrl);
    const killAfter = Math.floor(APPLICATIONS * (0.3 + Math.random() * 0.3));
    const acked = new Map<string, number>(); // application id → request number
    const statuses = new Map<string, number>();
    const samples = new Map<string, string>(); // first answer body per failing status
    let next = 0;
    let killed = false;
    let killedAt = 0;
    let ackedBeforeKill = 0;
    let ackedAfterRestart = 0;
    let pgBackAt = 0;
    let failedDuringOutage = 0;
    let healthAt = 0;
    let failedAfterRestart = 0;
    let lastFailureAfterRestart = 0;
    const began = Date.now();

    const crashAndRestart = async () => {
      const children = childrenOf(facts.postmaster);
      killedAt = Date.now();
      ackedBeforeKill = acked.size;
      process.kill(facts.postmaster, 'SIGKILL');
      say(`kill -9 postmaster（pid ${facts.postmaster}，${children.length} 个子进程）于第 ${acked.size} 份确认之后`);
      // The backends notice the postmaster's death and exit; the old shared memory must be free first.
      while (alive(facts.postmaster) || children.some(alive)) await sleep(50);
      const left = Date.now() - killedAt;
      await sleep(Math.max(0, OUTAGE_MS - left));
      for (let attempt = 1; ; attempt += 1) {
        restarted = restartPostgres(facts.dataDir, facts.port);
        const until = Date.now() + 30_000;
        while (Date.now() < until && restarted.exitCode === null && !(await acceptsConnections(dbUrl))) await sleep(100);
        if (restarted.exitCode === null && (await acceptsConnections(dbUrl))) break;
        if (attempt >= 5) throw new Error('PostgreSQL 无法在原数据目录上重启');
        await sleep(500);
      }
      pgBackAt = Date.now();
      say(`PostgreSQL 已在原数据目录重启并接受连接：kill 之后 ${pgBackAt - killedAt} ms`);
      // Recovery: the first 200 from /api/health after PostgreSQL accepts connections again, polled
      // every 50 ms while the clients keep sending applications.
      while (Date.now() - pgBackAt < 60_000) {
        const res = await fetch(`${(app as AppProcess).base}/api/health`).catch(() => null);
        if (res?.status === 200) {
          healthAt = Date.now();
          break;
        }
        await sleep(50);
      }
      say(healthAt ? `/api/health 200：PostgreSQL 恢复之后 ${healthAt - pgBackAt} ms` : '/api/health 60 s 内未恢复 200');
    };
    const crash: { done: Promise<void> | null; error: unknown } = { done: null, error: null };

    const worker = async () => {
      while (next < APPLICATIONS) {
        const n = next;
        next += 1;
        const sentAt = Date.now();
        const res = await post(agent, app as AppProcess, session, '/api/awards/applications', entry(n));
        const code = (res.json as { code?: string } | null)?.code;
        const key = res.status === 0 ? '无应答' : res.status === 201 ? '201' : `${res.status} ${code ?? ''}`.trim();
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (res.status !== 201 && !samples.has(key)) samples.set(key, JSON.stringify(res.json).slice(0, 160));
        if (res.status === 201) {
          acked.set((res.json as { id: string }).id, n);
          if (pgBackAt) ackedAfterRestart += 1;
        } else {
          if (killed && !pgBackAt) failedDuringOutage += 1;
          if (pgBackAt && sentAt >= pgBackAt) {
            failedAfterRestart += 1;
            lastFailureAfterRestart = Math.max(lastFailureAfterRestart, Date.now() - pgBackAt);
          }
          await sleep(FAILURE_PAUSE_MS);
        }
        if (!killed && acked.size >= killAfter) {
          killed = true;
          crash.done = crashAndRestart().catch((error: unknown) => {
            crash.error = error;
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    if (!crash.done) throw new Error('负载结束前没有触发 kill');
    await crash.done;
    if (crash.error) throw crash.error;
    const loadMs = Date.now() - began;

    const recoveryMs = healthAt ? healthAt - pgBackAt : -1;
    const afterwards = await post(agent, app, session, '/api/awards/applications', entry(APPLICATIONS));
    const stillRunning = app.child.exitCode === null && app.child.signalCode === null;

    let verifyOut = '';
    let verifyOk = false;
    try {
      const { stdout } = await exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'silent' },
      });
      verifyOut = stdout.trim();
      verifyOk = true;
    } catch (error) {
      verifyOut = String((error as { stdout?: string }).stdout ?? error).trim();
    }

    // What the database holds.
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    const present = new Set(
      (await db.query<{ id: string }>('SELECT id FROM award_applications WHERE applicant_name LIKE $1', [`${NAME_PREFIX}%`])).rows.map((r) => r.id),
    );
    const audited = new Set(
      (
        await db.query<{ object: string }>("SELECT object FROM audit_log WHERE action = 'award.application.create' AND result = 'success'")
      ).rows.map((r) => r.object.slice('award-application:'.length)),
    );
    const [seqs] = (await db.query<{ n: number; lo: number; hi: number }>('SELECT count(*)::int AS n, min(seq)::int AS lo, max(seq)::int AS hi FROM audit_log')).rows;
    await db.end();
    const ackedIds = [...acked.keys()];
    const lost = ackedIds.filter((id) => !present.has(id));
    const unaudited = ackedIds.filter((id) => !audited.has(id));
    const committedUnacked = [...present].filter((id) => !acked.has(id)).length;
    const gaps = seqs.hi - seqs.lo + 1 - seqs.n;
    summary.push(
      ['发出的申请', next],
      ['HTTP 状态分布', [...statuses].sort().map(([s, n]) => `${s}×${n}`).join(' ')],
      ['确认（201）', acked.size],
      ['  其中 kill 之前', ackedBeforeKill],
      ['  其中重启之后', ackedAfterRestart],
      ['停机期间失败', failedDuringOutage],
      ['PostgreSQL 恢复后发出而失败', `${failedAfterRestart}${failedAfterRestart ? `（最后一次在恢复后 ${lastFailureAfterRestart} ms）` : ''}`],
      ['kill → PostgreSQL 接受连接', `${pgBackAt - killedAt} ms`],
      ['PostgreSQL 恢复 → /api/health 200', `${recoveryMs} ms`],
      ['负载总用时', `${loadMs} ms`],
      ['库中申请', present.size],
      ['丢失的已确认申请', lost.length],
      ['已提交但未确认（客户端未收到 201）', committedUnacked],
      ['已确认但缺审计记录', unaudited.length],
      ['审计记录 / seq 范围', `${seqs.n} / ${seqs.lo}–${seqs.hi}`],
      ['seq 缺口', gaps],
      ['audit verify', verifyOut.split('\n').pop() ?? ''],
    );
    say('');
    for (const line of table(summary)) say(line);
    for (const [key, body] of samples) say(`  ${key} 的应答示例：${body}`);
    say('');
    check('0 份已确认申请丢失', lost.length === 0, `${acked.size} 份已确认，丢失 ${lost.length}`);
    check('每份已确认申请都有审计记录', unaudited.length === 0, `缺 ${unaudited.length}`);
    check('审计链无缺口', gaps === 0 && verifyOk, `seq 缺口 ${gaps}；audit verify：${verifyOut.split('\n').pop()}`);
    check(
      `PostgreSQL 恢复后 ${RECOVERY_LIMIT_MS / 1000} s 内 /api/health 200`,
      healthAt > 0 && recoveryMs <= RECOVERY_LIMIT_MS,
      healthAt ? `${recoveryMs} ms` : '60 s 内未恢复',
    );
    check('应用进程未退出、未重启，恢复后仍接受申请', stillRunning && afterwards.status === 201 && ackedAfterRestart > 0, `恢复后 POST → ${afterwards.status}，重启后已确认 ${ackedAfterRestart} 份`);
    check('kill 发生在负载途中', ackedBeforeKill > 0 && ackedBeforeKill < APPLICATIONS && failedDuringOutage > 0, `kill 前确认 ${ackedBeforeKill} 份，停机期间失败 ${failedDuringOutage} 次`);
  } catch (error) {
    check('演练完成', false, error instanceof Error ? error.message : String(error));
    if (app) say(app.output.slice(-20).join('\n'));
  } finally {
    agent.destroy();
    if (app) await stopApp(app);
    const child = restarted as ChildProcess | null;
    if (child && child.exitCode === null) {
      // Fast shutdown of the restarted postmaster (runuser passes no SIGINT on, see lib.ts stopCluster).
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill((await clusterFacts(cluster.url)).postmaster, 'SIGINT');
      } catch {
        child.kill('SIGINT');
      }
      await exited;
    }
    await cluster.stop();
  }
  summarize('PostgreSQL 崩溃演练');
}

runDrill(main);
