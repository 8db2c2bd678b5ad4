import type { IsoDate } from '../shared/dates.js';
import type { WorkdayCalendar } from '../calendar/workday-calendar.js';

/** 伊州政办发〔2023〕6号 二（三）：“提前7个工作日报州政府新闻办备案”. */
export const PRESS_FILING_LEAD_WORKDAYS = 7;

/**
 * The last day the approval form may reach the news office: the 7th working day before the
 * conference. The conference day itself is not counted (it may even be a rest day); counting
 * goes backwards over the Xinjiang calendar, skipping national and regional days off and
 * counting make-up Saturdays/Sundays. Filing on that day is on time; the day after is late.
 *   2023-05-04 → 2023-04-20 (4月21日 肉孜节, 4月23日 劳动节 make-up day counts)
 *   2023-07-05 → 2023-06-20 (6月28–30日 古尔邦节, 6月22–24日 端午节 off, 6月25日 make-up)
 */
export function pressFilingDeadline(
  conferenceDate: IsoDate,
  calendar: WorkdayCalendar,
  leadWorkdays: number = PRESS_FILING_LEAD_WORKDAYS,
): IsoDate {
  return calendar.addWorkdays(conferenceDate, -leadWorkdays);
}
