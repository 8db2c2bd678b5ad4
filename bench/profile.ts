/**
 * npm run bench:profile — where the time of one request goes: each read endpoint of `npm run bench`
 * called sequentially through fastify.inject (no network, no concurrency), mean and p95 per call.
 * BENCH_CPU_PROFILE=DIR writes a V8 CPU profile of the measured calls only (not the seeding), one
 * file per endpoint, for Chrome DevTools or `node bench/profile-top.mjs FILE`.
 *
 *   BENCH_DB=pglite|postgres BENCH_CALLS=200 BENCH_READ_CACHE=on|off BENCH_ONLY=dashboard npm run bench:profile
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/server/app.js';
import { openRuntime } from '../src/runtime.js';
import { systemActor } from '../src/services/actor.js';
import { createUser } from '../src/services/auth/users.service.js';
import { startCluster, type Cluster } from '../tests/setup/postgres-cluster.js';
import { SEARCH_PROBE, seedTo } from './seed.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const KIND = process.env.BENCH_DB ?? 'pglite';
const PASSWORD = 'Ili-Bench-Run-2023';
const NOW = new Date('2023-12-15T04:00:00Z');

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-profile-'));
  let cluster: Cluster | null = null;
  if (KIND === 'postgres') cluster = await startCluster();
  const config = loadConfig({
    YIZHENG_DATA_DIR: dataDir, YIZHENG_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'silent',
    ...(cluster ? { DATABASE_URL: cluster.url } : {}),
  });
  const database = await openRuntime(config, { info: () => undefined });
  await seedTo(database, Number(process.env.BENCH_SCALE ?? 1), () => undefined);
  const app = await buildApp({ database, config, logger: false, now: () => NOW, readCache: process.env.BENCH_READ_CACHE !== 'off' });
  await createUser(database, systemActor(), { username: 'bench-leader', displayName: '压测-州领导', roles: ['leader'], organizationId: null, password: PASSWORD });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench-leader', password: PASSWORD } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const bodies = (await app.inject({ method: 'GET', url: '/api/bodies', headers: { cookie } })).json() as { items: { id: string; members: number }[] };
  const body = [...bodies.items].sort((a, b) => b.members - a.members)[0];
  const urls = ['/api/health', `/api/auth/me`, `/api/documents?q=${encodeURIComponent(SEARCH_PROBE)}`, `/api/bodies/${body.id}`, '/api/livelihood/dashboard', '/api/awards/applications'];
  const only = process.env.BENCH_ONLY;
  const profileDir = process.env.BENCH_CPU_PROFILE;
  const inspector = profileDir ? new Session() : null;
  inspector?.connect();
  await inspector?.post('Profiler.enable');
  for (const url of urls.filter((u) => !only || u.includes(only))) {
    await inspector?.post('Profiler.start');
    const times: number[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: url === '/api/health' ? {} : { cookie } });
      times.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`${url} ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    if (inspector && profileDir) {
      const { profile } = await inspector.post('Profiler.stop');
      fs.mkdirSync(profileDir, { recursive: true });
      fs.writeFileSync(path.join(profileDir, `${KIND}-${url.split('?')[0].replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.cpuprofile`), JSON.stringify(profile));
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    process.stdout.write(`${KIND} ${url.padEnd(60)} mean ${mean.toFixed(2)} ms  p50 ${times[Math.floor(CALLS / 2)].toFixed(2)}  p95 ${times[Math.floor(CALLS * 0.95)].toFixed(2)}\n`);
  }
  await app.close();
  await database.close();
  await cluster?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
