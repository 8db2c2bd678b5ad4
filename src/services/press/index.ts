export { assertCanSeeForm, canSeeForm, pressRolesFor, seesAllForms } from './access.js';
export { addPressAttachment, PRESS_ATTACHMENT_LABELS, readPressAttachment, removePressAttachment, type PressAttachmentKind } from './attachments.service.js';
export { createFeedToken, feedTokenInfo, unitIcsFeed } from './feed.service.js';
export { approvalFormDocx, approvalFormRows, approvalFormTitle } from './form-docx.js';
export { DEFAULT_VENUE, getFormDetail, listConferences, type ConferenceItem, type FormDetail } from './forms.queries.js';
export {
  createPlannedForm, requestAdHocConference, runPressFormAction, updatePressForm, type FormActionInput, type FormFields,
} from './forms.service.js';
export { addMedia, listMedia, recordMediaNotification, updateMedia } from './media.service.js';
export { listPressPlans, plannedConferences, pressReminders, pressStatistics, type PressReminder } from './overview.service.js';
export { pressPlanImporter } from './plan.importer.js';
export { acceptFile, attachmentDisposition, cleanName, MAX_ATTACHMENT_BYTES, sniffFileType, type FileType } from './uploads.js';
