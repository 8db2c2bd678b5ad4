/**
 * bench:search — document search at 10,000 documents on embedded PGlite.
 *
 * Builds 10,000 documents from the five 2023 documents (their lines recombined, each with its own
 * 发文字号, a few carrying rare phrases), then times each query three ways in the same run:
 *   grams   the app's search (searchDocuments: a tsvector of character pairs with a GIN index, strpos() to confirm)
 *   strpos  the same normalised column scanned without the index (what the index saves)
 *   ILIKE   the plain baseline: original_text ILIKE '%q%' over every row
 * and, for reference, pg_trgm's GIN index on a PGlite loaded with the extension (it works there
 * because PGlite's ctype is C.UTF-8; on a C-locale PostgreSQL it extracts no Chinese trigrams).
 *
 *   npm run bench:search [-- --docs 10000 --runs 15]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { documents } from '../src/db/schema/index.js';
import { contentHash, normalizeForSearch, parseDocuments, searchGrams, tsvectorLiteral } from '../src/domain/documents/index.js';
import { searchDocuments } from '../src/services/documents/search-documents.js';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, runs: { type: 'string', default: '15' }, explain: { type: 'boolean' } } });
const DOCS = Number(values.docs);
const RUNS = Number(values.runs);
const out = (line: string) => process.stdout.write(`${line}\n`);

const REAL = readFileSync(new URL('../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const base = parseDocuments(REAL).documents;
const pool = base.flatMap((d) => d.source.map((l) => l.text).filter((t) => t.trim() !== ''));
const RARE = ['霍尔果斯口岸通关便利化', '那拉提草原生态保护补偿', '伊宁边境经济合作区'];

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

function synthetic(i: number, random: () => number) {
  const doc = base[i % base.length];
  const lines = doc.source.map((l) => l.text);
  // Keep the header, swap a third of the other lines for lines of other documents.
  const body = lines.map((l, k) => (k > 4 && random() < 0.33 ? pool[Math.floor(random() * pool.length)] : l));
  if (i % 1000 === 7) body.splice(6, 0, `加快推进${RARE[(i / 1000) % RARE.length | 0]}工作。`);
  const code = doc.docNumber.issuerCode;
  const docNumber = `${code}〔${2000 + (i % 24)}〕${1000 + i}号`;
  const text = [doc.title, docNumber, ...body.slice(2)].join('\n');
  const searchText = normalizeForSearch(`${doc.title}\n${docNumber}\n${text}`);
  const grams = searchGrams(searchText);
  const row = {
    docNumber, issuerCode: code, year: 2000 + (i % 24), sequence: 1000 + i, title: doc.title, recipients: [], issuer: doc.issuer,
    signedOn: `${2000 + (i % 24)}-0${1 + (i % 9)}-1${i % 10}`, attachments: [], originalText: text, firstLine: 1, structure: {},
    contentHash: contentHash({ source: [{ line: 1, text }] }), sourceName: 'bench', titleSearch: normalizeForSearch(doc.title),
    numberSearch: normalizeForSearch(docNumber), searchText, searchVector: tsvectorLiteral(grams), importedBy: 'bench',
  };
  return { row, grams: grams.length };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let k = 0; k < RUNS; k += 1) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

// On disk, not in memory: 130 MB of text and its indexes, with their WAL, would sit in the heap.
const dir = mkdtempSync(path.join(os.tmpdir(), 'yz-bench-search-'));
const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'app') }, async (fresh) => {
  await migrate(fresh);
});
// Loaded first, indexed after (a bulk build), as a one-off import of an archive would be.
await database.db.execute(sql`DROP INDEX documents_search_vector_idx`);
const trgm = await PGlite.create(path.join(dir, 'trgm'), { extensions: { pg_trgm } });
await trgm.exec('CREATE EXTENSION pg_trgm; CREATE TABLE docs (id int PRIMARY KEY, search_text text NOT NULL)');

const random = rng(20230313);
let t0 = performance.now();
let textBytes = 0;
let grams = 0;
for (let i = 0; i < DOCS; i += 200) {
  const rows = Array.from({ length: Math.min(200, DOCS - i) }, (_, k) => synthetic(i + k, random));
  textBytes += rows.reduce((n, r) => n + Buffer.byteLength(r.row.originalText), 0);
  grams += rows.reduce((n, r) => n + r.grams, 0);
  await database.db.insert(documents).values(rows.map((r) => r.row));
  await trgm.query(`INSERT INTO docs SELECT * FROM unnest($1::int[], $2::text[])`, [rows.map((_, k) => i + k), rows.map((r) => r.row.searchText)]);
}
out(`语料：${DOCS} 份公文，原文 ${(textBytes / 1048576).toFixed(1)} MB，平均每份 ${Math.round(grams / DOCS)} 个字/二元组；写入 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
t0 = performance.now();
await database.db.execute(sql`CREATE INDEX documents_search_vector_idx ON documents USING gin (search_vector) WITH (fastupdate = off)`);
out(`字/二元组索引建立 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
t0 = performance.now();
await trgm.exec('CREATE INDEX docs_trgm ON docs USING gin (search_text gin_trgm_ops)');
out(`pg_trgm 索引（仅作参照）建立 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
await database.db.execute(sql`ANALYZE documents`);
await trgm.exec('ANALYZE docs');

if (values.explain) {
  const n = normalizeForSearch('教育督导');
  for (const q of [
    sql`EXPLAIN ANALYZE SELECT id FROM documents WHERE search_vector @@ ${"'教育' & '育督' & '督导'"}::tsquery AND strpos(search_text, ${n}) > 0`,
    sql`EXPLAIN ANALYZE SELECT id FROM documents WHERE strpos(search_text, ${n}) > 0`,
    sql`EXPLAIN ANALYZE SELECT id FROM documents WHERE search_vector @@ ${"'霍尔' & '口岸' & '便利'"}::tsquery AND strpos(search_text, ${normalizeForSearch(RARE[0])}) > 0`,
  ]) {
    for (const row of await queryRows<{ 'QUERY PLAN': string }>(database.db, q)) out(row['QUERY PLAN']);
  }
}
const QUERIES = ['教育督导', '薰衣草国际旅游节', RARE[0], '量子计算', '伊州政办函〔2013〕1001号', '州'];
out('');
out('查询                       命中  grams(ms)  strpos扫描(ms)  ILIKE扫描(ms)  pg_trgm(ms)  ILIKE/grams');
for (const q of QUERIES) {
  const n = normalizeForSearch(q);
  const hits = (await searchDocuments(database.db, { q, pageSize: 20 })).total;
  const ours = await time(() => searchDocuments(database.db, { q, pageSize: 20 }));
  const scan = await time(() =>
    queryRows(database.db, sql`SELECT id, doc_number, title, count(*) OVER () AS total FROM documents WHERE strpos(search_text, ${n}) > 0 ORDER BY signed_on DESC NULLS LAST LIMIT 20`),
  );
  const ilike = await time(() =>
    queryRows(database.db, sql`SELECT id, doc_number, title, count(*) OVER () AS total FROM documents WHERE original_text ILIKE ${`%${q}%`} ORDER BY signed_on DESC NULLS LAST LIMIT 20`),
  );
  const trgmMs = await time(() => trgm.query(`SELECT id, count(*) OVER () FROM docs WHERE search_text LIKE $1 LIMIT 20`, [`%${n}%`]));
  out(`${q.padEnd(24, '　').slice(0, 24)} ${String(hits).padStart(5)}  ${ours.toFixed(1).padStart(9)}  ${scan.toFixed(1).padStart(14)}  ${ilike.toFixed(1).padStart(13)}  ${trgmMs.toFixed(1).padStart(11)}  ${(ilike / ours).toFixed(1).padStart(10)}×`);
}
await trgm.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
