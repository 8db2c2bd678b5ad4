/**
 * Synthetic data for the scale benchmark, written straight into the database with
 * INSERT … SELECT generate_series (not through HTTP). Totals per factor (1× → 100×):
 *   documents                 100 → 10,000    (bundled 2023 documents + copies of 50 templates)
 *   award applications      1,000 → 100,000
 *   progress entries       10,000 → 1,000,000 (livelihood_reports: the 2023 plan's months, the
 *                                              rest in other jurisdictions' and years' plans)
 * The templates are built from the bundled documents' lines without the search probe word, so the
 * probed search finds the same documents at every scale (its cost should not grow with the table).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type RawSql } from '../src/db/client.js';
import { contentHash, normalizeForSearch, parseDocuments, searchGrams, tsvectorLiteral } from '../src/domain/documents/index.js';

export const BASE = { documents: 100, applications: 1_000, reports: 10_000 };
/** The document search the benchmark asks: present in the bundled awards rules, never in the copies. */
export const SEARCH_PROBE = '体育';
const TEMPLATES = 50;
/** The plan the dashboard shows (the latest year); synthetic plans are older or elsewhere. */
const PLAN_YEAR = 2023;
const PROJECTS_PER_PLAN = 10;
const MEASURES_PER_PROJECT = 5;
const REPORTS_PER_PLAN = PROJECTS_PER_PLAN * MEASURES_PER_PROJECT * 12;

export interface Counts {
  documents: number;
  applications: number;
  reports: number;
  plans: number;
}

const COUNTS = `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM award_applications) AS applications,
  (SELECT count(*)::int FROM livelihood_reports) AS reports, (SELECT count(*)::int FROM livelihood_plans) AS plans`;

export async function counts(database: Database): Promise<Counts> {
  const [row] = await queryRows<Counts>(database.db, sql.raw(COUNTS));
  return row;
}

async function countOf(raw: RawSql, query: string): Promise<number> {
  const [row] = await raw.query<{ n: number }>(query);
  return row.n;
}

/** Deterministic PRNG (mulberry32): the same corpus every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertTemplates(raw: RawSql) {
  const real = parseDocuments(readFileSync(new URL('../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8')).documents;
  const lines = real.flatMap((d) => d.source.map((l) => l.text)).filter((t) => t.trim() !== '' && !t.includes(SEARCH_PROBE));
  const titles = real.map((d) => d.title).filter((t) => !t.includes(SEARCH_PROBE));
  const random = rng(6);
  {
    for (let k = 0; k < TEMPLATES; k += 1) {
      const doc = real[k % real.length];
      const code = doc.docNumber.issuerCode;
      const docNumber = `${code}〔1999〕${k + 1}号`;
      const title = `${titles[k % titles.length]}（样本${k + 1}）`;
      const body = Array.from({ length: 40 }, () => lines[Math.floor(random() * lines.length)]);
      const text = [title, docNumber, ...body].join('\n');
      const searchText = normalizeForSearch(`${title}\n${docNumber}\n${text}`);
      await raw.query(
        `INSERT INTO documents (doc_number, issuer_code, year, sequence, title, issuer, signed_on, original_text, first_line, structure, content_hash,
           source_name, title_search, number_search, search_text, search_vector, imported_by)
         VALUES ($1, $2, 1999, $3, $4, $5, '1999-06-01', $6, 1, '{}', $7, 'bench-template', $8, $9, $10, $11::tsvector, 'bench')`,
        [docNumber, code, k + 1, title, doc.issuer, text, contentHash({ source: [{ line: 1, text }] }), normalizeForSearch(title),
          normalizeForSearch(docNumber), searchText, tsvectorLiteral(searchGrams(searchText))],
      );
    }
  }
}

async function seedDocuments(raw: RawSql, total: number) {
  if ((await countOf(raw, `SELECT count(*)::int AS n FROM documents WHERE source_name = 'bench-template'`)) === 0) await insertTemplates(raw);
  const documents = await countOf(raw, 'SELECT count(*)::int AS n FROM documents');
  const copies = await countOf(raw, `SELECT count(*)::int AS n FROM documents WHERE source_name = 'bench'`);
  if (documents >= total) return;
  // Copy i gets its own 发文字号 (year 2000–2022, sequence 100000 + i) and signing date; text and
  // search columns are its template's.
  await raw.query(
    `WITH t AS (SELECT *, (row_number() OVER (ORDER BY sequence) - 1)::int AS k FROM documents WHERE source_name = 'bench-template')
     INSERT INTO documents (doc_number, issuer_code, year, sequence, title, recipients, issuer, signed_on, attachments, original_text, first_line,
       structure, content_hash, source_name, title_search, number_search, search_text, search_vector, imported_by)
     SELECT t.issuer_code || '〔' || (2000 + i % 23) || '〕' || (100000 + i) || '号', t.issuer_code, 2000 + i % 23, 100000 + i, t.title, t.recipients,
       t.issuer, make_date(2000 + i % 23, 1 + i % 12, 1 + i % 28), t.attachments, t.original_text, t.first_line, t.structure, md5(i::text), 'bench',
       t.title_search, t.issuer_code || '(' || (2000 + i % 23) || ')' || (100000 + i) || '号', t.search_text, t.search_vector, 'bench'
     FROM generate_series($1::int, $2::int) i JOIN t ON t.k = i % ${TEMPLATES}`,
    [copies + 1, copies + total - documents],
  );
}

async function seedApplications(raw: RawSql, total: number) {
  const applications = await countOf(raw, 'SELECT count(*)::int AS n FROM award_applications');
  if (applications >= total) return;
  await raw.query(
    `INSERT INTO award_applications (id, status, entry, kind, games, sport, result_date, applied_on, year, summary, applicant_kind, applicant_name,
       applicant_user_id, rulebook, eligible, total_fen, prefecture_fen, county_fen)
     SELECT gen_random_uuid(), (ARRAY['submitted','reviewed','in-notice','approved','disbursed','declined'])[1 + i % 6], '{}'::jsonb, 'result',
       (ARRAY['region-games','region-youth-championship','national'])[1 + i % 3], '田径', d, d + 20, extract(year FROM d)::int,
       '田径 第' || (1 + i % 8) || '名（合成数据 ' || i || '）', 'coach', '教练员' || i,
       (SELECT id FROM users WHERE username = 'admin'), 'yili-2023', true, 100000 * (1 + i % 5), 100000 * (1 + i % 5), 0
     FROM generate_series($1::int, $2::int) i, LATERAL (SELECT date '2019-01-01' + (i % 1800) AS d) x`,
    [applications + 1, total],
  );
}

async function seedPlanReports(raw: RawSql) {
  // A year of monthly reports on the real plan: every measure, every lead unit, Jan–Nov.
  await raw.query(
    `INSERT INTO livelihood_reports (measure_id, organization_id, period, submitted_on, progress_percent, narrative)
     SELECT mu.measure_id, mu.organization_id, ${PLAN_YEAR} || '-' || lpad(mo::text, 2, '0'), make_date(${PLAN_YEAR}, mo + 1, 3), least(100, mo * 9),
       '按计划推进（合成数据）'
     FROM livelihood_measure_units mu
       JOIN livelihood_measures m ON m.id = mu.measure_id JOIN livelihood_projects p ON p.id = m.project_id
       JOIN livelihood_plans pl ON pl.id = p.plan_id AND pl.year = ${PLAN_YEAR},
       generate_series(1, 11) mo
     ON CONFLICT DO NOTHING`,
  );
}

async function seedReports(raw: RawSql, total: number) {
  if ((await countOf(raw, 'SELECT count(*)::int AS n FROM livelihood_reports')) === 0) await seedPlanReports(raw);
  const synthetic = await countOf(raw, `SELECT count(*)::int AS n FROM livelihood_plans WHERE doc_number = 'bench'`);
  const reports = await countOf(raw, 'SELECT count(*)::int AS n FROM livelihood_reports');
  const wanted = Math.ceil(Math.max(0, total - reports) / REPORTS_PER_PLAN);
  const units = (await raw.query<{ id: string }>('SELECT id FROM organizations ORDER BY id')).map((o) => o.id);
  const orgs = `(ARRAY[${units.map((u) => `'${u}'`).join(',')}]::uuid[])`;
  // Plan p: jurisdiction 650100 + p / 20, year 2000 + p % 20 (UNIQUE (jurisdiction, year)); ids from
  // md5, so each level names its parent without a lookup.
  const jurisdiction = '(650100 + p / 20)::text';
  const unitOf = `${orgs}[1 + (p * 7 + n * 3 + m) % ${units.length}]`;
  const from = synthetic;
  const to = synthetic + wanted - 1;
  if (wanted === 0) return;
  const plans = `generate_series(${from}, ${to}) p`;
  const measures = `${plans}, generate_series(1, ${PROJECTS_PER_PLAN}) n, generate_series(1, ${MEASURES_PER_PROJECT}) m`;
  await raw.exec(`
    INSERT INTO livelihood_plans (id, jurisdiction, year, doc_number, reporting_starts_on)
    SELECT md5('plan' || p)::uuid, ${jurisdiction}, 2000 + p % 20, 'bench', make_date(2000 + p % 20, 1, 1) FROM ${plans};
    INSERT INTO livelihood_projects (id, jurisdiction, plan_id, no, title, target_text)
    SELECT md5('project' || p || '-' || n)::uuid, ${jurisdiction}, md5('plan' || p)::uuid, n, '民生实事项目' || n, '目标任务'
    FROM ${plans}, generate_series(1, ${PROJECTS_PER_PLAN}) n;
    INSERT INTO livelihood_measures (id, jurisdiction, project_id, no, text)
    SELECT md5('measure' || p || '-' || n || '-' || m)::uuid, ${jurisdiction}, md5('project' || p || '-' || n)::uuid, m, '工作措施' || n || '.' || m
    FROM ${measures};
    INSERT INTO livelihood_measure_units (measure_id, position, unit_name, organization_id, jurisdiction)
    SELECT md5('measure' || p || '-' || n || '-' || m)::uuid, 1, '责任单位', ${unitOf}, ${jurisdiction} FROM ${measures};
    INSERT INTO livelihood_reports (jurisdiction, measure_id, organization_id, period, submitted_on, progress_percent, narrative)
    SELECT ${jurisdiction}, md5('measure' || p || '-' || n || '-' || m)::uuid, ${unitOf},
      (2000 + p % 20) || '-' || lpad(mo::text, 2, '0'), make_date(2000 + p % 20, mo, 1) + 34, least(100, mo * 9), '按计划推进（合成数据）'
    FROM ${measures}, generate_series(1, 12) mo;`);
}

const LOADED_TABLES = ['documents', 'award_applications', 'livelihood_plans', 'livelihood_projects', 'livelihood_measures', 'livelihood_measure_units', 'livelihood_reports'];

/**
 * Runs a bulk load the way pg_restore does: secondary indexes and UNIQUE constraints (not primary
 * keys) are dropped first and rebuilt afterwards from their own definitions (a sorted build instead
 * of one insertion per row: minutes less on PGlite), and foreign-key triggers are off for the
 * transaction (the rows are consistent by construction). Returns the rebuilt indexes' names.
 */
async function bulkLoad(raw: RawSql, work: () => Promise<void>): Promise<string[]> {
  const indexes = await raw.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    [LOADED_TABLES],
  );
  const uniques = await raw.query<{ name: string; tbl: string; def: string }>(
    `SELECT conname AS name, conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE contype = 'u' AND conrelid::regclass::text = ANY($1)`,
    [LOADED_TABLES],
  );
  await raw.exec('SET LOCAL session_replication_role = replica');
  for (const i of indexes) await raw.exec(`DROP INDEX ${i.name}`);
  for (const u of uniques) await raw.exec(`ALTER TABLE ${u.tbl} DROP CONSTRAINT ${u.name}`);
  await work();
  for (const u of uniques) await raw.exec(`ALTER TABLE ${u.tbl} ADD CONSTRAINT ${u.name} ${u.def}`);
  for (const i of indexes) await raw.exec(i.def);
  await raw.exec('SET LOCAL session_replication_role = DEFAULT');
  return [...indexes.map((i) => i.name), ...uniques.map((u) => u.name)];
}

/** Fills the database up to `factor` × BASE rows, then refreshes the planner's statistics. */
export async function seedTo(database: Database, factor: number, log: (line: string) => void = () => undefined): Promise<Counts> {
  const started = performance.now();
  const step = async (name: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    log(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await database.rawTransaction((raw) =>
    bulkLoad(raw, async () => {
      await step('documents', () => seedDocuments(raw, BASE.documents * factor));
      await step('award applications', () => seedApplications(raw, BASE.applications * factor));
      await step('progress entries', () => seedReports(raw, BASE.reports * factor));
    }),
  );
  log(`load with index rebuild ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // What autovacuum would do on a server soon after such a load (PGlite runs no autovacuum).
  await step('ANALYZE', () => database.db.execute(sql`ANALYZE`));
  return counts(database);
}
