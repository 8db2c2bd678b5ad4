import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/services/audit/audit.service.js';
import type { Role } from '../../src/domain/auth/roles.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';
import { changedTables, snapshot } from '../helpers/db-snapshot.js';
import { fuzzRoute, inputParts, validRoute } from '../helpers/fuzz.js';
import { roleCallers, type Caller } from '../helpers/role-clients.js';
import { apiRoutes, roleAllowedFor, type ApiRoute } from '../helpers/route-inventory.js';

/**
 * fast-check through fastify.inject over every /api route that takes input, as a caller the
 * route's policy lets through (so the input reaches the parser, the schema and the handler).
 * `npm run drill:fuzz` runs the same with ≥1,000 cases per route; here a modest number keeps
 * `npm test` fast.
 */
const INVALID_CASES = 30;
const VALID_CASES = 8;
const SEED = 20230301;
/** Every route of the app, twice per database: minutes on a busy 2-core machine, not seconds. */
const TIMEOUT = 600_000;

describe.each(DATABASE_KINDS)('fuzzing on %s', (kind) => {
  let t: TestApp;
  let routes: ApiRoute[];
  let anonymous: Caller;
  let byRole: Map<Role, Caller>;

  const callerFor = (route: ApiRoute): Caller | undefined => {
    const role = roleAllowedFor(route);
    if (role === undefined) return undefined;
    return role === null ? anonymous : byRole.get(role);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ anonymous, byRole } = await roleCallers(t.app, t.database));
    routes = apiRoutes(t.routes).filter((r) => inputParts(r).length > 0);
  });
  afterAll(async () => t.close());

  it(`answers ${INVALID_CASES} invalid inputs per route with no 5xx, no business-table change and one audit record per state change`, async () => {
    const failures: string[] = [];
    let fuzzed = 0;
    // One snapshot around all routes keeps this fast; `npm run drill:fuzz` snapshots per batch and names the case.
    const before = await snapshot(t.database);
    for (const route of routes) {
      const caller = callerFor(route);
      if (!caller) {
        failures.push(`${route.key}: no role holds its permission`);
        continue;
      }
      const result = await fuzzRoute(t, route, caller, { cases: INVALID_CASES, seed: SEED, snapshot: false });
      fuzzed += 1;
      if (result.cases < INVALID_CASES) failures.push(`${route.key}: only ${result.cases} invalid cases generated`);
      for (const e of result.serverErrors.slice(0, 3)) failures.push(`${route.key}: ${e}`);
      if (result.auditSurplus !== 0) failures.push(`${route.key}: ${result.auditSurplus > 0 ? '+' : ''}${result.auditSurplus} audit records against one per request`);
      for (const m of result.auditMisses.slice(0, 3)) failures.push(`${route.key}: ${m}`);
    }
    const changes = changedTables(before, await snapshot(t.database));
    if (changes.length) failures.push(`business tables changed: ${changes.join(', ')} (npm run drill:fuzz names the route)`);
    expect(failures).toEqual([]);
    expect(fuzzed).toBe(routes.length);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  }, TIMEOUT);

  it(`answers ${VALID_CASES} valid inputs per route with no 5xx and within the declared response schema`, async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const caller = callerFor(route);
      if (!caller) continue;
      const result = await validRoute(t, route, caller, { cases: VALID_CASES, seed: SEED });
      for (const e of result.serverErrors.slice(0, 3)) failures.push(`${route.key}: ${e}`);
      for (const e of result.nonConforming.slice(0, 3)) failures.push(`${route.key}: response outside its schema ${e}`);
    }
    expect(failures).toEqual([]);
  }, TIMEOUT);
});
