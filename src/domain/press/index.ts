export { approvalFormKind, ILI_COUNTIES, type ApprovalFormKind } from './press-unit.js';
export { parsePressPlan, type PlannedConference, type PressPlan, type PressPlanRequirements } from './press-plan.js';
export { PRESS_FILING_LEAD_WORKDAYS, pressFilingDeadline } from './filing-deadline.js';
export {
  PRESS_FORM_STATUS_LABELS, isFiledLate, isPressFormError, newPressForm, transitionPressForm,
  type PressActorRole, type PressForm, type PressFormAction, type PressFormContext, type PressFormError, type PressFormStatus,
} from './approval-form.js';
export { reminderDue, type FilingReminder } from './reminders.js';
export { escapeText, foldLine, toIcs, type AllDayIcsEvent, type IcsEvent, type IcsOptions, type TimedIcsEvent } from './ics.js';
export { pressStatisticsByUnit, type HeldConference, type UnitPressStatistics } from './statistics.js';
