import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  canTransition,
  missingMaterials,
  noticeEnded,
  noticeOpen,
  noticePeriod,
  transitionRefusal,
  TRANSITIONS,
  type ApplicationStatus,
  type AwardAction,
} from './procedure.js';
import { RULEBOOK_2023 } from './rulebook-2023.js';

describe('public notice period (第十九条 7天公示)', () => {
  it('takes its length from the rulebook, and the article says 7天', () => {
    expect(RULEBOOK_2023.application.noticeDays).toBe(7);
    expect(RULEBOOK_2023.articles[19]).toContain('进行7天公示');
  });

  it.each([
    ['2023-09-01', '2023-09-02', '2023-09-08'],
    ['2023-09-28', '2023-09-29', '2023-10-05'], // 国庆 holidays are not skipped: the article says 天
    ['2024-02-25', '2024-02-26', '2024-03-03'], // across 29 February
    ['2023-12-30', '2023-12-31', '2024-01-06'],
  ])('published on %s: runs %s to %s', (publishedOn, startsOn, endsOn) => {
    expect(noticePeriod(publishedOn, 7)).toEqual({ publishedOn, startsOn, endsOn, days: 7 });
  });

  it('is open through its last day and ended the day after', () => {
    const p = noticePeriod('2023-09-01', 7);
    expect(noticeOpen(p, '2023-09-01')).toBe(true);
    expect(noticeOpen(p, '2023-09-08')).toBe(true);
    expect(noticeOpen(p, '2023-09-09')).toBe(false);
    expect(noticeEnded(p, '2023-09-08')).toBe(false);
    expect(noticeEnded(p, '2023-09-09')).toBe(true);
  });

  it('refuses a length that is not a positive whole number of days', () => {
    expect(() => noticePeriod('2023-09-01', 0)).toThrow(RangeError);
  });
});

describe('state machine', () => {
  it('moves an application from draft to disbursement in order', () => {
    const path: [AwardAction, ApplicationStatus][] = [
      ['submit', 'draft'],
      ['review-pass', 'submitted'],
      ['publish-notice', 'reviewed'],
      ['report', 'in-notice'],
      ['approve', 'reported'],
      ['disburse', 'approved'],
    ];
    for (const [action, from] of path) expect(canTransition(action, from)).toBe(true);
    expect(TRANSITIONS.disburse.to).toBe('disbursed');
  });

  it('revokes at any stage, after disbursement too, but not twice', () => {
    for (const s of APPLICATION_STATUSES) {
      expect(canTransition('revoke', s)).toBe(s !== 'revoked' && s !== 'declined');
    }
  });

  it('approves only what was reported, and says why not in Chinese', () => {
    expect(canTransition('approve', 'approved')).toBe(false);
    expect(transitionRefusal('approve', 'approved')).toBe('申请当前状态为“已批准”，不能批准（仅限：已报州政府审批）');
  });

  it('marks every decision except submitting as one the applicant may not take', () => {
    const own = Object.entries(TRANSITIONS).filter(([, t]) => !t.impartial).map(([a]) => a);
    expect(own).toEqual(['submit']);
  });
});

describe('materials (第十九条)', () => {
  it('needs one proof of the result and the ID card copy', () => {
    expect(missingMaterials([])).toEqual(['比赛成绩册、秩序册或获奖证书（至少一项）', '身份证复印件']);
    expect(missingMaterials(['certificate', 'id-card'])).toEqual([]);
    expect(missingMaterials(['order-book'])).toEqual(['身份证复印件']);
  });
});
