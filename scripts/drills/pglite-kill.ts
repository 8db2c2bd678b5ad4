/**
 * Drill: durability of the embedded database (PGlite) under kill -9.
 *   npm run drill:pglite-kill [-- --runs 20 --writes 1000 --init-runs 10]
 *
 * 1. Writes: each run starts the app on a fresh data dir, creates organisations through the API
 *    (POST /api/organizations, 4 at a time), kill -9s the app right after a random number of
 *    acknowledged (201) writes, restarts it on the same dir and counts: every acknowledged write
 *    must be there; the audit chain must verify and hold one organization.create per organisation.
 * 2. Interrupted first start: kill -9 at a random moment of the first initialisation; the next
 *    start must work and leave no staging dir.
 * 3. The data-dir lock: a second app process and the CLI get the clear error while the first runs.
 * Exit code 1 when anything is lost or a check fails.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../src/db/client.js';
import { verifyAuditChain } from '../../src/services/audit/audit.service.js';
import { ADMIN_PASSWORD, ROOT, call, login, say, sleep, spawnApp, startApp, stopApp, table, type AppProcess } from './lib.js';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '20' }, writes: { type: 'string', default: '1000' }, 'init-runs': { type: 'string', default: '10' } },
});
const RUNS = Number(args.runs);
const WRITES = Number(args.writes);
const INIT_RUNS = Number(args['init-runs']);
const CONCURRENCY = 4;
const APP_ENV = { YIZHENG_IMPORT_BUNDLED: 'false' };

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-kill-'));
const failures: string[] = [];

function freshDir(name: string): string {
  const dir = path.join(workDir, name);
  fs.mkdirSync(dir);
  return dir;
}

/** Opens the data dir in this process (the app is stopped) and checks the audit chain against the data. */
async function inspect(dataDir: string, prefix: string) {
  const database = await openDatabase({ kind: 'pglite', dataDir }, async () => {
    throw new Error('数据目录中没有数据库');
  });
  try {
    const chain = await verifyAuditChain(database.db);
    const [counts] = await queryRows<{ orgs: number; audited: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM organizations WHERE name LIKE ${`${prefix}%`}) AS orgs,
                 (SELECT count(*)::int FROM audit_log WHERE action = 'organization.create' AND result = 'success'
                     AND object LIKE ${`organization:${prefix}%`}) AS audited`,
    );
    return { chainOk: chain.ok, records: chain.checked, ...counts };
  } finally {
    await database.close();
  }
}

interface WriteRun {
  run: number;
  killAfter: number;
  acked: number;
  sent: number;
  committedUnacked: number;
  lost: number;
  errorsBeforeKill: number;
  writesPerSecond: number;
  restartMs: number;
  chainOk: boolean;
  records: number;
  audited: number;
}

async function writeRun(run: number): Promise<WriteRun> {
  const dataDir = freshDir(`writes-${run}`);
  const prefix = `演练单位-${run}-`;
  const app = await startApp({ ...APP_ENV, YIZHENG_DATA_DIR: dataDir });
  const session = await login(app.base);
  const killAfter = 1 + Math.floor(Math.random() * (WRITES - 1));
  const acked = new Set<string>();
  let next = 0;
  let killed = false;
  let errorsBeforeKill = 0;
  const began = Date.now();
  let killedAt = began;
  const worker = async () => {
    while (!killed && next < WRITES) {
      const name = `${prefix}${next}`;
      next += 1;
      try {
        const res = await call(app.base, session, 'POST', '/api/organizations', { name, kind: 'unit' });
        if (res.status === 201) acked.add(name);
        else if (!killed) errorsBeforeKill += 1;
      } catch {
        if (!killed) errorsBeforeKill += 1;
        return;
      }
      if (!killed && acked.size >= killAfter) {
        killed = true;
        killedAt = Date.now();
        app.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (!killed) app.child.kill('SIGKILL');
  await app.exited;
  const sent = next;

  const restarted = Date.now();
  const again = await startApp({ ...APP_ENV, YIZHENG_DATA_DIR: dataDir });
  const restartMs = Date.now() - restarted;
  const list = await call(again.base, await login(again.base), 'GET', '/api/organizations');
  const present = new Set(
    ((list.json as { items: { name: string }[] }).items ?? []).map((o) => o.name).filter((n) => n.startsWith(prefix)),
  );
  await stopApp(again);
  const lost = [...acked].filter((n) => !present.has(n)).length;
  const facts = await inspect(dataDir, prefix);
  if (lost > 0) failures.push(`第 ${run} 次：丢失 ${lost} 条已确认写入`);
  if (!facts.chainOk) failures.push(`第 ${run} 次：审计链校验失败`);
  if (facts.audited !== facts.orgs || facts.orgs !== present.size) failures.push(`第 ${run} 次：单位 ${facts.orgs} 个，审计记录 ${facts.audited} 条`);
  if (errorsBeforeKill > 0) failures.push(`第 ${run} 次：kill 之前有 ${errorsBeforeKill} 个写入失败`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    run,
    killAfter,
    acked: acked.size,
    sent,
    committedUnacked: present.size - (acked.size - lost),
    lost,
    errorsBeforeKill,
    writesPerSecond: Math.round((acked.size * 1000) / Math.max(1, killedAt - began)),
    restartMs,
    chainOk: facts.chainOk,
    records: facts.records,
    audited: facts.audited,
  };
}

interface InitRun {
  run: number;
  killAtMs: number;
  interrupted: boolean;
  stateAtKill: string;
  restartOk: boolean;
  restartMs: number;
  leftovers: number;
}

function dirState(dataDir: string): string {
  const entries = fs.readdirSync(dataDir).sort();
  return entries.filter((e) => e.startsWith('pgdata')).join('+') || '空';
}

async function initRun(run: number, fullStartMs: number): Promise<InitRun> {
  const dataDir = freshDir(`init-${run}`);
  const app = await spawnApp({ ...APP_ENV, YIZHENG_DATA_DIR: dataDir });
  const killAtMs = Math.round(300 + Math.random() * fullStartMs);
  await Promise.race([sleep(killAtMs), app.ready.catch(() => undefined)]);
  const interrupted = app.readyAt === null;
  app.child.kill('SIGKILL');
  await app.exited;
  const stateAtKill = dirState(dataDir);
  const started = Date.now();
  let restartOk = false;
  let again: AppProcess | null = null;
  try {
    again = await startApp({ ...APP_ENV, YIZHENG_DATA_DIR: dataDir });
    const me = await call(again.base, await login(again.base), 'GET', '/api/auth/me');
    restartOk = me.status === 200;
  } catch (error) {
    failures.push(`首次启动第 ${run} 次：重启失败：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const restartMs = Date.now() - started;
  if (again) await stopApp(again);
  const leftovers = fs.readdirSync(dataDir).filter((e) => e.startsWith('pgdata.init-')).length;
  if (restartOk) {
    const facts = await inspect(dataDir, '—');
    if (!facts.chainOk) failures.push(`首次启动第 ${run} 次：审计链校验失败`);
  } else if (!failures.some((f) => f.startsWith(`首次启动第 ${run} 次`))) {
    failures.push(`首次启动第 ${run} 次：重启后无法登录`);
  }
  if (leftovers) failures.push(`首次启动第 ${run} 次：残留 ${leftovers} 个 pgdata.init-* 目录`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { run, killAtMs, interrupted, stateAtKill, restartOk, restartMs, leftovers };
}

const run = promisify(execFile);

async function lockDrill(): Promise<string[]> {
  const dataDir = freshDir('lock');
  const lines: string[] = [];
  const first = await startApp({ ...APP_ENV, YIZHENG_DATA_DIR: dataDir });
  const second = await spawnApp({ ...APP_ENV, YIZHENG_DATA_DIR: dataDir });
  const code = await second.exited;
  const refused = code === 1 && second.output.some((l) => l.includes('正被进程'));
  lines.push(`第二个应用进程：退出码 ${code}，${refused ? '提示“数据目录正被进程使用”' : `输出：${second.output.slice(-3).join(' ')}`}`);
  const cli = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'user', 'list'], {
    cwd: ROOT,
    env: { ...process.env, YIZHENG_DATA_DIR: dataDir, YIZHENG_ADMIN_PASSWORD: ADMIN_PASSWORD },
  }).catch((e: { code: number; stderr: string }) => e);
  const cliRefused = 'code' in cli && cli.code === 1 && cli.stderr.includes('正被进程');
  lines.push(`命令行 user list：${cliRefused ? '退出码 1，同样的提示' : JSON.stringify(cli).slice(0, 200)}`);
  const health = await call(first.base, null, 'GET', '/api/health');
  lines.push(`第一个进程仍在服务：GET /api/health → ${health.status}`);
  first.child.kill('SIGKILL');
  await first.exited;
  const third = await startApp({ ...APP_ENV, YIZHENG_DATA_DIR: dataDir });
  const takeover = (await call(third.base, null, 'GET', '/api/health')).status === 200;
  lines.push(`kill -9 第一个进程后再启动：${takeover ? '接管遗留的锁，正常服务' : '失败'}`);
  await stopApp(third);
  if (!refused || !cliRefused || health.status !== 200 || !takeover) failures.push('数据目录锁演练未通过');
  fs.rmSync(dataDir, { recursive: true, force: true });
  return lines;
}

async function main() {
  say(`PGlite kill -9 演练：${RUNS} 次 × ${WRITES} 个写入（并发 ${CONCURRENCY}），${INIT_RUNS} 次中断首次启动；机器 ${os.cpus().length} 核，Node ${process.version}，开始时负载 ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  const started = Date.now();
  const writes: WriteRun[] = [];
  for (let i = 1; i <= RUNS; i += 1) {
    const r = await writeRun(i);
    writes.push(r);
    say(
      `  第 ${String(i).padStart(2)} 次：第 ${r.killAfter} 个确认后 kill -9；已确认 ${r.acked}，已确认但丢失 ${r.lost}，未确认但已提交 ${r.committedUnacked}；` +
        `重启 ${r.restartMs} ms；审计链 ${r.chainOk ? '完整' : '断裂'}（${r.records} 条）`,
    );
  }
  say('');
  say(
    table([
      ['次', 'kill 于第 N 个确认', '已发送', '已确认', '丢失', '未确认已提交', '写入/秒', '重启 ms', '审计链', '审计条数'],
      ...writes.map((r) => [r.run, r.killAfter, r.sent, r.acked, r.lost, r.committedUnacked, r.writesPerSecond, r.restartMs, r.chainOk ? '完整' : '断裂', r.records]),
    ]).join('\n'),
  );
  const totalAcked = writes.reduce((n, r) => n + r.acked, 0);
  const totalLost = writes.reduce((n, r) => n + r.lost, 0);
  say(`合计：${writes.length} 次，已确认写入 ${totalAcked}，丢失 ${totalLost}，审计链全部完整：${writes.every((r) => r.chainOk)}`);

  say('');
  say('中断首次启动（kill -9 于初始化过程中的随机时刻）…');
  const probe = await startApp({ ...APP_ENV, YIZHENG_DATA_DIR: freshDir('probe') });
  const fullStartMs = (probe.readyAt ?? Date.now()) - probe.startedAt;
  await stopApp(probe);
  const inits: InitRun[] = [];
  for (let i = 1; i <= INIT_RUNS; i += 1) inits.push(await initRun(i, fullStartMs));
  say(
    table([
      ['次', 'kill 于 ms', '启动完成前', '被杀时目录', '重启成功', '重启 ms', '残留暂存目录'],
      ...inits.map((r) => [r.run, r.killAtMs, r.interrupted ? '是' : '否', r.stateAtKill, r.restartOk ? '是' : '否', r.restartMs, r.leftovers]),
    ]).join('\n'),
  );
  say(`完整首次启动约 ${fullStartMs} ms；${inits.filter((r) => r.interrupted).length} 次在启动完成前被杀，重启全部成功：${inits.every((r) => r.restartOk)}`);

  say('');
  say('数据目录锁：');
  for (const line of await lockDrill()) say(`  ${line}`);

  say('');
  say(`用时 ${Math.round((Date.now() - started) / 1000)} s，结束时负载 ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  if (failures.length) {
    say(`未通过：\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else say('全部通过：已确认的写入无一丢失，审计链完整，中断的首次启动不留损坏的数据目录，数据目录锁有效。');
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`演练失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(workDir, { recursive: true, force: true }));
