/**
 * Fuzzing drill: `npm run drill:fuzz` — at least 1,000 invalid inputs per /api route (fast-check
 * through fastify.inject) on PGlite and on a throwaway PostgreSQL cluster. Per route: the number of
 * cases, 5xx answers, changed business tables (row count + checksum per table, audit_log and
 * sessions excluded) and audit records beyond one per state-changing request; then valid inputs
 * (half of them with hostile text in every free-text field) checked for 5xx and against the
 * declared response schema. Exit code 1 when anything is found.
 *
 *   FUZZ_CASES=1000 FUZZ_VALID=50 FUZZ_DB=both|pglite|postgres [FUZZ_BATCH=100] npm run drill:fuzz
 *
 * Batches. Every answer is checked for 5xx. The database checks run per batch of FUZZ_BATCH
 * invalid cases of one route (tests/helpers/fuzz.ts, `fuzzRoute`): a snapshot of the business
 * tables before and after the batch, and the audit records appended during it counted against one
 * per state-changing request. A batch that changed a table or appended the wrong number of records
 * is sent again case by case, each case between its own snapshots and counts, so a finding names
 * its input (`case N (re-run): …`); a change no single case repeats is reported with the batch's
 * case numbers. The count is exact; a change escapes only if a later case of the same batch undoes
 * it to the byte (timestamps included). Cases are generated a batch at a time as well: a case can
 * carry a 2 MB text, and a route's 1,000 at once took the process to ~3 GB (now ~1 GB).
 *
 * Where the time goes (measured 2026-11-29 on PGlite at load ~4): ~10 ms per request, most of it in
 * PGlite itself (session lookup, the audit append); case generation ~1 ms per case (huge strings).
 * A snapshot takes ~70 ms: one per case would make the run ~8 times longer, one per batch of 100
 * adds ~1 s per route. The earlier "3 h per database" came from a run at load ~15 (~115 ms per
 * request): on this shared machine the load decides the wall time.
 */
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import type { Role } from '../../src/domain/auth/roles.js';
import { buildApp } from '../../src/server/app.js';
import { bootstrapDatabase } from '../../src/services/bootstrap.js';
import { FUZZ_BATCH, fuzzRoute, inputParts, routesWithoutResponseSchema, validRoute, type FuzzResult, type ValidResult } from '../../tests/helpers/fuzz.js';
import { roleCallers, ROLE_USER_PASSWORD, type Caller } from '../../tests/helpers/role-clients.js';
import { apiRoutes, roleAllowedFor, type RegisteredRoute } from '../../tests/helpers/route-inventory.js';
import { startCluster, type Cluster } from '../../tests/setup/postgres-cluster.js';
import { say } from './lib.js';

const CASES = Number(process.env.FUZZ_CASES ?? 1000);
const VALID = Number(process.env.FUZZ_VALID ?? 50);
const KINDS = (process.env.FUZZ_DB ?? 'both') === 'both' ? ['pglite', 'postgres'] : [process.env.FUZZ_DB ?? 'pglite'];
const SEED = Number(process.env.FUZZ_SEED ?? 20230301);
const BATCH = Number(process.env.FUZZ_BATCH ?? FUZZ_BATCH);

/** Progress on stderr, so that stdout holds the report. */
function progress(line: string) {
  process.stderr.write(`${line}\n`);
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
  const app = await buildApp({ database, config, logger: false, strictResponses: true, onRoute: (r) => registered.push(r) });
  await app.ready();
  const { anonymous, byRole } = await roleCallers(app, database);
  const callerFor = (role: Role | null | undefined): Caller | undefined => (role === undefined ? undefined : role === null ? anonymous : byRole.get(role));
  const all = apiRoutes(registered);
  const routes = all.filter((r) => inputParts(r).length > 0);
  say(`\n== ${kind}: ${routes.length} of ${all.length} /api routes take input; ${CASES} invalid (batches of ${BATCH}) and ${VALID} valid cases each ==`);
  const rows = [['route', 'cases', '5xx', 'changes', 'audit±', 're-run', 'valid', 'valid 5xx', 'off-schema', 'unchecked 2xx']];
  const findings: string[] = [];
  const started = Date.now();
  for (const [index, route] of routes.entries()) {
    const routeStarted = Date.now();
    const caller = callerFor(roleAllowedFor(route));
    if (!caller) {
      findings.push(`${route.key}: no role holds its permission`);
      continue;
    }
    const invalid: FuzzResult = await fuzzRoute({ app, database }, route, caller, { cases: CASES, seed: SEED, batch: BATCH });
    const valid: ValidResult = await validRoute({ app, database }, route, caller, { cases: VALID, seed: SEED });
    rows.push([
      route.key,
      String(invalid.cases),
      String(invalid.serverErrors.length),
      String(invalid.changes.length),
      String(invalid.auditSurplus),
      String(invalid.rerunBatches),
      String(valid.cases),
      String(valid.serverErrors.length),
      String(valid.nonConforming.length),
      valid.unchecked.join(',') || '–',
    ]);
    if (invalid.cases < CASES) findings.push(`${route.key}: only ${invalid.cases} invalid cases generated`);
    for (const e of invalid.serverErrors.slice(0, 3)) findings.push(`${route.key} invalid: ${e}`);
    for (const c of invalid.changes) findings.push(`${route.key} changed ${c}`);
    if (invalid.auditSurplus) findings.push(`${route.key}: audit records ${invalid.auditSurplus > 0 ? '+' : ''}${invalid.auditSurplus} against one per request`);
    for (const m of invalid.auditMisses.slice(0, 5)) findings.push(`${route.key} audit: ${m}`);
    for (const e of valid.serverErrors.slice(0, 3)) findings.push(`${route.key} valid: ${e}`);
    for (const e of valid.nonConforming.slice(0, 3)) findings.push(`${route.key} response outside its schema: ${e}`);
    const seconds = (Date.now() - routeStarted) / 1000;
    progress(`[${kind} ${index + 1}/${routes.length}] ${route.key}: ${invalid.cases} invalid, ${valid.cases} valid, ${seconds.toFixed(1)} s`);
  }
  const sum = (column: number) => rows.slice(1).reduce((n, r) => n + Number(r[column]), 0);
  say(table([...rows, ['total', ...[1, 2, 3, 4, 5, 6, 7, 8].map((c) => String(sum(c))), '']]));
  const seconds = (Date.now() - started) / 1000;
  say(`\n${sum(1) + sum(6)} requests in ${seconds.toFixed(0)} s.`);
  say(
    `Totals on ${kind}: ${rows.length - 1} routes, ${sum(1)} invalid cases, ${sum(2)} 5xx, ${sum(3)} changes, ` +
      `${rows.slice(1).filter((r) => r[4] !== '0').length} routes with audit ±, ` +
      `${sum(6)} valid cases, ${sum(7)} valid 5xx, ${sum(8)} off-schema; ${seconds.toFixed(0)} s.`,
  );
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
