import { nationalYearCalendar } from './national.js';
import { CalendarMissingError, dayRange, type YearCalendar } from './year-calendar.js';
import { createWorkdayCalendar, type WorkdayCalendar } from './workday-calendar.js';

/**
 * The autonomous region's own days off in 2023, from 新疆维吾尔自治区人民政府办公厅《关于2023年
 * 节假日放假安排和冬夏季作息时间的通知》(2022-12-25):
 *   （四）肉孜节：4月22日是肉孜节，4月21日放假调休1天。
 *   （七）古尔邦节：6月29日是古尔邦节，6月28日至30日放假，共3天。
 * No regional make-up workday: the notice's only weekend workdays are the national ones
 * (1月28日、29日，4月23日、5月6日，6月25日，10月7日、8日), which chinese-days already holds.
 * "放假调休" for 4月21日 names no extra working Saturday or Sunday, so none is invented here.
 */
export const XINJIANG_REGIONAL_2023: YearCalendar = {
  year: 2023,
  holidays: [
    ...dayRange('2023-04-21', '2023-04-21', '肉孜节', 'regional'),
    ...dayRange('2023-06-28', '2023-06-30', '古尔邦节', 'regional'),
  ],
  makeUpWorkdays: [],
};

/** Regional arrangements known to the code. Later years come from parseHolidayNotice. */
export const XINJIANG_REGIONAL_CALENDARS: readonly YearCalendar[] = [XINJIANG_REGIONAL_2023];

/**
 * The Xinjiang working-day calendar for `years`: national days from chinese-days, then the
 * region's own (which win on a clash). Both are required for every year: a year without
 * regional data would silently drop 肉孜节 and 古尔邦节, so it throws CalendarMissingError.
 */
export function xinjiangWorkdayCalendar(
  years: readonly number[],
  regional: readonly YearCalendar[] = XINJIANG_REGIONAL_CALENDARS,
): WorkdayCalendar {
  const calendars: YearCalendar[] = [];
  for (const year of years) {
    const national = nationalYearCalendar(year);
    if (!national) throw new CalendarMissingError(year, '全国节假日安排');
    const ownDays = regional.filter((c) => c.year === year);
    if (ownDays.length === 0) throw new CalendarMissingError(year, '自治区节假日安排');
    calendars.push(national, ...ownDays);
  }
  return createWorkdayCalendar(calendars);
}
