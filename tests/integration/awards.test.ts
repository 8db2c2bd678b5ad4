/**
 * The award procedure (伊州政办规〔2023〕1号 Ch. 8–9) through the API on PGlite and PostgreSQL:
 * application with materials and encrypted ID numbers, review, the 7-day notice with an objection,
 * report, the year's plan (Excel/Word), approval, disbursement, revocation and recovery; the
 * permissions (no decision on one's own application; a county sees its own) and the races.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { idCardCheckChar } from '../../src/domain/awards/id-card.js';
import { systemActor } from '../../src/services/actor.js';
import { listAwardApplications } from '../../src/services/awards/queries.js';
import { verifyAuditChain } from '../../src/services/audit/audit.service.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { ensureOrganization } from '../../src/services/directory/organizations.service.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { ADMIN_PASSWORD, DATABASE_KINDS } from '../helpers/database.js';

const withCheck = (first17: string) => `${first17}${idCardCheckChar(first17)}`;
const ID = {
  athlete: withCheck('65400220050307123'),
  head: withCheck('65400219800512201'),
  original: withCheck('65402119750101332'),
  assistant: withCheck('65400219900909441'),
};
const BAD_ID = `${ID.athlete.slice(0, 17)}${ID.athlete[17] === '0' ? '1' : '0'}`;

const ENTRY = {
  kind: 'result',
  games: 'region-games',
  date: '2023-08-10',
  event: 'individual',
  sport: '田径',
  teamSize: 1,
  place: 1,
  team: '伊犁州田径队',
  athletes: [{ name: '阿力木', county: '伊宁县' }],
  enteredTeamOn: '2021-03-01',
  coaches: [
    { name: '张伟', role: 'head' },
    { name: '李军', role: 'original' },
    { name: '赵磊', role: 'assistant' },
  ],
  extraAwards: [3000, 5000],
  disqualified: null,
};
const PEOPLE = [
  { name: '阿力木', role: 'athlete', idNumber: ID.athlete },
  { name: '张伟', role: 'head', idNumber: ID.head },
  { name: '李军', role: 'original', idNumber: ID.original },
  { name: '赵磊', role: 'assistant', idNumber: ID.assistant },
];
/** 区运会个人第1名 with 第十五条 extra 5000 (golden region-games r1): 66000元, of which 伊宁县 4000元. */
const TOTAL_FEN = 6_600_000;
const COUNTY_FEN = 400_000;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)]);

function multipart(content: Buffer, filename: string, type: string) {
  const boundary = `----yz${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

interface User {
  session(): Promise<TestClient>;
  request: TestClient['request'];
}

async function upload(t: TestApp, user: User, url: string, content: Buffer, filename: string, type: string) {
  const body = multipart(content, filename, type);
  const client = await user.session();
  return t.app.inject({
    method: 'POST',
    url,
    cookies: client.cookies,
    headers: { 'x-csrf-token': client.cookies.yz_csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

const ok = (res: LightMyRequestResponse, status = 200) => {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
};

const utc = (date: string) => new Date(`${date}T04:00:00Z`); // 10:00 in Urumqi

describe.each(DATABASE_KINDS)('awards procedure on %s', (kind) => {
  let t: TestApp;
  let clock = utc('2023-09-01');
  let coach: User;
  let reviewer: User;
  let reviewer2: User;
  let office: User;
  let finance: User;
  let yining: User;
  let huocheng: User;
  let appId = '';
  let ownAppId = '';
  let noticeId = '';

  /**
   * A user whose session follows the pinned clock: the clock jumps days ahead and idle sessions end,
   * so the user logs in again on first use after a jump (once, even for 50 concurrent requests).
   */
  const as = (username: string): User => {
    let current: { at: number; client: Promise<TestClient> } | null = null;
    const session = () => {
      if (!current || current.at !== clock.getTime()) current = { at: clock.getTime(), client: t.login(username) };
      return current.client;
    };
    return { session, request: async (method, url, body) => (await session()).request(method, url, body) };
  };
  const moveTo = (date: string) => {
    clock = utc(date);
  };
  const applyAs = async (client: User, entry: object = ENTRY, people: object[] = PEOPLE) =>
    client.request('POST', '/api/awards/applications', { applicantKind: 'coach', applicantName: '张伟', entry, people });
  const readyToSubmit = async (client: User, id: string) => {
    ok(await upload(t, client, `/api/awards/applications/${id}/materials?kind=certificate`, PDF, 'a.pdf', 'application/pdf'), 201);
    ok(await upload(t, client, `/api/awards/applications/${id}/materials?kind=id-card`, JPEG, 'b.jpg', 'image/jpeg'), 201);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => clock, config: { YIZHENG_SECRET_KEY: randomBytes(32).toString('hex') } });
    const orgs = await t.database.db.transaction(async (tx) => ({
      school: await ensureOrganization(tx, '州体育运动学校', 'unit'),
      yining: await ensureOrganization(tx, '伊宁县', 'county'),
      huocheng: await ensureOrganization(tx, '霍城县', 'county'),
    }));
    const users: [string, string, string | null][] = [
      ['coach1', 'department-reporter', orgs.school.id],
      ['reviewer1', 'sports-reviewer', null],
      ['reviewer2', 'sports-reviewer', null],
      ['office1', 'office-staff', null],
      ['finance1', 'finance', null],
      ['yining1', 'county-user', orgs.yining.id],
      ['huocheng1', 'county-user', orgs.huocheng.id],
    ];
    for (const [username, role, organizationId] of users) {
      await createUser(t.database, systemActor(), { username, displayName: username, roles: [role], organizationId, password: ADMIN_PASSWORD });
    }
    [coach, reviewer, reviewer2, office, finance, yining, huocheng] = users.map(([username]) => as(username));
  });
  afterAll(async () => t.close());

  it('computes a result live: lines in fen, the explanation, and the article text beside each line', async () => {
    const res = ok(await coach.request('POST', '/api/awards/compute', { entry: ENTRY }));
    expect(res.appliedOn).toBe('2023-09-01');
    expect(res.eligible).toBe(true);
    expect(res.totalFen).toBe(TOTAL_FEN);
    expect(res.countyFen).toBe(COUNTY_FEN);
    const head = res.lines.find((l: { role: string; basis: string }) => l.role === 'head' && l.basis.startsWith('第十三条'));
    expect(head).toMatchObject({ payee: '张伟', amountFen: 1_600_000, refs: ['第十三条第（三）项'] });
    expect(head.basis).toBe('第十三条第（三）项：区运会个人第1名 20000元 × 现任主管教练员 80%（培训满二年不满三年） = 16000元');
    const article = res.articles.find((a: { ref: string }) => a.ref === '第十三条第（三）项');
    expect(article.source).toBe('rulebook');
    expect(article.citedText).toContain('（三）培训运动员（队）时间满二年以上不足三年的');
    const bad = ok(await coach.request('POST', '/api/awards/compute', { entry: { ...ENTRY, place: 0 } }));
    expect(bad.eligible).toBe(false);
    expect(bad.reasons[0]).toMatch(/^place：/);
  });

  it('creates a draft with checked ID numbers, stored encrypted and shown masked', async () => {
    const refused = await applyAs(coach, ENTRY, [{ ...PEOPLE[0], idNumber: BAD_ID }]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('阿力木');
    const stray = await applyAs(coach, ENTRY, [{ name: '路人', role: 'athlete', idNumber: ID.athlete }]);
    expect(stray.statusCode).toBe(400);
    const created = ok(await applyAs(coach), 201);
    appId = created.id;
    const detail = ok(await coach.request('GET', `/api/awards/applications/${appId}`));
    expect(detail).toMatchObject({ status: 'draft', mine: true, editable: true, canRevealIdNumbers: false });
    expect(detail.people.map((p: { idNumberMasked: string }) => p.idNumberMasked)).toContain(`${ID.athlete.slice(0, 6)}********${ID.athlete.slice(-4)}`);
    expect(JSON.stringify(detail)).not.toContain(ID.athlete);
    const people = await queryRows<Record<string, unknown>>(t.database.db, sql`SELECT * FROM award_people`);
    const apps = await queryRows<Record<string, unknown>>(t.database.db, sql`SELECT * FROM award_applications`);
    const audit = await queryRows<Record<string, unknown>>(t.database.db, sql`SELECT * FROM audit_log`);
    expect(people).toHaveLength(4);
    for (const number of Object.values(ID)) {
      expect(JSON.stringify([people, apps, audit])).not.toContain(number);
      expect(JSON.stringify([people, apps, audit])).not.toContain(number.slice(6, 14)); // not even the birth date
    }
    expect(String(people[0].id_number_sealed)).toMatch(/^v1:/);
  });

  it('stores amounts in integer fen with the basis per line, computed, never typed in', async () => {
    const lines = await queryRows<{ amount_fen: string | number; funding: string; basis: string; citations: unknown }>(
      t.database.db,
      sql`SELECT amount_fen, funding, basis, citations FROM award_lines WHERE application_id = ${appId} ORDER BY position`,
    );
    expect(lines.reduce((s, l) => s + Number(l.amount_fen), 0)).toBe(TOTAL_FEN);
    expect(lines.filter((l) => l.funding === 'county').map((l) => Number(l.amount_fen))).toEqual([COUNTY_FEN]);
    expect(lines.every((l) => /^第[一二三四五六七八九十]+条/.test(l.basis))).toBe(true);
    const typed = await coach.request('PATCH', `/api/awards/applications/${appId}`, { applicantKind: 'coach', applicantName: '张伟', entry: ENTRY, people: [], totalFen: 1 });
    expect(typed.statusCode).toBe(400);
  });

  it('takes only PDF, JPEG and PNG by content, under a server-made name, served as attachment with nosniff', async () => {
    const submitEarly = await coach.request('POST', `/api/awards/applications/${appId}/submit`);
    expect(submitEarly.statusCode).toBe(400);
    expect(submitEarly.json().message).toContain('缺少材料');
    const html = await upload(t, coach, `/api/awards/applications/${appId}/materials?kind=certificate`, Buffer.from('<html><script>alert(1)</script>'), 'cert.pdf', 'application/pdf');
    expect(html.statusCode).toBe(415);
    expect(html.json().code).toBe('UNSUPPORTED_FILE_TYPE');
    const tooBig = await upload(t, coach, `/api/awards/applications/${appId}/materials?kind=certificate`, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'big.pdf', 'application/pdf');
    expect(tooBig.statusCode).toBe(413);
    const png = ok(await upload(t, coach, `/api/awards/applications/${appId}/materials?kind=results-book`, PNG, '../../etc/passwd.pdf', 'application/pdf'), 201);
    expect(png.mediaType).toBe('image/png');
    await readyToSubmit(coach, appId);
    const detail = ok(await coach.request('GET', `/api/awards/applications/${appId}`));
    const stored = detail.materials.find((m: { kind: string }) => m.kind === 'results-book');
    expect(stored.storedName).toBe(`${png.id}.png`);
    const file = await coach.request('GET', `/api/awards/applications/${appId}/materials/${png.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(file.headers['content-disposition']).split("''")[1])).toMatch(/^奖励申请\d+-比赛成绩册-1\.png$/);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    const sealed = await queryRows<{ content_sealed: Uint8Array }>(t.database.db, sql`SELECT content_sealed FROM award_materials WHERE application_id = ${appId}`);
    for (const m of sealed) expect(Buffer.from(m.content_sealed).includes(Buffer.from('%PDF'))).toBe(false);
  });

  it('submits; the sports bureau returns it with a comment, the applicant corrects it, and it passes review', async () => {
    expect(ok(await coach.request('POST', `/api/awards/applications/${appId}/submit`)).status).toBe('submitted');
    expect((await coach.request('POST', `/api/awards/applications/${appId}/review`, { decision: 'pass' })).statusCode).toBe(403);
    const noReason = await reviewer.request('POST', `/api/awards/applications/${appId}/review`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    ok(await reviewer.request('POST', `/api/awards/applications/${appId}/review`, { decision: 'return', comment: '请补充秩序册' }));
    moveTo('2023-09-02');
    ok(await upload(t, coach, `/api/awards/applications/${appId}/materials?kind=order-book`, PDF, 'c.pdf', 'application/pdf'), 201);
    const resubmitted = ok(await coach.request('POST', `/api/awards/applications/${appId}/submit`));
    expect(resubmitted.status).toBe('submitted');
    ok(await reviewer.request('POST', `/api/awards/applications/${appId}/review`, { decision: 'pass', comment: '材料齐全' }));
    const detail = ok(await coach.request('GET', `/api/awards/applications/${appId}`));
    expect(detail.status).toBe('reviewed');
    // 第十九条: the day it first reached the sports bureau counts, not the resubmission.
    expect(detail.appliedOn).toBe('2023-09-01');
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['create', 'material', 'material', 'material', 'submit', 'review-return', 'material', 'submit', 'review-pass']);
    expect(detail.events.find((e: { action: string }) => e.action === 'review-return').comment).toBe('请补充秩序册');
  });

  it('never lets an applicant review their own application', async () => {
    const own = ok(await applyAs(reviewer, { ...ENTRY, athletes: [{ name: '阿力木', county: '霍城县' }] }), 201);
    ownAppId = own.id;
    await readyToSubmit(reviewer, ownAppId);
    ok(await reviewer.request('POST', `/api/awards/applications/${ownAppId}/submit`));
    const self = await reviewer.request('POST', `/api/awards/applications/${ownAppId}/review`, { decision: 'pass' });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toContain('申请人不得');
    expect((await reviewer2.request('POST', `/api/awards/applications/${ownAppId}/submit`)).statusCode).toBe(403);
    ok(await reviewer2.request('POST', `/api/awards/applications/${ownAppId}/review`, { decision: 'pass' }));
  });

  it('shows full ID numbers only to the roles that need them, and audits every full view', async () => {
    expect((await coach.request('GET', `/api/awards/applications/${appId}/id-numbers`)).statusCode).toBe(403);
    expect((await yining.request('GET', `/api/awards/applications/${appId}/id-numbers`)).statusCode).toBe(403);
    const before = await queryRows(t.database.db, sql`SELECT 1 FROM audit_log WHERE action = 'award.id-number.view'`);
    const full = ok(await reviewer2.request('GET', `/api/awards/applications/${appId}/id-numbers`));
    expect(full.items.find((p: { role: string }) => p.role === 'athlete').idNumber).toBe(ID.athlete);
    ok(await finance.request('GET', `/api/awards/applications/${appId}/id-numbers`));
    const after = await queryRows<{ username: string; details: unknown }>(t.database.db, sql`SELECT username, details FROM audit_log WHERE action = 'award.id-number.view' ORDER BY seq`);
    expect(after.length - before.length).toBe(2);
    expect(after.map((r) => r.username).slice(-2)).toEqual(['reviewer2', 'finance1']);
    expect(JSON.stringify(after)).not.toContain(ID.athlete);
    const list = ok(await reviewer2.request('GET', '/api/awards/applications'));
    expect(JSON.stringify(list)).not.toContain(ID.athlete);
    // The ID-card copy is personal data too: not for a county user.
    const detail = ok(await yining.request('GET', `/api/awards/applications/${appId}`));
    const copy = detail.materials.find((m: { kind: string }) => m.kind === 'id-card');
    expect((await yining.request('GET', `/api/awards/applications/${appId}/materials/${copy.id}`)).statusCode).toBe(403);
  });

  it('publishes the 7-day notice (publication day not counted) as a page and a Word file, and takes objections', async () => {
    moveTo('2023-09-04');
    const notice = ok(await reviewer2.request('POST', '/api/awards/notices', { applicationIds: [appId] }), 201);
    noticeId = notice.id;
    expect(notice).toMatchObject({ startsOn: '2023-09-05', endsOn: '2023-09-11' });
    expect((await reviewer.request('POST', '/api/awards/notices', { applicationIds: [ownAppId] })).statusCode).toBe(403);
    ok(await reviewer2.request('POST', '/api/awards/notices', { applicationIds: [ownAppId] }), 201);
    const page = ok(await coach.request('GET', `/api/awards/notices/${noticeId}`));
    expect(page).toMatchObject({ state: 'open', days: 7, totalFen: TOTAL_FEN });
    expect(page.items[0].lines.some((l: { payee: string }) => l.payee === '阿力木')).toBe(true);
    expect(JSON.stringify(page)).not.toContain(ID.athlete);
    const word = await coach.request('GET', `/api/awards/notices/${noticeId}/notice.docx`);
    expect(word.statusCode).toBe(200);
    expect(word.rawPayload.subarray(0, 2).toString()).toBe('PK');
    moveTo('2023-09-06');
    const objection = ok(
      await reviewer2.request('POST', `/api/awards/notices/${noticeId}/objections`, { applicationId: appId, receivedOn: '2023-09-06', objector: '王某', content: '认为名次有误' }),
      201,
    );
    const early = await reviewer2.request('POST', `/api/awards/notices/${noticeId}/report`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('2023-09-11');
    ok(await reviewer2.request('POST', `/api/awards/objections/${objection.id}/handle`, { outcome: 'dismissed', handling: '经核对成绩册，名次无误' }));
    expect((await reviewer2.request('POST', `/api/awards/objections/${objection.id}/handle`, { outcome: 'upheld', handling: '再次处理' })).statusCode).toBe(409);
    moveTo('2023-09-11');
    expect((await reviewer2.request('POST', `/api/awards/notices/${noticeId}/report`)).statusCode).toBe(409);
    moveTo('2023-09-12');
    const late = await reviewer2.request('POST', `/api/awards/notices/${noticeId}/objections`, { applicationId: appId, receivedOn: '2023-09-12', objector: '李某', content: '迟到的异议' });
    expect(late.statusCode).toBe(409);
    expect(ok(await reviewer2.request('POST', `/api/awards/notices/${noticeId}/report`)).reported).toBe(1);
    expect((await reviewer2.request('POST', `/api/awards/notices/${noticeId}/report`)).statusCode).toBe(409);
    const reported = ok(await coach.request('GET', `/api/awards/applications/${appId}`));
    expect(reported.status).toBe('reported');
    expect(reported.objections[0]).toMatchObject({ outcome: 'dismissed', handling: '经核对成绩册，名次无误' });
  });

  it("exports the year's plan with totals by payee role and by funding source (Excel, Word)", async () => {
    const plan = ok(await office.request('GET', '/api/awards/plans/2023'));
    expect(plan.totalFen).toBe(TOTAL_FEN);
    expect(plan.byFunding).toEqual([
      { funding: 'prefecture', payer: '州财政', amountFen: TOTAL_FEN - COUNTY_FEN },
      { funding: 'county', payer: '伊宁县财政', amountFen: COUNTY_FEN },
    ]);
    expect(plan.byRole.find((r: { role: string }) => r.role === 'athlete').amountFen).toBe(2_500_000);
    expect(plan.byRole.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0)).toBe(TOTAL_FEN);
    const xlsx = await office.request('GET', '/api/awards/plans/2023/plan.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('汇总')?.getSheetValues() ?? [];
    const value = (label: string, after = 0) => {
      const row = rows.slice(after).find((r) => Array.isArray(r) && r[1] === label) as unknown[];
      return Math.round(Number(row[3]) * 100);
    };
    expect(value('运动员')).toBe(2_500_000);
    expect(value('州财政')).toBe(TOTAL_FEN - COUNTY_FEN);
    expect(value('伊宁县财政')).toBe(COUNTY_FEN);
    expect(value('合计')).toBe(TOTAL_FEN);
    const detail = wb.getWorksheet('明细');
    let sum = 0;
    detail?.eachRow((row, n) => {
      if (n > 1) sum += Math.round(Number(row.getCell(7).value) * 100);
    });
    expect(sum).toBe(TOTAL_FEN);
    const docx = await office.request('GET', '/api/awards/plans/2023/plan.docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await yining.request('GET', '/api/awards/plans/2023')).statusCode).toBe(403);
  });

  it('lets exactly one of 50 concurrent approvals succeed; the rest get 409', async () => {
    expect((await coach.request('POST', `/api/awards/applications/${appId}/approve`)).statusCode).toBe(403);
    const results = await Promise.all(Array.from({ length: 50 }, () => office.request('POST', `/api/awards/applications/${appId}/approve`, { comment: '同意' })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('INVALID_STATE');
    const events = await queryRows(t.database.db, sql`SELECT 1 FROM award_events WHERE application_id = ${appId} AND action = 'approve'`);
    expect(events).toHaveLength(1);
  });

  it('lets exactly one of 50 concurrent disbursements succeed, paying the prefecture share', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => finance.request('POST', `/api/awards/applications/${appId}/disburse`, { paidOn: '2023-09-12', voucher: `记-${i}` })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(49);
    const detail = ok(await finance.request('GET', `/api/awards/applications/${appId}`));
    expect(detail).toMatchObject({ status: 'disbursed', disbursedFen: TOTAL_FEN - COUNTY_FEN, disbursedOn: '2023-09-12' });
  });

  it('shows each county what it owes, and nothing of other counties', async () => {
    const mine = ok(await yining.request('GET', '/api/awards/applications'));
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([appId]);
    const ledger = ok(await yining.request('GET', '/api/awards/ledger'));
    expect(ledger.countyObligations).toEqual([
      expect.objectContaining({ county: '伊宁县', amountFen: COUNTY_FEN }),
    ]);
    // 霍城县 sees only the application whose tracking award it would pay (not yet approved: owes nothing yet).
    expect(ok(await huocheng.request('GET', '/api/awards/applications')).items.map((i: { id: string }) => i.id)).toEqual([ownAppId]);
    expect((await huocheng.request('GET', `/api/awards/applications/${appId}`)).statusCode).toBe(404);
    expect(ok(await huocheng.request('GET', '/api/awards/ledger')).countyObligations).toEqual([]);
    const coachList = ok(await coach.request('GET', '/api/awards/applications'));
    expect(coachList.items.map((i: { id: string }) => i.id)).toEqual([appId]);
    expect(coachList).toMatchObject({ total: 1, totalCapped: false });
    // Past the cap the total says "more than" (the page itself is whole).
    const everything = await listAwardApplications(t.database.db, systemActor(), { page: 1, pageSize: 20 });
    expect(everything.totalCapped).toBe(false);
    const capped = await listAwardApplications(t.database.db, systemActor(), { page: 1, pageSize: 20 }, everything.total - 1);
    expect(capped).toMatchObject({ total: everything.total - 1, totalCapped: true });
    expect(capped.items).toHaveLength(everything.items.length);
    const all = ok(await finance.request('GET', '/api/awards/ledger'));
    expect(all.disbursements).toEqual([expect.objectContaining({ applicationId: appId, amountFen: TOTAL_FEN - COUNTY_FEN })]);
  });

  it('revokes after disbursement (第二十一条) and records the recovery, never more than is owed', async () => {
    expect((await coach.request('POST', `/api/awards/applications/${appId}/revoke`, { ground: 'fraud', reason: 'x' })).statusCode).toBe(403);
    const revoked = ok(await reviewer2.request('POST', `/api/awards/applications/${appId}/revoke`, { ground: 'fraud', reason: '经查冒名顶替' }));
    expect(revoked).toMatchObject({ status: 'revoked', recoveryDueFen: TOTAL_FEN - COUNTY_FEN });
    expect((await reviewer2.request('POST', `/api/awards/applications/${appId}/revoke`, { ground: 'fraud', reason: '再次' })).statusCode).toBe(409);
    ok(await finance.request('POST', `/api/awards/applications/${appId}/recoveries`, { amountFen: 2_000_000, recoveredOn: '2023-09-12' }), 201);
    const over = await finance.request('POST', `/api/awards/applications/${appId}/recoveries`, { amountFen: TOTAL_FEN, recoveredOn: '2023-09-12' });
    expect(over.statusCode).toBe(400);
    const ledger = ok(await finance.request('GET', '/api/awards/ledger?year=2023'));
    expect(ledger.revocations).toEqual([
      expect.objectContaining({ applicationId: appId, ground: 'fraud', recoveryDueFen: TOTAL_FEN - COUNTY_FEN, recoveredFen: 2_000_000, outstandingFen: TOTAL_FEN - COUNTY_FEN - 2_000_000 }),
    ]);
    expect(ledger.disbursements[0].revoked).toBe(true);
    // A revoked award owes the county nothing.
    expect(ok(await yining.request('GET', '/api/awards/ledger')).countyObligations).toEqual([]);
    const refused = await reviewer2.request('POST', `/api/awards/applications/${ownAppId}/revoke`, { ground: 'doping', reason: '兴奋剂检测阳性' });
    expect(ok(refused).recoveryDueFen).toBe(0);
  });

  it('leaves one audit record per state-changing request and an intact chain', async () => {
    const before = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    await coach.request('POST', `/api/awards/applications/${appId}/submit`);
    await reviewer2.request('POST', `/api/awards/applications/${appId}/review`, { decision: 'maybe' });
    const after = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(after[0].n - before[0].n).toBe(2);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
