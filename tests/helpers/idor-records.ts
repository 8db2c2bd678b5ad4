import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { idCardCheckChar } from '../../src/domain/awards/id-card.js';
import type { Role } from '../../src/domain/auth/roles.js';
import { systemActor } from '../../src/services/actor.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { findOrganization } from '../../src/services/directory/organizations.service.js';
import type { TestApp } from './app.js';
import { loginCaller, ROLE_USER_PASSWORD, type ApiRequest, type Caller } from './role-clients.js';

/**
 * Two sides of the prefecture for the IDOR sweep (tests/integration/security-idor.test.ts): unit A
 * (州卫生健康委员会 and 霍城县) owns records of every kind that has an owning unit; unit B (州教育局
 * and 新源县) has one account of each unit-bound role. The bundled 2023 documents give the press
 * plan, the livelihood plan and the 教育督导委员会 with its member units.
 */
export const UNIT_A = { department: '州卫生健康委员会', county: '霍城县' } as const;
export const UNIT_B = { department: '州教育局', county: '新源县' } as const;

/** The unit-bound roles: what they see is limited to their own unit somewhere in the services. */
export const UNIT_BOUND_ROLES: readonly Role[] = ['department-reporter', 'county-user', 'leader'];

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

/** A multipart/form-data request part with one file field `file`. */
export function multipart(bytes: Buffer, fileName: string): Pick<ApiRequest, 'payload' | 'headers'> {
  const boundary = `----yz-idor-${randomBytes(6).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const withCheck = (first17: string) => `${first17}${idCardCheckChar(first17)}`;

/** 区运会 individual 1st place; the athlete comes from unit A's county, so no line is owed by county B. */
export const AWARD_ENTRY = {
  kind: 'result', games: 'region-games', date: '2023-08-10', event: 'individual', sport: '田径', teamSize: 1, place: 1,
  team: '伊犁州田径队', athletes: [{ name: '阿力木', county: UNIT_A.county }], enteredTeamOn: '2021-03-01',
  coaches: [{ name: '张伟', role: 'head' }], extraAwards: [], disqualified: null,
};
export const AWARD_PEOPLE = [
  { name: '阿力木', role: 'athlete', idNumber: withCheck('65400220050307123') },
  { name: '张伟', role: 'head', idNumber: withCheck('65400219800512201') },
];

/** Owners on side A: each may do to its own records what the sweep tries as side B. */
export type OwnerName = 'aReporter' | 'aCounty' | 'aLeader';
/** Side B: one account per unit-bound role (a leader of the department and one of the county). */
export type AttackerName = 'bReporter' | 'bCounty' | 'bLeader' | 'bCountyLeader';

export interface UnitRecords {
  deptA: string;
  countyA: string;
  deptB: string;
  /** Users of unit A (targets of the admin routes). */
  userA: string;
  award: { dept: AwardRecords; county: AwardRecords };
  press: {
    /** 霍城县's planned conference, no form yet. */
    conferenceWithoutForm: string;
    /** 州卫生健康委员会's planned conference, whose form is `form`. */
    conferenceWithForm: string;
    /** Planned, complete draft (release, Q&A, printed copies confirmed) of 州卫生健康委员会. */
    form: string;
    /** 霍城县's ad-hoc request, waiting for the news office. */
    adHocForm: string;
    attachment: string;
    spareAttachment: string;
    media: string;
    /** The ICS feed token of department B (B's own, valid for B's unit only). */
    tokenB: string;
    tokenA: string;
    tokenCountyA: string;
  };
  livelihood: { measure: string; report: string; attachment: string; supervision: string };
  directory: { body: string; dutyReportSubmitted: string; dutyReportPending: string; rectification: string };
}

interface AwardRecords {
  application: string;
  certificate: string;
  idCard: string;
  spareMaterial: string;
}

export interface IdorWorld {
  records: UnitRecords;
  owners: Record<OwnerName, Caller>;
  attackers: Record<AttackerName, Caller>;
}

function ok<T = Record<string, string>>(res: LightMyRequestResponse, what: string): T {
  if (res.statusCode >= 300) throw new Error(`IDOR setup, ${what}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

async function orgId(t: TestApp, name: string): Promise<string> {
  const org = await findOrganization(t.database.db, name);
  if (!org) throw new Error(`IDOR setup: organisation ${name} not imported`);
  return org.id;
}

/** Creates the accounts of both sides and unit A's records, through the API as their owners would. */
export async function createIdorWorld(t: TestApp): Promise<IdorWorld> {
  const deptA = await orgId(t, UNIT_A.department);
  const countyA = await orgId(t, UNIT_A.county);
  const deptB = await orgId(t, UNIT_B.department);
  const countyB = await orgId(t, UNIT_B.county);
  const accounts: [string, Role, string | null][] = [
    ['a-reporter', 'department-reporter', deptA], ['a-county', 'county-user', countyA], ['a-leader', 'leader', deptA],
    ['b-reporter', 'department-reporter', deptB], ['b-county', 'county-user', countyB], ['b-leader', 'leader', deptB], ['b-county-leader', 'leader', countyB],
    ['c-staff', 'office-staff', null], ['c-news', 'news-office', null], ['c-supervisor', 'supervision-office', null],
  ];
  const callers = new Map<string, Caller>();
  const ids = new Map<string, string>();
  for (const [username, role, organizationId] of accounts) {
    const { id } = await createUser(t.database, systemActor(), { username, displayName: username, roles: [role], organizationId, password: ROLE_USER_PASSWORD });
    ids.set(username, id);
    callers.set(username, await loginCaller(t.app, t.database, username, role));
  }
  const as = (username: string) => callers.get(username)!;
  const [aReporter, aCounty, aLeader, staff, news, supervisor] = ['a-reporter', 'a-county', 'a-leader', 'c-staff', 'c-news', 'c-supervisor'].map(as);

  const award = async (owner: Caller, applicantName: string): Promise<AwardRecords> => {
    const { id } = ok(await owner.send({ method: 'POST', url: '/api/awards/applications', payload: { applicantKind: 'unit', applicantName, entry: AWARD_ENTRY, people: AWARD_PEOPLE } }), 'award application');
    const material = async (kind: string, bytes: Buffer, name: string) =>
      ok(await owner.send({ method: 'POST', url: `/api/awards/applications/${id}/materials?kind=${kind}`, ...multipart(bytes, name) }), `material ${kind}`).id;
    return {
      application: id,
      certificate: await material('certificate', PDF, '证书.pdf'),
      idCard: await material('id-card', JPEG, '身份证.jpg'),
      spareMaterial: await material('results-book', PNG, '成绩册.png'),
    };
  };

  const conferences = ok<{ items: { id: string; seq: number | null; organizationId: string }[] }>(await aReporter.send({ method: 'GET', url: '/api/press/conferences?year=2023' }), 'conferences').items;
  const conferenceOf = (organizationId: string) => {
    const found = conferences.find((c) => c.organizationId === organizationId && c.seq !== null);
    if (!found) throw new Error('IDOR setup: no planned conference for unit A');
    return found.id;
  };
  const conferenceWithForm = conferenceOf(deptA);
  const { id: form } = ok(await aReporter.send({
    method: 'POST', url: `/api/press/conferences/${conferenceWithForm}/form`,
    payload: { conferenceDate: '2023-09-28', startTime: '10:00', endTime: '11:00', host: '州卫生健康委新闻发言人', attendingLeaders: '州卫生健康委副主任' },
  }), 'press form');
  const upload = async (kind: string, name: string) => ok(await aReporter.send({ method: 'POST', url: `/api/press/forms/${form}/attachments/${kind}`, ...multipart(PDF, name) }), `press ${kind}`).id;
  const attachment = await upload('release', '新闻发布稿.pdf');
  await upload('qa', '答记者问.pdf');
  const spareAttachment = await upload('release', '新闻发布稿-旧.pdf');
  ok(await aReporter.send({ method: 'PATCH', url: `/api/press/forms/${form}`, payload: { printedCopiesConfirmed: true } }), 'press copies');
  const { id: adHocForm } = ok(await aCounty.send({ method: 'POST', url: '/api/press/ad-hoc', payload: { conferenceDate: '2023-09-26', topic: '霍城县薰衣草节新闻发布会', requestText: '拟于9月26日召开新闻发布会，请予批复。' } }), 'ad-hoc request');
  const { id: media } = ok(await news.send({ method: 'POST', url: '/api/press/media', payload: { name: '伊犁日报', contact: '记者部', phone: '0999-0000000' } }), 'media');
  const token = async (owner: Caller) => ok(await owner.send({ method: 'POST', url: '/api/press/feed' }), 'feed token').token;

  const projects = ok<{ projects: { measures: { id: string; organizationIds: string[]; light: string }[] }[] }>(await supervisor.send({ method: 'GET', url: '/api/livelihood/projects' }), 'projects').projects;
  const measures = projects.flatMap((p) => p.measures);
  const measure = measures.find((m) => m.organizationIds.length === 1 && m.organizationIds[0] === deptA);
  if (!measure) throw new Error('IDOR setup: no measure led by unit A alone');
  const red = measures.find((m) => m.light === 'red' && m.organizationIds.includes(deptA)) ?? measures.find((m) => m.light === 'red' && !m.organizationIds.includes(deptB));
  if (!red) throw new Error('IDOR setup: no red measure to supervise');
  const { id: supervision } = ok(await supervisor.send({ method: 'POST', url: `/api/livelihood/measures/${red.id}/supervisions` }), 'supervision');
  const { id: report } = ok(await aReporter.send({ method: 'POST', url: `/api/livelihood/measures/${measure.id}/reports`, payload: { period: '2023-08', progressPercent: 60, narrative: '已完成年度任务的六成。' } }), 'progress report');
  const { id: livelihoodAttachment } = ok(await aReporter.send({ method: 'POST', url: `/api/livelihood/reports/${report}/attachments`, ...multipart(PDF, '佐证.pdf') }), 'report attachment');

  const bodies = ok<{ items: { id: string; name: string; liaisons: number }[] }>(await staff.send({ method: 'GET', url: '/api/bodies' }), 'bodies').items;
  const body = bodies.find((b) => b.liaisons > 0)?.id;
  if (!body) throw new Error('IDOR setup: no body with liaisons');
  const dutyReportOf = async (year: number) => {
    ok(await staff.send({ method: 'POST', url: `/api/bodies/${body}/duty-reports`, payload: { year, dueOn: `${year}-12-31` } }), 'duty reports');
    const items = ok<{ items: { id: string; organizationId: string }[] }>(await staff.send({ method: 'GET', url: `/api/bodies/${body}/duty-reports?year=${year}` }), 'duty report list').items;
    const own = items.find((i) => i.organizationId === deptA);
    if (!own || !items.some((i) => i.organizationId === deptB)) throw new Error('IDOR setup: units A and B must both be member units of the body');
    return own.id;
  };
  const dutyReportSubmitted = await dutyReportOf(2023);
  const dutyReportPending = await dutyReportOf(2022);
  ok(await aReporter.send({ method: 'POST', url: `/api/duty-reports/${dutyReportSubmitted}/submit`, payload: { fileName: '2023年履职情况汇报.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') } }), 'duty report');
  const { id: rectification } = ok(await staff.send({
    method: 'POST', url: `/api/bodies/${body}/rectifications`,
    payload: { organizationId: deptA, title: '校园卫生监督检查不到位', raisedBy: '自治区人民政府教育督导委员会', raisedOn: '2023-08-01', dueOn: '2023-12-31' },
  }), 'rectification');

  return {
    records: {
      deptA, countyA, deptB, userA: ids.get('a-reporter')!,
      award: { dept: await award(aReporter, UNIT_A.department), county: await award(aCounty, UNIT_A.county) },
      press: {
        conferenceWithoutForm: conferenceOf(countyA), conferenceWithForm, form, adHocForm, attachment, spareAttachment, media,
        tokenB: await token(as('b-reporter')), tokenA: await token(aReporter), tokenCountyA: await token(aCounty),
      },
      livelihood: { measure: measure.id, report, attachment: livelihoodAttachment, supervision },
      directory: { body, dutyReportSubmitted, dutyReportPending, rectification },
    },
    owners: { aReporter, aCounty, aLeader },
    attackers: { bReporter: as('b-reporter'), bCounty: as('b-county'), bLeader: as('b-leader'), bCountyLeader: as('b-county-leader') },
  };
}
