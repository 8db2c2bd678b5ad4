/**
 * The decisions after submission: review by the sports bureau (pass, or return for correction),
 * approval by the prefecture government, disbursement by the finance bureau, and revocation under
 * 第二十一条至第二十三条 at any stage — after disbursement too, when the money is then recovered.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { awardApplications, awardRecoveries } from '../../db/schema/index.js';
import { RULEBOOK_2023, type DisqualificationGround } from '../../domain/awards/index.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { isApplicant, visibleApplication } from './access.js';
import { recordEvent, yuanText } from './records.js';
import { applyTransition } from './transition.js';

const object = (id: string) => `award-application:${id}`;

export async function reviewAwardApplication(
  database: Database,
  actor: Actor,
  id: string,
  input: { decision: 'pass' | 'return'; comment: string | null },
) {
  if (input.decision === 'return' && !input.comment?.trim()) throw errors.validation('退回修改须写明原因', { field: 'comment' });
  const action = input.decision === 'pass' ? 'review-pass' : 'review-return';
  return runAudited(database, actor, { action: `award.application.${action}`, object: object(id) }, async (tx) => {
    const row = await visibleApplication(tx, actor, id);
    const updated = await applyTransition(tx, actor, row, action, {
      set: { reviewedAt: new Date(), reviewedBy: actor.userId },
      comment: input.comment?.trim() || null,
    });
    return { id, status: updated.status };
  });
}

export async function approveAwardApplication(database: Database, actor: Actor, id: string, comment: string | null) {
  return runAudited(database, actor, { action: 'award.application.approve', object: object(id) }, async (tx) => {
    const row = await visibleApplication(tx, actor, id);
    const updated = await applyTransition(tx, actor, row, 'approve', { set: { decidedAt: new Date(), decidedBy: actor.userId }, comment });
    return { id, status: updated.status };
  });
}

export async function declineAwardApplication(database: Database, actor: Actor, id: string, comment: string) {
  if (!comment.trim()) throw errors.validation('不予批准须写明理由', { field: 'comment' });
  return runAudited(database, actor, { action: 'award.application.decline', object: object(id) }, async (tx) => {
    const row = await visibleApplication(tx, actor, id);
    const updated = await applyTransition(tx, actor, row, 'decline', { set: { decidedAt: new Date(), decidedBy: actor.userId }, comment: comment.trim() });
    return { id, status: updated.status };
  });
}

/** The finance bureau pays the prefecture-funded lines; county lines are each county's to pay (第十七条). */
export async function disburseAwardApplication(
  database: Database,
  actor: Actor,
  id: string,
  input: { paidOn: string; voucher: string },
  today: string,
) {
  if (input.paidOn > today) throw errors.validation('拨付日期不能晚于今天', { field: 'paidOn' });
  return runAudited(database, actor, { action: 'award.application.disburse', object: object(id), details: { paidOn: input.paidOn } }, async (tx) => {
    const row = await visibleApplication(tx, actor, id);
    const updated = await applyTransition(tx, actor, row, 'disburse', {
      set: { disbursedOn: input.paidOn, disbursedFen: row.prefectureFen, disbursedBy: actor.userId, disbursementVoucher: input.voucher.trim() },
      comment: `凭证号：${input.voucher.trim()}`,
    });
    return { id, status: updated.status, disbursedFen: row.prefectureFen };
  });
}

export async function revokeAwardApplication(
  database: Database,
  actor: Actor,
  id: string,
  input: { ground: DisqualificationGround; reason: string },
) {
  if (!input.reason.trim()) throw errors.validation('撤销奖励须写明事实与理由', { field: 'reason' });
  const ground = RULEBOOK_2023.disqualification[input.ground];
  return runAudited(database, actor, { action: 'award.application.revoke', object: object(id), details: { ground: input.ground } }, async (tx) => {
    const row = await visibleApplication(tx, actor, id);
    const recoveryDueFen = row.status === 'disbursed' ? (row.disbursedFen ?? 0) : 0;
    const updated = await applyTransition(tx, actor, row, 'revoke', {
      set: { revokedAt: new Date(), revokedBy: actor.userId, revocationGround: input.ground, revocationReason: input.reason.trim(), recoveryDueFen },
      comment: `${ground.label}：${input.reason.trim()}`,
    });
    return { id, status: updated.status, recoveryDueFen };
  });
}

/** Money paid back after a revocation; never more than is still outstanding. */
export async function recordAwardRecovery(
  database: Database,
  actor: Actor,
  id: string,
  input: { amountFen: number; recoveredOn: string; note: string | null },
  today: string,
) {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw errors.validation('追回金额应为正数', { field: 'amountFen' });
  if (input.recoveredOn > today) throw errors.validation('追回日期不能晚于今天', { field: 'recoveredOn' });
  return runAudited(database, actor, { action: 'award.application.recover', object: object(id), details: { amountFen: input.amountFen } }, async (tx) => {
    // Locks the application: two recoveries recorded at once cannot both pass the outstanding check.
    await tx.select({ id: awardApplications.id }).from(awardApplications).where(eq(awardApplications.id, id)).for('update');
    const row = await visibleApplication(tx, actor, id);
    if (isApplicant(actor, row)) throw errors.forbidden('申请人不得登记本人申请的追回款');
    if (row.status !== 'revoked' || row.recoveryDueFen === 0) throw errors.badState('只有拨付后被撤销的奖励需要追回');
    const [{ recovered }] = await tx
      .select({ recovered: sql<string>`coalesce(sum(${awardRecoveries.amountFen}), 0)` })
      .from(awardRecoveries)
      .where(eq(awardRecoveries.applicationId, id));
    const outstanding = row.recoveryDueFen - Number(recovered);
    if (input.amountFen > outstanding) throw errors.validation(`追回金额超过尚未追回的 ${yuanText(outstanding)} 元`, { field: 'amountFen' });
    await tx.insert(awardRecoveries).values({ id: randomUUID(), applicationId: id, amountFen: input.amountFen, recoveredOn: input.recoveredOn, note: input.note?.trim() || null, recordedBy: actor.userId });
    await recordEvent(tx, actor, id, { action: 'recover', comment: `追回 ${yuanText(input.amountFen)} 元（${input.recoveredOn}）${input.note ? `：${input.note}` : ''}` });
    return { id, outstandingFen: outstanding - input.amountFen };
  });
}

