import type { Config } from '../../config.js';
import { livelihoodLightsJob } from '../livelihood/supervision.service.js';
import { auditRetentionJob, pruneSessionsJob } from './housekeeping.js';
import type { ScheduledJob } from './jobs.js';

/** Builds a module's scheduled job from the configuration. */
export type JobFactory = (config: Config) => ScheduledJob;

// One line per module, in the order a tick runs them (e.g. reminders, status lights).
export const SCHEDULED_JOBS: JobFactory[] = [pruneSessionsJob, auditRetentionJob, livelihoodLightsJob];

export function scheduledJobs(config: Config): ScheduledJob[] {
  return SCHEDULED_JOBS.map((factory) => factory(config));
}
