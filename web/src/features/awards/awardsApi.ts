/**
 * Shapes of the awards API (src/server/routes/awards.routes.ts) and the pure helpers of its pages.
 * Labels of statuses, roles and materials come from the server's own procedure module, so the
 * pages say exactly what the server enforces.
 */
import { api, withQuery, type QueryValue } from '../../api';
import {
  MATERIAL_LABEL,
  PAYEE_ROLE_LABEL,
  STATUS_LABEL,
  type ApplicationStatus,
  type MaterialKind,
} from '../../../../src/domain/awards/procedure';

export { MATERIAL_LABEL, PAYEE_ROLE_LABEL, STATUS_LABEL, type ApplicationStatus, type MaterialKind };

export type PayeeRole = keyof typeof PAYEE_ROLE_LABEL;
export type PersonRole = 'athlete' | 'head' | 'original' | 'assistant';
export type Funding = 'prefecture' | 'county';
export type Ground = 'fraud' | 'doping' | 'violation';

export const STATUS_COLOR: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  reviewed: 'cyan',
  'in-notice': 'purple',
  reported: 'geekblue',
  approved: 'blue',
  declined: 'default',
  disbursed: 'success',
  revoked: 'error',
};

export const KIND_LABEL: Record<string, string> = { result: '成绩奖', selection: '入选奖', transfer: '输送奖', sportsmanship: '体育道德风尚奖' };

export const RESULT_GAMES_LABEL: Record<string, string> = {
  'region-games': '区运会（自治区运动会）',
  'region-minority-games': '自治区少数民族传统体育运动会',
  'region-youth-championship': '自治区青少年年度锦标赛',
  national: '国内大型运动会',
  international: '国际大型运动会',
  'prefecture-youth-games': '自治州青少年运动会',
  'prefecture-minority-games': '自治州少数民族传统体育运动会',
};
export const SELECTION_GAMES_LABEL: Record<string, string> = {
  olympics: '奥运会、残奥会、冬奥会、冬残奥会',
  world: '世界单项锦标（杯）赛、世界杯赛、青奥会',
  asian: '亚运会、亚冬会、亚洲锦标（杯）赛',
  'other-listed': '本办法所列其他运动会',
};
export const GAMES_LABEL: Record<string, string> = { ...RESULT_GAMES_LABEL, ...SELECTION_GAMES_LABEL };

export const PERSON_ROLE_LABEL: Record<PersonRole, string> = {
  athlete: '运动员',
  head: '现任主管教练员',
  original: '原培养、输送教练员',
  assistant: '助理教练员',
};

export const GROUND_LABEL: Record<Ground, string> = {
  fraud: '弄虚作假、冒名顶替（第二十一条）',
  doping: '兴奋剂（第二十二条）',
  violation: '违法违纪、违反体育道德风尚（第二十三条）',
};

export const FUNDING_LABEL: Record<Funding, string> = { prefecture: '州财政', county: '县（市）财政' };

export const NOTICE_STATE_LABEL: Record<NoticeState, { text: string; color: string }> = {
  open: { text: '公示中', color: 'processing' },
  ended: { text: '公示期满，待上报', color: 'warning' },
  reported: { text: '已报州政府审批', color: 'success' },
};

// ---- the batch shape (one result) ----

export interface EntryJson {
  kind?: string;
  games?: string | null;
  date?: string | null;
  event?: string | null;
  sport?: string | null;
  teamSize?: number | null;
  place?: number | null;
  team?: string | null;
  teamCounty?: string | null;
  athletes?: { name: string; county?: string | null }[];
  enteredTeamOn?: string | null;
  coaches?: { name: string; role: string }[];
  regionAward?: number | null;
  extraAwards?: number[];
}

export interface PersonInput {
  name: string;
  role: PersonRole;
  idNumber?: string | null;
}

/** What the entry form holds. Dates are YYYY-MM-DD strings; amounts yuan. */
export interface EntryFormValues {
  applicantKind: 'coach' | 'unit';
  applicantName: string;
  kind: string;
  games?: string;
  date?: string;
  event?: 'individual' | 'team';
  sport?: string;
  teamSize?: number | null;
  place?: number | null;
  team?: string;
  teamCounty?: string;
  enteredTeamOn?: string;
  regionAward?: number | null;
  extraAwards?: string;
  athletes?: { name?: string; county?: string; idNumber?: string }[];
  coaches?: { name?: string; role?: string; idNumber?: string }[];
}

const blank = (v: string | null | undefined) => (v ?? '').trim() === '';

/** `3000，5000；8000` → [3000, 5000, 8000]; anything that is not a number is kept for the server to name. */
export function parseExtraAwards(text: string | undefined): number[] {
  return (text ?? '')
    .split(/[,，;；、\s]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

/** The form → one result in the batch shape, plus the people with ID numbers (typed ones only). */
export function entryFromForm(v: EntryFormValues): { entry: EntryJson; people: PersonInput[] } {
  const athletes = (v.athletes ?? []).filter((a) => !blank(a?.name));
  const coaches = (v.coaches ?? []).filter((c) => !blank(c?.name) && !blank(c?.role));
  const isResult = v.kind === 'result';
  const entry: EntryJson = {
    kind: v.kind,
    date: v.date || null,
    athletes: athletes.map((a) => ({ name: (a.name ?? '').trim(), county: blank(a.county) ? null : (a.county ?? '').trim() })),
    coaches: coaches.map((c) => ({ name: (c.name ?? '').trim(), role: c.role ?? '' })),
  };
  if (v.kind !== 'transfer') entry.games = v.games || null;
  if (v.kind === 'sportsmanship') entry.team = v.team?.trim() || null;
  if (isResult) {
    Object.assign(entry, {
      event: v.event ?? null,
      sport: v.sport?.trim() || null,
      teamSize: v.event === 'individual' ? 1 : (v.teamSize ?? null),
      place: v.place ?? null,
      team: v.team?.trim() || null,
      teamCounty: v.teamCounty?.trim() || null,
      enteredTeamOn: v.enteredTeamOn || null,
      regionAward: v.games === 'national' || v.games === 'international' ? (v.regionAward ?? null) : null,
      extraAwards: parseExtraAwards(v.extraAwards),
    });
  }
  const people: PersonInput[] = [
    ...athletes.map((a) => ({ name: (a.name ?? '').trim(), role: 'athlete' as const, idNumber: a.idNumber?.trim() || undefined })),
    ...coaches.map((c) => ({ name: (c.name ?? '').trim(), role: c.role as PersonRole, idNumber: c.idNumber?.trim() || undefined })),
  ];
  return { entry, people: people.filter((p) => p.idNumber !== undefined) };
}

/** A stored entry back into the form (ID numbers are never sent back: they stay as stored unless retyped). */
export function formFromEntry(entry: EntryJson, applicant: { applicantKind: 'coach' | 'unit'; applicantName: string }): EntryFormValues {
  return {
    ...applicant,
    kind: entry.kind ?? 'result',
    games: entry.games ?? undefined,
    date: entry.date ?? undefined,
    event: (entry.event as 'individual' | 'team' | null) ?? undefined,
    sport: entry.sport ?? undefined,
    teamSize: entry.teamSize ?? null,
    place: entry.place ?? null,
    team: entry.team ?? undefined,
    teamCounty: entry.teamCounty ?? undefined,
    enteredTeamOn: entry.enteredTeamOn ?? undefined,
    regionAward: entry.regionAward ?? null,
    extraAwards: (entry.extraAwards ?? []).join('，'),
    athletes: (entry.athletes ?? []).map((a) => ({ name: a.name, county: a.county ?? undefined })),
    coaches: (entry.coaches ?? []).map((c) => ({ name: c.name, role: c.role })),
  };
}

/** A yuan amount typed by a user → integer fen, or null (at most two decimals, more than zero). */
export function yuanTextToFen(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, cents = ''] = t.split('.');
  const fen = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  return Number.isSafeInteger(fen) && fen > 0 ? fen : null;
}

// ---- responses ----

export interface Citation {
  article: number;
  item?: number;
  subItem?: number;
}

export interface CitedArticle {
  ref: string;
  article: number;
  articleLabel: string;
  articleText: string;
  citedText: string | null;
  source: 'document' | 'rulebook';
  docNumber: string;
}

export interface LineView {
  payee: string;
  role: PayeeRole;
  amountFen: number;
  funding: Funding;
  basis: string;
  citations: Citation[];
  refs: string[];
}

export interface ComputationView {
  eligible: boolean;
  reasons: string[];
  reasonRefs: string[][];
  lines: LineView[];
  totalFen: number;
  prefectureFen: number;
  countyFen: number;
  rulebook: string | null;
  articles: CitedArticle[];
}

export interface ComputeResponse extends ComputationView {
  appliedOn: string;
}

export interface ApplicationRow {
  id: string;
  ref: number;
  status: ApplicationStatus;
  summary: string;
  kind: string;
  games: string | null;
  resultDate: string;
  appliedOn: string;
  year: number;
  applicantName: string;
  eligible: boolean;
  totalFen: number;
  prefectureFen: number;
  countyFen: number;
  noticeId: string | null;
  mine: boolean;
  updatedAt: string;
}

export interface ApplicationDetail {
  id: string;
  ref: number;
  status: ApplicationStatus;
  summary: string;
  entry: EntryJson;
  applicantKind: 'coach' | 'unit';
  applicantName: string;
  mine: boolean;
  editable: boolean;
  appliedOn: string;
  resultDate: string;
  year: number;
  noticeId: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  disbursedOn: string | null;
  disbursedFen: number | null;
  disbursementVoucher: string | null;
  revokedAt: string | null;
  revocationGround: Ground | null;
  revocationReason: string | null;
  recoveryDueFen: number;
  recoveredFen: number;
  computation: ComputationView;
  people: { name: string; role: PersonRole; idNumberMasked: string }[];
  canRevealIdNumbers: boolean;
  materials: { id: string; kind: MaterialKind; mediaType: string; sizeBytes: number; storedName: string; uploadedAt: string }[];
  events: { action: string; fromStatus: string | null; toStatus: string | null; actorName: string; comment: string | null; at: string }[];
  objections: { id: string; noticeId: string; receivedOn: string; objector: string; content: string; outcome: 'dismissed' | 'upheld' | null; handling: string | null }[];
  recoveries: { amountFen: number; recoveredOn: string; note: string | null }[];
}

export type NoticeState = 'open' | 'ended' | 'reported';

export interface NoticeRow {
  id: string;
  ref: number;
  year: number;
  title: string;
  publishedOn: string;
  startsOn: string;
  endsOn: string;
  state: NoticeState;
  applications: number;
  totalFen: number;
  pendingObjections: number;
}

export interface NoticeItem {
  applicationId: string;
  ref: number;
  summary: string;
  applicantName: string;
  lines: { payee: string; role: PayeeRole; amountFen: number; funding: Funding }[];
  totalFen: number;
  status: ApplicationStatus;
}

export interface NoticeDetail {
  id: string;
  ref: number;
  year: number;
  title: string;
  publishedOn: string;
  startsOn: string;
  endsOn: string;
  days: number;
  publishedByName: string;
  reportedAt: string | null;
  state: NoticeState;
  items: NoticeItem[];
  totalFen: number;
  objections: { id: string; applicationId: string; receivedOn: string; objector: string; content: string; outcome: 'dismissed' | 'upheld' | null; handling: string | null; handledAt: string | null }[];
}

export interface AwardPlan {
  year: number;
  totalFen: number;
  prefectureFen: number;
  countyFen: number;
  byRole: { role: PayeeRole; label: string; lines: number; amountFen: number }[];
  byFunding: { funding: Funding; payer: string; amountFen: number }[];
  applications: { id: string; ref: number; status: ApplicationStatus; summary: string; applicantName: string; resultDate: string; totalFen: number; lines: { payee: string; role: PayeeRole; amountFen: number; funding: Funding; basis: string }[] }[];
}

export interface AwardLedger {
  disbursements: { applicationId: string; ref: number; summary: string; paidOn: string | null; amountFen: number; voucher: string | null; revoked: boolean }[];
  revocations: { applicationId: string; ref: number; summary: string; revokedAt: string | null; ground: Ground | null; reason: string | null; recoveryDueFen: number; recoveredFen: number; outstandingFen: number }[];
  recoveries: { applicationId: string; ref: number; amountFen: number; recoveredOn: string; note: string | null }[];
  countyObligations: { county: string; amountFen: number; lines: { amountFen: number; basis: string; applicationId: string; ref: number; summary: string; status: ApplicationStatus }[] }[];
}

export interface ImportResponse {
  rows: { row: number; entry: EntryJson & { id?: string }; computation: Omit<ComputationView, 'articles' | 'reasonRefs' | 'lines'> & { lines: Omit<LineView, 'refs'>[] } }[];
  ignoredColumns: string[];
}

// ---- paths and calls ----

export const APPLICATIONS_PATH = '/api/awards/applications';
export const applicationPath = (id: string) => `${APPLICATIONS_PATH}/${id}`;
export const listPath = (q: Record<string, QueryValue>) => withQuery(APPLICATIONS_PATH, q);
export const NOTICES_PATH = '/api/awards/notices';
export const noticePath = (id: string) => `${NOTICES_PATH}/${id}`;
export const planPath = (year: number) => `/api/awards/plans/${year}`;
export const ledgerPath = (year: number | null) => withQuery('/api/awards/ledger', { year });
export const TEMPLATE_PATH = '/api/awards/template.xlsx';

export const awardsApi = {
  compute: (entry: EntryJson) => api.post<ComputeResponse>('/api/awards/compute', { entry }),
  create: (body: { applicantKind: 'coach' | 'unit'; applicantName: string; entry: EntryJson; people: PersonInput[] }) =>
    api.post<{ id: string }>(APPLICATIONS_PATH, body),
  update: (id: string, body: { applicantKind: 'coach' | 'unit'; applicantName: string; entry: EntryJson; people: PersonInput[] }) =>
    api.patch<{ id: string }>(applicationPath(id), body),
  upload: (id: string, kind: MaterialKind, file: File) => api.upload<{ id: string }>(withQuery(`${applicationPath(id)}/materials`, { kind }), file, file.name),
  removeMaterial: (id: string, materialId: string) => api.delete(`${applicationPath(id)}/materials/${materialId}`),
  idNumbers: (id: string) => api.get<{ items: { name: string; role: PersonRole; idNumber: string }[] }>(`${applicationPath(id)}/id-numbers`),
  submit: (id: string) => api.post(`${applicationPath(id)}/submit`),
  review: (id: string, decision: 'pass' | 'return', comment: string | null) => api.post(`${applicationPath(id)}/review`, { decision, comment }),
  approve: (id: string, comment: string | null) => api.post(`${applicationPath(id)}/approve`, { comment }),
  decline: (id: string, comment: string) => api.post(`${applicationPath(id)}/decline`, { comment }),
  disburse: (id: string, paidOn: string, voucher: string) => api.post(`${applicationPath(id)}/disburse`, { paidOn, voucher }),
  revoke: (id: string, ground: Ground, reason: string) => api.post(`${applicationPath(id)}/revoke`, { ground, reason }),
  recover: (id: string, amountFen: number, recoveredOn: string, note: string | null) =>
    api.post(`${applicationPath(id)}/recoveries`, { amountFen, recoveredOn, note }),
  importSheet: (file: File) => api.upload<ImportResponse>('/api/awards/import', file, file.name),
  publishNotice: (applicationIds: string[]) => api.post<{ id: string }>(NOTICES_PATH, { applicationIds }),
  recordObjection: (noticeId: string, body: { applicationId: string; receivedOn: string; objector: string; content: string }) =>
    api.post(`${noticePath(noticeId)}/objections`, body),
  handleObjection: (objectionId: string, outcome: 'dismissed' | 'upheld', handling: string) =>
    api.post(`/api/awards/objections/${objectionId}/handle`, { outcome, handling }),
  reportNotice: (noticeId: string) => api.post<{ reported: number }>(`${noticePath(noticeId)}/report`),
};

/** The article texts a line cites, in citation order. */
export function articlesOf(refs: readonly string[], articles: readonly CitedArticle[]): CitedArticle[] {
  return refs.map((r) => articles.find((a) => a.ref === r)).filter((a): a is CitedArticle => a !== undefined);
}

/** Who may do what next on an application (the server checks again; this only shows the buttons). */
export function availableActions(d: Pick<ApplicationDetail, 'status' | 'mine' | 'editable' | 'recoveryDueFen' | 'recoveredFen'>, can: (p: string) => boolean) {
  const impartial = !d.mine;
  return {
    edit: d.editable,
    submit: d.editable,
    review: impartial && can('awards:review') && d.status === 'submitted',
    decide: impartial && can('awards:approve') && d.status === 'reported',
    disburse: impartial && can('awards:disburse') && d.status === 'approved',
    revoke: impartial && can('awards:review') && !['revoked', 'declined'].includes(d.status),
    recover: impartial && can('awards:disburse') && d.status === 'revoked' && d.recoveryDueFen > d.recoveredFen,
  };
}
