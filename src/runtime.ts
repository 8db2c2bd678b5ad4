import type { Config } from './config.js';
import { openDatabase, type Database, type DatabaseTarget } from './db/client.js';
import { bootstrapDatabase, type BootstrapLog } from './services/bootstrap.js';

export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
}

export function describeTarget(database: Database): string {
  return database.kind === 'postgres' ? `PostgreSQL：${database.location}` : `嵌入式 PGlite：${database.location}`;
}

// Any constant works; the same in every yizheng process (migrations use 7_020_230, audit 7_020_231).
const BOOTSTRAP_LOCK_KEY = 7_020_232;

/**
 * On PostgreSQL several app processes may start together on an empty database: they take turns
 * (a transaction advisory lock held on one connection while bootstrap works on others), so the
 * first creates the admin account and runs the first-run tasks and the others find them done.
 */
async function bootstrapInTurn(database: Database, config: Config, log: BootstrapLog): Promise<void> {
  if (database.kind !== 'postgres') return bootstrapDatabase(database, config, log);
  await database.rawTransaction(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
    await bootstrapDatabase(database, config, log);
  });
}

/**
 * Opens the configured database and brings it up to date: on first use of an embedded data dir
 * everything (migrations, admin account, bundled documents) is built in a staging dir first.
 */
export async function openRuntime(config: Config, log: BootstrapLog): Promise<Database> {
  const database = await openDatabase(databaseTarget(config), (fresh) => bootstrapDatabase(fresh, config, log));
  try {
    await bootstrapInTurn(database, config, log);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
