import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { systemActor } from '../../src/services/actor.js';
import { importDocuments } from '../../src/services/documents/import-documents.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';

const REAL = readFileSync(new URL('../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const LEAD = '达列力别克·坎加汗';
const COMMITTEE = '自治州人民政府教育督导委员会';

/** A later adjustment notice of the committee, in the layout of 22号. */
function adjustment(docNumber: string, date: string, members: string[]): string {
  return [
    '关于调整自治州人民政府教育督导委员会成员的通知', '', docNumber, '',
    '自治州直属各县市人民政府，自治州人民政府各有关部门：',
    '因人事变动，经自治州人民政府同意，决定调整自治州人民政府教育督导委员会成员，现将调整后的成员名单通知如下：',
    '一、自治州人民政府教育督导委员会成员名单',
    ...members,
    '自治州人民政府教育督导委员会下设办公室，办公室设在州教育局，办公室主任由李静同志担任；副主任及成员单位有关人员发生变化的，由承担相关工作职能部门负责同志自动递补。',
    '', '伊犁哈萨克自治州人民政府办公厅', date,
  ].join('\n');
}

/** One entry of a zip file (a .docx), read with zlib: enough to look inside Word output. */
function zipEntry(zip: Buffer, name: string): string {
  for (let at = zip.indexOf('PK\u0003\u0004'); at >= 0; at = zip.indexOf('PK\u0003\u0004', at + 4)) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 30, at + 30 + nameLength) !== name) continue;
    const data = zip.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
  }
  throw new Error(`${name} not in zip`);
}

interface BodySummary { id: string; name: string; members: number; liaisons: number; leaders: { name: string; role: string }[]; docNumber: string }
interface Member { name: string; role: string; rank: string; position: string; seat: number; succeeded: { name: string } | null }

describe.each(DATABASE_KINDS)('directory and bodies on %s', (kind) => {
  let t: TestApp;
  let staff: TestClient;
  let bodies: BodySummary[];
  const committee = () => bodies.find((b) => b.name === COMMITTEE)!;
  const roster = async (bodyId: string, on: string) => {
    const res = await staff.request('GET', `/api/bodies/${bodyId}?on=${on}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { day: string; version: { version: number; docNumber: string } | null; members: Member[]; liaisons: { name: string; unit: string }[] };
  };
  const personId = async (q: string, name: string) => {
    const found = (await staff.request('GET', `/api/people?q=${encodeURIComponent(q)}`)).json().items as { id: string; name: string }[];
    return found.find((p) => p.name === name)!.id;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date('2023-04-01T04:00:00Z') });
    await importDocuments(t.database, systemActor(), REAL, { source: 'yili-2023.txt' });
    staff = await t.userWith('office2', ['office-staff']);
    bodies = (await staff.request('GET', '/api/bodies')).json().items;
  });
  afterAll(async () => t.close());

  it('lists the five bodies with 37, 16, 34, 23 and 28 members, 24 liaisons, and 达列力别克·坎加汗 leading four', () => {
    expect(bodies.map((b) => [b.name, b.docNumber, b.members, b.liaisons])).toEqual([
      ['自治州防治重大动物疫病指挥部', '伊州政办函〔2023〕14号', 37, 0],
      ['自治州农牧民补助奖励政策及定居兴牧工程建设领导小组', '伊州政办函〔2023〕14号', 16, 0],
      ['自治州气象灾害防御和人工影响天气工作领导小组', '伊州政办函〔2023〕14号', 34, 0],
      ['自治州社会科学普及工作联席会议', '伊州政办函〔2023〕14号', 23, 0],
      [COMMITTEE, '伊州政办函〔2023〕22号', 28, 24],
    ]);
    expect(bodies.filter((b) => b.leaders.some((l) => l.name === LEAD)).map((b) => b.leaders[0].role)).toEqual(['指挥长', '组长', '组长', '召集人']);
  });

  it('shows a body: roster in document order, offices as the documents state them, the director named by post resolved', async () => {
    const body = await roster(bodies[0].id, '2023-04-01');
    expect(body.members.slice(0, 3).map((m) => [m.role, m.rank, m.name, m.position])).toEqual([
      ['指挥长', 'leader', LEAD, '自治州副州长'],
      ['副指挥长', 'deputy', '阿力甫·吐尔迪', '伊犁军分区副司令员'],
      ['副指挥长', 'deputy', '刘振江', '兵团第四师可克达拉市党委常委、副师长'],
    ]);
    const detail = (await staff.request('GET', `/api/bodies/${bodies[0].id}`)).json();
    expect(detail.version.office).toMatchObject({
      unit: '自治州畜牧兽医局',
      director: { name: '王沛昭', position: '州畜牧兽医局党组书记、副局长' },
      deputyDirectors: [{ name: '于东华' }, { name: '杨魁', position: '州畜牧兽医局兽医处处长' }],
    });
    const forum = (await staff.request('GET', `/api/bodies/${bodies[3].id}`)).json();
    expect(forum.version.office.director).toMatchObject({ name: '蒲永瑜', position: '州社科联专职副主席' });
    const c = await roster(committee().id, '2023-04-01');
    expect(c.liaisons[0]).toMatchObject({ name: '李文鲁', unit: '州党委组织部' });
    expect(c.members.find((m) => m.name === '张蕾')?.position).toBe('州党委教育工委副书记，州教育局党组书记、副局长');
  });

  it('has no roster before the first notice', async () => {
    const before = await roster(committee().id, '2023-03-12');
    expect(before.version).toBeNull();
    expect(before.members).toEqual([]);
  });

  it('finds people by pinyin prefix, initials and Chinese', async () => {
    for (const q of ['dlbk', 'dalie', 'kanjia', '坎加汗']) {
      const found = (await staff.request('GET', `/api/people?q=${q}`)).json().items;
      expect(found.map((p: { name: string }) => p.name)).toContain(LEAD);
    }
    const zhangChao = (await staff.request('GET', `/api/people?q=${encodeURIComponent('张超')}`)).json().items;
    expect(zhangChao.map((p: { organization: string }) => p.organization).sort()).toEqual(['中国移动伊犁州分公司', '国网伊犁供电公司']);
  });

  it('shows a person page: every body seat, and every post traced to its document line', async () => {
    const page = (await staff.request('GET', `/api/people/${await personId('dlbk', LEAD)}`)).json();
    expect(page.organization).toBe('州人民政府');
    expect(page.memberships.map((m: { role: string; docNumber: string; line: number }) => [m.role, m.docNumber, m.line])).toEqual(
      expect.arrayContaining([['指挥长', '伊州政办函〔2023〕14号', 126], ['组长', '伊州政办函〔2023〕14号', 166], ['组长', '伊州政办函〔2023〕14号', 185], ['召集人', '伊州政办函〔2023〕14号', 224]]),
    );
    expect(page.posts).toEqual([expect.objectContaining({ post: '州人民政府副州长', position: '自治州副州长', docNumber: '伊州政办函〔2023〕14号', line: 126, validFrom: '2023-02-25' })]);
    const liJing = (await staff.request('GET', `/api/people/${await personId('李静', '李静')}`)).json();
    expect(liJing.liaisons).toEqual([expect.objectContaining({ body: COMMITTEE, unit: '州教育局', line: 365 })]);
    expect(liJing.offices).toEqual([expect.objectContaining({ body: COMMITTEE, role: '办公室主任' })]);
    const liu = (await staff.request('GET', `/api/people/${await personId('刘婉琳', '刘婉琳')}`)).json();
    const measures = liu.mentions.filter((m: { kind: string }) => m.kind === '民生实事工作措施');
    expect(measures.map((m: { title: string; role: string; docNumber: string }) => [m.title, m.role, m.docNumber])).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/— 措施2$/), '牵头领导（州卫生健康委党组副书记、主任）', '伊州政办发〔2023〕8号'],
        [expect.stringMatching(/— 措施3$/), '牵头领导（州卫生健康委党组副书记、主任）', '伊州政办发〔2023〕8号'],
      ]),
    );
    expect(measures.every((m: { link: string }) => /^\/livelihood\/measures\/[0-9a-f-]{36}$/.test(m.link))).toBe(true);
  });

  it('lists probable duplicates for review, confirms or rejects them, and never merges', async () => {
    const list = (await staff.request('GET', '/api/people/duplicates')).json().items;
    const pair = list.find((d: { names: string[] }) => d.names.includes('卡比努尔·吐尔干江'));
    expect(pair.names).toEqual(['卡比努尔·吐尔干江', '卡比努尔·土尔干江']);
    expect(pair.reason).toContain('同属州发展和改革委员会');
    const ids = pair.people.map((p: { id: string }) => p.id);
    const peopleBefore = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM people`))[0].n;
    const confirm = await staff.request('POST', '/api/people/duplicates/review', { personIds: ids, decision: 'confirmed', note: '同一人，译名用字不同' });
    expect(confirm.statusCode).toBe(200);
    expect((await staff.request('GET', '/api/people/duplicates')).json().items.some((d: { names: string[] }) => d.names.includes('卡比努尔·吐尔干江'))).toBe(false);
    const all = (await staff.request('GET', '/api/people/duplicates?all=true')).json().items;
    expect(all.find((d: { names: string[] }) => d.names.includes('卡比努尔·吐尔干江')).status).toBe('confirmed');
    const page = (await staff.request('GET', `/api/people/${ids[0]}`)).json();
    expect(page.sameAs.map((p: { name: string }) => p.name)).toEqual(['卡比努尔·土尔干江']);
    expect((await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM people`))[0].n).toBe(peopleBefore);
    const reject = await staff.request('POST', '/api/people/duplicates/review', { personIds: ids, decision: 'rejected' });
    expect(reject.statusCode).toBe(200);
    const leader = await t.userWith('leader2', ['leader']);
    expect((await leader.request('POST', '/api/people/duplicates/review', { personIds: ids, decision: 'confirmed' })).statusCode).toBe(403);
    const [someone, other] = (await staff.request('GET', '/api/people?q=%E5%BC%A0')).json().items;
    expect((await staff.request('POST', '/api/people/duplicates/review', { personIds: [someone.id, other.id], decision: 'confirmed' })).statusCode).toBe(404);
  });

  it('passes a committee seat to the new holder of the post from the appointment day (自动递补)', async () => {
    const res = await staff.request('POST', '/api/people/appointments', { name: '王  五', position: '州教育局副局长', effectiveOn: '2023-06-01', replacesPersonId: await personId('李蓉', '李蓉') });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ post: '州教育局副局长', predecessor: { name: '李蓉' }, successions: [{ body: COMMITTEE, role: '委员', seat: 27 }] });
    const before = await roster(committee().id, '2023-05-31');
    const after = await roster(committee().id, '2023-06-01');
    expect(before.members[26]).toMatchObject({ name: '李蓉', role: '委员', position: '州教育局副局长' });
    expect(after.members[26]).toMatchObject({ name: '王五', role: '委员', position: '州教育局副局长', succeeded: { name: '李蓉' } });
    expect(after.members).toHaveLength(28);
    expect(after.version?.docNumber).toBe('伊州政办函〔2023〕22号');
    // The forum has no automatic succession: 李蓉 stays until a notice says otherwise.
    expect((await roster(bodies[3].id, '2023-06-01')).members.map((m) => m.name)).toContain('李蓉');
    const diff = (await staff.request('GET', `/api/bodies/${committee().id}/diff?from=2023-05-31&to=2023-06-01`)).json().diff;
    expect([diff.added.map((m: Member) => m.name), diff.removed.map((m: Member) => m.name), diff.unchanged]).toEqual([['王五'], ['李蓉'], 27]);
  });

  it('asks whom an appointment replaces when the post has several holders', async () => {
    const res = await staff.request('POST', '/api/people/appointments', { name: '赵六', position: '州党委教育工委副书记', effectiveOn: '2023-07-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^该职务目前有3人担任（.*），请指明接替谁$/);
  });

  it('keeps history: an adjustment notice is a new version, rosters on any date, and the diff between versions', async () => {
    const notice = adjustment('伊州政办函〔2023〕40号', '2023年9月1日', [
      '主  任：刘庆华（自治州副州长）',
      '副主任：亚森江·沙吾提（州人民政府副秘书长）',
      '努尔巴合提·艾旦（州党委教育工委副书记，州教育局党组书记、局长）',
      '委  员：阿依木拉提·努尔布卡（州党委组织部副部长）',
      '张  宏（州科技局副局长）',
      '钱  七（州财政局副局长）',
    ]);
    const res = await staff.request('POST', '/api/documents/import', { text: notice, sourceName: '40号.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.json().built.filter((b: { importer: string }) => b.importer === 'directory.bodies').flatMap((b: { items: string[] }) => b.items)).toEqual([`${COMMITTEE}（组成人员6人）`]);
    const detail = (await staff.request('GET', `/api/bodies/${committee().id}`)).json();
    expect(detail.versions.map((v: { version: number; docNumber: string; validFrom: string; validTo: string | null }) => [v.version, v.docNumber, v.validFrom, v.validTo])).toEqual([
      [1, '伊州政办函〔2023〕22号', '2023-03-13', '2023-09-01'],
      [2, '伊州政办函〔2023〕40号', '2023-09-01', null],
    ]);
    expect((await roster(committee().id, '2023-08-31')).members).toHaveLength(28);
    expect((await roster(committee().id, '2023-09-01')).members.map((m) => m.name)).toEqual(['刘庆华', '亚森江·沙吾提', '努尔巴合提·艾旦', '阿依木拉提·努尔布卡', '张宏', '钱七']);
    const diff = (await staff.request('GET', `/api/bodies/${committee().id}/diff?from=2023-03-13&to=2023-09-01`)).json().diff;
    expect(diff.added.map((m: Member) => m.name)).toEqual(['钱七']);
    expect(diff.removed).toHaveLength(23);
    expect(diff.changed.map((c: { after: Member; changes: string[] }) => [c.after.name, c.changes])).toEqual([['努尔巴合提·艾旦', ['position']]]);
    expect(diff.unchanged).toBe(4);
  });

  it('applies an appointment recorded earlier to a version imported later (an older notice)', async () => {
    const notice = adjustment('伊州政办函〔2023〕30号', '2023年5月1日', [
      '主  任：刘庆华（自治州副州长）',
      '委  员：巨英平（州广播电视局副局长）',
      '李  蓉（州教育局副局长）',
    ]);
    expect((await staff.request('POST', '/api/documents/import', { text: notice })).statusCode).toBe(200);
    const versions = (await staff.request('GET', `/api/bodies/${committee().id}`)).json().versions;
    expect(versions.map((v: { docNumber: string; validFrom: string; validTo: string | null }) => [v.docNumber, v.validFrom, v.validTo])).toEqual([
      ['伊州政办函〔2023〕22号', '2023-03-13', '2023-05-01'],
      ['伊州政办函〔2023〕30号', '2023-05-01', '2023-09-01'],
      ['伊州政办函〔2023〕40号', '2023-09-01', null],
    ]);
    expect((await roster(committee().id, '2023-05-15')).members.map((m) => m.name)).toEqual(['刘庆华', '巨英平', '李蓉']);
    expect((await roster(committee().id, '2023-06-15')).members.map((m) => m.name)).toEqual(['刘庆华', '巨英平', '王五']);
  });

  it('exports a roster to Excel and Word in the annex layout, and audits each export', async () => {
    const xlsx = await staff.request('GET', `/api/bodies/${bodies[0].id}/export.xlsx?on=2023-04-01`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('自治州防治重大动物疫病指挥部组成人员（2023-04-01）.xlsx')}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = book.getWorksheet('组成人员')!;
    expect(ws.getCell('A1').value).toBe('自治州防治重大动物疫病指挥部组成人员');
    expect(ws.getCell('A2').value).toBe('（2023-04-01名单，依据伊州政办函〔2023〕14号）');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '职务', '姓名', '单位及职务']);
    expect(ws.getRow(4).values).toEqual([undefined, 1, '指挥长', LEAD, '自治州副州长']);
    expect(ws.getRow(5).values).toEqual([undefined, 2, '副指挥长', '阿力甫·吐尔迪', '伊犁军分区副司令员']);
    expect(ws.getRow(6).values).toEqual([undefined, 3, '', '刘振江', '兵团第四师可克达拉市党委常委、副师长']);
    expect(ws.getRow(40).values).toEqual([undefined, 37, '', '朱涛', '州农业综合行政执法支队党支部书记']);
    expect(String(ws.getCell('A41').value)).toBe('自治州防治重大动物疫病指挥部下设办公室，办公室设在自治州畜牧兽医局，办公室主任由王沛昭同志担任，副主任由于东华同志、杨魁同志担任。');

    const committeeBook = new ExcelJS.Workbook();
    await committeeBook.xlsx.load((await staff.request('GET', `/api/bodies/${committee().id}/export.xlsx?on=2023-04-01`)).rawPayload as unknown as ArrayBuffer);
    const ls = committeeBook.getWorksheet('联络员')!;
    expect(ls.getRow(3).values).toEqual([undefined, 1, '李文鲁', '州党委组织部', '州党委组织部干部三处处长']);
    expect(ls.getRow(26).values).toEqual([undefined, 24, '陈宏喜', '州卫生健康委', '州卫生健康委妇幼健康服务处处长']);

    const docx = await staff.request('GET', `/api/bodies/${bodies[0].id}/export.docx?on=2023-04-01`);
    expect(docx.statusCode).toBe(200);
    const xml = zipEntry(docx.rawPayload, 'word/document.xml');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(text.slice(0, 4)).toEqual(['自治州防治重大动物疫病指挥部组成人员', '（2023-04-01名单，依据伊州政办函〔2023〕14号）', `指挥长：${LEAD}（自治州副州长）`, '副指挥长：阿力甫·吐尔迪（伊犁军分区副司令员）']);
    expect(text[4]).toBe('刘振江（兵团第四师可克达拉市党委常委、副师长）');
    const exports = await queryRows<{ details: { format: string } }>(t.database.db, sql`SELECT details FROM audit_log WHERE action = 'bodies.export' ORDER BY seq`);
    expect(exports.map((e) => e.details.format)).toEqual(['xlsx', 'xlsx', 'docx']);
  });

  it('tracks the yearly education-duty reports per member unit', async () => {
    const id = committee().id;
    const open = await staff.request('POST', `/api/bodies/${id}/duty-reports`, { year: 2023, dueOn: '2023-03-31' });
    expect(open.statusCode).toBe(201);
    expect(open.json().created).toBeGreaterThanOrEqual(20);
    expect((await staff.request('POST', `/api/bodies/${id}/duty-reports`, { year: 2023, dueOn: '2023-03-31' })).json().created).toBe(0);
    const items = (await staff.request('GET', `/api/bodies/${id}/duty-reports?year=2023`)).json().items as { id: string; organization: string; organizationId: string; status: string; overdue: boolean }[];
    const education = items.find((i) => i.organization === '州教育局')!;
    expect(education).toMatchObject({ status: 'pending', overdue: true });
    const reporter = await t.userWith('edu-reporter', ['department-reporter'], education.organizationId);
    const other = items.find((i) => i.organization !== '州教育局')!;
    const file = { fileName: '2023年履行教育职责工作情况汇报.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 汇报').toString('base64') };
    expect((await reporter.request('POST', `/api/duty-reports/${other.id}/submit`, file)).statusCode).toBe(403);
    expect((await reporter.request('POST', `/api/duty-reports/${education.id}/submit`, file)).json()).toEqual({ id: education.id, status: 'submitted' });
    expect((await reporter.request('POST', `/api/duty-reports/${education.id}/review`, { decision: 'accept' })).statusCode).toBe(403);
    const back = await staff.request('POST', `/api/duty-reports/${education.id}/review`, { decision: 'return' });
    expect(back.statusCode).toBe(400);
    expect((await staff.request('POST', `/api/duty-reports/${education.id}/review`, { decision: 'accept', note: '材料齐全' })).json().status).toBe('accepted');
    expect((await staff.request('POST', `/api/duty-reports/${education.id}/review`, { decision: 'accept' })).statusCode).toBe(409);
    const download = await staff.request('GET', `/api/duty-reports/${education.id}/file`);
    expect(download.body).toBe('%PDF-1.4 汇报');
    // A unit's reporter reads its own unit's file, never another member unit's.
    expect((await reporter.request('GET', `/api/duty-reports/${education.id}/file`)).body).toBe('%PDF-1.4 汇报');
    const otherReporter = await t.userWith('other-reporter', ['department-reporter'], other.organizationId);
    const refused = await otherReporter.request('GET', `/api/duty-reports/${education.id}/file`);
    expect([refused.statusCode, refused.json().code]).toEqual([404, 'NOT_FOUND']);
    const after = (await staff.request('GET', `/api/bodies/${id}/duty-reports?year=2023`)).json().items.find((i: { id: string }) => i.id === education.id);
    expect(after).toMatchObject({ status: 'accepted', overdue: false, submittedOn: '2023-04-01', submittedBy: 'edu-reporter', fileName: file.fileName });
  });

  it('tracks rectification items (整改) to closure', async () => {
    const id = committee().id;
    const org = (await staff.request('GET', `/api/bodies/${id}/duty-reports?year=2023`)).json().items.find((i: { organization: string }) => i.organization === '州财政局');
    const created = await staff.request('POST', `/api/bodies/${id}/rectifications`, {
      organizationId: org.organizationId, title: '教育经费“两个只增不减”落实不到位', raisedBy: '自治区人民政府教育督导委员会', raisedOn: '2023-03-20', dueOn: '2023-06-30',
    });
    expect(created.statusCode).toBe(201);
    const rid = created.json().id;
    expect((await staff.request('POST', `/api/rectifications/${rid}/review`, { action: 'close' })).statusCode).toBe(409);
    const finance = await t.userWith('finance-reporter', ['department-reporter'], org.organizationId);
    expect((await finance.request('POST', `/api/rectifications/${rid}/progress`, { action: 'submit-plan', text: '调整年度预算' })).json().status).toBe('plan-submitted');
    expect((await finance.request('POST', `/api/rectifications/${rid}/progress`, { action: 'submit-report', text: '已追加预算' })).json().status).toBe('report-submitted');
    expect((await staff.request('POST', `/api/rectifications/${rid}/review`, { action: 'close', text: '同意销号' })).json().status).toBe('closed');
    const [item] = (await staff.request('GET', `/api/bodies/${id}/rectifications`)).json().items;
    expect(item).toMatchObject({ status: 'closed', closedOn: '2023-04-01', plan: '调整年度预算', report: '已追加预算', overdue: false });
    expect(item.history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit-plan', 'submit-report', 'close']);
  });

  it('lets a manager add an alias in the directory; the next import uses it', async () => {
    const orgs = (await staff.request('GET', '/api/directory/organizations')).json().items as { id: string; name: string; aliases: { alias: string; source: string }[] }[];
    const ndrc = orgs.find((o) => o.name === '州发展和改革委员会')!;
    expect(ndrc.aliases).toEqual([{ alias: '州发展改革委', source: 'reviewed' }, { alias: '州发改委', source: 'reviewed' }]);
    const fire = orgs.find((o) => o.name === '州消防救援支队')!;
    expect((await staff.request('POST', `/api/directory/organizations/${fire.id}/aliases`, { alias: '州消防支队' })).statusCode).toBe(201);
    expect((await staff.request('POST', `/api/directory/organizations/${fire.id}/aliases`, { alias: '州发改委' })).statusCode).toBe(409);
    const notice = adjustment('伊州政办函〔2023〕50号', '2023年10月1日', ['主  任：刘庆华（自治州副州长）', '委  员：芦晓东（州消防支队支队长）']);
    expect((await staff.request('POST', '/api/documents/import', { text: notice })).statusCode).toBe(200);
    const found = (await staff.request('GET', `/api/people?q=${encodeURIComponent('芦晓东')}`)).json().items;
    expect(found.map((p: { organization: string }) => p.organization)).toEqual(['州消防救援支队']);
  });
});
