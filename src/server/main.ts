import { ConfigError, loadConfig } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { describeTarget, openRuntime } from '../runtime.js';
import { scheduledJobs } from '../services/ops/job-registry.js';
import { createScheduler, type Scheduler } from '../services/ops/jobs.js';
import { buildApp } from './app.js';

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  const config = loadConfig();
  const database = await openRuntime(config, { info: say });
  const app = await buildApp({ database, config });
  let scheduler: Scheduler | null = null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, '正在停止');
    await scheduler?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Jobs run once per interval across all processes on the database (src/services/ops/jobs.ts).
  scheduler = createScheduler(database, scheduledJobs(config), {
    log: { info: (m) => app.log.info(m), error: (m) => app.log.error(m) },
  });
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  say(`伊政通已启动：http://${shownHost}:${config.port}  数据库：${describeTarget(database)}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DomainError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`启动失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
