/**
 * 第十九条 application: a coach or a unit enters the result (the batch shape), the people's ID numbers
 * and the materials, and submits. Amounts are never typed in: the evaluator computes them on every save
 * and once more on submission, and the lines are stored with the application.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { awardApplications, awardMaterials } from '../../db/schema/index.js';
import { isEditable, missingMaterials, type AwardEntry, type MaterialKind } from '../../domain/awards/index.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import type { SecretBox } from '../crypto.js';
import { visibleApplication } from './access.js';
import { computeEntry, type ComputedEntry } from './compute.js';
import { peopleWithoutIdNumber, recordEvent, replaceLines, savePeople, summarize, type PersonInput } from './records.js';
import { applyTransition } from './transition.js';

export interface ApplicationInput {
  applicantKind: 'coach' | 'unit';
  applicantName: string;
  /** One result in the batch shape (amounts in yuan); `id` and `appliedOn` are set by the server. */
  entry: Record<string, unknown>;
  people: readonly PersonInput[];
}

/** The entry as stored: the batch shape without the server's fields. */
function storedEntry(raw: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, appliedOn: _appliedOn, ...rest } = raw;
  return rest;
}

function computeOrRefuse(raw: Record<string, unknown>, appliedOn: string): ComputedEntry & { entry: AwardEntry } {
  const computed = computeEntry(raw, appliedOn);
  if (computed.entry === null) {
    throw errors.validation(`成绩记录填写有误：${computed.computation.reasons.join('；')}`, { reasons: computed.computation.reasons });
  }
  return computed as ComputedEntry & { entry: AwardEntry };
}

function columnsOf(computed: ComputedEntry & { entry: AwardEntry }, raw: Record<string, unknown>, appliedOn: string) {
  const { entry, computation: c } = computed;
  return {
    entry: storedEntry(raw),
    kind: entry.kind,
    games: entry.kind === 'transfer' ? null : entry.games,
    sport: entry.kind === 'result' ? entry.sport : null,
    resultDate: entry.date,
    appliedOn,
    year: Number(appliedOn.slice(0, 4)),
    summary: summarize(entry),
    rulebook: c.rulebook ?? '—',
    eligible: c.eligible,
    reasons: c.reasons,
    totalFen: c.totalFen,
    prefectureFen: c.prefectureFen,
    countyFen: c.countyFen,
  };
}

export async function createAwardApplication(database: Database, actor: Actor, box: SecretBox, input: ApplicationInput, today: string) {
  if (!actor.userId) throw errors.forbidden('奖励申请须由登录用户提出');
  const computed = computeOrRefuse(input.entry, today);
  const id = randomUUID();
  return runAudited(database, actor, { action: 'award.application.create', object: `award-application:${id}` }, async (tx) => {
    const [row] = await tx
      .insert(awardApplications)
      .values({
        id,
        status: 'draft',
        applicantKind: input.applicantKind,
        applicantName: input.applicantName.trim(),
        applicantUserId: actor.userId as string,
        applicantOrgId: actor.organizationId,
        recoveryDueFen: 0,
        ...columnsOf(computed, input.entry, today),
      })
      .returning({ id: awardApplications.id, ref: awardApplications.ref });
    await replaceLines(tx, id, computed.computation);
    await savePeople(tx, box, id, computed.entry, input.people, today);
    await recordEvent(tx, actor, id, { action: 'create', to: 'draft' });
    return { id: row.id, ref: row.ref };
  });
}

/** The applicant corrects a draft or a returned application; everything is computed again. */
export async function updateAwardApplication(database: Database, actor: Actor, box: SecretBox, id: string, input: ApplicationInput, today: string) {
  return runAudited(database, actor, { action: 'award.application.update', object: `award-application:${id}` }, async (tx) => {
    const row = await visibleApplication(tx, actor, id);
    if (row.applicantUserId !== actor.userId) throw errors.forbidden('只有申请人本人可以修改该申请');
    if (!isEditable(row.status)) throw errors.badState('只有草稿或退回修改的申请可以修改');
    // A returned application keeps the day it first reached the sports bureau (第十九条).
    const appliedOn = row.submittedAt ? row.appliedOn : today;
    const computed = computeOrRefuse(input.entry, appliedOn);
    const [updated] = await tx
      .update(awardApplications)
      .set({ applicantKind: input.applicantKind, applicantName: input.applicantName.trim(), updatedAt: new Date(), ...columnsOf(computed, input.entry, appliedOn) })
      .where(and(eq(awardApplications.id, id), inArray(awardApplications.status, ['draft', 'returned'])))
      .returning({ id: awardApplications.id });
    if (!updated) throw errors.badState('申请状态已变更，不能再修改');
    await replaceLines(tx, id, computed.computation);
    await savePeople(tx, box, id, computed.entry, input.people, today);
    await recordEvent(tx, actor, id, { action: 'update' });
    return { id };
  });
}

/**
 * Submission: the day it reaches the sports bureau is today (kept from the first submission when a
 * returned application comes back), the award is computed once more, and it must be eligible, with
 * every athlete's and coach's ID number and the materials of 第十九条.
 */
export async function submitAwardApplication(database: Database, actor: Actor, id: string, today: string, comment: string | null = null) {
  return runAudited(database, actor, { action: 'award.application.submit', object: `award-application:${id}` }, async (tx) => {
    const row = await visibleApplication(tx, actor, id);
    const appliedOn = row.submittedAt ? row.appliedOn : today;
    const computed = computeOrRefuse(row.entry, appliedOn);
    if (!computed.computation.eligible) {
      throw errors.validation(`该成绩不符合奖励条件，不能提交：${computed.computation.reasons.join('；')}`, { reasons: computed.computation.reasons });
    }
    const problems = await submissionProblems(tx, id, computed.entry);
    if (problems.length) throw errors.validation(`申请材料不完整：${problems.join('；')}`, { problems });
    const updated = await applyTransition(tx, actor, row, 'submit', {
      set: { ...columnsOf(computed, row.entry, appliedOn), submittedAt: row.submittedAt ?? new Date() },
      comment,
    });
    await replaceLines(tx, id, computed.computation);
    return { id, status: updated.status };
  });
}

async function submissionProblems(tx: Db, id: string, entry: AwardEntry): Promise<string[]> {
  const problems: string[] = [];
  const missingIds = await peopleWithoutIdNumber(tx, id, entry);
  if (missingIds.length) problems.push(`缺少公民身份号码：${missingIds.join('、')}`);
  const kinds = await tx.selectDistinct({ kind: awardMaterials.kind }).from(awardMaterials).where(eq(awardMaterials.applicationId, id));
  const missing = missingMaterials(kinds.map((k) => k.kind as MaterialKind));
  if (missing.length) problems.push(`缺少材料：${missing.join('、')}`);
  return problems;
}
