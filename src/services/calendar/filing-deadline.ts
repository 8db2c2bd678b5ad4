import type { Db } from '../../db/client.js';
import { pressFilingDeadline } from '../../domain/press/index.js';
import { errors } from '../../domain/errors.js';
import { isIsoDate, type IsoDate } from '../../domain/shared/dates.js';
import { withWorkdayCalendar } from './year-calendars.js';

/** The last day a conference's approval form may reach the news office (7th working day before). */
export async function pressDeadlineFor(db: Db, date: IsoDate): Promise<{ date: IsoDate; deadline: IsoDate }> {
  if (!isIsoDate(date)) throw errors.validation(`日期格式应为 YYYY-MM-DD：${date}`, { field: 'date' });
  return withWorkdayCalendar(db, (calendar) => ({ date, deadline: pressFilingDeadline(date, calendar) }));
}
