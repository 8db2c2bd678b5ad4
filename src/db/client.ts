import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';

export type Schema = typeof schema;
/** The typed database handle. A transaction (`db.transaction(tx => …)`) has the same type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly kind: DatabaseKind;
  /** Human-readable location for the start banner: a directory or host:port/database. */
  readonly location: string;
  /**
   * Runs `work` in one transaction on one connection with raw SQL: `exec` takes a multi-statement
   * script (migrations, restore), `query` one parameterised statement.
   */
  rawTransaction<T>(work: (sql: RawSql) => Promise<T>): Promise<T>;
  /**
   * A token that changes whenever committed data may have changed (read caches key on it; read it
   * before the data). PostgreSQL: the MVCC snapshot (`pg_current_snapshot()`; any commit changes it,
   * by any process). PGlite: this process is the database's only user (the data-dir lock), so a
   * counter of the statements that may write (all but SELECT) and of transactions does, with no query.
   */
  dataVersion(): Promise<string>;
  close(): Promise<void>;
}

export interface RawSql {
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' };

/**
 * Opens the database. For an embedded data dir, `initialize` runs once, on first use, inside a
 * temporary directory that is renamed into place only when it has finished: a start interrupted
 * half-way leaves no broken data dir behind.
 */
export async function openDatabase(
  target: DatabaseTarget,
  initialize: (database: Database) => Promise<void>,
): Promise<Database> {
  if (target.kind === 'postgres') return openPostgres(target.url);
  if (target.kind === 'pglite-memory') return openPglite(new PGlite(), ':memory:');
  return openPgliteDir(target.dataDir, initialize);
}

/** Whether an embedded data dir already holds a database (false before its first start). */
export function dataDirHasDatabase(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'));
}

async function openPgliteDir(
  dataDir: string,
  initialize: (database: Database) => Promise<void>,
): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    const pgdata = path.join(dataDir, 'pgdata');
    if (!dataDirHasDatabase(dataDir)) await initializeAtomically(dataDir, initialize);
    const database = await openPglite(await PGlite.create(pgdata), pgdata);
    return withLock(database, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function initializeAtomically(
  dataDir: string,
  initialize: (database: Database) => Promise<void>,
): Promise<void> {
  for (const entry of fs.readdirSync(dataDir)) {
    if (entry.startsWith('pgdata.init-')) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  }
  const staging = path.join(dataDir, `pgdata.init-${process.pid}`);
  const database = await openPglite(await PGlite.create(staging), staging);
  try {
    await initialize(database);
  } catch (error) {
    await database.close();
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  await database.close();
  fs.rmSync(path.join(dataDir, 'pgdata'), { recursive: true, force: true });
  fs.renameSync(staging, path.join(dataDir, 'pgdata'));
}

function withLock(database: Database, lock: DataDirLock): Database {
  return {
    ...database,
    async close() {
      try {
        await database.close();
      } finally {
        lock.release();
      }
    },
  };
}

/**
 * The PGlite client as Drizzle and rawTransaction use it, counting what may have written: every
 * statement that is not a SELECT and every transaction, counted when it ends (committed or not).
 */
function countingWrites(client: PGlite): { tracked: PGlite; writes: () => number } {
  let writes = 0;
  const after = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      writes += 1;
    }
  };
  const tracked = Object.create(client) as PGlite;
  Object.assign(tracked, {
    query: (text: string, ...rest: unknown[]) => {
      const run = (client.query as (...args: unknown[]) => Promise<unknown>).call(client, text, ...rest);
      return READ_ONLY.test(text) ? run : after(run);
    },
    exec: (...args: unknown[]) => after((client.exec as (...a: unknown[]) => Promise<unknown>).call(client, ...args)),
    transaction: (...args: unknown[]) => after((client.transaction as (...a: unknown[]) => Promise<unknown>).call(client, ...args)),
  });
  return { tracked, writes: () => writes };
}

/** A statement that reads only: SELECT, not a data-modifying WITH (a SELECT of ours calls no writing function). */
const READ_ONLY = /^\s*select\b/i;

async function openPglite(client: PGlite, location: string): Promise<Database> {
  await client.waitReady;
  const { tracked, writes } = countingWrites(client);
  const db = drizzlePglite(tracked, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location,
    dataVersion: async () => `pglite:${writes()}`,
    rawTransaction: (work) =>
      tracked.transaction((tx) =>
        work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
        }),
      ),
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 20, idleTimeoutMillis: 30_000 });
  // Without these a dropped connection (server restart, network) crashes the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    dataVersion: batchedDataVersion(pool),
    async rawTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <T>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as T[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The snapshot, one query for every caller of the same event-loop turn: the query is sent after all
 * of them asked (setImmediate), so each still gets a version read after its own request began.
 */
function batchedDataVersion(pool: pg.Pool): () => Promise<string> {
  let batch: Promise<string> | null = null;
  return () => {
    batch ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      batch = null;
      const { rows } = await pool.query<{ v: string }>('SELECT pg_current_snapshot()::text AS v');
      return `postgres:${rows[0].v}`;
    });
    return batch;
  };
}

/** Rows of a raw `db.execute(sql…)` on either driver. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * One JSON value built by the database: `query` selects one row whose column `value` is json cast to
 * text. For reads of many rows (json_agg): PGlite spends ~30 µs of JavaScript on each row it returns,
 * so 500 rows cost ~17 ms as rows and ~6 ms as one aggregated value (docs/PERFORMANCE.md).
 */
export async function queryJson<T>(db: Db, query: SQL): Promise<T> {
  const [row] = await queryRows<{ value: string }>(db, query);
  return JSON.parse(row.value) as T;
}
