import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  organizations, pressAttachments, pressConferences, pressForms, pressMediaNotifications, pressPlans, users,
} from '../../db/schema/index.js';
import { CalendarMissingError, type WorkdayCalendar } from '../../domain/calendar/index.js';
import { errors } from '../../domain/errors.js';
import {
  isPressFormError, pressFilingDeadline, transitionPressForm,
  type PressActorRole, type PressForm, type PressFormAction,
} from '../../domain/press/index.js';
import type { IsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { calendarMissing, loadWorkdayCalendar, type LoadedCalendar } from '../calendar/index.js';
import { assertCanSeeForm, canSeeForm, pressRolesFor, seesAllForms } from './access.js';

export type FormRow = typeof pressForms.$inferSelect;
export type ConferenceRow = typeof pressConferences.$inferSelect;

export const DEFAULT_VENUE = '州政府五楼新闻发布厅';
export const DEFAULT_PRINTED_COPIES = 10;

export function toDomainForm(row: FormRow, origin: ConferenceRow['origin']): PressForm {
  return {
    origin,
    kind: row.kind,
    status: row.status,
    conferenceDate: row.conferenceDate,
    sentOn: row.sentOn,
    filedOn: row.filedOn,
    lateReason: row.lateReason,
    heldOn: row.heldOn,
    returnReason: row.returnReason,
  };
}

/** The deadline of a conference day, or null with the reason when the calendar lacks a year. */
export function deadlineOf(loaded: LoadedCalendar, date: IsoDate): { deadline: IsoDate | null; calendarProblem: string | null } {
  try {
    return { deadline: pressFilingDeadline(date, loaded.calendar), calendarProblem: null };
  } catch (error) {
    if (error instanceof CalendarMissingError) return { deadline: null, calendarProblem: calendarMissing(error.year, loaded.statusOf(error.year)).message };
    throw error;
  }
}

/** The deadline for a state change that needs it: a missing calendar year refuses the change. */
export function requireDeadline(calendar: WorkdayCalendar, loaded: LoadedCalendar, date: IsoDate): IsoDate {
  try {
    return pressFilingDeadline(date, calendar);
  } catch (error) {
    if (error instanceof CalendarMissingError) throw calendarMissing(error.year, loaded.statusOf(error.year));
    throw error;
  }
}

const ACTION_PROBES: PressFormAction[] = [
  { type: 'approveRequest' }, { type: 'submit' }, { type: 'approveByLeader' }, { type: 'returnToDraft', reason: '-' },
  { type: 'send' }, { type: 'file', lateReason: '-' }, { type: 'hold' },
];

/** The actions the state machine would let these roles take now (a reason, if needed, is asked for in the form). */
export function availableActions(form: PressForm, roles: readonly PressActorRole[], today: IsoDate): PressFormAction['type'][] {
  return ACTION_PROBES.filter((action) => !isPressFormError(transitionPressForm(form, action, { today, deadline: today, actorRoles: roles }))).map(
    (a) => a.type,
  );
}

export async function loadForm(db: Db, formId: string, lock = false) {
  const query = db
    .select({ form: pressForms, conference: pressConferences, organizationName: organizations.name })
    .from(pressForms)
    .innerJoin(pressConferences, eq(pressConferences.id, pressForms.conferenceId))
    .innerJoin(organizations, eq(organizations.id, pressForms.organizationId))
    .where(eq(pressForms.id, formId));
  const [row] = lock ? await query.for('update', { of: pressForms }) : await query;
  if (!row) throw errors.notFound('审批单');
  return row;
}

export function formSummary(form: FormRow, loaded: LoadedCalendar, today: IsoDate) {
  const { deadline, calendarProblem } = deadlineOf(loaded, form.conferenceDate);
  const unsent = ['requested', 'approvedByNewsOffice', 'draft', 'submitted', 'leaderApproved'].includes(form.status);
  // Judged by the day it was sent; a form not sent yet is late once the deadline has passed.
  const judgedOn = form.sentOn ?? (unsent ? today : null);
  return {
    id: form.id,
    status: form.status,
    conferenceDate: form.conferenceDate,
    startTime: form.startTime,
    endTime: form.endTime,
    venue: form.venue,
    sentOn: form.sentOn,
    filedOn: form.filedOn,
    heldOn: form.heldOn,
    deadline,
    calendarProblem,
    /** Sent after the deadline, or not sent and the deadline has passed. */
    late: deadline !== null && judgedOn !== null && judgedOn > deadline,
  };
}

export type FormSummary = ReturnType<typeof formSummary>;

/** A year's conferences (the plan's in its order, then ad-hoc ones by date), with the forms the actor may see. */
export async function listConferences(db: Db, actor: Actor, year: number, today: IsoDate) {
  const loaded = await loadWorkdayCalendar(db);
  const yearFilter: SQL | undefined = or(
    and(eq(pressConferences.origin, 'planned'), inArray(pressConferences.planId, db.select({ id: pressPlans.id }).from(pressPlans).where(eq(pressPlans.year, year)))),
    and(eq(pressConferences.origin, 'adHoc'), sql`${pressConferences.month} LIKE ${`${year}-%`}`),
  );
  const rows = await db
    .select({ conference: pressConferences, form: pressForms, organizationName: organizations.name })
    .from(pressConferences)
    .innerJoin(organizations, eq(organizations.id, pressConferences.organizationId))
    .leftJoin(pressForms, eq(pressForms.conferenceId, pressConferences.id))
    .where(yearFilter)
    .orderBy(asc(pressConferences.origin), asc(pressConferences.seq), asc(pressConferences.month), asc(pressForms.conferenceDate));
  return rows
    .filter((r) => r.conference.origin === 'planned' || canSeeForm(actor, r.conference.organizationId))
    .map(({ conference: c, form, organizationName }) => ({
      id: c.id,
      origin: c.origin,
      seq: c.seq,
      month: c.month,
      topic: c.topic,
      unit: c.unitName,
      organizationId: c.organizationId,
      organizationName,
      formKind: c.formKind,
      ownUnit: actor.organizationId === c.organizationId,
      form: form && canSeeForm(actor, form.organizationId) ? formSummary(form, loaded, today) : null,
    }));
}

export type ConferenceItem = Awaited<ReturnType<typeof listConferences>>[number];

/** A form with everything its page shows: conference, attachments, media notices, deadline, the actor's actions. */
export async function getFormDetail(db: Db, actor: Actor, formId: string, today: IsoDate) {
  const { form, conference, organizationName } = await loadForm(db, formId);
  assertCanSeeForm(actor, form.organizationId);
  const loaded = await loadWorkdayCalendar(db);
  const attachments = await db
    .select({
      id: pressAttachments.id, kind: pressAttachments.kind, fileName: pressAttachments.fileName, originalName: pressAttachments.originalName,
      contentType: pressAttachments.contentType, size: pressAttachments.size, uploadedAt: pressAttachments.uploadedAt,
    })
    .from(pressAttachments)
    .where(eq(pressAttachments.formId, formId))
    .orderBy(asc(pressAttachments.uploadedAt));
  const notifications = seesAllForms(actor) || actor.organizationId === form.organizationId
    ? await db.select().from(pressMediaNotifications).where(eq(pressMediaNotifications.formId, formId)).orderBy(asc(pressMediaNotifications.createdAt))
    : [];
  const names = await userNames(db, [form.createdBy, form.leaderApprovedBy, form.filedBy]);
  const [plan] = conference.planId ? await db.select().from(pressPlans).where(eq(pressPlans.id, conference.planId)) : [];
  const roles = pressRolesFor(actor, form.organizationId);
  return {
    ...formSummary(form, loaded, today),
    kind: form.kind,
    host: form.host,
    attendingLeaders: form.attendingLeaders,
    topic: form.topic,
    printedCopiesConfirmed: form.printedCopiesConfirmed,
    printedCopies: plan?.printedCopies ?? DEFAULT_PRINTED_COPIES,
    requestText: form.requestText,
    requestReply: form.requestReply,
    returnReason: form.returnReason,
    lateReason: form.lateReason,
    createdBy: names.get(form.createdBy ?? '') ?? null,
    leaderApprovedBy: names.get(form.leaderApprovedBy ?? '') ?? null,
    filedBy: names.get(form.filedBy ?? '') ?? null,
    updatedAt: form.updatedAt.toISOString(),
    conference: {
      id: conference.id, origin: conference.origin, seq: conference.seq, month: conference.month, topic: conference.topic,
      unit: conference.unitName, organizationId: conference.organizationId, organizationName,
    },
    plan: plan ? { year: plan.year, docNumber: plan.docNumber } : null,
    attachments: attachments.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    notifications: notifications.map((n) => ({ id: n.id, notifiedOn: n.notifiedOn, media: n.media.map((m) => m.name), note: n.note })),
    actions: availableActions(toDomainForm(form, conference.origin), roles, today),
    editable: roles.includes('unit') && ['requested', 'approvedByNewsOffice', 'draft'].includes(form.status),
  };
}

export type FormDetail = Awaited<ReturnType<typeof getFormDetail>>;

async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
