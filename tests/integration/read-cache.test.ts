import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';

/**
 * The read cache (src/server/read-cache.ts): a repeated read is answered from memory only while no
 * data has changed — through this app, through another connection (another process on PostgreSQL)
 * or directly in the database — and never to another caller. Logging out ends a session at once.
 */
const REAL = readFileSync(new URL('../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const NOW = new Date('2023-06-15T04:00:00Z');

const cacheOf = (res: { headers: Record<string, unknown> }) => res.headers['x-yizheng-cache'];

describe.each(DATABASE_KINDS)('read cache (%s)', (kind) => {
  let t: TestApp;
  let staff: TestClient;
  let reporter: TestClient;

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => NOW });
    staff = await t.userWith('office1', ['office-staff']);
    reporter = await t.userWith('reporter1', ['department-reporter']);
  }, 120_000);
  afterAll(async () => t?.close());

  it('answers a repeated read from memory, the same bytes, and no longer after a change through the app', async () => {
    const first = await staff.request('GET', '/api/documents?q=体育');
    const second = await staff.request('GET', '/api/documents?q=体育');
    expect([cacheOf(first), cacheOf(second)]).toEqual(['miss', 'hit']);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.json()).toEqual({ items: [], total: 0 });

    expect((await staff.request('POST', '/api/documents/import', { text: REAL, sourceName: 'yili-2023.txt' })).statusCode).toBe(200);
    const after = await staff.request('GET', '/api/documents?q=体育');
    expect(cacheOf(after)).toBe('miss');
    expect(after.json().total).toBeGreaterThan(0);
    expect(cacheOf(await staff.request('GET', '/api/documents?q=体育'))).toBe('hit');
  });

  it('keeps each caller\'s answers apart', async () => {
    await staff.request('GET', '/api/bodies');
    const other = await reporter.request('GET', '/api/bodies');
    expect(other.statusCode).toBe(200);
    expect(cacheOf(other)).toBe('miss');
  });

  it('sees a change written directly in the database', async () => {
    const before = await staff.request('GET', '/api/documents?q=体育');
    expect(cacheOf(await staff.request('GET', '/api/documents?q=体育'))).toBe('hit');
    await t.database.db.execute(sql`UPDATE documents SET title = title || '（修订）'`);
    const after = await staff.request('GET', '/api/documents?q=体育');
    expect(cacheOf(after)).toBe('miss');
    expect(after.body).not.toBe(before.body);
    expect(after.json().items[0].title).toMatch(/（修订）$/);
  });

  it('answers a refused caller with the refusal, not with a cached answer', async () => {
    await staff.request('GET', '/api/livelihood/dashboard');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/documents?q=体育' });
    expect(anonymous.statusCode).toBe(401);
    expect(cacheOf(anonymous)).toBeUndefined();
  });

  it('ends a session at logout although its row was cached', async () => {
    const leader = await t.userWith('leader1', ['leader']);
    expect((await leader.request('GET', '/api/bodies')).statusCode).toBe(200);
    expect((await leader.request('GET', '/api/bodies')).statusCode).toBe(200);
    expect((await leader.request('POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    const res = await leader.request('GET', '/api/bodies');
    expect(res.statusCode).toBe(401);
  });

  it('applies no cache when built without one', async () => {
    const app = await buildApp({ database: t.database, config: t.config, now: () => NOW, logger: false, readCache: false });
    try {
      const cookies = staff.cookies;
      const res = await app.inject({ method: 'GET', url: '/api/documents?q=体育', cookies });
      expect(res.statusCode).toBe(200);
      expect(cacheOf(res)).toBeUndefined();
    } finally {
      await app.close();
    }
  });
}, 300_000);

describe('read cache with two processes on one PostgreSQL database', () => {
  let t: TestApp;
  let staff: TestClient;

  beforeAll(async () => {
    t = await createTestApp('postgres', { now: () => NOW });
    staff = await t.userWith('office1', ['office-staff']);
    expect((await staff.request('POST', '/api/documents/import', { text: REAL, sourceName: 'yili-2023.txt' })).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => t?.close());

  it('sees a change and a logout made by another process on the same database', async () => {
    const otherDatabase: Database = await openDatabase({ kind: 'postgres', url: t.url as string }, async () => undefined);
    const other = await buildApp({ database: otherDatabase, config: t.config, now: () => NOW, logger: false });
    try {
      const before = await staff.request('GET', '/api/documents?q=体育');
      expect(cacheOf(await staff.request('GET', '/api/documents?q=体育'))).toBe('hit');
      await otherDatabase.db.execute(sql`UPDATE documents SET title = title || '（二）'`);
      const after = await staff.request('GET', '/api/documents?q=体育');
      expect(cacheOf(after)).toBe('miss');
      expect(after.body).not.toBe(before.body);

      const leader = await t.userWith('leader2', ['leader']);
      expect((await leader.request('GET', '/api/bodies')).statusCode).toBe(200);
      const out = await other.inject({ method: 'POST', url: '/api/auth/logout', cookies: leader.cookies, headers: { 'x-csrf-token': leader.cookies.yz_csrf } });
      expect(out.statusCode).toBeLessThan(300);
      expect((await leader.request('GET', '/api/bodies')).statusCode).toBe(401);
    } finally {
      await other.close();
      await otherDatabase.close();
    }
  });
});
