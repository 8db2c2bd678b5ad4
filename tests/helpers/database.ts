import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { bootstrapDatabase, type BootstrapLog } from '../../src/services/bootstrap.js';

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type TestDatabaseKind = (typeof DATABASE_KINDS)[number];

export const ADMIN_PASSWORD = 'Ili-Gov-Office-7';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ YIZHENG_ADMIN_PASSWORD: ADMIN_PASSWORD, YIZHENG_IMPORT_BUNDLED: 'false', LOG_LEVEL: 'silent', ...overrides });
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database with the admin account: in-memory PGlite, or a new PostgreSQL database.
 * `log` receives the bootstrap's messages (the generated admin password, without YIZHENG_ADMIN_PASSWORD).
 */
export async function openTestDatabase(
  kind: TestDatabaseKind,
  config: Config = testConfig(),
  log: BootstrapLog = { info: () => undefined },
): Promise<{ database: Database; url: string | null; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory' }, async () => undefined);
    await bootstrapDatabase(database, config, log);
    return { database, url: null, drop: () => database.close() };
  }
  const name = `yz_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() }, async () => undefined);
  await bootstrapDatabase(database, config, log);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
