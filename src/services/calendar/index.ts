export {
  calendarMissing, defaultYearCalendars, getYearCalendar, listCalendarYears, loadWorkdayCalendar, mergeYearCalendars,
  readYearCalendars, replaceYearCalendar, seedDefaultCalendars, storedYearCalendars, withProvisionalCalendar, withWorkdayCalendar,
  type LoadedCalendar, type Provisional, type StoredYear, type YearOrigin, type YearStatus,
} from './year-calendars.js';
export { addCalendarYear, confirmCalendarYear, removeCalendarDay, seedCalendars, setCalendarDay, type CalendarDayInput } from './manage-calendar.js';
export { documentText, holidayNoticeImporter } from './holiday-notice.importer.js';
export { pressDeadlineFor } from './filing-deadline.js';
export { calendarFirstRunTask } from './first-run.js';
