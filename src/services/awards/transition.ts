/**
 * One step of the procedure: a conditional UPDATE … WHERE status IN (allowed) RETURNING. Of two
 * concurrent requests for the same step, the database lets exactly one match; the other finds the
 * new status and gets 409. Applicants take no decision on their own application (also in the WHERE).
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { awardApplications } from '../../db/schema/index.js';
import { TRANSITIONS, transitionRefusal, type ApplicationStatus, type AwardAction } from '../../domain/awards/index.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { isApplicant, type ApplicationRow } from './access.js';
import { recordEvent } from './records.js';

type ApplicationUpdate = Partial<typeof awardApplications.$inferInsert>;

/** Refuses a decision by the applicant, or a submission by anyone else. */
export function assertActorMayTake(actor: Actor, row: ApplicationRow, action: AwardAction): void {
  const own = isApplicant(actor, row);
  if (TRANSITIONS[action].impartial && own) throw errors.forbidden('申请人不得审核、审批或处理本人提交的奖励申请');
  if (!TRANSITIONS[action].impartial && !own) throw errors.forbidden('只有申请人本人可以提交或修改该申请');
}

export async function applyTransition(
  tx: Db,
  actor: Actor,
  row: ApplicationRow,
  action: AwardAction,
  options: { set?: ApplicationUpdate; comment?: string | null } = {},
): Promise<ApplicationRow> {
  assertActorMayTake(actor, row, action);
  const t = TRANSITIONS[action];
  const applicantCheck = t.impartial
    ? actor.userId === null
      ? sql`true`
      : ne(awardApplications.applicantUserId, actor.userId)
    : eq(awardApplications.applicantUserId, actor.userId ?? '00000000-0000-0000-0000-000000000000');
  const [updated] = await tx
    .update(awardApplications)
    .set({ ...options.set, status: t.to, updatedAt: new Date() })
    .where(and(eq(awardApplications.id, row.id), inArray(awardApplications.status, [...t.from]), applicantCheck))
    .returning();
  if (!updated) {
    const [current] = await tx.select({ status: awardApplications.status }).from(awardApplications).where(eq(awardApplications.id, row.id));
    throw errors.badState(transitionRefusal(action, (current?.status ?? row.status) as ApplicationStatus));
  }
  await recordEvent(tx, actor, row.id, { action, from: row.status, to: t.to, comment: options.comment ?? null });
  return updated;
}
