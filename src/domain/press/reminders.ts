import type { IsoDate } from '../shared/dates.js';
import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import { pressFilingDeadline } from './filing-deadline.js';
import type { PressForm } from './approval-form.js';

export interface FilingReminder {
  due: boolean;
  deadline: IsoDate;
  /** Workdays from today to the deadline (0 = file today); negative once the deadline has passed. */
  workdaysLeft: number;
  overdue: boolean;
}

/**
 * Whether to remind a unit to file its approval form: not yet filed, the conference still ahead
 * (or today), and the filing deadline at most `withinWorkdays` working days away — or passed.
 * A conference known only by its planned month has no date and gets no reminder.
 */
export function reminderDue(
  conference: Pick<PressForm, 'conferenceDate' | 'filedOn'>,
  today: IsoDate,
  calendar: WorkdayCalendar,
  withinWorkdays = 3,
): FilingReminder {
  const deadline = pressFilingDeadline(conference.conferenceDate, calendar);
  const workdaysLeft = calendar.workdaysBetween(today, deadline);
  const overdue = today > deadline;
  const open = conference.filedOn === null && today <= conference.conferenceDate;
  return { due: open && workdaysLeft <= withinWorkdays, deadline, workdaysLeft, overdue };
}
