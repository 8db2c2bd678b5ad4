import type { IsoDate } from '../shared/dates.js';
import type { ApprovalFormKind } from './press-unit.js';

/**
 * A conference's 新闻发布会审批单, as a pure state machine.
 *   planned:  draft → submitted → leaderApproved → sent → filed | filedLate → held
 *   ad hoc:   requested → approvedByNewsOffice → submitted → … (the same flow)
 * An ad-hoc conference (not in the plan) needs the news office's written reply first
 * (6号文 二（二）：“需以书面形式请示州政府新闻办，待州政府新闻办批复后方可召开”).
 * The unit's 业务分管领导 can send a submitted form back to draft.
 * Filing (备案) has two steps: the unit sends the approved form to the news office (报送, the day
 * that counts against the deadline: sentOn), and the news office registers it (备案). A form sent
 * after the deadline is flagged, and the news office may still register it, with a reason.
 */
export type PressFormStatus =
  | 'requested' | 'approvedByNewsOffice' | 'draft' | 'submitted' | 'leaderApproved' | 'sent' | 'filed' | 'filedLate' | 'held';

/** unit = the publishing unit's staff; leader = its 业务分管领导; newsOffice = 州政府新闻办. */
export type PressActorRole = 'unit' | 'leader' | 'newsOffice';

export interface PressForm {
  origin: 'planned' | 'adHoc';
  kind: ApprovalFormKind;
  status: PressFormStatus;
  conferenceDate: IsoDate;
  /** The day the unit sent the approved form to the news office (judged against the deadline). */
  sentOn: IsoDate | null;
  /** The day the news office registered it. */
  filedOn: IsoDate | null;
  lateReason: string | null;
  heldOn: IsoDate | null;
  returnReason: string | null;
}

export type PressFormAction =
  | { type: 'approveRequest' }
  | { type: 'submit' }
  | { type: 'returnToDraft'; reason: string }
  | { type: 'approveByLeader' }
  | { type: 'send' }
  | { type: 'file'; lateReason?: string }
  | { type: 'hold' };

export interface PressFormContext {
  today: IsoDate;
  /** From pressFilingDeadline(conferenceDate, calendar). */
  deadline: IsoDate;
  actorRoles: readonly PressActorRole[];
}

export interface PressFormError {
  code: 'PRESS_FORM_FORBIDDEN' | 'PRESS_FORM_INVALID_TRANSITION' | 'PRESS_FORM_REASON_REQUIRED' | 'PRESS_FORM_TOO_EARLY';
  message: string;
}

export const PRESS_FORM_STATUS_LABELS: Record<PressFormStatus, string> = {
  requested: '已请示', approvedByNewsOffice: '新闻办已批复', draft: '草稿', submitted: '已提交',
  leaderApproved: '分管领导已审定', sent: '已报送备案', filed: '已备案', filedLate: '逾期备案', held: '已召开',
};

const RULES: Record<PressFormAction['type'], { label: string; from: PressFormStatus[]; roles: PressActorRole[] }> = {
  approveRequest: { label: '批复临时新闻发布会请示', from: ['requested'], roles: ['newsOffice'] },
  submit: { label: '提交审批单', from: ['draft', 'approvedByNewsOffice'], roles: ['unit'] },
  returnToDraft: { label: '退回修改', from: ['submitted'], roles: ['leader'] },
  approveByLeader: { label: '分管领导审定', from: ['submitted'], roles: ['leader'] },
  send: { label: '报送新闻办备案', from: ['leaderApproved'], roles: ['unit'] },
  file: { label: '登记备案', from: ['sent'], roles: ['newsOffice'] },
  hold: { label: '登记已召开', from: ['filed', 'filedLate'], roles: ['unit', 'newsOffice'] },
};

export function newPressForm(origin: PressForm['origin'], kind: ApprovalFormKind, conferenceDate: IsoDate): PressForm {
  const status: PressFormStatus = origin === 'adHoc' ? 'requested' : 'draft';
  return { origin, kind, status, conferenceDate, sentOn: null, filedOn: null, lateReason: null, heldOn: null, returnReason: null };
}

export function isPressFormError(result: PressForm | PressFormError): result is PressFormError {
  return 'code' in result;
}

export function transitionPressForm(form: PressForm, action: PressFormAction, context: PressFormContext): PressForm | PressFormError {
  const rule = RULES[action.type];
  if (!rule.roles.some((role) => context.actorRoles.includes(role))) {
    return { code: 'PRESS_FORM_FORBIDDEN', message: `当前身份无权执行“${rule.label}”` };
  }
  if (!rule.from.includes(form.status)) {
    const status = PRESS_FORM_STATUS_LABELS[form.status];
    return { code: 'PRESS_FORM_INVALID_TRANSITION', message: `审批单当前状态为“${status}”，不能执行“${rule.label}”` };
  }
  switch (action.type) {
    case 'approveRequest':
      return { ...form, status: 'approvedByNewsOffice' };
    case 'submit':
      return { ...form, status: 'submitted' };
    case 'approveByLeader':
      return { ...form, status: 'leaderApproved', returnReason: null };
    case 'returnToDraft':
      if (!action.reason.trim()) return { code: 'PRESS_FORM_REASON_REQUIRED', message: '退回修改须说明原因' };
      return { ...form, status: 'draft', returnReason: action.reason.trim() };
    case 'send':
      return { ...form, status: 'sent', sentOn: context.today };
    case 'file':
      return fileForm(form, action.lateReason, context);
    case 'hold':
      if (context.today < form.conferenceDate) {
        return { code: 'PRESS_FORM_TOO_EARLY', message: `新闻发布会日期（${form.conferenceDate}）未到，不能登记为已召开` };
      }
      return { ...form, status: 'held', heldOn: context.today };
  }
}

/** Whether the form reached the news office after the deadline (or has not reached it and the deadline is past). */
export function isFiledLate(form: Pick<PressForm, 'sentOn'>, deadline: IsoDate, today: IsoDate): boolean {
  return (form.sentOn ?? today) > deadline;
}

/** On time or late is judged by the day the unit sent the form, not by the day the news office registers it. */
function fileForm(form: PressForm, lateReason: string | undefined, { today, deadline }: PressFormContext): PressForm | PressFormError {
  if (!isFiledLate(form, deadline, today)) return { ...form, status: 'filed', filedOn: today };
  const reason = lateReason?.trim();
  if (!reason) {
    return { code: 'PRESS_FORM_REASON_REQUIRED', message: `报送时已超过备案时限（${deadline}），受理逾期备案须填写原因` };
  }
  return { ...form, status: 'filedLate', filedOn: today, lateReason: reason };
}
