import type { Config } from './config.js';
import { openDatabase, type Database, type DatabaseTarget } from './db/client.js';
import { bootstrapDatabase, type BootstrapLog } from './services/bootstrap.js';

export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
}

export function describeTarget(database: Database): string {
  return database.kind === 'postgres' ? `PostgreSQL：${database.location}` : `嵌入式 PGlite：${database.location}`;
}

/**
 * Opens the configured database and brings it up to date: on first use of an embedded data dir
 * everything (migrations, admin account, bundled documents) is built in a staging dir first.
 */
export async function openRuntime(config: Config, log: BootstrapLog): Promise<Database> {
  const database = await openDatabase(databaseTarget(config), (fresh) => bootstrapDatabase(fresh, config, log));
  try {
    await bootstrapDatabase(database, config, log);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
