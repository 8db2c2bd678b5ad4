import { can, type ModulePolicy } from './policy.js';

export const calendarPolicy: ModulePolicy = {
  'GET /api/calendar/years': can('calendar:read'),
  'GET /api/calendar/years/:year': can('calendar:read'),
  'GET /api/calendar/deadline': can('calendar:read'),
  'POST /api/calendar/years': can('calendar:manage'),
  'POST /api/calendar/years/:year/days': can('calendar:manage'),
  'DELETE /api/calendar/years/:year/days/:date': can('calendar:manage'),
  'POST /api/calendar/years/:year/confirm': can('calendar:manage'),
};
