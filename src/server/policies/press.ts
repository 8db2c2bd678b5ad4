import { can, publicRoute, type ModulePolicy } from './policy.js';

/**
 * 新闻发布 (伊州政办发〔2023〕6号). Which unit's forms a caller sees and which step of the form it
 * may take (the unit, its 分管领导, the news office) is decided in src/services/press.
 * The ICS feed is public at the HTTP level: calendar programs send no cookie, so the URL carries
 * the unit's secret token (src/services/press/feed.service.ts).
 */
export const pressPolicy: ModulePolicy = {
  'GET /api/press/plans': can('press:read'),
  'GET /api/press/conferences': can('press:read'),
  'POST /api/press/conferences/:id/form': can('press:file'),
  'POST /api/press/ad-hoc': can('press:file'),
  'GET /api/press/forms/:id': can('press:read'),
  'PATCH /api/press/forms/:id': can('press:file'),
  'POST /api/press/forms/:id/submit': can('press:file'),
  'POST /api/press/forms/:id/approve': can('press:approve'),
  'POST /api/press/forms/:id/return': can('press:approve'),
  'POST /api/press/forms/:id/send': can('press:file'),
  'POST /api/press/forms/:id/file': can('press:manage'),
  'POST /api/press/forms/:id/approve-request': can('press:manage'),
  'POST /api/press/forms/:id/hold': can('press:read'),
  'GET /api/press/forms/:id/docx': can('press:read'),
  'POST /api/press/forms/:id/attachments/:kind': can('press:file'),
  'GET /api/press/attachments/:id': can('press:read'),
  'DELETE /api/press/attachments/:id': can('press:file'),
  'POST /api/press/forms/:id/notifications': can('press:manage'),
  'GET /api/press/media': can('press:manage'),
  'POST /api/press/media': can('press:manage'),
  'PATCH /api/press/media/:id': can('press:manage'),
  'GET /api/press/reminders': can('press:read'),
  'GET /api/press/statistics': can('press:read'),
  'GET /api/press/feed': can('press:file'),
  'POST /api/press/feed': can('press:file'),
  'GET /api/press/ics/:unitId': publicRoute,
};
