/**
 * The award procedure of Ch. 8–9 (第十九条 application, review, 7-day public notice, approval by the
 * prefecture government; 第二十一条至第二十三条 revocation) as a state machine: plain data plus a
 * few pure checks. The services run each transition as one conditional UPDATE on `status`.
 */
import { addDays, type IsoDate } from '../shared/dates.js';
import type { PayeeRole } from './types.js';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'reviewed',
  'in-notice',
  'reported',
  'approved',
  'declined',
  'disbursed',
  'revoked',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const STATUS_LABEL: Readonly<Record<ApplicationStatus, string>> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '退回修改',
  reviewed: '审核通过待公示',
  'in-notice': '公示中',
  reported: '已报州政府审批',
  approved: '已批准',
  declined: '未予批准',
  disbursed: '已拨付',
  revoked: '已撤销',
};

export type AwardAction =
  | 'submit'
  | 'review-pass'
  | 'review-return'
  | 'publish-notice'
  | 'uphold-objection'
  | 'report'
  | 'approve'
  | 'decline'
  | 'disburse'
  | 'revoke';

export interface Transition {
  readonly from: readonly ApplicationStatus[];
  readonly to: ApplicationStatus;
  /** 提交申请, 审核通过 …: used in messages and the application's history. */
  readonly label: string;
  /** Decisions the applicant may not take on their own application. */
  readonly impartial: boolean;
}

export const TRANSITIONS: Readonly<Record<AwardAction, Transition>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', label: '提交申请', impartial: false },
  'review-pass': { from: ['submitted'], to: 'reviewed', label: '审核通过', impartial: true },
  'review-return': { from: ['submitted'], to: 'returned', label: '退回修改', impartial: true },
  'publish-notice': { from: ['reviewed'], to: 'in-notice', label: '发布公示', impartial: true },
  // An objection found valid sends the application back; fraud itself is a revocation (第二十一条).
  'uphold-objection': { from: ['in-notice'], to: 'returned', label: '异议成立，退回修改', impartial: true },
  report: { from: ['in-notice'], to: 'reported', label: '公示无异议，报州人民政府审批', impartial: true },
  approve: { from: ['reported'], to: 'approved', label: '批准', impartial: true },
  decline: { from: ['reported'], to: 'declined', label: '不予批准', impartial: true },
  disburse: { from: ['approved'], to: 'disbursed', label: '拨付', impartial: true },
  // 第二十一条至第二十三条: at any stage, after disbursement too (the money is then recovered).
  revoke: {
    from: ['draft', 'submitted', 'returned', 'reviewed', 'in-notice', 'reported', 'approved', 'disbursed'],
    to: 'revoked',
    label: '撤销奖励',
    impartial: true,
  },
};

export function canTransition(action: AwardAction, status: ApplicationStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** Why `action` is not possible now, in Chinese. */
export function transitionRefusal(action: AwardAction, status: ApplicationStatus): string {
  const t = TRANSITIONS[action];
  const allowed = t.from.map((s) => STATUS_LABEL[s]).join('、');
  return `申请当前状态为“${STATUS_LABEL[status]}”，不能${t.label}（仅限：${allowed}）`;
}

/** The application may be edited (entry, people, materials) by its applicant in these states. */
export function isEditable(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/**
 * The public-notice period (第十九条 "进行7天公示"). The office's reading: 7 consecutive calendar days
 * (the article says 天, not 工作日, so holidays are not skipped), and — as for any period counted in days
 * (民法典第二百零一条) — the day of publication is not counted: published on 2023-09-01, the notice runs
 * 2023-09-02 to 2023-09-08, objections are accepted to the end of 09-08, and the list may be reported to
 * the prefecture government from 09-09.
 */
export interface NoticePeriod {
  readonly publishedOn: IsoDate;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly days: number;
}

export function noticePeriod(publishedOn: IsoDate, days: number): NoticePeriod {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`公示天数无效：${days}`);
  return { publishedOn, startsOn: addDays(publishedOn, 1), endsOn: addDays(publishedOn, days), days };
}

/** True once the last day of the notice has passed. */
export function noticeEnded(period: Pick<NoticePeriod, 'endsOn'>, today: IsoDate): boolean {
  return today > period.endsOn;
}

/** Objections are received from publication to the end of the last day. */
export function noticeOpen(period: Pick<NoticePeriod, 'publishedOn' | 'endsOn'>, day: IsoDate): boolean {
  return day >= period.publishedOn && day <= period.endsOn;
}

/** 第十九条 materials: 比赛成绩册、秩序册或获奖证书及身份证. */
export const MATERIAL_KINDS = ['results-book', 'order-book', 'certificate', 'id-card'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const MATERIAL_LABEL: Readonly<Record<MaterialKind, string>> = {
  'results-book': '比赛成绩册',
  'order-book': '秩序册',
  certificate: '获奖证书',
  'id-card': '身份证复印件',
};

/**
 * What is missing before an application can be submitted. The office's reading of "比赛成绩册、秩序册或
 * 获奖证书及身份证": at least one proof of the result (成绩册, 秩序册 or 获奖证书) and the ID card copy.
 */
export function missingMaterials(present: readonly MaterialKind[]): string[] {
  const missing: string[] = [];
  if (!present.some((k) => k === 'results-book' || k === 'order-book' || k === 'certificate')) {
    missing.push('比赛成绩册、秩序册或获奖证书（至少一项）');
  }
  if (!present.includes('id-card')) missing.push(MATERIAL_LABEL['id-card']);
  return missing;
}

export const PAYEE_ROLE_LABEL: Readonly<Record<PayeeRole, string>> = {
  athlete: '运动员',
  team: '运动队',
  head: '现任主管教练员',
  original: '原培养、输送教练员',
  assistant: '助理教练员',
  county: '原基层输送单位（县市追踪奖）',
  collective: '体育道德风尚奖先进集体',
};

export const PAYEE_ROLES: readonly PayeeRole[] = ['athlete', 'team', 'head', 'original', 'assistant', 'county', 'collective'];
