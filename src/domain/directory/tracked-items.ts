import type { IsoDate } from '../shared/dates.js';

/**
 * The liaison system's tracked items (伊州政办函〔2023〕22号, 联络员工作职责 (二) and (五)):
 * each member unit's yearly report on its education duties, and rectification items (整改)
 * raised by higher authorities, tracked to closure. Plain state machines; the date is an argument.
 */

export type DutyReportStatus = 'pending' | 'submitted' | 'accepted' | 'returned';
export type DutyReportAction = 'submit' | 'accept' | 'return';

export const DUTY_REPORT_STATUS_LABELS: Readonly<Record<DutyReportStatus, string>> = {
  pending: '待报送',
  submitted: '已报送',
  accepted: '已审核通过',
  returned: '已退回',
};

const DUTY_REPORT_MOVES: Readonly<Record<DutyReportAction, { from: readonly DutyReportStatus[]; to: DutyReportStatus; verb: string }>> = {
  submit: { from: ['pending', 'returned'], to: 'submitted', verb: '报送' },
  accept: { from: ['submitted'], to: 'accepted', verb: '审核通过' },
  return: { from: ['submitted'], to: 'returned', verb: '退回' },
};

/** The status after `action`, or a Chinese reason why the action is not possible now. */
export function moveDutyReport(status: DutyReportStatus, action: DutyReportAction): { ok: true; status: DutyReportStatus } | { ok: false; reason: string } {
  const move = DUTY_REPORT_MOVES[action];
  if (move.from.includes(status)) return { ok: true, status: move.to };
  return { ok: false, reason: `履职报告当前为“${DUTY_REPORT_STATUS_LABELS[status]}”，不能${move.verb}` };
}

/** Past its due date and not handed in (or handed back): overdue. */
export function isDutyReportOverdue(item: { status: DutyReportStatus; dueOn: IsoDate }, today: IsoDate): boolean {
  return (item.status === 'pending' || item.status === 'returned') && today > item.dueOn;
}

export type RectificationStatus = 'open' | 'plan-submitted' | 'report-submitted' | 'closed';
export type RectificationAction = 'submit-plan' | 'submit-report' | 'close' | 'reopen';

export const RECTIFICATION_STATUS_LABELS: Readonly<Record<RectificationStatus, string>> = {
  open: '待报整改方案',
  'plan-submitted': '整改中（已报方案）',
  'report-submitted': '已报整改报告',
  closed: '已销号',
};

const RECTIFICATION_MOVES: Readonly<Record<RectificationAction, { from: readonly RectificationStatus[]; to: RectificationStatus; verb: string }>> = {
  'submit-plan': { from: ['open', 'plan-submitted'], to: 'plan-submitted', verb: '报送整改方案' },
  'submit-report': { from: ['plan-submitted', 'report-submitted'], to: 'report-submitted', verb: '报送整改报告' },
  close: { from: ['report-submitted'], to: 'closed', verb: '销号' },
  reopen: { from: ['report-submitted', 'closed'], to: 'plan-submitted', verb: '退回重新整改' },
};

export function moveRectification(
  status: RectificationStatus,
  action: RectificationAction,
): { ok: true; status: RectificationStatus } | { ok: false; reason: string } {
  const move = RECTIFICATION_MOVES[action];
  if (move.from.includes(status)) return { ok: true, status: move.to };
  return { ok: false, reason: `整改事项当前为“${RECTIFICATION_STATUS_LABELS[status]}”，不能${move.verb}` };
}

/** Not closed and past its deadline (a rectification without a deadline is never overdue). */
export function isRectificationOverdue(item: { status: RectificationStatus; dueOn: IsoDate | null }, today: IsoDate): boolean {
  return item.status !== 'closed' && item.dueOn !== null && today > item.dueOn;
}
