import { can, type ModulePolicy } from './policy.js';

/** Organisations, people and duplicates (directory:*), coordination bodies and their tracked items (bodies:*). */
export const directoryPolicy: ModulePolicy = {
  'GET /api/directory/organizations': can('directory:read'),
  'POST /api/directory/organizations/:id/aliases': can('directory:manage'),
  'GET /api/people': can('directory:read'),
  'GET /api/people/duplicates': can('directory:read'),
  'POST /api/people/duplicates/review': can('directory:manage'),
  'POST /api/people/appointments': can('directory:manage'),
  'GET /api/people/:id': can('directory:read'),
  'GET /api/bodies': can('bodies:read'),
  'GET /api/bodies/:id': can('bodies:read'),
  'GET /api/bodies/:id/diff': can('bodies:read'),
  'GET /api/bodies/:id/export.xlsx': can('bodies:read'),
  'GET /api/bodies/:id/export.docx': can('bodies:read'),
  'GET /api/bodies/:id/duty-reports': can('bodies:read'),
  'POST /api/bodies/:id/duty-reports': can('bodies:manage'),
  'POST /api/duty-reports/:id/submit': can('bodies:report'),
  'POST /api/duty-reports/:id/review': can('bodies:manage'),
  'GET /api/duty-reports/:id/file': can('bodies:read'),
  'GET /api/bodies/:id/rectifications': can('bodies:read'),
  'POST /api/bodies/:id/rectifications': can('bodies:manage'),
  'POST /api/rectifications/:id/progress': can('bodies:report'),
  'POST /api/rectifications/:id/review': can('bodies:manage'),
};
