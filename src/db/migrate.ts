import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same in every yizheng process.
const MIGRATION_LOCK_KEY = 7_020_230;

export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/**
 * Forward-only migrations: each file in src/db/migrations runs once, in name order, in its own
 * transaction, and is recorded in schema_migrations. Processes starting at once take turns on a
 * transaction-scoped advisory lock and skip what another has applied meanwhile.
 */
export async function migrate(database: Database): Promise<string[]> {
  await database.rawTransaction(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    // Looked up first: an app role without CREATE on the schema (production, docs/SECURITY.md)
    // starts on a migrated database, and CREATE TABLE IF NOT EXISTS would need that privilege.
    const [table] = await q.query<{ found: string | null }>(`SELECT to_regclass('schema_migrations')::text AS found`);
    if (!table?.found) {
      await q.exec(`CREATE TABLE schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    }
  });
  const applied: string[] = [];
  for (const file of migrationFiles()) {
    const ran = await database.rawTransaction(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await q.query('SELECT 1 FROM schema_migrations WHERE name = $1', [file]);
      if (done.length > 0) return false;
      await q.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'));
      await q.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      return true;
    });
    if (ran) applied.push(file);
  }
  return applied;
}
