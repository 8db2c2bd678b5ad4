import { UnderConstruction } from '../../ui';

/** Placeholder: replace this file with the 工作日历 module's page (default export). */
export default function CalendarPage() {
  return <UnderConstruction title="工作日历" />;
}
