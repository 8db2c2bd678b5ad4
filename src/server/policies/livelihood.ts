import { can, type ModulePolicy } from './policy.js';

/**
 * 民生实事 (伊州政办发〔2023〕8号). A unit reports only on the measures it leads (checked in
 * src/services/livelihood); lights and reports are read by every livelihood reader, as they are
 * what the leaders' dashboard shows.
 */
export const livelihoodPolicy: ModulePolicy = {
  'GET /api/livelihood/projects': can('livelihood:read'),
  'GET /api/livelihood/measures/:id': can('livelihood:read'),
  'POST /api/livelihood/measures/:id/reports': can('livelihood:report'),
  'POST /api/livelihood/reports/:id/attachments': can('livelihood:report'),
  'GET /api/livelihood/attachments/:id': can('livelihood:read'),
  'GET /api/livelihood/my-tasks': can('livelihood:report'),
  'GET /api/livelihood/dashboard': can('livelihood:read'),
  'GET /api/livelihood/reporting': can('livelihood:read'),
  'GET /api/livelihood/quarterly': can('livelihood:read'),
  'GET /api/livelihood/quarterly.xlsx': can('livelihood:read'),
  'GET /api/livelihood/quarterly.docx': can('livelihood:read'),
  'GET /api/livelihood/supervisions': can('livelihood:read'),
  'POST /api/livelihood/measures/:id/supervisions': can('livelihood:supervise'),
  'PATCH /api/livelihood/supervisions/:id': can('livelihood:supervise'),
  'POST /api/livelihood/supervisions/:id/close': can('livelihood:supervise'),
  'POST /api/livelihood/lights/refresh': can('livelihood:supervise'),
  'PATCH /api/livelihood/plans/:id': can('livelihood:manage'),
};
