import type { Role } from '../../src/domain/auth/roles.js';
import { AWARD_ENTRY, AWARD_PEOPLE, multipart, PDF, type OwnerName, type UnitRecords } from './idor-records.js';
import { propertyPaths } from './protected-fields.js';
import type { ApiRequest } from './role-clients.js';
import { pathParamNames, type ApiRoute } from './route-inventory.js';
import { jsonSchemaOf } from './schema-arbitrary.js';

/**
 * Every /api route that takes an id or an owning unit, in one table: either unit B's accounts try it
 * on unit A's records (`unit`) and must be refused, or it is not unit-scoped by design (`shared`,
 * with the reason). tests/integration/security-idor.test.ts fails for a route missing here.
 */

/** A route takes an id or an owning unit: a path parameter, or a body/query field named …Id / …Ids. */
export function takesIdOrUnit(route: ApiRoute): boolean {
  if (pathParamNames(route.url).length > 0) return true;
  return [route.body, route.querystring].some((schema) => schema !== undefined && propertyPaths(jsonSchemaOf(schema)).some(({ name }) => /[a-z]Ids?$/.test(name)));
}

/** One try on one of unit A's records; `owner`, when given, runs the same request afterwards and must succeed. */
export interface Attempt extends ApiRequest {
  target: string;
  owner?: OwnerName;
  /** The owner's request when it differs (the ICS feed: A's own token instead of B's). */
  ownerUrl?: string;
}

export type RouteClass =
  | {
      kind: 'unit';
      attempts: (r: UnitRecords) => Omit<Attempt, 'method'>[];
      /** Unit-bound roles that see the record by design, with why (they are not sent). */
      exempt?: Partial<Record<Role, string>>;
    }
  | { kind: 'shared'; why: string };

const LEADERS_SEE_ALL_AWARDS = 'a leader sees every application (src/services/awards/access.ts: leader → scope all), whatever its unit';
const APPLICATION_BODY = { applicantKind: 'unit', applicantName: '乙单位冒名申请', entry: AWARD_ENTRY, people: AWARD_PEOPLE };
const DUTY_FILE = { fileName: '乙单位冒报.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') };

const apps = (r: UnitRecords) => [
  { target: 'award application of 州卫生健康委员会', id: r.award.dept.application, owner: 'aReporter' as const, m: r.award.dept },
  { target: 'award application of 霍城县', id: r.award.county.application, owner: 'aCounty' as const, m: r.award.county },
];
const onApps = (path: string, payload?: unknown, withOwner = false) => (r: UnitRecords) =>
  apps(r).map((a) => ({ target: a.target, url: `/api/awards/applications/${a.id}${path}`, payload, ...(withOwner ? { owner: a.owner } : {}) }));
const forms = (r: UnitRecords) => [
  { target: 'planned press form of 州卫生健康委员会', id: r.press.form, owner: 'aReporter' as const },
  { target: 'ad-hoc press request of 霍城县', id: r.press.adHocForm, owner: 'aCounty' as const },
];
const onForms = (path: string, payload?: unknown, withOwner = false) => (r: UnitRecords) =>
  forms(r).map((f) => ({ target: f.target, url: `/api/press/forms/${f.id}${path}`, payload, ...(withOwner ? { owner: f.owner } : {}) }));
const onPlannedForm = (path: string, payload?: unknown, owner?: OwnerName) => (r: UnitRecords) => [
  { target: 'planned press form of 州卫生健康委员会', url: `/api/press/forms/${r.press.form}${path}`, payload, owner },
];
const onUserA = (path: string, payload?: unknown) => (r: UnitRecords) => [{ target: 'account of unit A', url: `/api/users/${r.userA}${path}`, payload }];

const CALENDAR = 'the Xinjiang workday calendar is prefecture-wide: no unit owns a year or a day; only the system admin (calendar:manage) changes it';
const ROSTERS = 'rosters of the prefecture\'s coordination bodies come from published documents and are read by every bodies:read holder; no member unit owns a body';
const PEOPLE = 'people and posts come from published documents; the directory is read by every directory:read holder and changed only by the office (directory:manage)';
const NOTICE = 'an award notice (公示) is published to every awards:read holder and spans several units\' applications; objections and the report are the sports bureau\'s (awards:review, which sees every application)';

export const ID_ROUTES: Record<string, RouteClass> = {
  // 体育奖励: an application belongs to its applicant (user and unit) and, for 追踪奖, to the county that pays.
  'GET /api/awards/applications/:id': { kind: 'unit', attempts: onApps('', undefined, true), exempt: { leader: LEADERS_SEE_ALL_AWARDS } },
  'PATCH /api/awards/applications/:id': { kind: 'unit', attempts: onApps('', APPLICATION_BODY, true) },
  'GET /api/awards/applications/:id/id-numbers': { kind: 'unit', attempts: onApps('/id-numbers') },
  'POST /api/awards/applications/:id/materials': {
    kind: 'unit',
    attempts: (r) => apps(r).map((a) => ({ target: a.target, url: `/api/awards/applications/${a.id}/materials?kind=order-book`, ...multipart(PDF, '秩序册.pdf'), owner: a.owner })),
  },
  'GET /api/awards/applications/:id/materials/:materialId': {
    kind: 'unit',
    attempts: (r) => apps(r).flatMap((a) => [
      { target: `certificate of the ${a.target}`, url: `/api/awards/applications/${a.id}/materials/${a.m.certificate}`, owner: a.owner },
      { target: `ID-card copy of the ${a.target}`, url: `/api/awards/applications/${a.id}/materials/${a.m.idCard}` },
    ]),
    exempt: { leader: `${LEADERS_SEE_ALL_AWARDS}, and with it the certificate (the ID-card copy stays with the applicant and the reviewers)` },
  },
  'DELETE /api/awards/applications/:id/materials/:materialId': {
    kind: 'unit',
    attempts: (r) => apps(r).map((a) => ({ target: `a material of the ${a.target}`, url: `/api/awards/applications/${a.id}/materials/${a.m.spareMaterial}`, owner: a.owner })),
  },
  'POST /api/awards/applications/:id/submit': { kind: 'unit', attempts: onApps('/submit', undefined, true) },
  'POST /api/awards/applications/:id/review': { kind: 'unit', attempts: onApps('/review', { decision: 'pass' }) },
  'POST /api/awards/applications/:id/approve': { kind: 'unit', attempts: onApps('/approve') },
  'POST /api/awards/applications/:id/decline': { kind: 'unit', attempts: onApps('/decline', { comment: '乙单位驳回' }) },
  'POST /api/awards/applications/:id/disburse': { kind: 'unit', attempts: onApps('/disburse', { paidOn: '2023-09-01', voucher: '乙-1' }) },
  'POST /api/awards/applications/:id/revoke': { kind: 'unit', attempts: onApps('/revoke', { ground: 'fraud', reason: '乙单位举报' }) },
  'POST /api/awards/applications/:id/recoveries': { kind: 'unit', attempts: onApps('/recoveries', { amountFen: 100, recoveredOn: '2023-09-01' }) },
  'POST /api/awards/notices': {
    kind: 'unit',
    attempts: (r) => [{ target: 'both award applications of unit A', url: '/api/awards/notices', payload: { applicationIds: apps(r).map((a) => a.id) } }],
  },
  'GET /api/awards/notices/:id': { kind: 'shared', why: NOTICE },
  'GET /api/awards/notices/:id/notice.docx': { kind: 'shared', why: NOTICE },
  'POST /api/awards/notices/:id/objections': { kind: 'shared', why: NOTICE },
  'POST /api/awards/notices/:id/report': { kind: 'shared', why: NOTICE },
  'POST /api/awards/objections/:id/handle': { kind: 'shared', why: NOTICE },
  'GET /api/awards/plans/:year': { kind: 'shared', why: 'a year, not a record: the year\'s plan goes only to callers that see every application (awardPlan refuses the others)' },
  'GET /api/awards/plans/:year/plan.xlsx': { kind: 'shared', why: 'the year\'s plan as Excel: as GET /api/awards/plans/:year' },
  'GET /api/awards/plans/:year/plan.docx': { kind: 'shared', why: 'the year\'s plan as Word: as GET /api/awards/plans/:year' },

  // 新闻发布: a form and its materials belong to the publishing unit; the news office sees all.
  'POST /api/press/conferences/:id/form': {
    kind: 'unit',
    attempts: (r) => [
      { target: 'planned conference of 霍城县 (no form yet)', url: `/api/press/conferences/${r.press.conferenceWithoutForm}/form`, payload: { conferenceDate: '2023-09-27' }, owner: 'aCounty' },
      { target: 'planned conference of 州卫生健康委员会 (form made)', url: `/api/press/conferences/${r.press.conferenceWithForm}/form`, payload: { conferenceDate: '2023-09-29' } },
    ],
  },
  'GET /api/press/forms/:id': { kind: 'unit', attempts: onForms('', undefined, true) },
  'GET /api/press/forms/:id/docx': { kind: 'unit', attempts: onForms('/docx', undefined, true) },
  'PATCH /api/press/forms/:id': { kind: 'unit', attempts: onForms('', { host: '乙单位主持人' }, true) },
  'POST /api/press/forms/:id/attachments/:kind': {
    kind: 'unit',
    attempts: (r) => [
      { target: 'planned press form of 州卫生健康委员会', url: `/api/press/forms/${r.press.form}/attachments/qa`, ...multipart(PDF, '答记者问.pdf'), owner: 'aReporter' },
      { target: 'ad-hoc press request of 霍城县', url: `/api/press/forms/${r.press.adHocForm}/attachments/request`, ...multipart(PDF, '请示.pdf'), owner: 'aCounty' },
    ],
  },
  'GET /api/press/attachments/:id': { kind: 'unit', attempts: (r) => [{ target: 'press release of 州卫生健康委员会', url: `/api/press/attachments/${r.press.attachment}`, owner: 'aReporter' }] },
  'DELETE /api/press/attachments/:id': { kind: 'unit', attempts: (r) => [{ target: 'press material of 州卫生健康委员会', url: `/api/press/attachments/${r.press.spareAttachment}`, owner: 'aReporter' }] },
  'POST /api/press/forms/:id/submit': { kind: 'unit', attempts: onPlannedForm('/submit', undefined, 'aReporter') },
  'POST /api/press/forms/:id/approve': { kind: 'unit', attempts: onPlannedForm('/approve', undefined, 'aLeader') },
  'POST /api/press/forms/:id/return': { kind: 'unit', attempts: onPlannedForm('/return', { reason: '乙单位退回' }) },
  'POST /api/press/forms/:id/send': { kind: 'unit', attempts: onPlannedForm('/send', undefined, 'aReporter') },
  'POST /api/press/forms/:id/file': { kind: 'unit', attempts: onForms('/file', {}) },
  'POST /api/press/forms/:id/approve-request': { kind: 'unit', attempts: onForms('/approve-request', {}) },
  'POST /api/press/forms/:id/hold': { kind: 'unit', attempts: onForms('/hold') },
  'POST /api/press/forms/:id/notifications': { kind: 'unit', attempts: (r) => onForms('/notifications', { mediaIds: [r.press.media] })(r) },
  'GET /api/press/ics/:unitId': {
    kind: 'unit',
    attempts: (r) => [
      { target: 'calendar feed of 州卫生健康委员会, with unit B\'s token', url: `/api/press/ics/${r.deptA}?token=${r.press.tokenB}`, owner: 'aReporter', ownerUrl: `/api/press/ics/${r.deptA}?token=${r.press.tokenA}` },
      { target: 'calendar feed of 霍城县, with unit B\'s token', url: `/api/press/ics/${r.countyA}?token=${r.press.tokenB}`, owner: 'aCounty', ownerUrl: `/api/press/ics/${r.countyA}?token=${r.press.tokenCountyA}` },
    ],
  },
  'PATCH /api/press/media/:id': { kind: 'shared', why: 'the media outlets are the news office\'s own list (press:manage); no unit owns one' },

  // 民生实事: a unit reports on the measures it leads; measures, reports and their evidence are read by
  // every livelihood reader (they back the lights of the leaders' dashboard).
  'POST /api/livelihood/measures/:id/reports': {
    kind: 'unit',
    attempts: (r) => [{ target: 'measure led by 州卫生健康委员会 alone', url: `/api/livelihood/measures/${r.livelihood.measure}/reports`, payload: { period: '2023-08', progressPercent: 99, narrative: '乙单位冒报进展。' }, owner: 'aReporter' }],
  },
  'POST /api/livelihood/reports/:id/attachments': {
    kind: 'unit',
    attempts: (r) => [{ target: 'progress report of 州卫生健康委员会', url: `/api/livelihood/reports/${r.livelihood.report}/attachments`, ...multipart(PDF, '佐证.pdf'), owner: 'aReporter' }],
  },
  'POST /api/livelihood/measures/:id/supervisions': { kind: 'unit', attempts: (r) => [{ target: 'measure led by 州卫生健康委员会', url: `/api/livelihood/measures/${r.livelihood.measure}/supervisions` }] },
  'PATCH /api/livelihood/supervisions/:id': { kind: 'unit', attempts: (r) => [{ target: 'on-site supervision of a measure', url: `/api/livelihood/supervisions/${r.livelihood.supervision}`, payload: { findings: '乙单位改写' } }] },
  'POST /api/livelihood/supervisions/:id/close': { kind: 'unit', attempts: (r) => [{ target: 'on-site supervision of a measure', url: `/api/livelihood/supervisions/${r.livelihood.supervision}/close` }] },
  'GET /api/livelihood/measures/:id': { kind: 'shared', why: 'a measure with every unit\'s reports is read by every livelihood:read holder: it is what the lights on the dashboard show (src/server/policies/livelihood.ts)' },
  'GET /api/livelihood/attachments/:id': { kind: 'shared', why: 'report evidence is read by every livelihood:read holder, it backs the lights they see (readReportAttachment)' },
  'PATCH /api/livelihood/plans/:id': { kind: 'shared', why: 'the year\'s plan is the prefecture\'s; only the office (livelihood:manage) moves its reporting start' },

  // 议事协调机构: a member unit hands in its own duty report and rectification material.
  'POST /api/duty-reports/:id/submit': {
    kind: 'unit',
    attempts: (r) => [
      { target: 'pending duty report of 州卫生健康委员会 (2022)', url: `/api/duty-reports/${r.directory.dutyReportPending}/submit`, payload: DUTY_FILE, owner: 'aReporter' },
      { target: 'submitted duty report of 州卫生健康委员会 (2023)', url: `/api/duty-reports/${r.directory.dutyReportSubmitted}/submit`, payload: DUTY_FILE },
    ],
  },
  'POST /api/duty-reports/:id/review': { kind: 'unit', attempts: (r) => [{ target: 'submitted duty report of 州卫生健康委员会', url: `/api/duty-reports/${r.directory.dutyReportSubmitted}/review`, payload: { decision: 'accept' } }] },
  'GET /api/duty-reports/:id/file': {
    kind: 'unit',
    attempts: (r) => [{ target: 'duty report file of 州卫生健康委员会', url: `/api/duty-reports/${r.directory.dutyReportSubmitted}/file`, owner: 'aReporter' }],
    exempt: { leader: 'leaders read every body\'s tracked items (bodies:read without bodies:report: canReadDutyReportFile)' },
  },
  'POST /api/rectifications/:id/progress': {
    kind: 'unit',
    attempts: (r) => [{ target: 'rectification item of 州卫生健康委员会', url: `/api/rectifications/${r.directory.rectification}/progress`, payload: { action: 'submit-plan', text: '乙单位冒报整改方案' }, owner: 'aReporter' }],
  },
  'POST /api/rectifications/:id/review': { kind: 'unit', attempts: (r) => [{ target: 'rectification item of 州卫生健康委员会', url: `/api/rectifications/${r.directory.rectification}/review`, payload: { action: 'close' } }] },
  'POST /api/bodies/:id/rectifications': {
    kind: 'unit',
    attempts: (r) => [{ target: 'a rectification item against 州卫生健康委员会', url: `/api/bodies/${r.directory.body}/rectifications`, payload: { organizationId: r.deptA, title: '乙单位代提整改', raisedBy: '乙单位', raisedOn: '2023-08-01' } }],
  },
  'POST /api/directory/organizations/:id/aliases': { kind: 'unit', attempts: (r) => [{ target: 'organisation 州卫生健康委员会', url: `/api/directory/organizations/${r.deptA}/aliases`, payload: { alias: '乙单位起的别名' } }] },
  'GET /api/bodies/:id': { kind: 'shared', why: ROSTERS },
  'GET /api/bodies/:id/diff': { kind: 'shared', why: ROSTERS },
  'GET /api/bodies/:id/export.xlsx': { kind: 'shared', why: ROSTERS },
  'GET /api/bodies/:id/export.docx': { kind: 'shared', why: ROSTERS },
  'GET /api/bodies/:id/duty-reports': { kind: 'shared', why: 'the body\'s yearly overview: every member unit\'s report status (not its file) is read by every bodies:read holder' },
  'GET /api/bodies/:id/rectifications': { kind: 'shared', why: 'the body\'s rectification overview, with each item\'s plan and report text, is read by every bodies:read holder (the liaison system works in the open)' },
  'POST /api/bodies/:id/duty-reports': { kind: 'shared', why: 'opens the year\'s reports of every member unit of a body: the office only (bodies:manage)' },
  'GET /api/people/:id': { kind: 'shared', why: PEOPLE },
  'POST /api/people/appointments': { kind: 'shared', why: PEOPLE },
  'POST /api/people/duplicates/review': { kind: 'shared', why: PEOPLE },
  'GET /api/documents/:id': { kind: 'shared', why: '公文 are published to every documents:read holder; a document has no owning unit' },

  // Accounts and organisations: administrators only (三权分立), never a unit's own account.
  'PATCH /api/users/:id': { kind: 'unit', attempts: onUserA('', { displayName: '乙单位改名' }) },
  'POST /api/users/:id/lock': { kind: 'unit', attempts: onUserA('/lock') },
  'POST /api/users/:id/unlock': { kind: 'unit', attempts: onUserA('/unlock') },
  'POST /api/users/:id/reset-password': { kind: 'unit', attempts: onUserA('/reset-password', { password: 'Other-Unit-Reset-1' }) },
  'POST /api/users': {
    kind: 'unit',
    attempts: (r) => [{ target: 'a new account in 州卫生健康委员会', url: '/api/users', payload: { username: 'b-made-in-a', displayName: '乙单位代建', roles: ['department-reporter'], organizationId: r.deptA, password: 'Other-Unit-Made-1' } }],
  },
  'POST /api/organizations': { kind: 'unit', attempts: (r) => [{ target: 'a new organisation under 州卫生健康委员会', url: '/api/organizations', payload: { name: '乙单位代建机构', kind: 'unit', parentId: r.deptA } }] },
  'POST /api/organizations/:id/aliases': { kind: 'unit', attempts: (r) => [{ target: 'organisation 州卫生健康委员会', url: `/api/organizations/${r.deptA}/aliases`, payload: { alias: '乙单位起的又一别名' } }] },

  'GET /api/calendar/years/:year': { kind: 'shared', why: CALENDAR },
  'POST /api/calendar/years/:year/days': { kind: 'shared', why: CALENDAR },
  'DELETE /api/calendar/years/:year/days/:date': { kind: 'shared', why: CALENDAR },
  'POST /api/calendar/years/:year/confirm': { kind: 'shared', why: CALENDAR },
  'GET /api/docs/static/*': { kind: 'shared', why: 'files of the public API documentation page' },
};
