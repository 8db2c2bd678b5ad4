/**
 * Fuzzing drill: `npm run drill:fuzz` — at least 1,000 invalid inputs per /api route (fast-check
 * through fastify.inject) on PGlite and on a throwaway PostgreSQL cluster. Per route: the number of
 * cases, 5xx answers, changed business tables (row count + checksum per table, audit_log and
 * sessions excluded) and audit records beyond one per state-changing request; then valid inputs
 * (half of them with hostile text in every free-text field) checked for 5xx and against the
 * declared response schema. Exit code 1 when anything is found.
 *
 *   FUZZ_CASES=1000 FUZZ_VALID=50 FUZZ_DB=both|pglite|postgres npm run drill:fuzz
 */
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import type { Role } from '../../src/domain/auth/roles.js';
import { buildApp } from '../../src/server/app.js';
import { bootstrapDatabase } from '../../src/services/bootstrap.js';
import { fuzzRoute, inputParts, routesWithoutResponseSchema, validRoute, type FuzzResult, type ValidResult } from '../../tests/helpers/fuzz.js';
import { roleCallers, ROLE_USER_PASSWORD, type Caller } from '../../tests/helpers/role-clients.js';
import { apiRoutes, roleAllowedFor, type RegisteredRoute } from '../../tests/helpers/route-inventory.js';
import { startCluster, type Cluster } from '../../tests/setup/postgres-cluster.js';

const CASES = Number(process.env.FUZZ_CASES ?? 1000);
const VALID = Number(process.env.FUZZ_VALID ?? 50);
const KINDS = (process.env.FUZZ_DB ?? 'both') === 'both' ? ['pglite', 'postgres'] : [process.env.FUZZ_DB ?? 'pglite'];
const SEED = Number(process.env.FUZZ_SEED ?? 20230301);

function say(line = '') {
  process.stdout.write(`${line}\n`);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}

async function drill(kind: string, cluster: Cluster | null) {
  const config = loadConfig({ YIZHENG_ADMIN_PASSWORD: ROLE_USER_PASSWORD, YIZHENG_IMPORT_BUNDLED: 'false', LOG_LEVEL: 'silent' });
  const database: Database =
    kind === 'postgres' && cluster
      ? await openDatabase({ kind: 'postgres', url: cluster.url }, async () => undefined)
      : await openDatabase({ kind: 'pglite-memory' }, async () => undefined);
  await bootstrapDatabase(database, config, { info: () => undefined });
  const registered: RegisteredRoute[] = [];
  const app = await buildApp({ database, config, logger: false, onRoute: (r) => registered.push(r) });
  await app.ready();
  const { anonymous, byRole } = await roleCallers(app, database);
  const callerFor = (role: Role | null | undefined): Caller | undefined => (role === undefined ? undefined : role === null ? anonymous : byRole.get(role));
  const all = apiRoutes(registered);
  const routes = all.filter((r) => inputParts(r).length > 0);
  say(`\n== ${kind}: ${routes.length} of ${all.length} /api routes take input; ${CASES} invalid and ${VALID} valid cases each ==`);
  const rows = [['route', 'cases', '5xx', 'changes', 'audit±', 'valid', 'valid 5xx', 'off-schema', 'unchecked 2xx']];
  const findings: string[] = [];
  const started = Date.now();
  for (const route of routes) {
    const caller = callerFor(roleAllowedFor(route));
    if (!caller) {
      findings.push(`${route.key}: no role holds its permission`);
      continue;
    }
    const invalid: FuzzResult = await fuzzRoute({ app, database }, route, caller, { cases: CASES, seed: SEED });
    const valid: ValidResult = await validRoute({ app, database }, route, caller, { cases: VALID, seed: SEED });
    rows.push([
      route.key,
      String(invalid.cases),
      String(invalid.serverErrors.length),
      String(invalid.changes.length),
      String(invalid.auditSurplus),
      String(valid.cases),
      String(valid.serverErrors.length),
      String(valid.nonConforming.length),
      valid.unchecked.join(',') || '–',
    ]);
    if (invalid.cases < CASES) findings.push(`${route.key}: only ${invalid.cases} invalid cases generated`);
    for (const e of invalid.serverErrors.slice(0, 3)) findings.push(`${route.key} invalid: ${e}`);
    for (const c of invalid.changes) findings.push(`${route.key} changed ${c}`);
    if (invalid.auditSurplus) findings.push(`${route.key}: audit records ${invalid.auditSurplus > 0 ? '+' : ''}${invalid.auditSurplus} against one per request`);
    for (const e of valid.serverErrors.slice(0, 3)) findings.push(`${route.key} valid: ${e}`);
    for (const e of valid.nonConforming.slice(0, 3)) findings.push(`${route.key} response outside its schema: ${e}`);
  }
  say(table(rows));
  const total = rows.slice(1).reduce((n, r) => n + Number(r[1]) + Number(r[5]), 0);
  say(`\n${total} requests in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  if (({} as Record<string, unknown>).polluted !== undefined) findings.push('Object.prototype was polluted');
  const lacking = routesWithoutResponseSchema(all);
  say(`\nRoutes without a 2xx response schema (${lacking.length}; their answers are not checked by the serializer):`);
  for (const key of lacking) say(`  ${key}`);
  say(findings.length ? `\nFINDINGS on ${kind} (${findings.length}):\n${findings.map((f) => `  ${f}`).join('\n')}` : `\nNo findings on ${kind}.`);
  await app.close();
  await database.close();
  return findings.length;
}

let cluster: Cluster | null = null;
let findings = 0;
try {
  if (KINDS.includes('postgres')) cluster = await startCluster();
  for (const kind of KINDS) findings += await drill(kind, cluster);
} finally {
  await cluster?.stop();
}
process.exit(findings ? 1 : 0);
