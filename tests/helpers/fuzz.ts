import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import { queryRows, type Database } from '../../src/db/client.js';
import { changedTables, lastAuditSeq, snapshot } from './db-snapshot.js';
import type { Caller } from './role-clients.js';
import { fillPath, pathParamNames, queryString, validBody, validParams, validQuery, type ApiRoute } from './route-inventory.js';
import { asStrings, jsonSchemaOf, validSamples } from './schema-arbitrary.js';

/**
 * Invalid input for any route, through fastify.inject. Each case takes the route's valid params,
 * query and body and breaks exactly one of them (wrong types, missing fields, huge or strange
 * strings, prototype-pollution keys, SQL/XSS text, deep nesting, broken JSON, wrong content
 * types). For a state-changing route a case counts only if the route's own schema (or Fastify's
 * body parser) must refuse it, so "no business table changed" is the right expectation; for a GET
 * the nasty-but-valid cases count as well (a search for `' OR 1=1 --` must not fail either).
 */

const SQL_STRINGS = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  "'; DROP TABLE users; --",
  "' UNION SELECT username, password_hash FROM users --",
  "1); SELECT pg_sleep(3); --",
  '\\x27 OR 1=1',
  '%27%20OR%201%3D1',
  '$$; DELETE FROM audit_log; $$',
];
const XSS_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg/onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202e伊犁\u202d',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0301\u0301',
  '🀄️👨‍👩‍👧‍👦𝕏',
  'ئىلى قازاق ئاپتونوم ئوبلاستى',
  'Іле Қазақ автономиялық облысы',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '\r\nSet-Cookie: yz_session=x',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x1F',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '2023-02-30',
  '9999-99-99',
  '2023-13-01T25:61:61Z',
  '00000000-0000-0000-0000-000000000000',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
];
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const SUSPICIOUS_KEYS = [...PROTO_KEYS, 'toString', 'hasOwnProperty', 'isAdmin', 'status', 'jurisdiction', 'organizationId', 'createdBy', 'amountFen', 'roles', 'id', '$where', '0'];

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

const nastyString = fc.oneof(
  fc.constantFrom(...SQL_STRINGS, ...XSS_STRINGS, ...ODD_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const hugeString = fc.constantFrom(10_000, 100_000, 1_000_000).map((n) => '伊'.repeat(n));
const deep = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([depth, asArray]) => nested(depth, 'x', asArray));

/** A value of the wrong kind for (almost) any field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deep },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 53 + 1, 1e308, -1e308)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
);

export type Part = 'params' | 'querystring' | 'body';

export type BodyPayload =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; text: string }
  /** Text Fastify's parser refuses whatever the route: broken JSON, an unsupported type, too large. */
  | { kind: 'refused'; text: string | Buffer; contentType: string }
  /** Text Fastify parses into `seenAs` (text/plain → the string; multipart → no body). */
  | { kind: 'other'; text: string; contentType: string; seenAs: unknown };

export interface FuzzCase {
  mutation: string;
  params: Record<string, string>;
  /** Malformed percent-encoding in the path: Fastify answers 400 before any schema. */
  rawPath?: string;
  query: Record<string, string | string[]>;
  rawQuery?: string;
  body: BodyPayload;
}

/** Sets an own property, even `__proto__`, so JSON.stringify writes it. */
function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function objectMutations(base: Record<string, unknown>, knownKeys: string[], required: string[]): fc.Arbitrary<{ mutation: string; value: unknown }> {
  const keys = [...new Set([...knownKeys, ...Object.keys(base)])];
  const options: fc.Arbitrary<{ mutation: string; value: unknown }>[] = [
    fc
      .tuple(fc.oneof(fc.constantFrom(...SUSPICIOUS_KEYS), fc.string({ minLength: 1, maxLength: 12 })), fc.oneof(wrongValue, fc.constant('x')))
      .map(([key, value]) => ({ mutation: `unknown key ${JSON.stringify(key).slice(0, 20)}`, value: withKey(base, key, value) })),
    fc.oneof(nastyString, fc.integer(), fc.constant(null), fc.constant(true), fc.array(fc.integer(), { maxLength: 3 }), deep).map((value) => ({ mutation: 'not an object', value })),
  ];
  if (keys.length) {
    options.push(
      fc.tuple(fc.constantFrom(...keys), wrongValue).map(([key, value]) => ({ mutation: `wrong value for ${key}`, value: withKey(base, key, value) })),
    );
  }
  if (required.length) {
    options.push(
      fc.constantFrom(...required).map((key) => {
        const copy = { ...base };
        delete copy[key];
        return { mutation: `missing ${key}`, value: copy };
      }),
    );
  }
  return fc.oneof(...options);
}

function schemaKeys(route: ApiRoute, part: Part): { keys: string[]; required: string[] } {
  const schema = part === 'body' ? route.body : part === 'params' ? route.params : route.querystring;
  if (!schema) return { keys: [], required: [] };
  const json = jsonSchemaOf(schema);
  return { keys: Object.keys(json.properties ?? {}), required: json.required ?? [] };
}

const INVALID_JSON = ['{', '{"a":', '{"a":1,}', "{'a':1}", '[1,', 'undefined', '{"a":1}}', 'NaN', '\u0000', '{"a":"\\x41"}', '{"a":1} trailing'];

function protoText(base: unknown): fc.Arbitrary<{ mutation: string; text: string }> {
  const inner = JSON.stringify(base && typeof base === 'object' && !Array.isArray(base) ? base : {});
  const rest = inner.length > 2 ? `,${inner.slice(1)}` : '}';
  return fc
    .constantFrom(
      '"__proto__":{"polluted":"yes","isAdmin":true}',
      '"constructor":{"prototype":{"polluted":"yes"}}',
      '"a":{"__proto__":{"polluted":"yes"}}',
      '"__proto__":null',
    )
    .map((member) => ({ mutation: `prototype pollution ${member.slice(0, 16)}`, text: `{${member}${rest}` }));
}

function bodyCases(route: ApiRoute, base: unknown): fc.Arbitrary<{ mutation: string; body: BodyPayload }> {
  const baseObject = base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  const { keys, required } = schemaKeys(route, 'body');
  const json = (value: unknown) => ({ kind: 'json' as const, value, text: JSON.stringify(value) ?? 'null' });
  return fc.oneof(
    { weight: 6, arbitrary: objectMutations(baseObject, keys, required).map(({ mutation, value }) => ({ mutation, body: json(value) })) },
    { weight: 1, arbitrary: protoText(base).map(({ mutation, text }) => ({ mutation, body: { kind: 'refused' as const, text, contentType: 'application/json' } })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...INVALID_JSON).map((text) => ({ mutation: 'invalid JSON', body: { kind: 'refused' as const, text, contentType: 'application/json' } })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('application/xml', 'application/x-www-form-urlencoded', 'application/octet-stream', 'text/html', 'image/png', 'application/json-patch+json; charset=utf-7')
        .map((contentType) => ({ mutation: `content type ${contentType}`, body: { kind: 'refused' as const, text: JSON.stringify(base ?? {}), contentType } })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        mutation: 'text/plain with the JSON text',
        body: { kind: 'other' as const, text: JSON.stringify(base ?? {}), contentType: 'text/plain', seenAs: JSON.stringify(base ?? {}) },
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        mutation: 'multipart instead of JSON',
        body: {
          kind: 'other' as const,
          text: '--X\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--X--\r\n',
          contentType: 'multipart/form-data; boundary=X',
          seenAs: undefined,
        },
      }),
    },
    { weight: 1, arbitrary: fc.constant({ mutation: 'empty JSON body', body: { kind: 'refused' as const, text: '', contentType: 'application/json' } }) },
    {
      weight: 1,
      arbitrary: fc.constant({ mutation: 'body over the 2 MB limit', body: { kind: 'refused' as const, text: `{"a":"${'x'.repeat(2 * 1024 * 1024 + 10)}"}`, contentType: 'application/json' } }),
    },
  );
}

function paramCases(route: ApiRoute, base: Record<string, string>): fc.Arbitrary<{ mutation: string; params?: Record<string, string>; rawPath?: string }> {
  const names = pathParamNames(route.url);
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...names), fc.oneof(nastyString, hugeString.map((s) => s.slice(0, 5000)), fc.integer().map(String))).map(([name, value]) => ({ mutation: `param ${name}`, params: { ...base, [name]: value } })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%2e%2e%2f', '%C0%AF').map((bad) => ({
        mutation: `malformed param ${bad}`,
        rawPath: fillPath(route.url, { ...base, [names[0]]: bad }, (v) => v),
      })),
    },
  );
}

function queryCases(route: ApiRoute, base: Record<string, string | string[]>): fc.Arbitrary<{ mutation: string; query?: Record<string, string | string[]>; rawQuery?: string }> {
  const { keys, required } = schemaKeys(route, 'querystring');
  const allKeys = [...new Set([...keys, ...Object.keys(base)])];
  const stringValue = fc.oneof(nastyString, hugeString.map((s) => s.slice(0, 20_000)), fc.integer().map(String), fc.constantFrom('true', 'false', '-1', '1e999', '2023-02-30'));
  const options: fc.Arbitrary<{ mutation: string; query?: Record<string, string | string[]>; rawQuery?: string }>[] = [
    fc.tuple(fc.oneof(fc.constantFrom(...SUSPICIOUS_KEYS), fc.string({ minLength: 1, maxLength: 10 })), stringValue).map(([key, value]) => ({ mutation: 'unknown query key', query: { ...base, [key]: value } })),
    fc.constantFrom('%', '%ZZ=1', 'a=%E0%A4%A', '&&&==', 'a[b]=1&a[c]=2', '__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes').map((raw) => ({ mutation: `raw query ${raw}`, rawQuery: raw })),
  ];
  if (allKeys.length) {
    options.push(fc.tuple(fc.constantFrom(...allKeys), stringValue).map(([key, value]) => ({ mutation: `query ${key}`, query: { ...base, [key]: value } })));
    options.push(fc.tuple(fc.constantFrom(...allKeys), fc.array(stringValue, { minLength: 2, maxLength: 3 })).map(([key, value]) => ({ mutation: `repeated query ${key}`, query: { ...base, [key]: value } })));
  }
  if (required.length) {
    options.push(
      fc.constantFrom(...required).map((key) => {
        const copy = { ...base };
        delete copy[key];
        return { mutation: `missing query ${key}`, query: copy };
      }),
    );
  }
  return fc.oneof(...options);
}

/** The parts of a route that take input (declared by a schema, or a path parameter). */
export function inputParts(route: ApiRoute): Part[] {
  const parts: Part[] = [];
  if (pathParamNames(route.url).length) parts.push('params');
  if (route.querystring) parts.push('querystring');
  if (route.body) parts.push('body');
  return parts;
}

export function fuzzCaseArbitrary(route: ApiRoute, seed: number): fc.Arbitrary<FuzzCase> {
  const params = validParams(route, seed);
  const query = validQuery(route, seed);
  const base = validBody(route, seed);
  const valid: FuzzCase = {
    mutation: 'valid',
    params,
    query,
    body: base === undefined ? { kind: 'none' } : { kind: 'json', value: base, text: JSON.stringify(base) },
  };
  const byPart: fc.Arbitrary<FuzzCase>[] = inputParts(route).map((part) => {
    if (part === 'params') return paramCases(route, params).map((c) => ({ ...valid, mutation: c.mutation, params: c.params ?? params, rawPath: c.rawPath }));
    if (part === 'querystring') return queryCases(route, query).map((c) => ({ ...valid, mutation: c.mutation, query: c.query ?? query, rawQuery: c.rawQuery }));
    return bodyCases(route, base).map((c) => ({ ...valid, mutation: c.mutation, body: c.body }));
  });
  return fc.oneof(...byPart);
}

function refuses(schema: ApiRoute['body'], value: unknown): boolean {
  return schema ? !schema.safeParse(value).success : false;
}

/** Fastify's JSON parser (secure-json-parse) refuses `__proto__` keys and `constructor.prototype`. */
function poisoned(text: string): boolean {
  if (!text.includes('__proto__') && !text.includes('prototype')) return false;
  const walk = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object') return false;
    if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
    const ctor: unknown = Object.prototype.hasOwnProperty.call(value, 'constructor') ? (value as Record<string, unknown>).constructor : null;
    if (ctor && typeof ctor === 'object' && Object.prototype.hasOwnProperty.call(ctor, 'prototype')) return true;
    return Object.values(value).some(walk);
  };
  try {
    return walk(JSON.parse(text));
  } catch {
    return true;
  }
}

/** Whether the route must refuse the case before its handler runs (schema or body parser). */
export function mustBeRefused(route: ApiRoute, c: FuzzCase): boolean {
  if (c.rawPath || c.rawQuery) return true;
  if (route.params && refuses(route.params, c.params)) return true;
  if (route.querystring && refuses(route.querystring, c.query)) return true;
  switch (c.body.kind) {
    case 'refused':
      return true;
    case 'other':
      return refuses(route.body, c.body.seenAs);
    case 'json':
      return poisoned(c.body.text) || refuses(route.body, c.body.value);
    default:
      return false;
  }
}

export function requestOf(route: ApiRoute, c: FuzzCase) {
  const path = c.rawPath ?? fillPath(route.url, c.params, safeEncode);
  const url = path + (c.rawQuery !== undefined ? `?${c.rawQuery}` : queryString(c.query));
  const body = c.body;
  if (body.kind === 'none') return { method: route.method, url };
  if (body.kind === 'json') return { method: route.method, url, payload: body.text, headers: { 'content-type': 'application/json' } };
  return { method: route.method, url, payload: body.text, headers: { 'content-type': body.contentType } };
}

/** encodeURIComponent throws on a lone surrogate; the browser would send U+FFFD. */
function safeEncode(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

/** A reproducible seed per route, so a failure names a case that can be replayed. */
export function routeSeed(route: ApiRoute, base: number): number {
  let h = base | 0;
  for (const ch of route.key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** Cases per batch: the unit of the database checks in `fuzzRoute` and of generation. */
export const FUZZ_BATCH = 100;

/**
 * The route's invalid cases, a batch at a time: a case may carry a 1–2 MB text, so generating a
 * thousand at once held gigabytes. Sample chunk k uses seed + k, so the cases are reproducible
 * from the seed. Up to 20 samples per case wanted (a state-changing route keeps only the ones
 * its schema must refuse).
 */
export function* invalidCaseBatches(route: ApiRoute, count: number, seed: number, batchSize = FUZZ_BATCH): Generator<FuzzCase[]> {
  if (inputParts(route).length === 0 || count <= 0) return;
  const arbitrary = fuzzCaseArbitrary(route, seed);
  const maxSamples = count * 20;
  let batch: FuzzCase[] = [];
  let made = 0;
  for (let sampled = 0, chunk = 0; made < count && sampled < maxSamples; chunk += 1) {
    const numRuns = Math.min(batchSize, maxSamples - sampled);
    sampled += numRuns;
    for (const c of fc.sample(arbitrary, { numRuns, seed: seed + chunk })) {
      if (route.stateChanging && !mustBeRefused(route, c)) continue;
      batch.push(c);
      made += 1;
      if (batch.length === batchSize || made === count) {
        yield batch;
        batch = [];
      }
      if (made === count) break;
    }
  }
  if (batch.length) yield batch;
}

export function invalidCases(route: ApiRoute, count: number, seed: number): FuzzCase[] {
  return [...invalidCaseBatches(route, count, seed)].flat();
}

export interface FuzzResult {
  route: string;
  cases: number;
  batches: number;
  /** Batches that changed something and were re-run case by case to name the case. */
  rerunBatches: number;
  serverErrors: string[];
  /** Business-table changes, each with the case that made it (or the batch, if no case repeats it). */
  changes: string[];
  /** Audit records written minus those expected (one per state-changing request), over all batches. */
  auditSurplus: number;
  /** The cases (or batches) behind a non-zero `auditSurplus`. */
  auditMisses: string[];
  statuses: Record<number, number>;
}

function describeCase(c: FuzzCase, res: LightMyRequestResponse, request?: { method: string; url: string }): string {
  const target = request ? ` ${request.method} ${request.url.slice(0, 200)}` : '';
  const body = c.body.kind === 'none' ? '' : ` body ${String(c.body.text).slice(0, 120)}`;
  return `[${c.mutation}]${target} → ${res.statusCode} ${res.body.slice(0, 160)}${body}`;
}

/** Audit records appended after `seq` (counted, not inferred from seq numbers). */
async function auditRecordsSince(database: Database, seq: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE seq > ${seq}`);
  return row.n;
}

/**
 * Sends every invalid case and checks each answer for 5xx. The database checks run per batch of
 * `batch` cases: the business tables' snapshot before and after it (when `snapshot` is on) and the
 * number of audit records it appended (one per state-changing request). A batch that changed a
 * table or appended the wrong number of records is sent again case by case, each case between its
 * own snapshots and audit counts, so the finding names its input; if no single case repeats it,
 * the batch is reported with its case numbers.
 */
export async function fuzzRoute(
  target: { app: FastifyInstance; database: Database },
  route: ApiRoute,
  caller: Caller,
  options: {
    cases: number;
    seed: number;
    /** Snapshot the business tables around each batch (the caller may snapshot around many routes instead). */
    snapshot?: boolean;
    batch?: number;
  },
): Promise<FuzzResult> {
  const { database } = target;
  const withSnapshots = options.snapshot ?? true;
  const batchSize = Math.max(1, options.batch ?? FUZZ_BATCH);
  const auditPerCase = route.stateChanging ? 1 : 0;
  const result: FuzzResult = { route: route.key, cases: 0, batches: 0, rerunBatches: 0, serverErrors: [], changes: [], auditSurplus: 0, auditMisses: [], statuses: {} };
  if (!(await caller.sessionAlive())) await caller.relogin();
  const tables = async () => (withSnapshots ? snapshot(database) : null);
  let before = await tables();
  for (const batch of invalidCaseBatches(route, options.cases, routeSeed(route, options.seed), batchSize)) {
    const first = result.cases + 1;
    result.batches += 1;
    const seq = await lastAuditSeq(database);
    const failed = new Set<FuzzCase>();
    for (const c of batch) {
      const request = requestOf(route, c);
      const res = await caller.send(request);
      result.cases += 1;
      result.statuses[res.statusCode] = (result.statuses[res.statusCode] ?? 0) + 1;
      if (res.statusCode >= 500) {
        failed.add(c);
        result.serverErrors.push(`case ${result.cases}: ${describeCase(c, res, request)}`);
      }
    }
    const after = await tables();
    const changed = before && after ? changedTables(before, after) : [];
    const surplus = route.stateChanging ? (await auditRecordsSince(database, seq)) - auditPerCase * batch.length : 0;
    before = after;
    if (!changed.length && surplus === 0) continue;
    result.auditSurplus += surplus;
    result.rerunBatches += 1;
    const range = `cases ${first}–${first + batch.length - 1}`;
    let namedChange = false;
    let namedAudit = false;
    for (const [i, c] of batch.entries()) {
      const caseSeq = await lastAuditSeq(database);
      const request = requestOf(route, c);
      const res = await caller.send(request);
      const now = await tables();
      const caseChanged = before && now ? changedTables(before, now) : [];
      before = now;
      const records = route.stateChanging ? await auditRecordsSince(database, caseSeq) : auditPerCase;
      const label = `case ${first + i} (re-run)`;
      if (res.statusCode >= 500 && !failed.has(c)) result.serverErrors.push(`${label}: ${describeCase(c, res, request)}`);
      if (caseChanged.length) {
        namedChange = true;
        result.changes.push(`${label}: ${caseChanged.join(', ')} ${describeCase(c, res, request)}`);
      }
      if (records !== auditPerCase) {
        namedAudit = true;
        result.auditMisses.push(`${label}: ${records} audit records ${describeCase(c, res, request)}`);
      }
    }
    if (changed.length && !namedChange) result.changes.push(`${range}: ${changed.join(', ')} (no single case repeated it when re-run)`);
    if (surplus !== 0 && !namedAudit) result.auditMisses.push(`${range}: ${surplus > 0 ? '+' : ''}${surplus} audit records (no single case repeated it when re-run)`);
  }
  return result;
}

type Path = (string | number)[];

function stringPaths(value: unknown, at: Path = []): Path[] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
}

function setAt(value: unknown, path: Path, leaf: string): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, leaf) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: setAt(record[head as string], rest, leaf) };
}

/**
 * The same valid input with as many string fields as the schema allows replaced by SQL, XSS and
 * odd Unicode text: still valid, so it reaches the handler and the database.
 */
export function nastyButValid(schema: z.ZodType | undefined, value: unknown, seed: number): unknown {
  if (!schema) return value;
  const pool = fc.sample(nastyString, { numRuns: 64, seed });
  let current = value;
  for (const [i, path] of stringPaths(value).entries()) {
    const candidate = setAt(current, path, pool[(i * 7 + Math.abs(seed)) % pool.length]);
    if (schema.safeParse(candidate).success) current = candidate;
  }
  return current;
}

export interface ValidResult {
  route: string;
  cases: number;
  serverErrors: string[];
  /** 2xx answers that do not match the route's declared response schema. */
  nonConforming: string[];
  /** 2xx statuses answered without a response schema to check them against. */
  unchecked: number[];
  statuses: Record<number, number>;
}

/** Valid inputs: no 5xx, and every 2xx JSON answer conforms to its declared response schema. */
export async function validRoute(
  target: { app: FastifyInstance; database: Database },
  route: ApiRoute,
  caller: Caller,
  options: { cases: number; seed: number },
): Promise<ValidResult> {
  const seed = routeSeed(route, options.seed);
  const paramsList = route.params ? validSamples(route.params, options.cases, seed, asStrings) : [];
  const queryList = route.querystring ? validSamples(route.querystring, options.cases, seed + 1, asStrings) : [];
  const bodyList = route.body ? validSamples(route.body, options.cases, seed + 2) : [];
  const result: ValidResult = { route: route.key, cases: 0, serverErrors: [], nonConforming: [], unchecked: [], statuses: {} };
  for (let i = 0; i < options.cases; i += 1) {
    if (!(await caller.sessionAlive())) await caller.relogin();
    let params = (paramsList[i % Math.max(paramsList.length, 1)] as Record<string, string> | undefined) ?? validParams(route, seed + i);
    let query = (queryList[i % Math.max(queryList.length, 1)] as Record<string, string | string[]> | undefined) ?? {};
    let body: unknown = route.body ? (bodyList[i % Math.max(bodyList.length, 1)] ?? {}) : undefined;
    if (i % 2 === 1) {
      // Every other case: hostile text wherever the schema takes free text.
      params = nastyButValid(route.params, params, seed + i) as Record<string, string>;
      query = nastyButValid(route.querystring, query, seed + i) as Record<string, string | string[]>;
      body = nastyButValid(route.body, body, seed + i);
    }
    const c: FuzzCase = { mutation: i % 2 === 1 ? 'valid, hostile text' : 'valid', params, query, body: body === undefined ? { kind: 'none' } : { kind: 'json', value: body, text: JSON.stringify(body) } };
    const request = requestOf(route, c);
    const res = await caller.send(request);
    result.cases += 1;
    result.statuses[res.statusCode] = (result.statuses[res.statusCode] ?? 0) + 1;
    if (res.statusCode >= 500) result.serverErrors.push(describeCase(c, res, request));
    if (res.statusCode >= 200 && res.statusCode < 300 && String(res.headers['content-type'] ?? '').includes('application/json')) {
      const schema = route.response[String(res.statusCode)] ?? route.response['2xx'] ?? route.response.default;
      if (!schema) {
        if (!result.unchecked.includes(res.statusCode)) result.unchecked.push(res.statusCode);
      } else if (!schema.safeParse(res.json()).success) {
        result.nonConforming.push(describeCase(c, res, request));
      }
    }
  }
  return result;
}

/** Routes whose 2xx answers no schema describes (the serializer then checks nothing). */
export function routesWithoutResponseSchema(routes: ApiRoute[]): string[] {
  return routes.filter((r) => !Object.keys(r.response).some((s) => /^(2\d\d|2xx|default)$/.test(s))).map((r) => r.key);
}
