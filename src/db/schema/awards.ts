// Typed view of src/db/migrations/0300_awards.sql (the migration is the source of truth).
import { bigint, boolean, customType, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite returns a Uint8Array, node-postgres a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** One application as a public notice lists it. */
export interface NoticeItem {
  applicationId: string;
  ref: number;
  summary: string;
  applicantName: string;
  lines: { payee: string; role: string; amountFen: number; funding: 'prefecture' | 'county' }[];
  totalFen: number;
}

const fen = (name: string) => bigint(name, { mode: 'number' });
const instant = (name: string) => timestamp(name, { withTimezone: true });
const jurisdiction = () => text('jurisdiction').notNull().default('654000');

export const awardNotices = pgTable('award_notices', {
  id: uuid('id').primaryKey(),
  ref: integer('ref').generatedAlwaysAsIdentity(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  publishedOn: date('published_on').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  publishedBy: uuid('published_by'),
  publishedByName: text('published_by_name').notNull(),
  items: jsonb('items').$type<NoticeItem[]>().notNull(),
  reportedAt: instant('reported_at'),
  jurisdiction: jurisdiction(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const awardApplications = pgTable('award_applications', {
  id: uuid('id').primaryKey(),
  ref: integer('ref').generatedAlwaysAsIdentity(),
  status: text('status', {
    enum: ['draft', 'submitted', 'returned', 'reviewed', 'in-notice', 'reported', 'approved', 'declined', 'disbursed', 'revoked'],
  }).notNull(),
  entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
  kind: text('kind').notNull(),
  games: text('games'),
  sport: text('sport'),
  resultDate: date('result_date').notNull(),
  appliedOn: date('applied_on').notNull(),
  year: integer('year').notNull(),
  summary: text('summary').notNull(),
  applicantKind: text('applicant_kind', { enum: ['coach', 'unit'] }).notNull(),
  applicantName: text('applicant_name').notNull(),
  applicantUserId: uuid('applicant_user_id').notNull(),
  applicantOrgId: uuid('applicant_org_id'),
  rulebook: text('rulebook').notNull(),
  eligible: boolean('eligible').notNull(),
  reasons: jsonb('reasons').$type<string[]>().notNull(),
  totalFen: fen('total_fen').notNull(),
  prefectureFen: fen('prefecture_fen').notNull(),
  countyFen: fen('county_fen').notNull(),
  noticeId: uuid('notice_id'),
  submittedAt: instant('submitted_at'),
  reviewedAt: instant('reviewed_at'),
  reviewedBy: uuid('reviewed_by'),
  decidedAt: instant('decided_at'),
  decidedBy: uuid('decided_by'),
  disbursedOn: date('disbursed_on'),
  disbursedFen: fen('disbursed_fen'),
  disbursedBy: uuid('disbursed_by'),
  disbursementVoucher: text('disbursement_voucher'),
  revokedAt: instant('revoked_at'),
  revokedBy: uuid('revoked_by'),
  revocationGround: text('revocation_ground', { enum: ['fraud', 'doping', 'violation'] }),
  revocationReason: text('revocation_reason'),
  recoveryDueFen: fen('recovery_due_fen').notNull(),
  jurisdiction: jurisdiction(),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const awardLines = pgTable('award_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull(),
  position: integer('position').notNull(),
  payee: text('payee').notNull(),
  role: text('role', { enum: ['athlete', 'team', 'head', 'original', 'assistant', 'county', 'collective'] }).notNull(),
  amountFen: fen('amount_fen').notNull(),
  funding: text('funding', { enum: ['prefecture', 'county'] }).notNull(),
  countyOrgId: uuid('county_org_id'),
  basis: text('basis').notNull(),
  citations: jsonb('citations').$type<{ article: number; item?: number; subItem?: number }[]>().notNull(),
  jurisdiction: jurisdiction(),
});

export const awardPeople = pgTable('award_people', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: ['athlete', 'head', 'original', 'assistant'] }).notNull(),
  idNumberSealed: text('id_number_sealed').notNull(),
  idNumberMasked: text('id_number_masked').notNull(),
  jurisdiction: jurisdiction(),
});

export const awardMaterials = pgTable('award_materials', {
  id: uuid('id').primaryKey(),
  applicationId: uuid('application_id').notNull(),
  kind: text('kind', { enum: ['results-book', 'order-book', 'certificate', 'id-card'] }).notNull(),
  storedName: text('stored_name').notNull(),
  mediaType: text('media_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  contentSealed: bytea('content_sealed').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: instant('uploaded_at').notNull().defaultNow(),
  jurisdiction: jurisdiction(),
});

export const awardEvents = pgTable('award_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull(),
  at: instant('at').notNull().defaultNow(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  comment: text('comment'),
  jurisdiction: jurisdiction(),
});

export const awardObjections = pgTable('award_objections', {
  id: uuid('id').primaryKey().defaultRandom(),
  noticeId: uuid('notice_id').notNull(),
  applicationId: uuid('application_id').notNull(),
  receivedOn: date('received_on').notNull(),
  objector: text('objector').notNull(),
  content: text('content').notNull(),
  recordedBy: uuid('recorded_by'),
  outcome: text('outcome', { enum: ['dismissed', 'upheld'] }),
  handling: text('handling'),
  handledAt: instant('handled_at'),
  handledBy: uuid('handled_by'),
  jurisdiction: jurisdiction(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const awardRecoveries = pgTable('award_recoveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull(),
  amountFen: fen('amount_fen').notNull(),
  recoveredOn: date('recovered_on').notNull(),
  note: text('note'),
  recordedBy: uuid('recorded_by'),
  jurisdiction: jurisdiction(),
  createdAt: instant('created_at').notNull().defaultNow(),
});
