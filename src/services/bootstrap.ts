import { sql } from 'drizzle-orm';
import { ConfigError, type Config } from '../config.js';
import { checkPasswordPolicy } from '../domain/auth/password-policy.js';
import { queryRows, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { systemActor } from './actor.js';
import { calendarFirstRunTask } from './calendar/first-run.js';
import { documentsFirstRunTask } from './documents/first-run.js';
import { runAudited } from './audit/audit.service.js';
import { generatePassword, hashPassword } from './auth/passwords.js';
import { findUserByUsername } from './auth/users.service.js';
import { users } from '../db/schema/index.js';

export interface BootstrapLog {
  info(message: string): void;
}

/** A task that runs once per database (recorded in settings), e.g. importing the bundled documents. */
export interface FirstRunTask {
  key: string;
  description: string;
  enabled?: (config: Config) => boolean;
  run(database: Database, config: Config, log: BootstrapLog): Promise<void>;
}

// Modules register their first-run tasks here, in the order they must run.
export const FIRST_RUN_TASKS: FirstRunTask[] = [calendarFirstRunTask, documentsFirstRunTask];

/** Migrations, the first admin account, then each first-run task not yet done. Safe to repeat. */
export async function bootstrapDatabase(database: Database, config: Config, log: BootstrapLog): Promise<void> {
  const applied = await migrate(database);
  if (applied.length) log.info(`已执行数据库迁移：${applied.join('、')}`);
  await ensureAdmin(database, config, log);
  for (const task of FIRST_RUN_TASKS) {
    if (task.enabled && !task.enabled(config)) continue;
    const key = `first-run:${task.key}`;
    const done = await queryRows(database.db, sql`SELECT 1 FROM settings WHERE key = ${key}`);
    if (done.length) continue;
    log.info(`首次运行：${task.description}…`);
    await task.run(database, config, log);
    await database.db.execute(sql`INSERT INTO settings (key, value) VALUES (${key}, ${JSON.stringify({ at: new Date().toISOString() })}::jsonb) ON CONFLICT (key) DO NOTHING`);
  }
}

async function ensureAdmin(database: Database, config: Config, log: BootstrapLog) {
  if (await findUserByUsername(database.db, 'admin')) return;
  const password = config.adminPassword ?? generatePassword();
  const problems = checkPasswordPolicy({ password, username: 'admin' });
  if (problems.length) throw new ConfigError([`YIZHENG_ADMIN_PASSWORD: ${problems.join('；')}`]);
  const passwordHash = await hashPassword(password);
  await runAudited(database, systemActor(), { action: 'user.create', object: 'user:admin', details: { bootstrap: true } }, (tx) =>
    // A generated password has been printed to the log: it must be changed at the first login.
    tx.insert(users).values({ username: 'admin', displayName: '系统管理员', roles: ['system-admin'], passwordHash, mustChangePassword: !config.adminPassword }),
  );
  if (config.adminPassword) log.info('已创建管理员账户 admin（密码取自 YIZHENG_ADMIN_PASSWORD）');
  else log.info(`已创建管理员账户 admin，初始密码（仅显示这一次，首次登录须修改）：${password}`);
}
