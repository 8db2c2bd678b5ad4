import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';
import { auditRecordsAfter, lastAuditSeq, type AuditRecordSummary } from '../helpers/db-snapshot.js';
import { PROTECTED_FIELD_ALLOW_LIST, protectedFieldViolations } from '../helpers/protected-fields.js';
import { roleCallers, type Caller } from '../helpers/role-clients.js';
import {
  apiRoutes,
  expectedOutcome,
  fillPath,
  queryString,
  validBody,
  validParams,
  validQuery,
  type ApiRoute,
  type PolicyOutcome,
} from '../helpers/route-inventory.js';

/**
 * Role × route matrix over every registered /api route: the policy layer refuses the anonymous
 * caller (401) and any role without the route's permission (403, with an access.denied record),
 * and lets every role holding it through. Routes are read from the running app, not listed here.
 */

/** What the policy layer did: its 401 carries UNAUTHENTICATED, its 403 writes access.denied. */
function observedOutcome(res: LightMyRequestResponse, records: AuditRecordSummary[]): PolicyOutcome {
  if (res.statusCode === 401 && res.json<{ code?: string }>().code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (res.statusCode === 403 && records.some((r) => r.action === 'access.denied')) return 'forbidden';
  return 'passed';
}

function requestFor(route: ApiRoute, seed: number) {
  return {
    method: route.method,
    url: fillPath(route.url, validParams(route, seed)) + queryString(validQuery(route, seed)),
    payload: route.stateChanging ? (validBody(route, seed) ?? undefined) : undefined,
  };
}

describe.each(DATABASE_KINDS)('access control on %s', (kind) => {
  let t: TestApp;
  let callers: Caller[];
  let routes: ApiRoute[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { anonymous, byRole } = await roleCallers(t.app, t.database);
    callers = [anonymous, ...byRole.values()];
    routes = apiRoutes(t.routes);
  });
  afterAll(async () => t.close());

  it('has a policy for every /api route (deny by default is the fallback, not the plan)', () => {
    expect(routes.filter((r) => !r.policy).map((r) => r.key)).toEqual([]);
  });

  it('checks every /api route for every role and the anonymous caller', async () => {
    const mismatches: string[] = [];
    const serverErrors: string[] = [];
    const checked = new Set<string>();
    for (const [index, route] of routes.entries()) {
      const request = requestFor(route, 1000 + index);
      for (const caller of callers) {
        if (!(await caller.sessionAlive())) await caller.relogin();
        const seq = await lastAuditSeq(t.database);
        const res = await caller.send(request);
        const observed = observedOutcome(res, await auditRecordsAfter(t.database, seq));
        const expected = expectedOutcome(route.policy, caller.role);
        const who = caller.role ?? 'anonymous';
        if (observed !== expected) mismatches.push(`${route.key} as ${who}: expected ${expected}, got ${observed} (${res.statusCode})`);
        if (res.statusCode >= 500) serverErrors.push(`${route.key} as ${who}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      checked.add(route.key);
    }
    expect(mismatches).toEqual([]);
    expect(serverErrors).toEqual([]);
    const registered = new Set(t.routes.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`));
    expect(checked.size).toBe(registered.size);
    expect([...registered].filter((key) => !checked.has(key))).toEqual([]);
    expect(callers).toHaveLength(1 + 11);
  }, 600_000);

  it('lets no body (nor a state change\'s querystring) write status, amounts, owning unit, jurisdiction or who/when', () => {
    const violations = routes.flatMap(protectedFieldViolations);
    expect(violations).toEqual([]);
    // The allow-list names only routes that exist: a renamed route must not keep a stale exemption.
    const keys = new Set(routes.map((r) => r.key));
    expect(Object.keys(PROTECTED_FIELD_ALLOW_LIST).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('drops or refuses protected keys added to a valid body (behaviour, not only the schema text)', () => {
    const injected: Record<string, unknown> = {
      status: 'approved',
      state: 'approved',
      amount: 100_000_000,
      amountFen: 100_000_000,
      organizationId: '00000000-0000-4000-8000-000000000000',
      jurisdiction: '650000',
      createdBy: '00000000-0000-4000-8000-000000000000',
      approvedBy: '00000000-0000-4000-8000-000000000000',
      roles: ['system-admin'],
    };
    const accepted: string[] = [];
    for (const [index, route] of routes.entries()) {
      if (!route.body) continue;
      const base = validBody(route, 2000 + index);
      if (base === null || typeof base !== 'object' || Array.isArray(base)) continue;
      const allowed = new Set(PROTECTED_FIELD_ALLOW_LIST[route.key]?.fields ?? []);
      for (const [key, value] of Object.entries(injected)) {
        if (allowed.has(key) || key in base) continue;
        const parsed = route.body.safeParse({ ...base, [key]: value });
        if (parsed.success && typeof parsed.data === 'object' && parsed.data !== null && key in parsed.data) {
          accepted.push(`${route.key} body.${key}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });
});
