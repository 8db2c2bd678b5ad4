/**
 * IDOR sweep: unit B's accounts (one per unit-bound role, each with a valid session and CSRF
 * token) try every route that takes an id or an owning unit on unit A's records. Each try must be
 * refused (403/404, FORBIDDEN or NOT_FOUND) and change nothing: no business table differs and no
 * use case audits a success. Routes are read from the running app; the table in
 * tests/helpers/idor-routes.ts says for each one whose records are tried, or why it is not
 * unit-scoped — a new id-taking route missing there fails the test.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';
import { auditRecordsAfter, changedTables, lastAuditSeq, snapshot } from '../helpers/db-snapshot.js';
import { createIdorWorld, UNIT_BOUND_ROLES, type AttackerName, type IdorWorld } from '../helpers/idor-records.js';
import { ID_ROUTES, takesIdOrUnit, type Attempt } from '../helpers/idor-routes.js';
import {
  apiRoutes,
  expectedOutcome,
  pathParamNames,
  queryString,
  STATE_CHANGING_METHODS,
  validQuery,
  type ApiRoute,
} from '../helpers/route-inventory.js';

/** Query strings that name the records' year or month, for lists whose query is required. */
const LIST_QUERIES: Record<string, string> = {
  'GET /api/awards/applications': '?pageSize=200',
  'GET /api/awards/ledger': '?year=2023',
  'GET /api/press/conferences': '?year=2023',
  'GET /api/press/statistics': '?year=2023',
  'GET /api/livelihood/reporting': '?period=2023-08',
  'GET /api/livelihood/quarterly': '?year=2023&quarter=3&project=1',
  'GET /api/livelihood/quarterly.xlsx': '?year=2023&quarter=3&project=1',
  'GET /api/livelihood/quarterly.docx': '?year=2023&quarter=3&project=1',
  'GET /api/calendar/deadline': '?date=2023-09-28',
};

describe.each(DATABASE_KINDS)('IDOR sweep on %s', (kind) => {
  const clock = new Date('2023-09-01T04:00:00Z'); // 10:00 in Urumqi; pinned, so no session idles out
  let t: TestApp;
  let routes: ApiRoute[];
  let world: IdorWorld;
  const routeOf = (key: string) => routes.find((r) => r.key === key);

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => clock, config: { YIZHENG_IMPORT_BUNDLED: 'true', YIZHENG_SECRET_KEY: randomBytes(32).toString('hex') } });
    routes = apiRoutes(t.routes);
    world = await createIdorWorld(t);
  }, 600_000);
  afterAll(async () => t.close());

  it('classifies every route that takes an id or an owning unit, and lets no unit-bound role call a shared write', () => {
    const idRoutes = routes.filter(takesIdOrUnit).map((r) => r.key);
    expect(idRoutes.filter((key) => !(key in ID_ROUTES))).toEqual([]);
    expect(Object.keys(ID_ROUTES).filter((key) => !idRoutes.includes(key))).toEqual([]);
    const openSharedWrites = Object.entries(ID_ROUTES)
      .filter(([key, c]) => c.kind === 'shared' && STATE_CHANGING_METHODS.has(key.split(' ')[0]))
      .flatMap(([key]) => UNIT_BOUND_ROLES.filter((role) => expectedOutcome(routeOf(key)?.policy, role) === 'passed').map((role) => `${key} as ${role}`));
    expect(openSharedWrites).toEqual([]);
    const shared = idRoutes.filter((key) => ID_ROUTES[key]?.kind === 'shared').length;
    console.info(`IDOR sweep on ${kind}: ${routes.length} /api routes, ${idRoutes.length} take an id or an owning unit: ${idRoutes.length - shared} tried on unit A's records, ${shared} shared by design`);
  });

  it("refuses every try of unit B on unit A's records, changing nothing; unit A itself may do each", async () => {
    const tally = { routes: 0, attempts: 0, pastPolicy: 0, exempted: 0, succeeded: 0 };
    const successes: string[] = [];
    const controls: { route: ApiRoute; attempt: Attempt }[] = [];
    let before = await snapshot(t.database);
    for (const [key, routeClass] of Object.entries(ID_ROUTES)) {
      const route = routeOf(key);
      if (routeClass.kind !== 'unit' || !route) continue;
      tally.routes += 1;
      for (const partial of routeClass.attempts(world.records)) {
        const attempt: Attempt = { ...partial, method: route.method };
        for (const [name, attacker] of Object.entries(world.attackers) as [AttackerName, IdorWorld['attackers'][AttackerName]][]) {
          const role = attacker.role!;
          if (routeClass.exempt?.[role]) {
            tally.exempted += 1;
            continue;
          }
          const seq = await lastAuditSeq(t.database);
          const res = await attacker.send(attempt);
          const after = await snapshot(t.database);
          const succeededUseCases = (await auditRecordsAfter(t.database, seq)).filter((r) => r.result === 'success').map((r) => r.action);
          tally.attempts += 1;
          if (expectedOutcome(route.policy, role) === 'passed') tally.pastPolicy += 1;
          const problems: string[] = [];
          const code = res.headers['content-type']?.toString().includes('json') ? res.json<{ code?: string }>().code : undefined;
          if (![403, 404].includes(res.statusCode) || !['FORBIDDEN', 'NOT_FOUND'].includes(code ?? '')) problems.push(`answered ${res.statusCode} ${res.body.slice(0, 160)}`);
          const changed = changedTables(before, after);
          if (changed.length) problems.push(`changed ${changed.join(', ')}`);
          if (succeededUseCases.length) problems.push(`audited as done: ${succeededUseCases.join(', ')}`);
          if (problems.length) {
            tally.succeeded += 1;
            successes.push(`${key} on the ${attempt.target} as ${name} (${role}): ${problems.join('; ')}`);
          }
          before = after;
        }
        if (attempt.owner) controls.push({ route, attempt });
      }
    }
    console.info(`IDOR sweep on ${kind}: ${tally.routes} unit-scoped routes, ${Object.values(ID_ROUTES).length - tally.routes} shared by design; ` +
      `${tally.attempts} tries by unit B (${tally.pastPolicy} past the route policy, decided by the services), ${tally.exempted} not sent (exempt by design), ${tally.succeeded} succeeded`);
    expect(successes).toEqual([]);
    expect(tally.attempts).toBeGreaterThan(0);

    // The same requests by unit A's own accounts go through: B's refusals came from the unit
    // check, not from a wrong id or body. Run after every try, in the table's order (the steps of a form).
    const failed: string[] = [];
    for (const { route, attempt } of controls) {
      const res = await world.owners[attempt.owner!].send({ ...attempt, url: attempt.ownerUrl ?? attempt.url });
      if (res.statusCode >= 300) failed.push(`${route.key} on the ${attempt.target} as ${attempt.owner}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(failed).toEqual([]);
    console.info(`IDOR sweep on ${kind}: ${controls.length} of unit A's own requests (controls) went through`);
  }, 900_000);

  it("shows unit B none of unit A's own records in any list", async () => {
    const { award, press } = world.records;
    const privateIds = [
      ...[award.dept, award.county].flatMap((a) => [a.application, a.certificate, a.idCard].map((id) => ({ id, what: 'award application or material', leaderSees: true }))),
      ...[press.form, press.adHocForm, press.attachment].map((id) => ({ id, what: 'press form or material', leaderSees: false })),
    ];
    const leaks: string[] = [];
    let lists = 0;
    for (const route of routes.filter((r) => r.method === 'GET' && pathParamNames(r.url).length === 0)) {
      const url = route.url + (LIST_QUERIES[route.key] ?? queryString(validQuery(route, 1)));
      for (const [name, attacker] of Object.entries(world.attackers)) {
        const res = await attacker.send({ method: 'GET', url });
        if (res.statusCode !== 200) continue;
        lists += 1;
        for (const { id, what, leaderSees } of privateIds) {
          if (res.body.includes(id) && !(leaderSees && attacker.role === 'leader')) leaks.push(`${route.key} as ${name}: ${what} ${id}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(lists).toBeGreaterThan(0);
    console.info(`IDOR sweep on ${kind}: ${lists} list answers to unit B checked, none holds unit A's own records`);
  }, 300_000);
});
