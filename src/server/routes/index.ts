import type { FastifyPluginAsync } from 'fastify';
import { adminRoutes } from './admin.routes.js';
import { auditRoutes } from './audit.routes.js';
import { awardsRoutes } from './awards.routes.js';
import { authRoutes } from './auth.routes.js';
import { calendarRoutes } from './calendar.routes.js';
import { livelihoodRoutes } from './livelihood.routes.js';
import { pressRoutes } from './press.routes.js';
import { directoryRoutes } from './directory.routes.js';
import { documentsRoutes } from './documents.routes.js';

// One line per module; each is registered under /api.
export const ROUTE_MODULES: FastifyPluginAsync[] = [authRoutes, adminRoutes, auditRoutes, calendarRoutes, pressRoutes, livelihoodRoutes, documentsRoutes, directoryRoutes, awardsRoutes];
