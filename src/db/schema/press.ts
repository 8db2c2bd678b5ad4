import { boolean, customType, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** bytea as a Buffer on both drivers (node-postgres returns a Buffer, PGlite a Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const formKind = (name: string) => text(name, { enum: ['prefecture-department', 'county'] });

export const pressPlans = pgTable('press_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  year: integer('year').notNull(),
  docNumber: text('doc_number'),
  sourceDocumentId: uuid('source_document_id'),
  declaredCount: integer('declared_count'),
  venue: text('venue'),
  printedCopies: integer('printed_copies'),
  leadWorkdays: integer('lead_workdays'),
  contact: jsonb('contact').$type<{ name: string; phones: string[] } | null>(),
  createdAt: createdAt(),
});

export const pressConferences = pgTable('press_conferences', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  planId: uuid('plan_id'),
  seq: integer('seq'),
  origin: text('origin', { enum: ['planned', 'adHoc'] }).notNull(),
  month: text('month').notNull(),
  topic: text('topic').notNull(),
  unitName: text('unit_name').notNull(),
  organizationId: uuid('organization_id').notNull(),
  formKind: formKind('form_kind').notNull(),
  createdAt: createdAt(),
});

export const PRESS_FORM_STATUSES = [
  'requested', 'approvedByNewsOffice', 'draft', 'submitted', 'leaderApproved', 'sent', 'filed', 'filedLate', 'held',
] as const;

export const pressForms = pgTable('press_forms', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  conferenceId: uuid('conference_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  kind: formKind('kind').notNull(),
  status: text('status', { enum: PRESS_FORM_STATUSES }).notNull(),
  conferenceDate: date('conference_date', { mode: 'string' }).notNull(),
  startTime: text('start_time'),
  endTime: text('end_time'),
  venue: text('venue').notNull(),
  host: text('host'),
  attendingLeaders: text('attending_leaders'),
  topic: text('topic').notNull(),
  printedCopiesConfirmed: boolean('printed_copies_confirmed').notNull().default(false),
  requestText: text('request_text'),
  requestReply: text('request_reply'),
  returnReason: text('return_reason'),
  sentOn: date('sent_on', { mode: 'string' }),
  filedOn: date('filed_on', { mode: 'string' }),
  lateReason: text('late_reason'),
  heldOn: date('held_on', { mode: 'string' }),
  createdBy: uuid('created_by'),
  leaderApprovedBy: uuid('leader_approved_by'),
  filedBy: uuid('filed_by'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pressAttachments = pgTable('press_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  formId: uuid('form_id').notNull(),
  kind: text('kind', { enum: ['release', 'qa', 'request'] }).notNull(),
  fileName: text('file_name').notNull(),
  originalName: text('original_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pressMedia = pgTable('press_media', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  name: text('name').notNull(),
  contact: text('contact'),
  phone: text('phone'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const pressMediaNotifications = pgTable('press_media_notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  formId: uuid('form_id').notNull(),
  notifiedOn: date('notified_on', { mode: 'string' }).notNull(),
  media: jsonb('media').$type<{ id: string; name: string }[]>().notNull(),
  note: text('note'),
  recordedBy: uuid('recorded_by'),
  createdAt: createdAt(),
});

export const pressFeedTokens = pgTable('press_feed_tokens', {
  organizationId: uuid('organization_id').primaryKey(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  tokenHash: text('token_hash').notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});
