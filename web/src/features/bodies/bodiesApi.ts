import { api, withQuery } from '../../api';

/** Shapes of the bodies API (src/server/routes/directory.routes.ts) and pure helpers for the pages. */

export type Rank = 'leader' | 'deputy' | 'member';

export const RANK_LABELS: Record<Rank, string> = { leader: '领导', deputy: '副职', member: '成员' };

export interface BodySummary {
  id: string;
  name: string;
  automaticSuccession: boolean;
  versions: number;
  day: string;
  docNumber: string | null;
  validFrom: string | null;
  members: number;
  leaders: { name: string; role: string }[];
  liaisons: number;
  officeUnit: string | null;
}

export interface OfficeHolder {
  name: string | null;
  position: string | null;
  personId: string | null;
}

export interface Office {
  unit: string;
  organizationId: string | null;
  director: OfficeHolder | null;
  deputyDirectors: OfficeHolder[];
  line: number;
}

export interface BodyVersion {
  id: string;
  version: number;
  documentId: string;
  docNumber: string;
  headingLine: number;
  validFrom: string;
  validTo: string | null;
  office: Office | null;
  liaisonDuties: string[];
}

export interface RosterMember {
  membershipId: string;
  personId: string;
  name: string;
  role: string;
  rank: Rank;
  position: string;
  seat: number;
  validFrom: string;
  validTo: string | null;
  documentId: string | null;
  docNumber: string | null;
  line: number | null;
  succeeded: { personId: string; name: string } | null;
}

export interface RosterLiaison {
  personId: string;
  name: string;
  position: string;
  unit: string;
  organizationId: string | null;
  seat: number;
  line: number;
}

export interface Roster {
  day: string;
  version: BodyVersion | null;
  members: RosterMember[];
  liaisons: RosterLiaison[];
}

export interface BodyDetail extends Roster {
  id: string;
  name: string;
  organizationId: string;
  automaticSuccession: boolean;
  versions: BodyVersion[];
}

export interface RosterDiff {
  added: RosterMember[];
  removed: RosterMember[];
  changed: { before: RosterMember; after: RosterMember; changes: ('role' | 'position')[] }[];
  unchanged: number;
}

export type DutyReportStatus = 'pending' | 'submitted' | 'accepted' | 'returned';

export const DUTY_REPORT_STATUS: Record<DutyReportStatus, { text: string; color: string }> = {
  pending: { text: '待报送', color: 'default' },
  submitted: { text: '已报送', color: 'processing' },
  accepted: { text: '已审核通过', color: 'success' },
  returned: { text: '已退回', color: 'warning' },
};

export interface DutyReport {
  id: string;
  organizationId: string;
  organization: string;
  year: number;
  dueOn: string;
  status: DutyReportStatus;
  overdue: boolean;
  submittedOn: string | null;
  submittedBy: string | null;
  fileName: string | null;
  fileSize: number | null;
  reviewNote: string | null;
  reviewedBy: string | null;
}

export type RectificationStatus = 'open' | 'plan-submitted' | 'report-submitted' | 'closed';

export const RECTIFICATION_STATUS: Record<RectificationStatus, { text: string; color: string }> = {
  open: { text: '待报整改方案', color: 'default' },
  'plan-submitted': { text: '整改中', color: 'processing' },
  'report-submitted': { text: '已报整改报告', color: 'warning' },
  closed: { text: '已销号', color: 'success' },
};

export const RECTIFICATION_ACTIONS: Record<string, string> = {
  create: '登记',
  'submit-plan': '报送整改方案',
  'submit-report': '报送整改报告',
  close: '销号',
  reopen: '退回重新整改',
};

export interface Rectification {
  id: string;
  organizationId: string;
  organization: string;
  title: string;
  raisedBy: string;
  raisedOn: string;
  dueOn: string | null;
  status: RectificationStatus;
  overdue: boolean;
  plan: string | null;
  report: string | null;
  closedOn: string | null;
  closingNote: string | null;
  history: { at: string; by: string; action: string; note: string | null }[];
}

export const bodyPath = (id: string, on?: string) => withQuery(`/api/bodies/${id}`, { on });
export const diffPath = (id: string, from: string, to: string) => withQuery(`/api/bodies/${id}/diff`, { from, to });
export const exportPath = (id: string, format: 'xlsx' | 'docx', on: string) => withQuery(`/api/bodies/${id}/export.${format}`, { on });
export const dutyReportsPath = (id: string, year: number) => withQuery(`/api/bodies/${id}/duty-reports`, { year });

export const bodiesApi = {
  openDutyReports: (bodyId: string, year: number, dueOn: string) => api.post<{ created: number; existing: number }>(`/api/bodies/${bodyId}/duty-reports`, { year, dueOn }),
  submitDutyReport: (id: string, file: { fileName: string; contentType: string; contentBase64: string }) => api.post<{ status: string }>(`/api/duty-reports/${id}/submit`, file),
  reviewDutyReport: (id: string, decision: 'accept' | 'return', note?: string) => api.post<{ status: string }>(`/api/duty-reports/${id}/review`, { decision, note: note || null }),
  createRectification: (bodyId: string, input: { organizationId: string; title: string; raisedBy: string; raisedOn: string; dueOn: string | null }) =>
    api.post<{ id: string }>(`/api/bodies/${bodyId}/rectifications`, input),
  progressRectification: (id: string, action: 'submit-plan' | 'submit-report', text: string) => api.post<{ status: string }>(`/api/rectifications/${id}/progress`, { action, text }),
  reviewRectification: (id: string, action: 'close' | 'reopen', text?: string) => api.post<{ status: string }>(`/api/rectifications/${id}/review`, { action, text: text || null }),
};

export interface RankGroup {
  rank: Rank;
  /** The role words of the group as the document writes them: 副指挥长, or 组长、第一副组长. */
  roles: string[];
  members: RosterMember[];
}

/** The roster grouped by rank (leader, deputies, members), document order kept inside each group. */
export function groupByRank(members: readonly RosterMember[]): RankGroup[] {
  return (['leader', 'deputy', 'member'] as const)
    .map((rank) => {
      const inRank = members.filter((m) => m.rank === rank);
      return { rank, roles: [...new Set(inRank.map((m) => m.role))], members: inRank };
    })
    .filter((g) => g.members.length > 0);
}

/** The office as one sentence of the notice: 办公室设在…，主任…，副主任…. */
export function officeSummary(office: Office): string {
  const who = (h: OfficeHolder) => h.name ?? h.position ?? '（未注明）';
  const parts = [`办公室设在${office.unit}`];
  if (office.director) parts.push(`主任：${who(office.director)}`);
  if (office.deputyDirectors.length > 0) parts.push(`副主任：${office.deputyDirectors.map(who).join('、')}`);
  return parts.join('；');
}

/** Reads a chosen file as base64 (the API takes JSON). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('文件读取失败'));
    reader.readAsDataURL(file);
  });
}
