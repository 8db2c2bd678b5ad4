/**
 * Results entry by Excel (the template, then a filled sheet through the evaluator) and the article
 * text beside each line: the rulebook's quotation until 伊州政办规〔2023〕1号 is imported, then the
 * imported document's own text.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/actor.js';
import { BUNDLED_DOCUMENTS } from '../../src/services/documents/first-run.js';
import { importDocuments } from '../../src/services/documents/import-documents.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';

const ENTRY = {
  kind: 'result', games: 'region-games', date: '2023-08-10', event: 'individual', sport: '田径', place: 2,
  athletes: [{ name: '古丽', county: '巩留县' }], enteredTeamOn: '2020-08-10', coaches: [{ name: '孙丽', role: 'head' }],
};

interface Article {
  ref: string;
  source: string;
  articleText: string;
  citedText: string | null;
}

function uploadXlsx(t: TestApp, client: TestClient, content: Buffer): Promise<LightMyRequestResponse> {
  const boundary = `----yz${randomBytes(8).toString('hex')}`;
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="成绩.xlsx"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/awards/import',
    cookies: client.cookies,
    headers: { 'x-csrf-token': client.cookies.yz_csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

describe.each(DATABASE_KINDS)('awards results import and article text on %s', (kind) => {
  let t: TestApp;
  let coach: TestClient;

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date('2023-09-01T04:00:00Z'), config: { YIZHENG_SECRET_KEY: randomBytes(32).toString('hex') } });
    coach = await t.userWith('coach1', ['department-reporter']);
  });
  afterAll(async () => t.close());

  it('offers a template whose example row computes, and reads a filled sheet row by row', async () => {
    const template = await coach.request('GET', '/api/awards/template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(decodeURIComponent(String(template.headers['content-disposition']).split("''")[1])).toBe('体育奖励成绩导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('成绩');
    expect(sheet?.getRow(1).getCell(3).value).toBe('运动会（games）');
    // A second row in Chinese words, with a real Excel date and a bad place.
    sheet?.addRow(['r2', '成绩奖', '区运会', new Date(Date.UTC(2023, 7, 10)), '团体', '篮球', 12, 0, '伊犁州篮球队', '伊宁市', null, '2019-01-01', '王强（现任主管教练员）']);
    sheet?.addRow([]);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await uploadXlsx(t, coach, filled);
    expect(res.statusCode).toBe(200);
    const { rows } = res.json<{ rows: { row: number; entry: Record<string, unknown>; computation: { eligible: boolean; totalFen: number; reasons: string[] } }[] }>();
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[0].computation).toMatchObject({ eligible: true, totalFen: 6_600_000 });
    expect(rows[1].entry).toMatchObject({ date: '2023-08-10', event: 'team', teamSize: 12, coaches: [{ name: '王强', role: 'head' }] });
    expect(rows[1].computation.eligible).toBe(false);
    expect(rows[1].computation.reasons[0]).toMatch(/^place：/);
  });

  it('refuses a file that is not an Excel workbook', async () => {
    const res = await uploadXlsx(t, coach, Buffer.from('id,kind\nr1,result\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Excel');
  });

  it("shows the rulebook's article text until the regulation is imported, then the imported document's", async () => {
    const before = (await coach.request('POST', '/api/awards/compute', { entry: ENTRY })).json<{ articles: Article[] }>();
    expect(before.articles.map((a) => a.source)).toEqual(before.articles.map(() => 'rulebook'));
    await importDocuments(t.database, systemActor(), fs.readFileSync(BUNDLED_DOCUMENTS, 'utf8'), { source: 'test' });
    const after = (await coach.request('POST', '/api/awards/compute', { entry: ENTRY })).json<{ articles: Article[] }>();
    expect(after.articles.map((a) => a.ref)).toEqual(before.articles.map((a) => a.ref));
    expect(after.articles.map((a) => a.source)).toEqual(after.articles.map(() => 'document'));
    const split = after.articles.find((a) => a.ref === '第十三条第（四）项');
    expect(split?.citedText).toBe('（四）培训运动员（队）时间满三年以上的，其现任主管教练员的奖金为该运动员（队）奖金总额的100%。');
    expect(after.articles.map((a) => a.articleText)).toEqual(before.articles.map((a) => a.articleText));
  });
});
