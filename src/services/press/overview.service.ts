import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations, pressConferences, pressForms, pressPlans } from '../../db/schema/index.js';
import { CalendarMissingError } from '../../domain/calendar/index.js';
import { pressStatisticsByUnit, reminderDue, type HeldConference, type PlannedConference } from '../../domain/press/index.js';
import { addMonths, type IsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { calendarMissing, loadWorkdayCalendar } from '../calendar/index.js';
import { seesAllForms } from './access.js';

export interface PressReminder {
  kind: 'deadline' | 'overdue' | 'noForm' | 'calendar';
  conferenceId: string;
  formId: string | null;
  topic: string;
  organizationName: string;
  message: string;
  deadline: IsoDate | null;
  workdaysLeft: number | null;
}

const REMIND_WITHIN_WORKDAYS = 3;

/**
 * In-app reminders for the actor's unit (the news office sees every unit's): forms not yet sent
 * whose deadline is at most 3 working days away or passed, and planned conferences of this month
 * or next that have no form yet (the plan gives only the month, so no deadline can be computed).
 */
export async function pressReminders(db: Db, actor: Actor, today: IsoDate): Promise<PressReminder[]> {
  const all = seesAllForms(actor);
  if (!all && !actor.organizationId) return [];
  const unitFilter = all ? undefined : eq(pressConferences.organizationId, actor.organizationId ?? '');
  const rows = await db
    .select({ conference: pressConferences, form: pressForms, organizationName: organizations.name })
    .from(pressConferences)
    .innerJoin(organizations, eq(organizations.id, pressConferences.organizationId))
    .leftJoin(pressForms, eq(pressForms.conferenceId, pressConferences.id))
    .where(unitFilter)
    .orderBy(asc(pressConferences.month), asc(pressConferences.seq));
  const loaded = await loadWorkdayCalendar(db);
  const months = [today.slice(0, 7), addMonths(`${today.slice(0, 7)}-01`, 1).slice(0, 7)];
  const reminders: PressReminder[] = [];
  for (const { conference, form, organizationName } of rows) {
    const base = { conferenceId: conference.id, formId: form?.id ?? null, topic: form?.topic ?? conference.topic, organizationName };
    if (!form) {
      if (conference.origin === 'planned' && months.includes(conference.month)) {
        const [y, m] = conference.month.split('-').map(Number);
        reminders.push({ ...base, kind: 'noForm', message: `计划${y}年${m}月召开，尚未填写审批单（须提前7个工作日报新闻办备案）`, deadline: null, workdaysLeft: null });
      }
      continue;
    }
    if (form.sentOn !== null || ['held', 'filed', 'filedLate', 'sent'].includes(form.status)) continue;
    try {
      const due = reminderDue({ conferenceDate: form.conferenceDate, filedOn: form.sentOn }, today, loaded.calendar, REMIND_WITHIN_WORKDAYS);
      if (!due.due) continue;
      reminders.push({
        ...base,
        kind: due.overdue ? 'overdue' : 'deadline',
        message: due.overdue
          ? `已超过备案时限（${due.deadline}），尚未报送新闻办；逾期报送须经新闻办受理`
          : due.workdaysLeft === 0 ? `今天（${due.deadline}）是报新闻办备案的最后一天` : `距报新闻办备案截止（${due.deadline}）还有${due.workdaysLeft}个工作日`,
        deadline: due.deadline,
        workdaysLeft: due.workdaysLeft,
      });
    } catch (error) {
      if (!(error instanceof CalendarMissingError)) throw error;
      reminders.push({ ...base, kind: 'calendar', message: calendarMissing(error.year, loaded.statusOf(error.year)).message, deadline: null, workdaysLeft: null });
    }
  }
  return reminders;
}

/** Planned-versus-held per unit for a year; units by their directory name, so aliases in the plan do not split a unit. */
export async function pressStatistics(db: Db, year: number, today: IsoDate) {
  const planned = await db
    .select({ conference: pressConferences, organizationName: organizations.name })
    .from(pressConferences)
    .innerJoin(pressPlans, eq(pressPlans.id, pressConferences.planId))
    .innerJoin(organizations, eq(organizations.id, pressConferences.organizationId))
    .where(eq(pressPlans.year, year))
    .orderBy(asc(pressConferences.seq));
  const held = await db
    .select({ conference: pressConferences, form: pressForms, organizationName: organizations.name })
    .from(pressForms)
    .innerJoin(pressConferences, eq(pressConferences.id, pressForms.conferenceId))
    .innerJoin(organizations, eq(organizations.id, pressForms.organizationId))
    .where(and(eq(pressForms.status, 'held'), isNotNull(pressForms.heldOn), sql`${pressForms.heldOn} >= ${`${year}-01-01`} AND ${pressForms.heldOn} <= ${`${year}-12-31`}`));
  const plannedConferences: PlannedConference[] = planned.map(({ conference: c, organizationName }) => ({
    seq: c.seq ?? 0, month: c.month, topic: c.topic, unit: organizationName, formKind: c.formKind,
  }));
  const heldConferences: HeldConference[] = held.map(({ conference: c, form, organizationName }) => ({
    unit: organizationName, date: form.heldOn ?? form.conferenceDate, planSeq: c.origin === 'planned' ? c.seq : null,
  }));
  return pressStatisticsByUnit(plannedConferences, heldConferences, today);
}

export async function listPressPlans(db: Db) {
  const rows = await db.select().from(pressPlans).orderBy(asc(pressPlans.year));
  const counts = await db
    .select({ planId: pressConferences.planId, n: sql<number>`count(*)::int` })
    .from(pressConferences)
    .where(inArray(pressConferences.planId, rows.map((r) => r.id).length ? rows.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000']))
    .groupBy(pressConferences.planId);
  return rows.map((p) => ({
    id: p.id, year: p.year, docNumber: p.docNumber, declaredCount: p.declaredCount, conferences: counts.find((c) => c.planId === p.id)?.n ?? 0,
    venue: p.venue, printedCopies: p.printedCopies, leadWorkdays: p.leadWorkdays, contact: p.contact,
  }));
}

/** `press list`: the plan's conferences in document order. */
export async function plannedConferences(db: Db, year?: number) {
  const rows = await db
    .select({ conference: pressConferences, year: pressPlans.year })
    .from(pressConferences)
    .innerJoin(pressPlans, eq(pressPlans.id, pressConferences.planId))
    .where(year === undefined ? undefined : eq(pressPlans.year, year))
    .orderBy(asc(pressPlans.year), asc(pressConferences.seq));
  return rows.map(({ conference: c }) => ({ month: c.month, topic: c.topic, unit: c.unitName }));
}
