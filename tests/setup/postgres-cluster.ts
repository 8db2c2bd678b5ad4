import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A throwaway PostgreSQL cluster for the tests: initdb in a temp dir, on a free loopback port. */
export interface Cluster {
  url: string;
  stop(): Promise<void>;
}

function findBinDir(): string {
  const candidates = ['/usr/lib/postgresql'].flatMap((base) =>
    fs.existsSync(base) ? fs.readdirSync(base).sort().reverse().map((v) => path.join(base, v, 'bin')) : [],
  );
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'initdb')));
  if (!dir) {
    throw new Error(
      'PostgreSQL 未安装：集成测试需要 PostgreSQL 服务器（apt-get install -y postgresql），或设置 TEST_DATABASE_URL 指向一个可建库的账户。',
    );
  }
  return dir;
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

export async function startCluster(): Promise<Cluster> {
  const bin = findBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the cluster as the postgres system user.
  const wrap = (cmd: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  execFileSync(...wrap(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']), { stdio: 'ignore' });
  const port = await freePort();
  const child: ChildProcess = spawn(
    ...wrap(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=300']),
    { stdio: 'ignore' },
  );
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  for (let i = 0; i < 100; i += 1) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300));
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        // As root the cluster runs under runuser, which blocks SIGINT (it forwards only SIGTERM, PostgreSQL's
        // "smart" shutdown that waits for every client): send the fast-shutdown SIGINT to the postmaster itself.
        const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (postmaster > 0) process.kill(postmaster, 'SIGINT');
        else child.kill('SIGINT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
