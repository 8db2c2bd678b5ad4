export { livelihoodPlanImporter } from './plan.importer.js';
export { findPlan, planReports, projectsOutline, requirePlan, type StoredPlan, type StoredReport } from './plan.queries.js';
export { setReportingStart } from './plans.service.js';
export { quarterlyDocument, quarterlyTitle, quarterlyWorkbook } from './quarterly-files.js';
export { quarterlyReport, reportingStatus, REPORT_STATE_LABELS, type QuarterlyReport } from './quarterly.service.js';
export { addReportAttachment, readReportAttachment, submitProgressReport, type ReportInput } from './reports.service.js';
export { countLights, loadPlanStatus, measureStatuses, planOptions } from './status.service.js';
export {
  closeSupervision, listSupervisions, livelihoodLightsJob, openSupervision, recordSupervision, refreshStatusLights, type LightsRefresh,
} from './supervision.service.js';
export { getMeasure, listProjects, livelihoodDashboard, myTasks, type MeasureSummary } from './views.service.js';
