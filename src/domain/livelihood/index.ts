export type { Funding, LeaderRef, LivelihoodPlan, LivelihoodProject, Measure, Milestone, Target } from './types.js';
export { LivelihoodPlanError, parseLivelihoodPlan } from './parse-plan.js';
export { readFundings, readTargets, scaleDecimal } from './quantities.js';
export { readMilestones } from './milestones.js';
export { parseResponsibility, readDeadline, readUnits, splitResponsibility } from './responsibility.js';
export { readLeaders } from './leaders.js';
export {
  MONTHLY_REPORT_DUE_WORKDAY, measureProgress, monthlyReportDueDate, monthlyReportState,
  type MonthlyReportState, type ProgressReport, type ReportingOptions,
} from './reporting.js';
export { briefReasons, statusLight, type MeasureStatus, type StatusLight, type StatusOptions, type StatusReason } from './status-light.js';
export {
  quarterlySummary, type MonthSummary, type MonthlyReportItem, type ProjectQuarterSummary, type QuarterRef, type ReportCounts,
} from './quarterly.js';
