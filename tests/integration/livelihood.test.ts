import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { findOrganization } from '../../src/services/directory/organizations.service.js';
import { projectsOutline, refreshStatusLights, requirePlan } from '../../src/services/livelihood/index.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { DATABASE_KINDS } from '../helpers/database.js';

const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

interface MeasureItem { id: string; projectNo: number; no: number; light: string; reasons: { code: string; message: string }[]; progressPercent: number }

describe.each(DATABASE_KINDS)('livelihood on %s', (kind) => {
  let t: TestApp;
  let clock = new Date('2023-04-03T04:00:00Z');
  let hr: TestClient;
  let water: TestClient;
  let staff: TestClient;
  let supervisor: TestClient;
  let leader: TestClient;

  const setClock = async (iso: string) => {
    clock = new Date(iso);
    [hr, water, staff, supervisor, leader] = await Promise.all(['hr-reporter', 'water-reporter', 'staff1', 'duchashi', 'leader1'].map((n) => t.login(n)));
  };
  const measures = async (client: TestClient): Promise<MeasureItem[]> =>
    (await client.request('GET', '/api/livelihood/projects')).json().projects.flatMap((p: { measures: MeasureItem[] }) => p.measures);
  const measure = async (client: TestClient, projectNo: number, no: number) => (await measures(client)).find((m) => m.projectNo === projectNo && m.no === no) as MeasureItem;

  beforeAll(async () => {
    // The clock travels to 2031: without rotation off, every password would be past its 90 days and
    // the API would answer PASSWORD_CHANGE_REQUIRED instead of the calendar answers tested here.
    t = await createTestApp(kind, { now: () => clock, config: { YIZHENG_IMPORT_BUNDLED: 'true', YIZHENG_PASSWORD_MAX_AGE_DAYS: '0' } });
    const hrOrg = await findOrganization(t.database.db, '州人力资源和社会保障局');
    const waterOrg = await findOrganization(t.database.db, '州水利局');
    hr = await t.userWith('hr-reporter', ['department-reporter'], hrOrg?.id ?? null);
    water = await t.userWith('water-reporter', ['department-reporter'], waterOrg?.id ?? null);
    staff = await t.userWith('staff1', ['office-staff']);
    supervisor = await t.userWith('duchashi', ['supervision-office']);
    leader = await t.userWith('leader1', ['leader']);
  });
  afterAll(async () => t.close());

  it('stores the 10 projects and 43 measures of 伊州政办发〔2023〕8号 in the CLI shape', async () => {
    const outline = projectsOutline(await requirePlan(t.database.db));
    expect(outline.map((p) => p.measures.length)).toEqual([4, 9, 5, 2, 5, 1, 1, 9, 5, 2]);
    expect(outline.flatMap((p) => p.measures)).toHaveLength(43);
    expect(Object.keys(outline[0])).toEqual(['no', 'title', 'targets', 'measures']);
    expect(outline[1].targets[0]).toEqual({ text: '5.09万人', value: 50900, unit: '人' });
    expect(outline[0].measures[0]).toEqual({
      no: 1, units: ['州民政局'], leadLeader: '党组副书记、局长努尔波拉提·木哈米亚', responsibleLeader: '党组成员、副局长吴虎寿', deadline: '2023-12-31',
      milestones: [{ text: '3月20日全部开工', date: '2023-03-20', kind: 'on' }, { text: '年底竣工交付使用', date: '2023-12-31', kind: 'by' }],
    });
    expect(outline[8].measures[2]).toMatchObject({ no: 3, units: ['州公安局', '州交通运输局'], deadline: null });
    expect(outline[5].measures[0].milestones[1]).toEqual({ text: '5月至8月底入户改造施工', date: '2023-08-31', kind: 'during', from: '2023-05-01' });
    expect(outline[2].measures[3].responsibleLeader).toBeNull();
  });

  it('lets the office move the reporting start; units may not', async () => {
    const { plan } = (await staff.request('GET', '/api/livelihood/projects')).json();
    expect(plan).toMatchObject({ year: 2023, docNumber: '伊州政办发〔2023〕8号', reportingStartsOn: '2023-01-01' });
    expect((await hr.request('PATCH', `/api/livelihood/plans/${plan.id}`, { reportingStartsOn: '2023-03-01' })).statusCode).toBe(403);
    const res = await staff.request('PATCH', `/api/livelihood/plans/${plan.id}`, { reportingStartsOn: '2023-03-01' });
    expect(res.json()).toEqual({ id: plan.id, reportingStartsOn: '2023-03-01' });
  });

  it('turns a light from yellow to green when the unit reports (pinned clock)', async () => {
    const before = await measure(leader, 5, 1);
    expect(before).toMatchObject({ light: 'yellow', progressPercent: 0, reasons: [{ code: 'BEHIND_SCHEDULE', message: '进度0%，落后于时间进度36%' }] });
    const report = await hr.request('POST', `/api/livelihood/measures/${before.id}/reports`, { period: '2023-03', progressPercent: 50, narrative: '已完成欠薪线索排查，3月办结案件12件。' });
    expect(report.json()).toMatchObject({ revision: 1 });
    const after = await measure(leader, 5, 1);
    expect(after).toMatchObject({ light: 'green', progressPercent: 50, reasons: [{ code: 'ON_TRACK' }] });
    const dashboard = (await leader.request('GET', '/api/livelihood/dashboard')).json();
    expect(dashboard.byProject.find((p: { no: number }) => p.no === 5)).toMatchObject({ green: 1 });
    expect(dashboard.byDepartment.find((d: { name: string }) => d.name === '州人力资源和社会保障局')).toMatchObject({ green: 1 });
    // a correction keeps the first submission day
    expect((await hr.request('POST', `/api/livelihood/measures/${before.id}/reports`, { period: '2023-03', progressPercent: 55, narrative: '更正：办结案件13件。' })).json()).toMatchObject({ revision: 2 });
  });

  it('lets a unit report only on measures it leads, and only on months begun', async () => {
    const waterMeasure = await measure(hr, 4, 2);
    const notOwn = await hr.request('POST', `/api/livelihood/measures/${waterMeasure.id}/reports`, { period: '2023-03', progressPercent: 10, narrative: '越权' });
    expect(notOwn.statusCode).toBe(403);
    expect(notOwn.json().message).toBe('本单位不是该项工作措施的牵头单位，不能报送其进展');
    const wages = await measure(hr, 5, 1);
    const future = await hr.request('POST', `/api/livelihood/measures/${wages.id}/reports`, { period: '2023-05', progressPercent: 10, narrative: '提前' });
    expect(future.statusCode).toBe(400);
    expect((await staff.request('POST', `/api/livelihood/measures/${wages.id}/reports`, { period: '2023-03', progressPercent: 10, narrative: 'x' })).statusCode).toBe(403);
    const badMilestone = await water.request('POST', `/api/livelihood/measures/${waterMeasure.id}/reports`, { period: '2023-03', progressPercent: 10, narrative: 'x', milestonesDone: ['没有的节点'] });
    expect(badMilestone.statusCode).toBe(400);
  });

  it('reports indicator values and evidence; the dashboard shows target attainment', async () => {
    const jobs = await measure(hr, 2, 1);
    const detail = (await hr.request('GET', `/api/livelihood/measures/${jobs.id}`)).json();
    const target = detail.targets.find((x: { text: string }) => x.text === '5.09万人');
    const res = await hr.request('POST', `/api/livelihood/measures/${jobs.id}/reports`, {
      period: '2023-03', progressPercent: 25, narrative: '一季度转移就业1.2万人。', indicators: [{ targetId: target.id, value: 12000 }],
    });
    const boundary = '----yz';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="台账.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), PDF_BYTES, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await t.app.inject({
      method: 'POST', url: `/api/livelihood/reports/${res.json().id}/attachments`, cookies: hr.cookies, payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-csrf-token': hr.cookies.yz_csrf },
    });
    expect(upload.statusCode).toBe(201);
    const file = (await leader.request('GET', `/api/livelihood/measures/${jobs.id}`)).json().reports[0].attachments[0];
    const download = await leader.request('GET', `/api/livelihood/attachments/${file.id}`);
    expect(download.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' });
    const dashboard = (await leader.request('GET', '/api/livelihood/dashboard')).json();
    expect(dashboard.targets.find((x: { targetId: string }) => x.targetId === target.id)).toMatchObject({ value: 50900, reached: 12000, percent: 23 });
  });

  it('turns silent measures red after the 5th working day, and the job opens one 现场督办 each, once', async () => {
    await setClock('2023-04-11T04:00:00Z'); // March reports were due by 4月10日 (清明 4月5日 off)
    const waterLight = await measure(leader, 4, 2);
    expect(waterLight.light).toBe('red');
    expect(waterLight.reasons[0]).toEqual({ light: 'red', code: 'REPORT_MISSING', message: '州水利局未报送2023年3月进展（应于2023-04-10前报送）' });
    expect((await measure(leader, 5, 1)).light).toBe('green');
    const all = await measures(leader);
    const red = all.filter((m) => m.light === 'red').length;
    expect(red).toBe(41);

    expect((await hr.request('POST', '/api/livelihood/lights/refresh')).statusCode).toBe(403);
    const [a, b] = await Promise.all([refreshStatusLights(t.database, '2023-04-11'), refreshStatusLights(t.database, '2023-04-11')]);
    expect(a.supervisionsOpened + b.supervisionsOpened).toBe(41);
    const again = (await supervisor.request('POST', '/api/livelihood/lights/refresh')).json();
    expect(again).toMatchObject({ skipped: null, measures: 43, red: 41, supervisionsOpened: 0 });
    const [{ n }] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM livelihood_light_snapshots WHERE computed_on = '2023-04-11'`);
    expect(n).toBe(43);

    const tasks = (await supervisor.request('GET', '/api/livelihood/supervisions?status=open')).json().items;
    expect(tasks).toHaveLength(41);
    const task = tasks.find((x: { projectNo: number; measureNo: number }) => x.projectNo === 4 && x.measureNo === 2);
    expect(task).toMatchObject({ openedOn: '2023-04-11', openedBy: '系统（红灯自动生成）', reasons: ['州水利局未报送2023年3月进展（应于2023-04-10前报送）'] });
    expect((await supervisor.request('POST', `/api/livelihood/supervisions/${task.id}/close`)).statusCode).toBe(400);
    expect((await supervisor.request('PATCH', `/api/livelihood/supervisions/${task.id}`, { visitOn: '2023-04-12', findings: '招投标滞后', followUp: '4月20日前完成招标并补报3月进展' })).statusCode).toBe(200);
    expect((await supervisor.request('POST', `/api/livelihood/supervisions/${task.id}/close`)).statusCode).toBe(200);
    expect((await water.request('POST', `/api/livelihood/measures/${waterLight.id}/supervisions`)).statusCode).toBe(403);
  });

  it('shows each unit its tasks and 督查室 the due / submitted / late / missing reports', async () => {
    const mine = (await hr.request('GET', '/api/livelihood/my-tasks')).json();
    expect(mine).toMatchObject({ organization: '州人力资源和社会保障局', period: '2023-03', dueOn: '2023-04-10' });
    expect(mine.items).toHaveLength(14);
    expect(mine.items.find((m: { projectNo: number; no: number }) => m.projectNo === 5 && m.no === 1)).toMatchObject({ periodRequired: true, periodReport: { submittedOn: '2023-04-03', late: false } });
    const status = (await supervisor.request('GET', '/api/livelihood/reporting?period=2023-03')).json();
    expect(status).toMatchObject({ period: '2023-03', dueOn: '2023-04-10', counts: { due: 47, onTime: 2, late: 0, missing: 45, pending: 0 } });
    const late = await water.request('POST', `/api/livelihood/measures/${(await measure(water, 4, 2)).id}/reports`, { period: '2023-03', progressPercent: 20, narrative: '补报：已完成招标准备。' });
    expect(late.statusCode).toBe(200);
    const after = (await supervisor.request('GET', '/api/livelihood/reporting?period=2023-03')).json();
    expect(after.counts).toEqual({ due: 47, onTime: 2, late: 1, missing: 44, pending: 0 });
  });

  it('exports a project’s quarterly report to Excel and Word from the monthly reports', async () => {
    const xlsx = await supervisor.request('GET', '/api/livelihood/quarterly.xlsx?year=2023&quarter=1&project=5');
    expect(xlsx.statusCode).toBe(200);
    expect(decodeURIComponent(xlsx.headers['content-disposition'] as string)).toContain('2023年第一季度民生实事进展情况（5.实施农民工安“薪”无忧工程）.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('汇总');
    expect(sheet?.getCell('A1').value).toBe('2023年第一季度民生实事进展情况（5.实施农民工安“薪”无忧工程）');
    expect(sheet?.getRow(3).values).toEqual([undefined, '措施', '牵头单位', '完成时限', '完成进度', '1月报送（2023-02-07前）', '2月报送（2023-03-07前）', '3月报送（2023-04-10前）']);
    expect(sheet?.getRow(4).values).toEqual([undefined, 1, '州人力资源和社会保障局', '2023-05-31', 0.55, '无须报送', '无须报送', '州人力资源和社会保障局：按时报送']);
    expect(sheet?.getRow(5).values).toEqual([undefined, 2, '州人力资源和社会保障局', '2023-07-31', 0, '无须报送', '无须报送', '州人力资源和社会保障局：未报送']);
    const detail = book.getWorksheet('报送明细');
    expect(detail?.getRow(2).values).toEqual([undefined, '2023-03', 1, '州人力资源和社会保障局', '按时报送', '2023-04-03', 0.55]);
    expect(detail?.rowCount).toBe(6);

    const docx = await supervisor.request('GET', '/api/livelihood/quarterly.docx?year=2023&quarter=1&project=5');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const json = (await supervisor.request('GET', '/api/livelihood/quarterly?year=2023&quarter=1&project=5')).json();
    expect(json.summary.totals).toEqual({ due: 5, submitted: 1, onTime: 1, late: 0, missing: 4, pending: 0 });
    expect(json.measures[0].narratives).toEqual([{ unit: '州人力资源和社会保障局', period: '2023-03', submittedOn: '2023-04-03', progressPercent: 55, narrative: '更正：办结案件13件。' }]);
  });

  it('shows the pages on a year with national holidays only, with a warning, and refuses a year without data', async () => {
    await setClock('2024-02-20T04:00:00Z');
    const dashboard = await leader.request('GET', '/api/livelihood/dashboard');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.json().calendarWarnings).toEqual([expect.stringContaining('2024年的工作日历缺少自治区节假日安排')]);
    expect(dashboard.json().totals.red).toBeGreaterThan(0);
    const projects = (await staff.request('GET', '/api/livelihood/projects')).json();
    expect(projects.calendarWarnings).toEqual(dashboard.json().calendarWarnings);
    // The dashboard lists each red or overdue measure once, as the projects page lights it.
    type Listed = { id: string; light: string; reasons: { code: string }[] };
    const lit: Listed[] = projects.projects.flatMap((p: { measures: Listed[] }) => p.measures);
    const attention: { id: string; overdue: boolean }[] = dashboard.json().attention;
    expect(attention.map((m) => m.id).sort()).toEqual(lit.filter((m) => m.light === 'red').map((m) => m.id).sort());
    expect(attention.filter((m) => m.overdue).map((m) => m.id).sort()).toEqual(lit.filter((m) => m.reasons.some((r) => r.code === 'OVERDUE')).map((m) => m.id).sort());
    expect(attention.some((m) => m.overdue)).toBe(true);
    const id = projects.projects[0].measures[0].id;
    expect((await staff.request('GET', `/api/livelihood/measures/${id}`)).json().calendarWarnings).toHaveLength(1);
    expect((await hr.request('GET', '/api/livelihood/my-tasks')).json().calendarWarnings).toHaveLength(1);
    // What is filed or acted on is not computed on a guess: the quarterly report and the job refuse.
    const quarterly = await supervisor.request('GET', '/api/livelihood/quarterly?year=2023&quarter=4&project=5');
    expect(quarterly.statusCode).toBe(422);
    expect(quarterly.json()).toMatchObject({ code: 'CALENDAR_MISSING', message: expect.stringContaining('2024年的工作日历不完整') });

    await setClock('2031-03-20T04:00:00Z');
    const tasks = await hr.request('GET', '/api/livelihood/my-tasks');
    expect(tasks.statusCode).toBe(422);
    expect(tasks.json()).toMatchObject({ code: 'CALENDAR_MISSING', message: expect.stringContaining('缺少2031年的工作日历') });
  });
});
