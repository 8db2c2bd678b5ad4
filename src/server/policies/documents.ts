import { can, type ModulePolicy } from './policy.js';

export const documentsPolicy: ModulePolicy = {
  'GET /api/documents': can('documents:read'),
  'GET /api/documents/:id': can('documents:read'),
  'POST /api/documents/import': can('documents:import'),
};
