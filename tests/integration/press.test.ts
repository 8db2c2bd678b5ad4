import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { findOrganization } from '../../src/services/directory/organizations.service.js';
import { plannedConferences } from '../../src/services/press/index.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';

const DOCX_BYTES = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml....')]);
const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const EXE_BYTES = Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this is not a pdf');

/** A multipart/form-data body with one file field. */
function multipart(fileName: string, bytes: Buffer) {
  const boundary = '----yizheng-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(DATABASE_KINDS)('press on %s', (kind) => {
  let t: TestApp;
  let clock = new Date('2023-04-10T04:00:00Z'); // 10:00 in Urumqi
  let police: TestClient;
  let policeLeader: TestClient;
  let county: TestClient;
  let newsOffice: TestClient;
  let staff: TestClient;
  let policeId: string;

  const upload = (client: TestClient, formId: string, kind: string, fileName: string, bytes: Buffer) => {
    const { payload, headers } = multipart(fileName, bytes);
    return t.app.inject({
      method: 'POST', url: `/api/press/forms/${formId}/attachments/${kind}`, cookies: client.cookies,
      headers: { ...headers, 'x-csrf-token': client.cookies.yz_csrf }, payload,
    });
  };
  /** Moves the pinned clock; sessions idle past 30 minutes end, so everyone logs in again. */
  const setClock = async (iso: string) => {
    clock = new Date(iso);
    [police, policeLeader, county, newsOffice, staff] = await Promise.all(
      ['police-reporter', 'police-leader', 'huocheng-user', 'news1', 'staff1'].map((name) => t.login(name)),
    );
  };
  const conferenceOf = async (client: TestClient, seq: number) => {
    const items = (await client.request('GET', '/api/press/conferences?year=2023')).json().items;
    return items.find((c: { seq: number | null }) => c.seq === seq);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => clock, config: { YIZHENG_IMPORT_BUNDLED: 'true' } });
    policeId = (await findOrganization(t.database.db, '州公安局'))?.id ?? '';
    const huocheng = (await findOrganization(t.database.db, '霍城县'))?.id ?? '';
    police = await t.userWith('police-reporter', ['department-reporter'], policeId);
    policeLeader = await t.userWith('police-leader', ['leader'], policeId);
    county = await t.userWith('huocheng-user', ['county-user'], huocheng);
    newsOffice = await t.userWith('news1', ['news-office']);
    staff = await t.userWith('staff1', ['office-staff']);
  });
  afterAll(async () => t.close());

  it('imports the 19 planned conferences of 伊州政办发〔2023〕6号 in document order', async () => {
    const list = await plannedConferences(t.database.db);
    expect(list).toHaveLength(19);
    expect(list[0]).toEqual({ month: '2023-03', topic: '伊犁州“3·15”消费者权益保护新闻发布会', unit: '州市场监督管理局' });
    expect(list[9]).toEqual({ month: '2023-07', topic: '伊犁州推进托育服务发展新闻发布会', unit: '州卫生健康委员会' });
    expect(list[18]).toEqual({ month: '2023-11', topic: '伊犁州工业经济运行情况新闻发布会', unit: '州工业和信息化局' });
    const plans = (await staff.request('GET', '/api/press/plans')).json().items;
    expect(plans).toMatchObject([{ year: 2023, docNumber: '伊州政办发〔2023〕6号', declaredCount: 19, conferences: 19, venue: '州政府五楼新闻发布厅', printedCopies: 10, leadWorkdays: 7 }]);
    const items = (await county.request('GET', '/api/press/conferences?year=2023')).json().items;
    expect(items.filter((c: { origin: string }) => c.origin === 'planned')).toHaveLength(19);
    expect(items.find((c: { seq: number }) => c.seq === 3)).toMatchObject({ unit: '霍城县', formKind: 'county', ownUnit: true, form: null });
  });

  let formId = '';
  it('lets the unit fill in the form, refuses incomplete or disguised material, and hides it from other units', async () => {
    const conference = await conferenceOf(police, 2);
    expect(conference).toMatchObject({ month: '2023-04', unit: '州公安局', ownUnit: true });
    const notOwn = await county.request('POST', `/api/press/conferences/${conference.id}/form`, { conferenceDate: '2023-05-04' });
    expect(notOwn.statusCode).toBe(403);
    const created = await police.request('POST', `/api/press/conferences/${conference.id}/form`, {
      conferenceDate: '2023-05-04', startTime: '11:00', endTime: '12:00', host: '州公安局新闻发言人', attendingLeaders: '州公安局副局长',
    });
    expect(created.statusCode).toBe(201);
    formId = created.json().id;
    const detail = (await police.request('GET', `/api/press/forms/${formId}`)).json();
    expect(detail).toMatchObject({ status: 'draft', venue: '州政府五楼新闻发布厅', deadline: '2023-04-20', late: false, printedCopies: 10, editable: true, actions: ['submit'] });

    const early = await police.request('POST', `/api/press/forms/${formId}/submit`);
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toBe('提交前请补全：新闻发布稿、答记者问、书面材料（10份）确认');

    const disguised = await upload(police, formId, 'release', '通稿.pdf', EXE_BYTES);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await upload(county, formId, 'release', 'x.pdf', PDF_BYTES)).statusCode).toBe(403);
    const release = await upload(police, formId, 'release', '../../etc/通稿<script>.docx', DOCX_BYTES);
    expect(release.statusCode).toBe(201);
    expect(release.json().fileName).toMatch(/^新闻发布稿-20230410-[0-9a-f]{6}\.docx$/);
    expect((await upload(police, formId, 'qa', '答记者问.pdf', PDF_BYTES)).statusCode).toBe(201);
    expect((await police.request('PATCH', `/api/press/forms/${formId}`, { printedCopiesConfirmed: true })).statusCode).toBe(200);

    expect((await county.request('GET', `/api/press/forms/${formId}`)).statusCode).toBe(404);
    expect((await county.request('PATCH', `/api/press/forms/${formId}`, { host: '别人' })).statusCode).toBe(403);
    expect((await staff.request('GET', `/api/press/forms/${formId}`)).statusCode).toBe(200);
    const countyView = await conferenceOf(county, 2);
    expect(countyView.form).toBeNull();

    const file = (await police.request('GET', `/api/press/forms/${formId}`)).json().attachments.find((a: { kind: string }) => a.kind === 'release');
    expect(file.originalName).toBe('通稿script.docx');
    const download = await newsOffice.request('GET', `/api/press/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect((await county.request('GET', `/api/press/attachments/${file.id}`)).statusCode).toBe(404);
  });

  it('runs submit → leader approval → sent on time → filed by the news office', async () => {
    expect((await police.request('POST', `/api/press/forms/${formId}/submit`)).json()).toMatchObject({ status: 'submitted' });
    expect((await police.request('POST', `/api/press/forms/${formId}/approve`)).statusCode).toBe(403); // no press:approve
    const otherLeader = await t.userWith('other-leader', ['leader'], (await findOrganization(t.database.db, '霍城县'))?.id ?? null);
    expect((await otherLeader.request('POST', `/api/press/forms/${formId}/approve`)).statusCode).toBe(404);
    expect((await policeLeader.request('POST', `/api/press/forms/${formId}/approve`)).json()).toMatchObject({ status: 'leaderApproved' });
    expect((await newsOffice.request('POST', `/api/press/forms/${formId}/file`, {})).json().code).toBe('PRESS_FORM_INVALID_TRANSITION');
    const sent = await police.request('POST', `/api/press/forms/${formId}/send`);
    expect(sent.json()).toEqual({ id: formId, status: 'sent', late: false });
    await setClock('2023-04-21T04:00:00Z'); // registered after the deadline: the sending day counts
    const filed = await newsOffice.request('POST', `/api/press/forms/${formId}/file`, {});
    expect(filed.json()).toEqual({ id: formId, status: 'filed', late: false });
    const detail = (await police.request('GET', `/api/press/forms/${formId}`)).json();
    expect(detail).toMatchObject({ sentOn: '2023-04-10', filedOn: '2023-04-21', leaderApprovedBy: 'police-leader', filedBy: 'news1', late: false });
    const audit = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE object = ${`press-form:${formId}`} AND result = 'success' ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual([
      'press.form.create', 'press.attachment.add', 'press.attachment.add', 'press.form.update', 'press.form.submit', 'press.form.approveByLeader', 'press.form.send', 'press.form.file',
    ]);
  });

  it('flags a late form; the news office accepts it only with a reason', async () => {
    await setClock('2023-06-19T04:00:00Z');
    const conference = await conferenceOf(police, 9); // 2023-07 打击电信诈骗
    const created = await police.request('POST', `/api/press/conferences/${conference.id}/form`, {
      conferenceDate: '2023-07-05', startTime: '10:30', host: '发言人', attendingLeaders: '副局长', printedCopiesConfirmed: true,
    });
    const id = created.json().id;
    expect((await police.request('GET', `/api/press/forms/${id}`)).json()).toMatchObject({ deadline: '2023-06-20', late: false });
    const reminders = (await police.request('GET', '/api/press/reminders')).json().items;
    expect(reminders).toContainEqual(expect.objectContaining({ kind: 'deadline', formId: id, deadline: '2023-06-20', workdaysLeft: 1 }));
    await upload(police, id, 'release', 'a.docx', DOCX_BYTES);
    await upload(police, id, 'qa', 'b.pdf', PDF_BYTES);
    await police.request('POST', `/api/press/forms/${id}/submit`);
    await policeLeader.request('POST', `/api/press/forms/${id}/approve`);
    await setClock('2023-06-21T04:00:00Z');
    expect((await police.request('GET', `/api/press/forms/${id}`)).json()).toMatchObject({ late: true });
    expect((await police.request('GET', '/api/press/reminders')).json().items).toContainEqual(expect.objectContaining({ kind: 'overdue', formId: id }));
    expect((await police.request('POST', `/api/press/forms/${id}/send`)).json()).toEqual({ id, status: 'sent', late: true });
    const noReason = await newsOffice.request('POST', `/api/press/forms/${id}/file`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toEqual({ code: 'PRESS_FORM_REASON_REQUIRED', message: '报送时已超过备案时限（2023-06-20），受理逾期备案须填写原因' });
    const accepted = await newsOffice.request('POST', `/api/press/forms/${id}/file`, { lateReason: '端午假期材料延误，经新闻办同意' });
    expect(accepted.json()).toEqual({ id, status: 'filedLate', late: true });

    expect((await police.request('POST', `/api/press/forms/${id}/hold`)).json().code).toBe('PRESS_FORM_TOO_EARLY');
    await setClock('2023-07-05T08:00:00Z');
    expect((await police.request('POST', `/api/press/forms/${id}/hold`)).json()).toMatchObject({ status: 'held' });
    const stats = (await staff.request('GET', '/api/press/statistics?year=2023')).json().items;
    expect(stats.find((s: { unit: string }) => s.unit === '州公安局')).toEqual({
      unit: '州公安局', planned: 3, heldAsPlanned: 1, heldInPlannedMonth: 1, overdue: 1, upcoming: 1, heldAdHoc: 0,
    });
  });

  it('needs the news office’s reply before an ad-hoc conference goes ahead', async () => {
    const requested = await county.request('POST', '/api/press/ad-hoc', { conferenceDate: '2023-08-15', topic: '霍城县夏季旅游推介新闻发布会', requestText: '拟于8月15日召开……特此请示。' });
    expect(requested.statusCode).toBe(201);
    const id = requested.json().id;
    expect((await county.request('GET', `/api/press/forms/${id}`)).json()).toMatchObject({ status: 'requested', kind: 'county', actions: [] });
    expect((await county.request('POST', `/api/press/forms/${id}/submit`)).statusCode).toBe(400); // nothing attached yet
    expect((await police.request('GET', `/api/press/forms/${id}`)).statusCode).toBe(404);
    const reply = await newsOffice.request('POST', `/api/press/forms/${id}/approve-request`, { reply: '同意召开' });
    expect(reply.json()).toMatchObject({ status: 'approvedByNewsOffice' });
    const adHoc = (await county.request('GET', '/api/press/conferences?year=2023')).json().items.filter((c: { origin: string }) => c.origin === 'adHoc');
    expect(adHoc).toMatchObject([{ month: '2023-08', unit: '霍城县', form: { status: 'approvedByNewsOffice' } }]);
    expect((await police.request('GET', '/api/press/conferences?year=2023')).json().items.filter((c: { origin: string }) => c.origin === 'adHoc')).toEqual([]);
  });

  it('renames a media outlet, answering 409 for a name another outlet has and 200 for an empty change', async () => {
    const first = (await newsOffice.request('POST', '/api/press/media', { name: '伊犁电视台' })).json().id;
    const second = (await newsOffice.request('POST', '/api/press/media', { name: '伊犁广播电台' })).json().id;
    const clash = await newsOffice.request('PATCH', `/api/press/media/${second}`, { name: '伊犁电视台' });
    expect(clash.statusCode).toBe(409);
    expect((await newsOffice.request('PATCH', `/api/press/media/${second}`, {})).statusCode).toBe(200);
    expect((await newsOffice.request('PATCH', `/api/press/media/${first}`, { name: '伊犁电视台', phone: '0999-1' })).statusCode).toBe(200);
  });

  it('keeps the media list, records the notice, exports Word and serves the unit’s ICS feed by token', async () => {
    expect((await police.request('GET', '/api/press/media')).statusCode).toBe(403);
    const media = await newsOffice.request('POST', '/api/press/media', { name: '伊犁日报社', contact: '王记者', phone: '0999-0000000' });
    expect(media.statusCode).toBe(201);
    const notified = await newsOffice.request('POST', `/api/press/forms/${formId}/notifications`, { mediaIds: [media.json().id], note: '电话通知' });
    expect(notified.statusCode).toBe(201);
    expect((await police.request('GET', `/api/press/forms/${formId}`)).json().notifications).toEqual([
      { id: notified.json().id, notifiedOn: '2023-07-05', media: ['伊犁日报社'], note: '电话通知' },
    ]);

    const docx = await police.request('GET', `/api/press/forms/${formId}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(docx.headers['content-disposition'] as string)).toContain('2023年州直部门（单位）新闻发布会审批单');

    const feed = await police.request('POST', '/api/press/feed');
    expect(feed.statusCode).toBe(201);
    const { path, token } = feed.json();
    const ics = await t.app.inject({ method: 'GET', url: path });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const unfolded = ics.body.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:新闻发布会：伊犁州交通管理“放管服”新闻发布会');
    expect(unfolded).toContain('DTSTART:20230504T030000Z'); // 11:00 Beijing time
    const wrong = await t.app.inject({ method: 'GET', url: `/api/press/ics/${policeId}?token=${token.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'))}` });
    expect(wrong.statusCode).toBe(404);
    expect((await police.request('GET', '/api/press/feed')).json()).toMatchObject({ exists: true });
  });
});
