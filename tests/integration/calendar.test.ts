import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { parseDocuments } from '../../src/domain/documents/index.js';
import { systemActor } from '../../src/services/actor.js';
import { holidayNoticeImporter, loadWorkdayCalendar, pressDeadlineFor, storedYearCalendars } from '../../src/services/calendar/index.js';
import { importDocuments } from '../../src/services/documents/import-documents.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';

/** The region's 2025 notice (items as published), wrapped as a 公文 the documents parser reads. */
const NOTICE_2025 = [
  '新疆维吾尔自治区人民政府办公厅关于2025年部分节假日放假安排的通知',
  '新政办明电〔2024〕99号',
  '各州、市人民政府，各行政公署，自治区人民政府各部门、各直属机构：',
  '经自治区人民政府同意，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节、国庆节和肉孜节、古尔邦节放假调休日期的具体安排通知如下。',
  '一、元旦：1月1日（周三）放假1天，不调休。',
  '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。',
  '三、肉孜节：3月31日（周一）是少数民族习惯节日肉孜节，3月29日（周六）至31日（周一）放假，共3天。',
  '四、清明节：4月4日（周五）至6日（周日）放假，共3天。',
  '五、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。',
  '六、端午节：5月31日（周六）至6月2日（周一）放假，共3天。',
  '七、古尔邦节：6月6日（周五）是少数民族习惯节日古尔邦节，6月6日（周五）至8日（周日）放假，共3天。',
  '八、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。',
  '新疆维吾尔自治区人民政府办公厅',
  '2024年12月20日',
].join('\n');

describe.each(DATABASE_KINDS)('calendar on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let reader: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date('2023-04-10T04:00:00Z') });
    admin = await t.login('admin');
    reader = await t.userWith('cal-reader', ['news-office']);
  });
  afterAll(async () => t.close());

  it('stores the default years: national days for every year chinese-days covers, 2023 complete with the regional days', async () => {
    const res = await reader.request('GET', '/api/calendar/years');
    expect(res.statusCode).toBe(200);
    const items: { year: number; status: string }[] = res.json().items;
    expect(items.find((y) => y.year === 2023)).toMatchObject({ status: 'complete', origin: 'default' });
    expect(items.find((y) => y.year === 2024)).toMatchObject({ status: 'national-only' });
    expect(items.map((y) => y.year)).toContain(2004);
    const year = (await reader.request('GET', '/api/calendar/years/2023')).json();
    expect(year.holidays).toContainEqual({ date: '2023-04-21', name: '肉孜节', source: 'regional' });
    expect(year.holidays.filter((d: { name: string }) => d.name === '古尔邦节').map((d: { date: string }) => d.date)).toEqual([
      '2023-06-28', '2023-06-29', '2023-06-30',
    ]);
    expect(year.makeUpWorkdays).toContainEqual({ date: '2023-04-23', name: '劳动节', source: 'national' });
  });

  it.each([
    ['2023-05-04', '2023-04-20'],
    ['2023-07-05', '2023-06-20'],
  ])('press deadline for %s is %s', async (date, deadline) => {
    const res = await reader.request('GET', `/api/calendar/deadline?date=${date}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date, deadline });
  });

  it('refuses a year without data, and a year without the regional days, with a Chinese 4xx', async () => {
    const missing = await reader.request('GET', '/api/calendar/deadline?date=2031-05-04');
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'CALENDAR_MISSING', message: expect.stringContaining('缺少2031年的工作日历') });
    const partial = await reader.request('GET', '/api/calendar/deadline?date=2024-05-06');
    expect(partial.statusCode).toBe(422);
    expect(partial.json().message).toContain('2024年的工作日历不完整');
    expect((await reader.request('GET', '/api/calendar/years/2031')).statusCode).toBe(404);
    // January of a year counts back into December: the earlier year must be complete too.
    await expect(pressDeadlineFor(t.database.db, '2024-01-05')).rejects.toMatchObject({ code: 'CALENDAR_MISSING' });
  });

  it('lets only calendar managers correct a year, audited; confirming makes it usable', async () => {
    const forbidden = await reader.request('POST', '/api/calendar/years/2024/days', { date: '2024-04-10', kind: 'holiday', name: '肉孜节', source: 'regional' });
    expect(forbidden.statusCode).toBe(403);
    for (const date of ['2024-04-09', '2024-04-10', '2024-06-16', '2024-06-17']) {
      const name = date < '2024-06-01' ? '肉孜节' : '古尔邦节';
      const res = await admin.request('POST', '/api/calendar/years/2024/days', { date, kind: 'holiday', name, source: 'regional' });
      expect(res.statusCode).toBe(200);
    }
    const weekday = await admin.request('POST', '/api/calendar/years/2024/days', { date: '2024-04-10', kind: 'makeUpWorkday', name: '肉孜节', source: 'regional' });
    expect(weekday.statusCode).toBe(400);
    expect((await admin.request('DELETE', '/api/calendar/years/2024/days/2024-04-09')).statusCode).toBe(200);
    expect((await admin.request('DELETE', '/api/calendar/years/2024/days/2024-04-09')).statusCode).toBe(404);
    expect((await reader.request('GET', '/api/calendar/deadline?date=2024-04-15')).statusCode).toBe(422);
    expect((await admin.request('POST', '/api/calendar/years/2024/confirm', { note: '按新政办明电补录' })).statusCode).toBe(200);
    // 2024-04-15 (Mon) back 7 workdays: 12, 11, (10 肉孜节), 9, 8, (7 Sun is a make-up day for 清明) 7, 3, 2
    expect((await reader.request('GET', '/api/calendar/deadline?date=2024-04-15')).json()).toEqual({ date: '2024-04-15', deadline: '2024-04-02' });
    const audited = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE object = 'calendar:2024' AND result = 'success' ORDER BY seq`);
    expect(audited.map((r) => r.action)).toEqual([
      'calendar.day.set', 'calendar.day.set', 'calendar.day.set', 'calendar.day.set', 'calendar.day.remove', 'calendar.year.confirm',
    ]);
  });

  it('adds a year the national data lacks as incomplete, and a holiday notice sets a whole year', async () => {
    expect((await admin.request('POST', '/api/calendar/years', { year: 2031 })).statusCode).toBe(201);
    expect((await admin.request('POST', '/api/calendar/years', { year: 2031 })).statusCode).toBe(409);
    expect((await reader.request('GET', '/api/calendar/years/2031')).json()).toMatchObject({ status: 'national-only', holidays: [] });

    const [doc] = parseDocuments(NOTICE_2025).documents;
    expect(holidayNoticeImporter.appliesTo(doc)).toBe(true);
    const report = await importDocuments(t.database, systemActor(), NOTICE_2025, { source: '新政办明电〔2024〕99号.txt' });
    expect(report.built).toContainEqual(expect.objectContaining({ importer: 'calendar.holiday-notice', label: '工作日历', items: ['2025年：放假34天，调休上班5天'] }));
    const year = (await reader.request('GET', '/api/calendar/years/2025')).json();
    expect(year).toMatchObject({ status: 'complete', origin: 'notice', note: '新政办明电〔2024〕99号' });
    expect(year.holidays.filter((d: { source: string }) => d.source === 'regional').map((d: { date: string }) => d.date)).toEqual([
      '2025-03-29', '2025-03-30', '2025-03-31', '2025-06-06', '2025-06-07', '2025-06-08',
    ]);
    expect(year.makeUpWorkdays.map((d: { date: string }) => d.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    // 2025-04-08 (Tue) back 7: 7, 3, 2, 1, (31 肉孜节, 30/29 off), 28, 27, 26
    expect((await reader.request('GET', '/api/calendar/deadline?date=2025-04-08')).json().deadline).toBe('2025-03-26');
  });

  it('reads the stored years again only after they change, however they change', async () => {
    const db = t.database.db;
    const isWorkday = async (date: string, on = db) => (await loadWorkdayCalendar(on)).calendar.isWorkday(date);
    const kept = await storedYearCalendars(db);
    expect(await storedYearCalendars(db)).toBe(kept);
    expect(await isWorkday('2023-05-04')).toBe(true);

    // Written by hand, past the app: seen on the next call.
    await db.execute(sql`INSERT INTO calendar_days (year, date, kind, name, source) VALUES (2023, '2023-05-04', 'holiday', '青年节（试）', 'regional')`);
    expect(await isWorkday('2023-05-04')).toBe(false);
    await db.execute(sql`UPDATE calendar_days SET name = '青年节（改）' WHERE date = '2023-05-04'`);
    const renamed = (await storedYearCalendars(db)).find((y) => y.year === 2023)?.holidays.find((d) => d.date === '2023-05-04');
    expect(renamed?.name).toBe('青年节（改）');
    await db.execute(sql`DELETE FROM calendar_days WHERE date = '2023-05-04'`);
    expect(await isWorkday('2023-05-04')).toBe(true);

    // Inside a transaction that wrote: its own view, and nothing of it kept after the rollback.
    const rollback = new Error('rollback');
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO calendar_days (year, date, kind, name, source) VALUES (2023, '2023-05-04', 'holiday', '青年节（试）', 'regional')`);
        expect(await isWorkday('2023-05-04', tx)).toBe(false);
        // A second change in the same transaction carries the same xmin: still seen.
        await tx.execute(sql`UPDATE calendar_days SET name = '青年节（改）' WHERE date = '2023-05-04'`);
        expect((await storedYearCalendars(tx)).find((y) => y.year === 2023)?.holidays.find((d) => d.date === '2023-05-04')?.name).toBe('青年节（改）');
        // Others still see the committed years (PGlite has one connection, held by the transaction).
        if (kind === 'postgres') expect(await isWorkday('2023-05-04')).toBe(true);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await isWorkday('2023-05-04')).toBe(true);
  });
});
