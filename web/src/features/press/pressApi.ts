import { api, withQuery } from '../../api';

/** Shapes of the press API (src/server/routes/press.routes.ts) and pure helpers for the pages. */

export type FormStatus = 'requested' | 'approvedByNewsOffice' | 'draft' | 'submitted' | 'leaderApproved' | 'sent' | 'filed' | 'filedLate' | 'held';
export type FormAction = 'approveRequest' | 'submit' | 'approveByLeader' | 'returnToDraft' | 'send' | 'file' | 'hold';
export type FormKind = 'prefecture-department' | 'county';
export type AttachmentKind = 'release' | 'qa' | 'request';

export const STATUS_LABELS: Record<FormStatus, string> = {
  requested: '已请示', approvedByNewsOffice: '新闻办已批复', draft: '草稿', submitted: '待分管领导审定',
  leaderApproved: '分管领导已审定', sent: '已报送，待备案', filed: '已备案', filedLate: '逾期备案', held: '已召开',
};
export const STATUS_COLORS: Record<FormStatus, string> = {
  requested: 'purple', approvedByNewsOffice: 'geekblue', draft: 'default', submitted: 'processing', leaderApproved: 'cyan',
  sent: 'blue', filed: 'green', filedLate: 'orange', held: 'success',
};
export const ACTION_LABELS: Record<FormAction, string> = {
  approveRequest: '批复请示', submit: '提交分管领导审定', approveByLeader: '审定同意', returnToDraft: '退回修改',
  send: '报送新闻办备案', file: '登记备案', hold: '登记已召开',
};
/** URL segment of each action (POST /api/press/forms/:id/<segment>). */
export const ACTION_PATHS: Record<FormAction, string> = {
  approveRequest: 'approve-request', submit: 'submit', approveByLeader: 'approve', returnToDraft: 'return', send: 'send', file: 'file', hold: 'hold',
};
export const KIND_LABELS: Record<FormKind, string> = { 'prefecture-department': '州直部门（单位）', county: '县（市）' };
export const ATTACHMENT_LABELS: Record<AttachmentKind, string> = { release: '新闻发布稿', qa: '答记者问', request: '书面请示' };

export interface FormSummary {
  id: string;
  status: FormStatus;
  conferenceDate: string;
  startTime: string | null;
  endTime: string | null;
  venue: string;
  sentOn: string | null;
  filedOn: string | null;
  heldOn: string | null;
  deadline: string | null;
  calendarProblem: string | null;
  late: boolean;
}

export interface Conference {
  id: string;
  origin: 'planned' | 'adHoc';
  seq: number | null;
  month: string;
  topic: string;
  unit: string;
  organizationId: string;
  organizationName: string;
  formKind: FormKind;
  ownUnit: boolean;
  form: FormSummary | null;
}

export interface FormDetail extends FormSummary {
  kind: FormKind;
  host: string | null;
  attendingLeaders: string | null;
  topic: string;
  printedCopiesConfirmed: boolean;
  printedCopies: number;
  requestText: string | null;
  requestReply: string | null;
  returnReason: string | null;
  lateReason: string | null;
  createdBy: string | null;
  leaderApprovedBy: string | null;
  filedBy: string | null;
  updatedAt: string;
  conference: { id: string; origin: 'planned' | 'adHoc'; seq: number | null; month: string; topic: string; unit: string; organizationId: string; organizationName: string };
  plan: { year: number; docNumber: string | null } | null;
  attachments: { id: string; kind: AttachmentKind; fileName: string; originalName: string; contentType: string; size: number; uploadedAt: string }[];
  notifications: { id: string; notifiedOn: string; media: string[]; note: string | null }[];
  actions: FormAction[];
  editable: boolean;
}

export interface Reminder {
  kind: 'deadline' | 'overdue' | 'noForm' | 'calendar';
  conferenceId: string;
  formId: string | null;
  topic: string;
  organizationName: string;
  message: string;
  deadline: string | null;
  workdaysLeft: number | null;
}

export interface UnitStatistics {
  unit: string;
  planned: number;
  heldAsPlanned: number;
  heldInPlannedMonth: number;
  overdue: number;
  upcoming: number;
  heldAdHoc: number;
}

export interface Media {
  id: string;
  name: string;
  contact: string | null;
  phone: string | null;
  active: boolean;
}

export interface FormFields {
  conferenceDate?: string;
  startTime?: string | null;
  endTime?: string | null;
  venue?: string;
  host?: string | null;
  attendingLeaders?: string | null;
  topic?: string;
  printedCopiesConfirmed?: boolean;
}

export const conferencesPath = (year: number) => withQuery('/api/press/conferences', { year });
export const statisticsPath = (year: number) => withQuery('/api/press/statistics', { year });

/** The year's conferences by month (1–12), for the calendar view; a known date sorts first within its month. */
export function conferencesByMonth(items: readonly Conference[]): Map<number, Conference[]> {
  const byMonth = new Map<number, Conference[]>();
  for (let m = 1; m <= 12; m += 1) byMonth.set(m, []);
  for (const c of items) {
    const month = Number((c.form?.conferenceDate ?? c.month).slice(5, 7));
    byMonth.get(month)?.push(c);
  }
  for (const list of byMonth.values()) {
    list.sort((a, b) => (a.form?.conferenceDate ?? '9999').localeCompare(b.form?.conferenceDate ?? '9999') || (a.seq ?? 99) - (b.seq ?? 99));
  }
  return byMonth;
}

/** What still blocks submitting the form (the server checks the same list). */
export function missingForSubmit(form: FormDetail): string[] {
  const missing: string[] = [];
  if (!form.startTime) missing.push('发布时间');
  if (!form.host) missing.push('主持人');
  if (!form.attendingLeaders) missing.push('出席领导');
  if (!form.attachments.some((a) => a.kind === 'release')) missing.push('新闻发布稿');
  if (!form.attachments.some((a) => a.kind === 'qa')) missing.push('答记者问');
  if (!form.printedCopiesConfirmed) missing.push(`书面材料（${form.printedCopies}份）确认`);
  return missing;
}

/** The form's rows as printed (same order as the Word file, src/services/press/form-docx.ts). */
export function printRows(form: FormDetail): [string, string][] {
  const cn = (date: string | null) => {
    if (!date) return '';
    const [y, m, d] = date.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  };
  const files = (kind: AttachmentKind) => {
    const names = form.attachments.filter((a) => a.kind === kind).map((a) => a.fileName);
    return names.length ? `已附（${names.join('、')}）` : '未附';
  };
  const filing = form.filedOn
    ? `${form.status === 'filedLate' ? `逾期备案，原因：${form.lateReason ?? ''}` : '已备案'}（${cn(form.filedOn)}${form.filedBy ? `，${form.filedBy}` : ''}）`
    : form.sentOn ? `已报送（${cn(form.sentOn)}），待备案` : '';
  return [
    ['发布单位', form.conference.organizationName],
    ['发布主题', form.topic],
    ['发布时间', `${cn(form.conferenceDate)}${form.startTime ? ` ${form.startTime}${form.endTime ? `—${form.endTime}` : ''}` : ''}`],
    ['发布地点', form.venue],
    ['主持人', form.host ?? ''],
    ['出席领导', form.attendingLeaders ?? ''],
    ['新闻发布稿', files('release')],
    ['答记者问', files('qa')],
    [`书面材料（${form.printedCopies}份）`, form.printedCopiesConfirmed ? '已准备' : '未确认'],
    ['备案时限', form.deadline ? cn(form.deadline) : (form.calendarProblem ?? '')],
    ['单位分管领导意见', form.leaderApprovedBy ? `同意。（${form.leaderApprovedBy}）` : ''],
    ['州政府新闻办备案', filing],
    ['当前状态', STATUS_LABELS[form.status]],
  ];
}

export function formTitle(form: FormDetail): string {
  const year = form.plan?.year ?? Number(form.conferenceDate.slice(0, 4));
  return `${year}年${form.kind === 'county' ? '州直县（市）' : '州直部门（单位）'}新闻发布会审批单`;
}

export const pressApi = {
  createForm: (conferenceId: string, fields: FormFields & { conferenceDate: string }) => api.post<{ id: string }>(`/api/press/conferences/${conferenceId}/form`, fields),
  requestAdHoc: (body: { conferenceDate: string; topic: string; requestText: string; startTime?: string | null }) => api.post<{ id: string }>('/api/press/ad-hoc', body),
  updateForm: (id: string, fields: FormFields & { requestText?: string }) => api.patch<{ id: string }>(`/api/press/forms/${id}`, fields),
  act: (id: string, action: FormAction, body?: Record<string, unknown>) =>
    api.post<{ id: string; status: FormStatus; late: boolean }>(`/api/press/forms/${id}/${ACTION_PATHS[action]}`, body ?? (action === 'file' || action === 'approveRequest' ? {} : undefined)),
  upload: (id: string, kind: AttachmentKind, file: File) => api.upload<{ id: string; fileName: string }>(`/api/press/forms/${id}/attachments/${kind}`, file, file.name),
  removeAttachment: (id: string) => api.delete<{ id: string }>(`/api/press/attachments/${id}`),
  notify: (id: string, mediaIds: string[], note: string | null) => api.post<{ id: string }>(`/api/press/forms/${id}/notifications`, { mediaIds, note }),
  addMedia: (body: { name: string; contact?: string | null; phone?: string | null }) => api.post<{ id: string }>('/api/press/media', body),
  updateMedia: (id: string, body: Partial<Omit<Media, 'id'>>) => api.patch<{ id: string }>(`/api/press/media/${id}`, body),
  feedInfo: () => api.get<{ organizationId: string; exists: boolean; createdAt: string | null }>('/api/press/feed'),
  createFeed: () => api.post<{ organizationId: string; token: string; path: string }>('/api/press/feed'),
};
