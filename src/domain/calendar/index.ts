export { CalendarMissingError, emptyYearCalendar, type CalendarDay, type CalendarSource, type YearCalendar } from './year-calendar.js';
export { createWorkdayCalendar, type DayInfo, type WorkdayCalendar } from './workday-calendar.js';
export { nationalYearCalendar } from './national.js';
export { XINJIANG_REGIONAL_2023, XINJIANG_REGIONAL_CALENDARS, xinjiangWorkdayCalendar } from './xinjiang.js';
export { HolidayNoticeError, parseHolidayNotice } from './holiday-notice.js';
export { chineseNumeralValue, normalizeDigits, splitListMarker } from './chinese-text.js';
