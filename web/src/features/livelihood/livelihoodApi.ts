import { api, withQuery } from '../../api';

/** Shapes of the livelihood API (src/server/routes/livelihood.routes.ts) and pure helpers for the pages. */

export type Light = 'green' | 'yellow' | 'red';
export type ReportState = 'onTime' | 'late' | 'missing' | 'pending';

export const LIGHT_LABELS: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
export const LIGHT_COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
export const LIGHT_TAG_COLORS: Record<Light, string> = { green: 'success', yellow: 'warning', red: 'error' };
export const REPORT_STATE_LABELS: Record<ReportState, string> = { onTime: '按时报送', late: '逾期报送', missing: '未报送', pending: '待报送' };
export const REPORT_STATE_COLORS: Record<ReportState, string> = { onTime: 'success', late: 'warning', missing: 'error', pending: 'default' };

export interface Reason {
  light: Light;
  code: string;
  message: string;
}

export interface Milestone {
  text: string;
  date: string;
  kind: 'on' | 'by' | 'during';
  from?: string;
}

export interface Target {
  id: string;
  text: string;
  value: number;
  unit: string;
}

export interface MeasureSummary {
  id: string;
  projectId: string;
  projectNo: number;
  projectTitle: string;
  no: number;
  text: string;
  units: string[];
  organizationIds: string[];
  leadLeader: string | null;
  responsibleLeader: string | null;
  deadline: string | null;
  light: Light;
  reasons: Reason[];
  progressPercent: number;
  elapsedPercent: number | null;
  lastReportPeriod: string | null;
}

export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
}

export interface ProjectsResponse {
  plan: { id: string; year: number; docNumber: string | null; reportingStartsOn: string };
  today: string;
  /** Years the lights used with national holidays only (the region's not entered yet). */
  calendarWarnings: string[];
  projects: { id: string; no: number; title: string; targetText: string; targets: Target[]; lights: LightCounts; measures: MeasureSummary[] }[];
}

export interface Supervision {
  id: string;
  measureId: string;
  projectNo: number;
  projectTitle: string;
  measureNo: number;
  status: 'open' | 'closed';
  openedOn: string;
  reasons: string[];
  visitOn: string | null;
  findings: string | null;
  followUp: string | null;
  closedOn: string | null;
  openedBy: string;
  updatedBy: string | null;
}

export interface MeasureDetail extends MeasureSummary {
  calendarWarnings: string[];
  milestones: Milestone[];
  fundings: { text: string; fen: number; per: string | null }[];
  deadlineText: string | null;
  targets: Target[];
  reports: {
    id: string; unit: string; organizationId: string; period: string; submittedOn: string; progressPercent: number; narrative: string;
    indicators: { targetId: string; value: number }[]; milestonesDone: string[]; revision: number; submittedBy: string | null;
    attachments: { id: string; fileName: string; size: number }[];
  }[];
  supervisions: Supervision[];
}

export interface DashboardData {
  today: string;
  calendarWarnings: string[];
  plan: { year: number; docNumber: string | null };
  totals: LightCounts;
  byProject: ({ no: number; title: string } & LightCounts)[];
  byDepartment: ({ organizationId: string; name: string } & LightCounts)[];
  targets: { projectNo: number; targetId: string; text: string; context: string; value: number; unit: string; reached: number | null; percent: number | null }[];
  /** Red or overdue measures, each once. */
  attention: AttentionItem[];
}

/** The dashboard's two lists: overdue measures, and red ones (an overdue measure is red, so it is in both). */
export function attentionLists(data: Pick<DashboardData, 'attention'>): { overdue: AttentionItem[]; red: AttentionItem[] } {
  return { overdue: data.attention.filter((m) => m.overdue), red: data.attention.filter((m) => m.light === 'red') };
}

/** A measure the dashboard lists: red, overdue or both (its red reasons only). */
export interface AttentionItem {
  id: string;
  projectNo: number;
  no: number;
  units: string[];
  deadline: string | null;
  progressPercent: number;
  light: Light;
  overdue: boolean;
  reasons: { code: string; message: string }[];
}

export interface MyTask extends MeasureSummary {
  milestones: Milestone[];
  ownProgressPercent: number | null;
  periodReport: { id: string; submittedOn: string; late: boolean } | null;
  currentReport: { id: string; submittedOn: string } | null;
  periodRequired: boolean;
}

export interface MyTasksResponse {
  organization: string;
  today: string;
  calendarWarnings: string[];
  period: string;
  dueOn: string;
  items: MyTask[];
}

export interface ReportingResponse {
  period: string;
  dueOn: string | null;
  counts: { due: number; onTime: number; late: number; missing: number; pending: number };
  items: { projectNo: number; projectTitle: string; measureId: string; measureNo: number; unit: string; state: ReportState; submittedOn: string | null; progressPercent: number | null }[];
}

export interface ReportBody {
  period: string;
  progressPercent: number;
  narrative: string;
  indicators: { targetId: string; value: number }[];
  milestonesDone: string[];
}

/** `2023-03` → `2023年3月`. */
export function periodLabel(period: string): string {
  return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
}

/** The month before `today`'s, and the months a unit may report on (plan year, up to this month), newest first. */
export function reportablePeriods(today: string, planYear: number, startsOn: string): string[] {
  const periods: string[] = [];
  const last = today.slice(0, 7) < `${planYear}-12` ? today.slice(0, 7) : `${planYear}-12`;
  for (let m = 12; m >= 1; m -= 1) {
    const p = `${planYear}-${String(m).padStart(2, '0')}`;
    if (p <= last && p >= startsOn.slice(0, 7)) periods.push(p);
  }
  return periods;
}

/** Measures ordered worst light first, then by project and number. */
export function byUrgency<T extends Pick<MeasureSummary, 'light' | 'projectNo' | 'no'>>(items: readonly T[]): T[] {
  const rank: Record<Light, number> = { red: 0, yellow: 1, green: 2 };
  return [...items].sort((a, b) => rank[a.light] - rank[b.light] || a.projectNo - b.projectNo || a.no - b.no);
}

export const quarterlyPath = (format: 'xlsx' | 'docx', year: number, quarter: number, project: number) =>
  withQuery(`/api/livelihood/quarterly.${format}`, { year, quarter, project });

export const livelihoodApi = {
  report: (measureId: string, body: ReportBody) => api.post<{ id: string; revision: number }>(`/api/livelihood/measures/${measureId}/reports`, body),
  attach: (reportId: string, file: File) => api.upload<{ id: string; fileName: string }>(`/api/livelihood/reports/${reportId}/attachments`, file, file.name),
  openSupervision: (measureId: string) => api.post<{ id: string }>(`/api/livelihood/measures/${measureId}/supervisions`),
  recordSupervision: (id: string, body: { visitOn?: string | null; findings?: string | null; followUp?: string | null }) => api.patch<{ id: string }>(`/api/livelihood/supervisions/${id}`, body),
  closeSupervision: (id: string) => api.post<{ id: string }>(`/api/livelihood/supervisions/${id}/close`),
  refreshLights: () => api.post<{ skipped: string | null; measures: number; red: number; supervisionsOpened: number }>('/api/livelihood/lights/refresh'),
  setReportingStart: (planId: string, reportingStartsOn: string) => api.patch<{ id: string }>(`/api/livelihood/plans/${planId}`, { reportingStartsOn }),
};
