import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';
import { changedTables, snapshot } from '../helpers/db-snapshot.js';

/**
 * Text the database cannot store — U+0000 in text, a lone UTF-16 surrogate in jsonb (the audit
 * record's details) — is refused with 400 before any use case runs, never a 500 (found by
 * drill:fuzz: POST /api/organizations/:id/aliases with {"alias":"\ud800"} answered 500).
 */
describe.each(DATABASE_KINDS)('text the database cannot store (%s)', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let organizationId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
    const created = await admin.request('POST', '/api/organizations', { name: '伊犁州测试局', kind: 'unit' });
    expect(created.statusCode).toBe(201);
    organizationId = created.json().id;
  }, 120_000);
  afterAll(async () => t?.close());

  it.each([
    ['a lone high surrogate', '州\ud800局', '不成对的 UTF-16 代理项'],
    ['a lone low surrogate', '\udc00', '不成对的 UTF-16 代理项'],
    ['U+0000', '州\u0000局', '空字符（U+0000）'],
  ])('refuses %s with 400 and changes nothing', async (_what, alias, message) => {
    const before = await snapshot(t.database);
    const res = await admin.request('POST', `/api/organizations/${organizationId}/aliases`, { alias });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().message).toContain(message);
    expect(changedTables(before, await snapshot(t.database))).toEqual([]);
  });

  it('still takes a character outside the BMP (a surrogate pair)', async () => {
    const res = await admin.request('POST', `/api/organizations/${organizationId}/aliases`, { alias: '州𠀀局' });
    expect(res.statusCode).toBeLessThan(300);
  });
}, 300_000);
