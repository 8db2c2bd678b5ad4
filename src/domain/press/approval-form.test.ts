import { describe, expect, it } from 'vitest';
import {
  isPressFormError, newPressForm, transitionPressForm,
  type PressActorRole, type PressForm, type PressFormAction, type PressFormStatus,
} from './approval-form.js';

const ctx = (today: string, ...actorRoles: PressActorRole[]) => ({ today, deadline: '2023-04-20', actorRoles });
const planned = newPressForm('planned', 'prefecture-department', '2023-05-04');
const at = (status: PressFormStatus, extra: Partial<PressForm> = {}): PressForm => ({ ...planned, status, ...extra });

function run(form: PressForm, steps: [PressFormAction, ReturnType<typeof ctx>][]): PressForm {
  return steps.reduce((current, [action, context]) => {
    const next = transitionPressForm(current, action, context);
    if (isPressFormError(next)) throw new Error(next.message);
    return next;
  }, form);
}

describe('press approval form', () => {
  it('runs the planned flow on time', () => {
    const held = run(planned, [
      [{ type: 'submit' }, ctx('2023-04-10', 'unit')],
      [{ type: 'approveByLeader' }, ctx('2023-04-12', 'leader')],
      [{ type: 'send' }, ctx('2023-04-20', 'unit')],
      // registered after the deadline, but it reached the news office on the last day: on time
      [{ type: 'file' }, ctx('2023-04-21', 'newsOffice')],
      [{ type: 'hold' }, ctx('2023-05-04', 'newsOffice')],
    ]);
    expect(held).toEqual({ ...planned, status: 'held', sentOn: '2023-04-20', filedOn: '2023-04-21', heldOn: '2023-05-04' });
  });

  it('runs the ad-hoc flow through the news office first', () => {
    const adHoc = newPressForm('adHoc', 'county', '2023-05-04');
    expect(adHoc.status).toBe('requested');
    const filed = run(adHoc, [
      [{ type: 'approveRequest' }, ctx('2023-04-03', 'newsOffice')],
      [{ type: 'submit' }, ctx('2023-04-10', 'unit')],
      [{ type: 'returnToDraft', reason: '答记者问材料不全' }, ctx('2023-04-11', 'leader')],
      [{ type: 'submit' }, ctx('2023-04-12', 'unit')],
      [{ type: 'approveByLeader' }, ctx('2023-04-13', 'leader')],
      [{ type: 'send' }, ctx('2023-04-21', 'unit')],
      [{ type: 'file', lateReason: '材料补充' }, ctx('2023-04-24', 'newsOffice')],
    ]);
    expect(filed).toEqual({
      ...adHoc, status: 'filedLate', sentOn: '2023-04-21', filedOn: '2023-04-24', lateReason: '材料补充', returnReason: null,
    });
  });

  it.each<[string, PressForm, PressFormAction, ReturnType<typeof ctx>, string, string]>([
    ['wrong role', at('draft'), { type: 'submit' }, ctx('2023-04-10', 'leader'), 'PRESS_FORM_FORBIDDEN', '当前身份无权执行“提交审批单”'],
    ['leader skips', at('draft'), { type: 'approveByLeader' }, ctx('2023-04-10', 'leader'), 'PRESS_FORM_INVALID_TRANSITION', '审批单当前状态为“草稿”，不能执行“分管领导审定”'],
    ['ad hoc submits before the reply', at('requested', { origin: 'adHoc' }), { type: 'submit' }, ctx('2023-04-10', 'unit'), 'PRESS_FORM_INVALID_TRANSITION', '审批单当前状态为“已请示”，不能执行“提交审批单”'],
    ['planned needs no reply', at('draft'), { type: 'approveRequest' }, ctx('2023-04-10', 'newsOffice'), 'PRESS_FORM_INVALID_TRANSITION', '审批单当前状态为“草稿”，不能执行“批复临时新闻发布会请示”'],
    ['late without reason', at('sent', { sentOn: '2023-04-21' }), { type: 'file' }, ctx('2023-04-21', 'newsOffice'), 'PRESS_FORM_REASON_REQUIRED', '报送时已超过备案时限（2023-04-20），受理逾期备案须填写原因'],
    ['late with blank reason', at('sent', { sentOn: '2023-04-21' }), { type: 'file', lateReason: '  ' }, ctx('2023-04-22', 'newsOffice'), 'PRESS_FORM_REASON_REQUIRED', '报送时已超过备案时限（2023-04-20），受理逾期备案须填写原因'],
    ['the unit cannot register its own filing', at('sent', { sentOn: '2023-04-19' }), { type: 'file' }, ctx('2023-04-19', 'unit'), 'PRESS_FORM_FORBIDDEN', '当前身份无权执行“登记备案”'],
    ['send before the leader approves', at('submitted'), { type: 'send' }, ctx('2023-04-19', 'unit'), 'PRESS_FORM_INVALID_TRANSITION', '审批单当前状态为“已提交”，不能执行“报送新闻办备案”'],
    ['registered before it is sent', at('leaderApproved'), { type: 'file' }, ctx('2023-04-19', 'newsOffice'), 'PRESS_FORM_INVALID_TRANSITION', '审批单当前状态为“分管领导已审定”，不能执行“登记备案”'],
    ['return without reason', at('submitted'), { type: 'returnToDraft', reason: '' }, ctx('2023-04-10', 'leader'), 'PRESS_FORM_REASON_REQUIRED', '退回修改须说明原因'],
    ['held before the day', at('filed'), { type: 'hold' }, ctx('2023-05-03', 'unit'), 'PRESS_FORM_TOO_EARLY', '新闻发布会日期（2023-05-04）未到，不能登记为已召开'],
    ['held without filing', at('leaderApproved'), { type: 'hold' }, ctx('2023-05-04', 'unit'), 'PRESS_FORM_INVALID_TRANSITION', '审批单当前状态为“分管领导已审定”，不能执行“登记已召开”'],
    ['held twice', at('held'), { type: 'hold' }, ctx('2023-05-05', 'unit'), 'PRESS_FORM_INVALID_TRANSITION', '审批单当前状态为“已召开”，不能执行“登记已召开”'],
  ])('refuses: %s', (_name, form, action, context, code, message) => {
    expect(transitionPressForm(form, action, context)).toEqual({ code, message });
  });

  it('does not mutate the form it is given', () => {
    const form = at('leaderApproved');
    transitionPressForm(form, { type: 'send' }, ctx('2023-04-19', 'unit'));
    expect(form.status).toBe('leaderApproved');
    expect(form.sentOn).toBeNull();
  });
});
