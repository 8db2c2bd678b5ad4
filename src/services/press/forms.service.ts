import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { organizations, pressAttachments, pressConferences, pressForms, pressPlans } from '../../db/schema/index.js';
import { DomainError, errors } from '../../domain/errors.js';
import {
  approvalFormKind, isPressFormError, newPressForm, transitionPressForm, type PressFormAction, type PressFormError,
} from '../../domain/press/index.js';
import { isIsoDate, parseIsoDate, type IsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { loadWorkdayCalendar } from '../calendar/index.js';
import { pressRolesFor } from './access.js';
import { DEFAULT_VENUE, loadForm, requireDeadline, toDomainForm } from './forms.queries.js';

export interface FormFields {
  conferenceDate?: IsoDate;
  startTime?: string | null;
  endTime?: string | null;
  venue?: string;
  host?: string | null;
  attendingLeaders?: string | null;
  topic?: string;
  printedCopiesConfirmed?: boolean;
}

const ERROR_STATUS: Record<PressFormError['code'], number> = {
  PRESS_FORM_FORBIDDEN: 403,
  PRESS_FORM_INVALID_TRANSITION: 409,
  PRESS_FORM_REASON_REQUIRED: 400,
  PRESS_FORM_TOO_EARLY: 409,
};

function checkFields(fields: FormFields, year?: number): void {
  if (fields.conferenceDate !== undefined) {
    if (!isIsoDate(fields.conferenceDate)) throw errors.validation(`发布会日期无效：${fields.conferenceDate}`, { field: 'conferenceDate' });
    if (year !== undefined && Math.abs(parseIsoDate(fields.conferenceDate).year - year) > 1) {
      throw errors.validation(`发布会日期${fields.conferenceDate}与${year}年计划不符`, { field: 'conferenceDate' });
    }
  }
  if (fields.startTime && fields.endTime && fields.endTime <= fields.startTime) throw errors.validation('结束时间应晚于开始时间', { field: 'endTime' });
}

function formValues(fields: FormFields) {
  const trim = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : v.trim() || null);
  return {
    ...(fields.conferenceDate !== undefined ? { conferenceDate: fields.conferenceDate } : {}),
    ...(fields.startTime !== undefined ? { startTime: fields.startTime } : {}),
    ...(fields.endTime !== undefined ? { endTime: fields.endTime } : {}),
    ...(fields.venue !== undefined ? { venue: fields.venue.trim() || DEFAULT_VENUE } : {}),
    ...(fields.host !== undefined ? { host: trim(fields.host) } : {}),
    ...(fields.attendingLeaders !== undefined ? { attendingLeaders: trim(fields.attendingLeaders) } : {}),
    ...(fields.topic !== undefined && fields.topic.trim() ? { topic: fields.topic.trim() } : {}),
    ...(fields.printedCopiesConfirmed !== undefined ? { printedCopiesConfirmed: fields.printedCopiesConfirmed } : {}),
  };
}

/** The unit starts the approval form of one of its planned conferences. */
export async function createPlannedForm(database: Database, actor: Actor, conferenceId: string, fields: FormFields & { conferenceDate: IsoDate }) {
  return runAudited(database, actor, (r: { id: string }) => ({ action: 'press.form.create', object: `press-form:${r.id}`, details: { conferenceId } }), async (tx) => {
    const [row] = await tx
      .select({ conference: pressConferences, plan: pressPlans })
      .from(pressConferences)
      .leftJoin(pressPlans, eq(pressPlans.id, pressConferences.planId))
      .where(eq(pressConferences.id, conferenceId));
    if (!row) throw errors.notFound('新闻发布会');
    const { conference, plan } = row;
    if (!pressRolesFor(actor, conference.organizationId).includes('unit')) throw errors.forbidden('只有发布单位可以填写本场发布会的审批单');
    if (conference.origin !== 'planned') throw errors.badState('临时新闻发布会的审批单随请示一并建立');
    checkFields(fields, plan?.year);
    const [existing] = await tx.select({ id: pressForms.id }).from(pressForms).where(eq(pressForms.conferenceId, conferenceId));
    if (existing) throw errors.conflict('本场发布会的审批单已建立');
    const initial = newPressForm('planned', conference.formKind, fields.conferenceDate);
    const [created] = await tx
      .insert(pressForms)
      .values({
        conferenceId,
        organizationId: conference.organizationId,
        kind: conference.formKind,
        status: initial.status,
        conferenceDate: fields.conferenceDate,
        venue: plan?.venue ?? DEFAULT_VENUE,
        topic: conference.topic,
        createdBy: actor.userId,
        ...formValues(fields),
      })
      .returning({ id: pressForms.id });
    return created;
  });
}

/** 临时新闻发布会: the unit's written request to the news office; the form follows the reply. */
export async function requestAdHocConference(
  database: Database,
  actor: Actor,
  input: FormFields & { conferenceDate: IsoDate; topic: string; requestText: string },
) {
  if (!input.requestText.trim()) throw errors.validation('请填写书面请示内容', { field: 'requestText' });
  checkFields(input);
  return runAudited(database, actor, (r: { id: string }) => ({ action: 'press.adhoc.request', object: `press-form:${r.id}` }), async (tx) => {
    if (!actor.organizationId) throw errors.forbidden('账号未关联单位，不能请示召开新闻发布会');
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId));
    if (!org) throw errors.notFound('单位');
    const kind = org.kind === 'county' ? 'county' : approvalFormKind(org.name);
    const [conference] = await tx
      .insert(pressConferences)
      .values({
        origin: 'adHoc', month: input.conferenceDate.slice(0, 7), topic: input.topic.trim(), unitName: org.name, organizationId: org.id, formKind: kind,
      })
      .returning({ id: pressConferences.id });
    const [created] = await tx
      .insert(pressForms)
      .values({
        conferenceId: conference.id,
        organizationId: org.id,
        kind,
        status: newPressForm('adHoc', kind, input.conferenceDate).status,
        conferenceDate: input.conferenceDate,
        venue: DEFAULT_VENUE,
        topic: input.topic.trim(),
        requestText: input.requestText.trim(),
        createdBy: actor.userId,
        ...formValues(input),
      })
      .returning({ id: pressForms.id });
    return created;
  });
}

/** Edits the form while it is with the unit (requested, replied, draft). */
export async function updatePressForm(database: Database, actor: Actor, formId: string, fields: FormFields & { requestText?: string }) {
  checkFields(fields);
  return runAudited(database, actor, { action: 'press.form.update', object: `press-form:${formId}`, details: { fields: Object.keys(fields) } }, async (tx) => {
    const { form, conference } = await loadForm(tx, formId, true);
    if (!pressRolesFor(actor, form.organizationId).includes('unit')) throw errors.forbidden('只有发布单位可以修改审批单');
    if (!['requested', 'approvedByNewsOffice', 'draft'].includes(form.status)) throw errors.badState('审批单已提交，不能修改；如需修改请由分管领导退回');
    if (fields.requestText !== undefined && form.status !== 'requested') throw errors.badState('新闻办已批复，请示内容不能再修改');
    await tx
      .update(pressForms)
      .set({ ...formValues(fields), ...(fields.requestText?.trim() ? { requestText: fields.requestText.trim() } : {}), updatedAt: new Date() })
      .where(eq(pressForms.id, formId));
    if (conference.origin === 'adHoc' && fields.conferenceDate) {
      await tx.update(pressConferences).set({ month: fields.conferenceDate.slice(0, 7), ...(fields.topic?.trim() ? { topic: fields.topic.trim() } : {}) }).where(eq(pressConferences.id, conference.id));
    }
    return { id: formId };
  });
}

export type FormActionInput =
  | { type: 'approveRequest'; reply?: string | null }
  | { type: 'submit' }
  | { type: 'approveByLeader' }
  | { type: 'returnToDraft'; reason: string }
  | { type: 'send' }
  | { type: 'file'; lateReason?: string | null }
  | { type: 'hold' };

/** One step of the approval form (the state machine decides who may take it, and when). */
export async function runPressFormAction(database: Database, actor: Actor, formId: string, input: FormActionInput, today: IsoDate) {
  const audit = { action: `press.form.${input.type}`, object: `press-form:${formId}`, details: {} as Record<string, unknown> };
  return runAudited(database, actor, audit, async (tx) => {
    const { form, conference } = await loadForm(tx, formId, true);
    const roles = pressRolesFor(actor, form.organizationId);
    if (roles.length === 0) throw errors.notFound('审批单');
    if (input.type === 'submit') await checkReadyToSubmit(tx, form);
    const loaded = await loadWorkdayCalendar(tx);
    // Only sending and filing are judged against the deadline; the other steps do not need the calendar.
    const deadline = input.type === 'send' || input.type === 'file' ? requireDeadline(loaded.calendar, loaded, form.conferenceDate) : form.conferenceDate;
    const action = toDomainAction(input);
    const next = transitionPressForm(toDomainForm(form, conference.origin), action, { today, deadline, actorRoles: roles });
    if (isPressFormError(next)) throw new DomainError(next.code, next.message, ERROR_STATUS[next.code]);
    audit.details = { from: form.status, to: next.status, ...(input.type === 'send' ? { deadline, late: today > deadline } : {}) };
    await tx
      .update(pressForms)
      .set({
        status: next.status,
        sentOn: next.sentOn,
        filedOn: next.filedOn,
        lateReason: next.lateReason,
        heldOn: next.heldOn,
        returnReason: next.returnReason,
        ...(input.type === 'approveRequest' ? { requestReply: input.reply?.trim() || null } : {}),
        ...(input.type === 'approveByLeader' ? { leaderApprovedBy: actor.userId } : {}),
        ...(input.type === 'file' ? { filedBy: actor.userId } : {}),
        updatedAt: new Date(),
      })
      .where(eq(pressForms.id, formId));
    return { id: formId, status: next.status, late: input.type === 'send' || input.type === 'file' ? (next.sentOn ?? today) > deadline : false };
  });
}

function toDomainAction(input: FormActionInput): PressFormAction {
  switch (input.type) {
    case 'approveRequest':
      return { type: 'approveRequest' };
    case 'returnToDraft':
      return { type: 'returnToDraft', reason: input.reason };
    case 'file':
      return { type: 'file', lateReason: input.lateReason ?? undefined };
    default:
      return { type: input.type };
  }
}

/** 6号文 二（三）: the form, the release and the Q&A, and 10 printed copies. */
async function checkReadyToSubmit(tx: Db, form: typeof pressForms.$inferSelect): Promise<void> {
  const missing: string[] = [];
  if (!form.startTime) missing.push('发布时间');
  if (!form.host) missing.push('主持人');
  if (!form.attendingLeaders) missing.push('出席领导');
  const kinds = new Set(
    (await tx.select({ kind: pressAttachments.kind }).from(pressAttachments).where(and(eq(pressAttachments.formId, form.id)))).map((a) => a.kind),
  );
  if (!kinds.has('release')) missing.push('新闻发布稿');
  if (!kinds.has('qa')) missing.push('答记者问');
  if (!form.printedCopiesConfirmed) missing.push('书面材料（10份）确认');
  if (missing.length > 0) throw errors.validation(`提交前请补全：${missing.join('、')}`, { missing });
}
