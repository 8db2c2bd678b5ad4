export { canonicalOrganization, organizationForms, sameOrganization, type AliasTable } from './organizations.js';
export { findProbableDuplicates, TRANSLITERATION_EQUIVALENTS, type PersonRecord, type ProbableDuplicate } from './duplicates.js';
export { isPlausibleName, nameParts, normalizeName } from './names.js';
export { ORG_ALIASES } from './org-aliases.js';
export { matchesPinyin, pinyinKeys, type NamePartKeys, type PinyinKeys } from './pinyin.js';
export { normalizePosition, splitPosition, splitPostAndName, type Post } from './positions.js';
export { bodyHeading, parseRoster, type RosterSource } from './roster.js';
export { liaisonUnit } from './liaisons.js';
export { roleRank } from './roster-lines.js';
export type { BodyOffice, CoordinationBody, Liaison, Member, OfficeHolder, Rank } from './types.js';
export { diffRosters, RANK_LABELS, type RosterChange, type RosterDiff, type RosterEntry } from './roster-diff.js';
export {
  DUTY_REPORT_STATUS_LABELS, isDutyReportOverdue, isRectificationOverdue, moveDutyReport, moveRectification, RECTIFICATION_STATUS_LABELS,
  type DutyReportAction, type DutyReportStatus, type RectificationAction, type RectificationStatus,
} from './tracked-items.js';
