/**
 * Drill: two app processes on different ports serving one PostgreSQL.
 *   npm run drill:two-processes
 * Starts a throwaway cluster (tests/setup/postgres-cluster.ts), starts both processes at the same
 * moment on an empty database (they take turns on the migrations), logs in on one and uses the
 * session on the other, and shows that each scheduled job runs once per interval, not once per
 * process. Exit code 1 when a check fails.
 */
import pg from 'pg';
import { startCluster } from '../../tests/setup/postgres-cluster.js';
import { call, checklist, login, runDrill, say, sleep, spawnApp, stopApp, stopCluster, table, type AppProcess } from './lib.js';

const ROUNDS = 3;
const TICK_WAIT_MS = 12_000; // the scheduler looks for due jobs every 10 s

function jobLines(app: AppProcess, job: string): number {
  return app.output.filter((l) => l.includes(`定时任务 ${job} 已运行`)).length;
}

async function main() {
  const { check, summarize } = checklist();
  say('启动临时 PostgreSQL 集群…');
  const cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE yizheng');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/yizheng';
  const env = { DATABASE_URL: url.toString(), LOG_LEVEL: 'info', YIZHENG_IMPORT_BUNDLED: 'true' };
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const apps: AppProcess[] = [];
  try {
    say('同时启动两个应用进程（空库：两者轮流执行迁移与首次运行任务）…');
    const started = Date.now();
    apps.push(await spawnApp(env), await spawnApp(env));
    const timeout = sleep(180_000).then(() => {
      throw new Error(`三分钟内未能启动：\n${apps.map((app, i) => `进程 ${i + 1}：\n${app.output.slice(-20).join('\n')}`).join('\n')}`);
    });
    await Promise.race([Promise.all(apps.map((app) => app.ready)), timeout]);
    const [a, b] = apps;
    check('两个进程都已启动', true, `端口 ${a.port} 与 ${b.port}，用时 ${Date.now() - started} ms`);

    const session = await login(a.base);
    const meOnB = await call(b.base, session, 'GET', '/api/auth/me');
    check('在 A 登录的会话在 B 上有效', meOnB.status === 200, `B 上 GET /api/auth/me → ${meOnB.status}`);
    const created = await call(b.base, session, 'POST', '/api/organizations', { name: '双进程演练单位', kind: 'unit' });
    const listOnA = await call(a.base, session, 'GET', '/api/organizations');
    const seenOnA = JSON.stringify(listOnA.json).includes('双进程演练单位');
    check('在 B 写入（带 CSRF）、在 A 读到', created.status === 201 && seenOnA, `B 上 POST → ${created.status}，A 上可见：${seenOnA}`);
    const logout = await call(a.base, session, 'POST', '/api/auth/logout');
    const meAfter = await call(b.base, session, 'GET', '/api/auth/me');
    check('在 A 退出后 B 上同一会话失效', logout.status === 200 && meAfter.status === 401, `B 上 GET /api/auth/me → ${meAfter.status}`);
    const [{ n: admins }] = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE username = 'admin'")).rows;
    check('首次启动只创建一个 admin', admins === 1, `admin 账户 ${admins} 个`);

    await sleep(2_000);
    const jobs = (await db.query<{ name: string; run_count: string }>('SELECT name, run_count FROM job_runs ORDER BY name')).rows;
    const startRuns = jobs.map((j) => ({ name: j.name, runs: Number(j.run_count), lines: jobLines(a, j.name) + jobLines(b, j.name) }));
    check(
      '启动时每个定时任务只运行一次（两个进程同时争抢）',
      startRuns.length > 0 && startRuns.every((j) => j.runs === 1 && j.lines === 1),
      startRuns.map((j) => `${j.name} 运行 ${j.runs} 次`).join('，'),
    );

    const rows: (string | number)[][] = [['轮次', '任务', 'A 运行', 'B 运行', 'run_count']];
    for (let round = 1; round <= ROUNDS; round += 1) {
      // An interval has passed: make every job due at once and give both processes a tick.
      const before = new Map(jobs.map((j) => [j.name, { a: jobLines(a, j.name), b: jobLines(b, j.name) }]));
      await db.query("UPDATE job_runs SET last_started_at = last_started_at - interval '2 days'");
      await sleep(TICK_WAIT_MS);
      const now = (await db.query<{ name: string; run_count: string }>('SELECT name, run_count FROM job_runs ORDER BY name')).rows;
      for (const j of now) {
        const was = before.get(j.name) ?? { a: 0, b: 0 };
        const ranA = jobLines(a, j.name) - was.a;
        const ranB = jobLines(b, j.name) - was.b;
        rows.push([round, j.name, ranA, ranB, j.run_count]);
        check(`第 ${round} 轮 ${j.name} 只运行一次`, ranA + ranB === 1 && Number(j.run_count) === round + 1, `A ${ranA} 次，B ${ranB} 次`);
      }
    }
    say('');
    for (const line of table(rows)) say(line);
  } catch (error) {
    check('演练完成', false, error instanceof Error ? error.message : String(error));
  } finally {
    await Promise.all(apps.map((app) => stopApp(app)));
    await db.end().catch(() => undefined);
    await stopCluster(cluster);
  }
  summarize('双进程演练');
}

runDrill(main);
