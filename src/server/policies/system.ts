import { authenticated, can, publicRoute, type ModulePolicy } from './policy.js';

export const systemPolicy: ModulePolicy = {
  'GET /api/health': publicRoute,
  'GET /api/docs': publicRoute,
  'GET /api/docs/': publicRoute,
  'GET /api/docs/json': publicRoute,
  'GET /api/docs/yaml': publicRoute,
  'GET /api/docs/static/*': publicRoute,
  'GET /api/docs/static/index.html': publicRoute,
  'GET /api/docs/static/swagger-initializer.js': publicRoute,
  'GET /api/docs/*': publicRoute,
  'GET /api/docs/initOAuth': publicRoute,
  'GET /api/docs/uiConfig': publicRoute,
  'POST /api/auth/login': publicRoute,
  'POST /api/auth/logout': authenticated,
  'GET /api/auth/me': authenticated,
  'POST /api/auth/password': authenticated,
  'GET /api/audit': can('audit:read'),
  'GET /api/audit/verify': can('audit:read'),
};
