import { can, type ModulePolicy } from './policy.js';

/**
 * 体育奖励 (伊州政办规〔2023〕1号). What each caller sees within a permission (own applications, own
 * county) and who may not decide on their own application is enforced in src/services/awards.
 */
export const awardsPolicy: ModulePolicy = {
  'POST /api/awards/compute': can('awards:read'),
  'GET /api/awards/template.xlsx': can('awards:apply'),
  'POST /api/awards/import': can('awards:apply'),
  'GET /api/awards/applications': can('awards:read'),
  'POST /api/awards/applications': can('awards:apply'),
  'GET /api/awards/applications/:id': can('awards:read'),
  'PATCH /api/awards/applications/:id': can('awards:apply'),
  'GET /api/awards/applications/:id/id-numbers': can('awards:read-id'),
  'POST /api/awards/applications/:id/materials': can('awards:apply'),
  'GET /api/awards/applications/:id/materials/:materialId': can('awards:read'),
  'DELETE /api/awards/applications/:id/materials/:materialId': can('awards:apply'),
  'POST /api/awards/applications/:id/submit': can('awards:apply'),
  'POST /api/awards/applications/:id/review': can('awards:review'),
  'POST /api/awards/applications/:id/approve': can('awards:approve'),
  'POST /api/awards/applications/:id/decline': can('awards:approve'),
  'POST /api/awards/applications/:id/disburse': can('awards:disburse'),
  'POST /api/awards/applications/:id/revoke': can('awards:review'),
  'POST /api/awards/applications/:id/recoveries': can('awards:disburse'),
  'GET /api/awards/notices': can('awards:read'),
  'POST /api/awards/notices': can('awards:review'),
  'GET /api/awards/notices/:id': can('awards:read'),
  'GET /api/awards/notices/:id/notice.docx': can('awards:read'),
  'POST /api/awards/notices/:id/objections': can('awards:review'),
  'POST /api/awards/objections/:id/handle': can('awards:review'),
  'POST /api/awards/notices/:id/report': can('awards:review'),
  'GET /api/awards/plans/:year': can('awards:read'),
  'GET /api/awards/plans/:year/plan.xlsx': can('awards:read'),
  'GET /api/awards/plans/:year/plan.docx': can('awards:read'),
  'GET /api/awards/ledger': can('awards:read'),
};
