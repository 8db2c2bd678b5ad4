import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/auth/roles.js';
import { verifyAuditChain } from '../../src/services/audit/audit.service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';
import { auditRecordsAfter, lastAuditSeq } from '../helpers/db-snapshot.js';
import { invalidCases, requestOf, routeSeed } from '../helpers/fuzz.js';
import { roleCallers, type ApiRequest, type Caller } from '../helpers/role-clients.js';
import {
  apiRoutes,
  expectedOutcome,
  fillPath,
  queryString,
  roleAllowedFor,
  validBody,
  validParams,
  validQuery,
  type ApiRoute,
} from '../helpers/route-inventory.js';

/**
 * Every state-changing route (POST/PUT/PATCH/DELETE) leaves exactly one audit record per request:
 * for a valid-looking call, an invalid one, a refused role and an anonymous caller. Routes come
 * from the running app.
 */
describe.each(DATABASE_KINDS)('audit trail on %s', (kind) => {
  let t: TestApp;
  let anonymous: Caller;
  let byRole: Map<Role, Caller>;
  let routes: ApiRoute[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ anonymous, byRole } = await roleCallers(t.app, t.database));
    routes = apiRoutes(t.routes).filter((r) => r.stateChanging);
  });
  afterAll(async () => t.close());

  async function recordsFor(caller: Caller, request: ApiRequest) {
    if (!(await caller.sessionAlive())) await caller.relogin();
    const seq = await lastAuditSeq(t.database);
    const res = await caller.send(request);
    const records = await auditRecordsAfter(t.database, seq);
    return { res, records };
  }

  it('writes exactly one record for every state-changing request, whatever its outcome', async () => {
    expect(routes.length).toBeGreaterThan(0);
    const problems: string[] = [];
    let calls = 0;
    for (const [index, route] of routes.entries()) {
      const seed = routeSeed(route, 7000 + index);
      const allowedRole = roleAllowedFor(route);
      const allowed = allowedRole === null ? anonymous : allowedRole ? byRole.get(allowedRole) : undefined;
      const refusedRole = ROLES.find((role) => expectedOutcome(route.policy, role) === 'forbidden');
      const valid = {
        method: route.method,
        url: fillPath(route.url, validParams(route, seed)) + queryString(validQuery(route, seed)),
        payload: validBody(route, seed),
      };
      const [invalid] = invalidCases(route, 1, seed);
      const attempts: [string, Caller | undefined, ApiRequest][] = [
        ['valid-looking', allowed, valid],
        ['invalid', allowed, invalid ? requestOf(route, invalid) : valid],
        ['refused role', refusedRole ? byRole.get(refusedRole) : undefined, valid],
        ['anonymous', anonymous, valid],
      ];
      for (const [label, caller, request] of attempts) {
        if (!caller) continue;
        const { res, records } = await recordsFor(caller, request);
        calls += 1;
        const requestIds = new Set(records.map((r) => r.requestId));
        if (records.length !== 1 || requestIds.size !== 1) {
          problems.push(`${route.key} ${label} (${res.statusCode}): ${records.length} records ${records.map((r) => `${r.action}/${r.result}`).join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(routes.length * 2);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  }, 600_000);

  it('records a refused or anonymous state change as denied, a failed one as failure', async () => {
    const route = routes.find((r) => r.policy?.kind === 'permission');
    expect(route).toBeDefined();
    if (!route) return;
    const request = { method: route.method, url: fillPath(route.url, validParams(route, 1)), payload: validBody(route, 1) };
    const { records: anon } = await recordsFor(anonymous, request);
    expect(anon.map((r) => r.result)).toEqual(['denied']);
    const refused = ROLES.find((role) => expectedOutcome(route.policy, role) === 'forbidden');
    if (refused) {
      const { records } = await recordsFor(byRole.get(refused) as Caller, request);
      expect(records.map((r) => [r.action, r.result])).toEqual([['access.denied', 'denied']]);
    }
  });
});
