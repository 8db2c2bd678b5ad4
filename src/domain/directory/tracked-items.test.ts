import { describe, expect, it } from 'vitest';
import { isDutyReportOverdue, isRectificationOverdue, moveDutyReport, moveRectification } from './tracked-items.js';

describe('yearly duty reports', () => {
  it.each([
    ['pending', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'return', 'returned'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(moveDutyReport(from, action)).toEqual({ ok: true, status: to });
  });

  it.each([
    ['accepted', 'submit', '履职报告当前为“已审核通过”，不能报送'],
    ['pending', 'accept', '履职报告当前为“待报送”，不能审核通过'],
    ['returned', 'return', '履职报告当前为“已退回”，不能退回'],
  ] as const)('refuses %s --%s', (from, action, reason) => {
    expect(moveDutyReport(from, action)).toEqual({ ok: false, reason });
  });

  it('is overdue after its due date until handed in', () => {
    expect(isDutyReportOverdue({ status: 'pending', dueOn: '2023-12-31' }, '2023-12-31')).toBe(false);
    expect(isDutyReportOverdue({ status: 'pending', dueOn: '2023-12-31' }, '2024-01-01')).toBe(true);
    expect(isDutyReportOverdue({ status: 'returned', dueOn: '2023-12-31' }, '2024-01-01')).toBe(true);
    expect(isDutyReportOverdue({ status: 'submitted', dueOn: '2023-12-31' }, '2024-01-01')).toBe(false);
  });
});

describe('rectification items (整改)', () => {
  it('runs open → plan → report → closed, and a report can be sent back', () => {
    expect(moveRectification('open', 'submit-plan')).toEqual({ ok: true, status: 'plan-submitted' });
    expect(moveRectification('plan-submitted', 'submit-report')).toEqual({ ok: true, status: 'report-submitted' });
    expect(moveRectification('report-submitted', 'close')).toEqual({ ok: true, status: 'closed' });
    expect(moveRectification('report-submitted', 'reopen')).toEqual({ ok: true, status: 'plan-submitted' });
    expect(moveRectification('closed', 'reopen')).toEqual({ ok: true, status: 'plan-submitted' });
  });

  it('cannot close without a report, nor report without a plan', () => {
    expect(moveRectification('open', 'close')).toEqual({ ok: false, reason: '整改事项当前为“待报整改方案”，不能销号' });
    expect(moveRectification('open', 'submit-report')).toMatchObject({ ok: false });
  });

  it('is overdue past its deadline until closed', () => {
    expect(isRectificationOverdue({ status: 'open', dueOn: '2023-06-30' }, '2023-07-01')).toBe(true);
    expect(isRectificationOverdue({ status: 'closed', dueOn: '2023-06-30' }, '2023-07-01')).toBe(false);
    expect(isRectificationOverdue({ status: 'open', dueOn: null }, '2030-01-01')).toBe(false);
  });
});
