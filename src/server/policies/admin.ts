import { can, type ModulePolicy } from './policy.js';

export const adminPolicy: ModulePolicy = {
  'GET /api/users': can('users:read'),
  'POST /api/users': can('users:manage'),
  'PATCH /api/users/:id': can('users:manage'),
  'POST /api/users/:id/lock': can('users:security'),
  'POST /api/users/:id/unlock': can('users:security'),
  'POST /api/users/:id/reset-password': can('users:security'),
  'GET /api/organizations': can('organizations:read'),
  'POST /api/organizations': can('organizations:manage'),
  'POST /api/organizations/:id/aliases': can('organizations:manage'),
};
