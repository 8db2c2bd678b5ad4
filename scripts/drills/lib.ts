import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** Shared by the drills: start the real app as a child process, talk to it over HTTP, print. */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_PASSWORD = 'Ili-Gov-Office-7';

export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** stdout and stderr lines so far. */
  output: string[];
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves when the start banner is printed; rejects if the process exits first. */
  ready: Promise<void>;
  readyAt: number | null;
  startedAt: number;
}

/** `node --import tsx src/server/main.ts` with the given environment on a free loopback port. */
export async function spawnApp(env: Record<string, string>, port?: number): Promise<AppProcess> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(chosen),
      YIZHENG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const app: AppProcess = {
    child,
    port: chosen,
    base: `http://127.0.0.1:${chosen}`,
    output,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    ready: Promise.resolve(),
    readyAt: null,
    startedAt: Date.now(),
  };
  app.ready = new Promise<void>((resolve, reject) => {
    const onLine = (line: string) => {
      output.push(line);
      if (line.includes('伊政通已启动')) {
        app.readyAt = Date.now();
        resolve();
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        rest += chunk;
        const lines = rest.split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) onLine(l);
      });
    }
    void app.exited.then((code) => reject(new Error(`应用在启动完成前退出（退出码 ${code}）：\n${output.slice(-15).join('\n')}`)));
  });
  // A drill that stops waiting must not see an unhandled rejection.
  app.ready.catch(() => undefined);
  return app;
}

export async function startApp(env: Record<string, string>, port?: number): Promise<AppProcess> {
  const app = await spawnApp(env, port);
  await app.ready;
  return app;
}

export async function stopApp(app: AppProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill(signal);
  return app.exited;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(base: string, username = 'admin', password = ADMIN_PASSWORD): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`登录失败：${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('yz_csrf='))?.slice('yz_csrf='.length) ?? '';
  return { cookie: cookies.join('; '), csrf };
}

export async function call(
  base: string,
  session: Session | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function table(rows: (string | number)[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((cell, i) => String(cell).padEnd(widths[i])).join('  '));
}

/**
 * Stops a throwaway cluster from tests/setup/postgres-cluster.ts. As root the cluster runs under
 * runuser, which does not pass SIGINT on to postgres: signal the postmaster itself (fast shutdown).
 */
export async function stopCluster(cluster: { url: string; stop(): Promise<void> }): Promise<void> {
  try {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const [{ dir }] = (await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir")).rows;
    await client.end();
    const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGINT');
  } catch {
    // already down
  }
  await cluster.stop();
}

/** A drill's pass/fail lines: each printed as it is made, counted at the end (exit code 1 on any failure). */
export function checklist() {
  const checks: { what: string; ok: boolean; detail: string }[] = [];
  return {
    check(what: string, ok: boolean, detail: string): void {
      checks.push({ what, ok, detail });
      say(`${ok ? '✓' : '✗'} ${what}：${detail}`);
    },
    summarize(drill: string): void {
      const passed = checks.filter((c) => c.ok).length;
      say('');
      say(`${drill}：${passed}/${checks.length} 项通过`);
      process.exitCode = passed === checks.length ? 0 : 1;
    },
  };
}

/** Runs a drill's main; an error it throws is printed and fails the drill. */
export function runDrill(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`演练失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
