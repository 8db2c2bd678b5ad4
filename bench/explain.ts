/**
 * Which indexes the endpoints' queries use at 100×: EXPLAIN of the statements the services send
 * (written out here in the services' shape: search-documents.ts, livelihood plan.queries.ts,
 * awards queries.ts), reduced to the scan nodes.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../src/db/client.js';
import { normalizeForSearch, queryGrams, tsqueryLiteral } from '../src/domain/documents/index.js';
import { LIST_COUNT_CAP } from '../src/services/awards/queries.js';
import { SEARCH_PROBE } from './seed.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode, into: string[] = []): string[] {
  if (node['Index Name']) into.push(`${node['Node Type']} using ${node['Index Name']}`);
  else if (node['Relation Name']) into.push(`${node['Node Type']} on ${node['Relation Name']}`);
  for (const child of node.Plans ?? []) scans(child, into);
  return into;
}

export async function explainEndpoints(database: Database): Promise<string[][]> {
  const q = normalizeForSearch(SEARCH_PROBE);
  const [{ ids }] = await queryRows<{ ids: string }>(
    database.db,
    sql`SELECT string_agg(quote_literal(m.id::text), ',') AS ids FROM livelihood_measures m JOIN livelihood_projects p ON p.id = m.project_id
        WHERE p.plan_id = (SELECT id FROM livelihood_plans ORDER BY year DESC LIMIT 1)`,
  );
  const statements: [string, string, string][] = [
    ['document search', 'matches (GIN on character pairs, strpos confirms)',
      `SELECT id FROM documents WHERE jurisdiction = '654000' AND search_vector @@ '${tsqueryLiteral(queryGrams(q)).replaceAll("'", "''")}'::tsquery AND strpos(search_text, '${q}') > 0`],
    ['livelihood dashboard', 'latest plan', 'SELECT * FROM livelihood_plans ORDER BY year DESC LIMIT 1'],
    ['livelihood dashboard', "the plan's reports", `SELECT * FROM livelihood_reports WHERE measure_id IN (${ids})`],
    ['award list', 'page (newest 20)', 'SELECT id FROM award_applications ORDER BY ref DESC LIMIT 20'],
    ['award list', `total (reads at most ${LIST_COUNT_CAP + 1} matches)`, `SELECT count(*)::int FROM (SELECT 1 FROM award_applications LIMIT ${LIST_COUNT_CAP + 1}) matches`],
  ];
  const rows = [['endpoint', 'query', 'plan at 100× (scan nodes)']];
  for (const [endpoint, what, text] of statements) {
    const [row] = await queryRows<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(database.db, sql.raw(`EXPLAIN (FORMAT JSON) ${text}`));
    const plan = row['QUERY PLAN'];
    const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as [{ Plan: PlanNode }];
    rows.push([endpoint, what, [...new Set(scans(parsed[0].Plan))].join('; ')]);
  }
  return rows;
}
