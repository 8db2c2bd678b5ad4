/**
 * 第十九条 "符合相关奖励条件的进行7天公示无异议后，报州人民政府审批": the sports bureau publishes the
 * reviewed applications in a notice whose period is computed (procedure.ts), records objections and
 * how each was handled, and after the period reports the list to the prefecture government.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { awardApplications, awardLines, awardNotices, awardObjections, type NoticeItem } from '../../db/schema/index.js';
import { noticeEnded, noticeOpen, noticePeriod, rulebookInForce, RULEBOOKS } from '../../domain/awards/index.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { isApplicant, visibleApplication } from './access.js';
import { recordEvent } from './records.js';
import { applyTransition } from './transition.js';

export async function publishAwardNotice(database: Database, actor: Actor, input: { applicationIds: string[]; title?: string | null }, today: string) {
  const ids = [...new Set(input.applicationIds)];
  if (ids.length === 0) throw errors.validation('请选择要公示的申请');
  const days = (rulebookInForce(RULEBOOKS, today) ?? RULEBOOKS[0]).application.noticeDays;
  const period = noticePeriod(today, days);
  const year = Number(today.slice(0, 4));
  const id = randomUUID();
  return runAudited(database, actor, { action: 'award.notice.publish', object: `award-notice:${id}`, details: { applications: ids.length } }, async (tx) => {
    // The notice row first: the applications point at it.
    const [notice] = await tx
      .insert(awardNotices)
      .values({
        id,
        year,
        title: input.title?.trim() || `关于${year}年度参赛各类大型运动会拟奖励名单的公示`,
        publishedOn: period.publishedOn,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        publishedBy: actor.userId,
        publishedByName: actor.username,
        items: [],
      })
      .returning({ id: awardNotices.id, ref: awardNotices.ref, startsOn: awardNotices.startsOn, endsOn: awardNotices.endsOn });
    const items: NoticeItem[] = [];
    for (const applicationId of ids) {
      const row = await visibleApplication(tx, actor, applicationId);
      await applyTransition(tx, actor, row, 'publish-notice', { set: { noticeId: id } });
      const lines = await tx
        .select({ payee: awardLines.payee, role: awardLines.role, amountFen: awardLines.amountFen, funding: awardLines.funding })
        .from(awardLines)
        .where(eq(awardLines.applicationId, applicationId))
        .orderBy(asc(awardLines.position));
      items.push({ applicationId, ref: row.ref, summary: row.summary, applicantName: row.applicantName, lines, totalFen: row.totalFen });
    }
    await tx.update(awardNotices).set({ items }).where(eq(awardNotices.id, id));
    return notice;
  });
}

export type NoticeState = 'open' | 'ended' | 'reported';

function noticeState(n: { reportedAt: Date | null; endsOn: string }, today: string): NoticeState {
  if (n.reportedAt) return 'reported';
  return noticeEnded(n, today) ? 'ended' : 'open';
}

export async function listAwardNotices(db: Db, today: string) {
  const rows = await db.select().from(awardNotices).orderBy(desc(awardNotices.publishedOn), desc(awardNotices.ref));
  const open = await db
    .select({ noticeId: awardObjections.noticeId, n: sql<number>`count(*)::int` })
    .from(awardObjections)
    .where(isNull(awardObjections.outcome))
    .groupBy(awardObjections.noticeId);
  const pending = new Map(open.map((o) => [o.noticeId, o.n]));
  return rows.map((n) => ({
    id: n.id,
    ref: n.ref,
    year: n.year,
    title: n.title,
    publishedOn: n.publishedOn,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    state: noticeState(n, today),
    applications: n.items.length,
    totalFen: n.items.reduce((s, i) => s + i.totalFen, 0),
    pendingObjections: pending.get(n.id) ?? 0,
  }));
}

export async function getAwardNotice(db: Db, id: string, today: string) {
  const [n] = await db.select().from(awardNotices).where(eq(awardNotices.id, id));
  if (!n) throw errors.notFound('公示');
  const objections = await db.select().from(awardObjections).where(eq(awardObjections.noticeId, id)).orderBy(asc(awardObjections.createdAt));
  const statuses = n.items.length
    ? await db.select({ id: awardApplications.id, status: awardApplications.status }).from(awardApplications).where(inArray(awardApplications.id, n.items.map((i) => i.applicationId)))
    : [];
  const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
  return {
    id: n.id,
    ref: n.ref,
    year: n.year,
    title: n.title,
    publishedOn: n.publishedOn,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    days: RULEBOOKS[0].application.noticeDays,
    publishedByName: n.publishedByName,
    reportedAt: n.reportedAt?.toISOString() ?? null,
    state: noticeState(n, today),
    items: n.items.map((i) => ({ ...i, status: statusOf.get(i.applicationId) ?? 'draft' })),
    totalFen: n.items.reduce((s, i) => s + i.totalFen, 0),
    objections: objections.map((o) => ({
      id: o.id,
      applicationId: o.applicationId,
      receivedOn: o.receivedOn,
      objector: o.objector,
      content: o.content,
      outcome: o.outcome,
      handling: o.handling,
      handledAt: o.handledAt?.toISOString() ?? null,
    })),
  };
}

export type AwardNoticeDetail = Awaited<ReturnType<typeof getAwardNotice>>;

async function noticeRow(db: Db, id: string) {
  const [n] = await db.select().from(awardNotices).where(eq(awardNotices.id, id));
  if (!n) throw errors.notFound('公示');
  return n;
}

export async function recordAwardObjection(
  database: Database,
  actor: Actor,
  noticeId: string,
  input: { applicationId: string; receivedOn: string; objector: string; content: string },
  today: string,
) {
  if (input.receivedOn > today) throw errors.validation('收到异议的日期不能晚于今天', { field: 'receivedOn' });
  return runAudited(database, actor, { action: 'award.objection.record', object: `award-notice:${noticeId}`, details: { applicationId: input.applicationId } }, async (tx) => {
    const notice = await noticeRow(tx, noticeId);
    if (!noticeOpen(notice, input.receivedOn)) {
      throw errors.badState(`异议须在公示期内提出（${notice.publishedOn}发布，${notice.startsOn}至${notice.endsOn}）`);
    }
    const row = await visibleApplication(tx, actor, input.applicationId);
    if (row.noticeId !== noticeId || row.status !== 'in-notice') throw errors.badState('该申请不在本次公示中');
    const [objection] = await tx
      .insert(awardObjections)
      .values({ noticeId, applicationId: row.id, receivedOn: input.receivedOn, objector: input.objector.trim(), content: input.content.trim(), recordedBy: actor.userId })
      .returning({ id: awardObjections.id });
    await recordEvent(tx, actor, row.id, { action: 'objection', comment: `${input.objector.trim()}：${input.content.trim()}` });
    return objection;
  });
}

/** Handled once: dismissed (异议不成立), or upheld (异议成立 → the application goes back for correction). */
export async function handleAwardObjection(
  database: Database,
  actor: Actor,
  objectionId: string,
  input: { outcome: 'dismissed' | 'upheld'; handling: string },
) {
  if (!input.handling.trim()) throw errors.validation('请填写处理情况', { field: 'handling' });
  return runAudited(database, actor, { action: 'award.objection.handle', object: `award-objection:${objectionId}`, details: { outcome: input.outcome } }, async (tx) => {
    const [objection] = await tx.select().from(awardObjections).where(eq(awardObjections.id, objectionId));
    if (!objection) throw errors.notFound('异议');
    const row = await visibleApplication(tx, actor, objection.applicationId);
    if (isApplicant(actor, row)) throw errors.forbidden('申请人不得处理针对本人申请的异议');
    const [handled] = await tx
      .update(awardObjections)
      .set({ outcome: input.outcome, handling: input.handling.trim(), handledAt: new Date(), handledBy: actor.userId })
      .where(and(eq(awardObjections.id, objectionId), isNull(awardObjections.outcome)))
      .returning({ id: awardObjections.id });
    if (!handled) throw errors.conflict('该异议已处理');
    const label = input.outcome === 'upheld' ? '异议成立' : '异议不成立';
    if (input.outcome === 'upheld' && row.status === 'in-notice') {
      await applyTransition(tx, actor, row, 'uphold-objection', { comment: `${label}：${input.handling.trim()}` });
    } else {
      await recordEvent(tx, actor, row.id, { action: 'objection-handled', comment: `${label}：${input.handling.trim()}` });
    }
    return { id: objectionId, outcome: input.outcome };
  });
}

/** After the last day of the notice, with every objection handled: the list goes to the government. */
export async function reportAwardNotice(database: Database, actor: Actor, noticeId: string, today: string) {
  return runAudited(database, actor, { action: 'award.notice.report', object: `award-notice:${noticeId}` }, async (tx) => {
    const notice = await noticeRow(tx, noticeId);
    if (!noticeEnded(notice, today)) throw errors.badState(`公示期至${notice.endsOn}，期满后（${notice.endsOn}之后）方可报州人民政府审批`);
    const pending = await tx.select({ id: awardObjections.id }).from(awardObjections).where(and(eq(awardObjections.noticeId, noticeId), isNull(awardObjections.outcome)));
    if (pending.length) throw errors.badState(`尚有 ${pending.length} 件异议未处理，处理后方可上报`);
    const [claimed] = await tx
      .update(awardNotices)
      .set({ reportedAt: new Date() })
      .where(and(eq(awardNotices.id, noticeId), isNull(awardNotices.reportedAt)))
      .returning({ id: awardNotices.id });
    if (!claimed) throw errors.conflict('该公示名单已上报');
    const rows = await tx.select().from(awardApplications).where(and(eq(awardApplications.noticeId, noticeId), eq(awardApplications.status, 'in-notice')));
    if (rows.length === 0) throw errors.badState('本次公示中没有可上报的申请');
    for (const row of rows) await applyTransition(tx, actor, row, 'report', { comment: `公示期${notice.startsOn}至${notice.endsOn}无异议或异议不成立` });
    return { id: noticeId, reported: rows.length };
  });
}
