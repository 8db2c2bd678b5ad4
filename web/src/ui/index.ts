export { PageHeader } from './PageHeader';
export { ErrorAlert } from './ErrorAlert';
export { PageLoading } from './PageLoading';
export { PageErrorBoundary } from './PageErrorBoundary';
export { UnderConstruction } from './UnderConstruction';
export { useApi, type ApiResource } from './useApi';
export { downloadFile } from './downloadFile';
export {
  formatYuan,
  formatDate,
  formatDateTime,
  formatChineseDate,
  startOfDayInstant,
  endOfDayInstant,
  todayDate,
} from './format';
