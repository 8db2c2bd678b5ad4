import { adminPolicy } from './admin.js';
import { awardsPolicy } from './awards.js';
import { calendarPolicy } from './calendar.js';
import { livelihoodPolicy } from './livelihood.js';
import { pressPolicy } from './press.js';
import { directoryPolicy } from './directory.js';
import { documentsPolicy } from './documents.js';
import type { ModulePolicy, RoutePolicy } from './policy.js';
import { systemPolicy } from './system.js';

// One line per module policy file.
const MODULE_POLICIES: ModulePolicy[] = [systemPolicy, adminPolicy, calendarPolicy, pressPolicy, livelihoodPolicy, documentsPolicy, directoryPolicy, awardsPolicy];

export const ROUTE_POLICIES: ReadonlyMap<string, RoutePolicy> = new Map(
  MODULE_POLICIES.flatMap((policy) => Object.entries(policy)),
);

export function policyFor(method: string, url: string): RoutePolicy | undefined {
  return ROUTE_POLICIES.get(`${method} ${url}`);
}
