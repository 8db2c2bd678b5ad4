import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { ROUTE_POLICIES } from '../../src/server/policies/index.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';

const REAL = readFileSync(new URL('../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const LINES = REAL.split('\n');
const withLine = (n: number, text: string) => LINES.map((l, i) => (i === n - 1 ? text : l)).join('\n');

async function count(t: TestApp, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row.n;
}

/** Rows in every table the import writes to. */
async function footprint(t: TestApp) {
  const tables = ['documents', 'bodies', 'body_versions', 'memberships', 'liaisons', 'people', 'posts', 'post_holdings'];
  return Object.fromEntries(await Promise.all(tables.map(async (n) => [n, await count(t, n)] as const)));
}

describe.each(DATABASE_KINDS)('documents on %s', (kind) => {
  let t: TestApp;
  let staff: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date('2023-04-01T04:00:00Z') });
    staff = await t.userWith('office1', ['office-staff']);
  });
  afterAll(async () => t.close());

  it('refuses a text it cannot parse with the line, and writes nothing', async () => {
    const before = await footprint(t);
    const res = await staff.request('POST', '/api/documents/import', { text: withLine(304, '伊州政办函〔2023〕号'), sourceName: 'bad.txt' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'DOCUMENT_PARSE', message: '第304行：发文字号格式不正确：伊州政办函〔2023〕号（应为“机关代字〔年份〕序号号”）', details: { line: 304 } });
    expect(await footprint(t)).toEqual(before);
    const [audit] = await queryRows<{ result: string; details: { error: string } }>(t.database.db, sql`SELECT result, details FROM audit_log WHERE action = 'documents.import' ORDER BY seq DESC LIMIT 1`);
    expect(audit).toMatchObject({ result: 'failure', details: { error: 'DOCUMENT_PARSE' } });
  });

  it('refuses text that is not UTF-8 (decoded with replacement characters), naming the line', async () => {
    const res = await staff.request('POST', '/api/documents/import', { text: `关于\n\uFFFD\uFFFD通知`, sourceName: 'gbk.txt' });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('第2行：含有无法识别的字符，文件可能不是 UTF-8 编码');
  });

  it('imports the five 2023 documents and builds the five bodies from their rosters', async () => {
    const res = await staff.request('POST', '/api/documents/import', { text: REAL, sourceName: 'yili-2023.txt' });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.added).toBe(5);
    expect(report.unchanged).toBe(0);
    expect(report.documents.map((d: { docNumber: string }) => d.docNumber)).toEqual([
      '伊州政办规〔2023〕1号', '伊州政办函〔2023〕14号', '伊州政办发〔2023〕6号', '伊州政办函〔2023〕22号', '伊州政办发〔2023〕8号',
    ]);
    expect(report.built.filter((b: { importer: string }) => b.importer === 'directory.bodies').flatMap((b: { items: string[] }) => b.items)).toEqual([
      '自治州防治重大动物疫病指挥部（组成人员37人）',
      '自治州农牧民补助奖励政策及定居兴牧工程建设领导小组（组成人员16人）',
      '自治州气象灾害防御和人工影响天气工作领导小组（组成人员34人）',
      '自治州社会科学普及工作联席会议（组成人员23人）',
      '自治州人民政府教育督导委员会（组成人员28人，联络员24人）',
    ]);
    expect(report.warnings).toEqual([{ line: 397, message: '第397行：伊州政办发〔2023〕8号未找到成文日期和发文机关署名', source: 'yili-2023.txt' }]);
    expect(await count(t, 'documents')).toBe(5);
    expect(await count(t, 'bodies')).toBe(5);
  });

  it('changes nothing when the same text is imported again, even re-padded', async () => {
    const before = await footprint(t);
    const repadded = REAL.replace(/\n/g, '\r\n').replace('张  蕾', '张 蕾');
    const res = await staff.request('POST', '/api/documents/import', { text: repadded, sourceName: 'again.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 0, unchanged: 5, built: [] });
    expect(await footprint(t)).toEqual(before);
  });

  it('refuses the same 发文字号 with other content (409) and writes nothing, not even the new documents', async () => {
    const before = await footprint(t);
    const changed = withLine(309, '主  任：王某某（自治州副州长）');
    const extra = ['关于某事项的通知', '', '伊州政办函〔2023〕99号', '', '各县市人民政府：', '请遵照执行。', '', '伊犁哈萨克自治州人民政府办公厅', '2023年5月1日'].join('\n');
    const res = await staff.request('POST', '/api/documents/import', { text: `${extra}\n\n${changed}` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DOCUMENT_CONFLICT', details: { docNumber: '伊州政办函〔2023〕22号' } });
    expect(res.json().message).toContain('伊州政办函〔2023〕22号已导入，但本次文本内容与已导入的不同');
    expect(await footprint(t)).toEqual(before);
  });

  it('searches by title, by number in any bracket style, and by full text', async () => {
    const search = async (q: string, field?: string) => {
      const res = await staff.request('GET', `/api/documents?q=${encodeURIComponent(q)}${field ? `&field=${field}` : ''}`);
      expect(res.statusCode).toBe(200);
      return res.json() as { total: number; items: { docNumber: string; snippet: string | null }[] };
    };
    expect((await search('新闻发布计划', 'title')).items.map((d) => d.docNumber)).toEqual(['伊州政办发〔2023〕6号']);
    expect((await search('伊州政办函[2023]14号', 'number')).items.map((d) => d.docNumber)).toEqual(['伊州政办函〔2023〕14号']);
    expect((await search('政办函（2023）22', 'number')).items.map((d) => d.docNumber)).toEqual(['伊州政办函〔2023〕22号']);
    const lavender = await search('薰衣草');
    expect(lavender.items.map((d) => d.docNumber)).toEqual(['伊州政办发〔2023〕6号']);
    expect(lavender.items[0].snippet).toContain('薰衣草国际旅游节');
    expect((await search('达列力别克·坎加汗')).items.map((d) => d.docNumber)).toEqual(['伊州政办函〔2023〕14号']);
    expect((await search('薰衣草', 'title')).total).toBe(0);
    expect((await search('州')).total).toBe(5);
    expect((await search('不存在的词语')).total).toBe(0);
    const all = await search('');
    expect(all.items.map((d) => d.docNumber)).toEqual([
      '伊州政办函〔2023〕22号', '伊州政办发〔2023〕6号', '伊州政办函〔2023〕14号', '伊州政办规〔2023〕1号', '伊州政办发〔2023〕8号',
    ]);
  });

  it('shows one document by id or number, with its elements, structure and original text', async () => {
    const byNumber = await staff.request('GET', `/api/documents/${encodeURIComponent('伊州政办规〔2023〕1号')}`);
    expect(byNumber.statusCode).toBe(200);
    const doc = byNumber.json();
    expect(doc).toMatchObject({ title: '关于印发《伊犁哈萨克自治州参赛各类大型运动会奖励办法》的通知', signedOn: '2023-01-10', issuer: '伊犁哈萨克自治州人民政府办公厅', firstLine: 1 });
    expect(doc.structure.enclosure.title).toBe('伊犁哈萨克自治州参赛各类大型运动会奖励办法');
    expect(doc.structure.enclosure.sections[0]).toMatchObject({ kind: 'chapter', label: '第一章', title: '总则' });
    expect(doc.originalText.split('\n')[0]).toBe(LINES[0]);
    const byId = await staff.request('GET', `/api/documents/${doc.id}`);
    expect(byId.json().docNumber).toBe('伊州政办规〔2023〕1号');
    const annexes = (await staff.request('GET', `/api/documents/${encodeURIComponent('伊州政办函[2023]14号')}`)).json();
    expect(annexes.attachments.map((a: { number: number }) => a.number)).toEqual([1, 2, 3, 4]);
    expect((await staff.request('GET', '/api/documents/伊州政办函〔2023〕77号')).statusCode).toBe(404);
  });

  it('lets only holders of documents:import import, and audits each import', async () => {
    const leader = await t.userWith('leader1', ['leader']);
    expect((await leader.request('GET', '/api/documents')).statusCode).toBe(200);
    expect((await leader.request('POST', '/api/documents/import', { text: REAL })).statusCode).toBe(403);
    const imports = await queryRows<{ result: string }>(t.database.db, sql`SELECT result FROM audit_log WHERE action = 'documents.import' ORDER BY seq`);
    expect(imports.map((r) => r.result)).toEqual(['failure', 'failure', 'success', 'success', 'failure']);
  });

  it('has a policy entry for every API route, the new ones included', () => {
    const missing = t.routes.filter((r) => r.url.startsWith('/api')).map((r) => `${r.method} ${r.url}`).filter((key) => !ROUTE_POLICIES.has(key));
    expect(missing).toEqual([]);
    const mine = t.routes.filter((r) => /^\/api\/(documents|people|bodies|directory|duty-reports|rectifications)/.test(r.url));
    expect(mine.length).toBeGreaterThanOrEqual(22);
  });
});
