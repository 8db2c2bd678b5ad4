import { boolean, customType, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** People, posts, coordination bodies and their tracked items (migration 0200_directory.sql). */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  name: text('name').notNull(),
  organizationId: uuid('organization_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const posts = pgTable('posts', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  organizationId: uuid('organization_id').notNull(),
  title: text('title').notNull(),
  label: text('label').notNull(),
});

export const postHoldings = pgTable('post_holdings', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  personId: uuid('person_id').notNull(),
  postId: uuid('post_id').notNull(),
  position: text('position').notNull(),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  source: text('source', { enum: ['document', 'appointment'] }).notNull(),
  documentId: uuid('document_id'),
  line: integer('line'),
  predecessorId: uuid('predecessor_id'),
  note: text('note'),
  recordedBy: text('recorded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const bodies = pgTable('bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  key: text('key').notNull(),
  automaticSuccession: boolean('automatic_succession').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export interface StoredOfficeHolder {
  name: string | null;
  position: string | null;
  personId: string | null;
}

export interface StoredOffice {
  unit: string;
  organizationId: string | null;
  director: StoredOfficeHolder | null;
  deputyDirectors: StoredOfficeHolder[];
  line: number;
}

export const bodyVersions = pgTable('body_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  bodyId: uuid('body_id').notNull(),
  version: integer('version').notNull(),
  documentId: uuid('document_id').notNull(),
  docNumber: text('doc_number').notNull(),
  headingLine: integer('heading_line').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  office: jsonb('office').$type<StoredOffice | null>(),
  liaisonDuties: jsonb('liaison_duties').$type<string[]>().notNull().default([]),
});

export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  bodyId: uuid('body_id').notNull(),
  versionId: uuid('version_id').notNull(),
  seat: integer('seat').notNull(),
  personId: uuid('person_id').notNull(),
  postId: uuid('post_id'),
  role: text('role').notNull(),
  rank: text('rank', { enum: ['leader', 'deputy', 'member'] }).notNull(),
  position: text('position').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  documentId: uuid('document_id'),
  line: integer('line'),
  successorOf: uuid('successor_of'),
  postHoldingId: uuid('post_holding_id'),
});

export const liaisons = pgTable('liaisons', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  bodyId: uuid('body_id').notNull(),
  versionId: uuid('version_id').notNull(),
  seat: integer('seat').notNull(),
  personId: uuid('person_id').notNull(),
  organizationId: uuid('organization_id'),
  name: text('name').notNull(),
  position: text('position').notNull(),
  unit: text('unit').notNull(),
  documentId: uuid('document_id').notNull(),
  line: integer('line').notNull(),
});

export const personDuplicateReviews = pgTable(
  'person_duplicate_reviews',
  {
    personA: uuid('person_a').notNull(),
    personB: uuid('person_b').notNull(),
    jurisdiction: text('jurisdiction').notNull().default('654000'),
    decision: text('decision', { enum: ['confirmed', 'rejected'] }).notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personA, t.personB] })],
);

export const bodyDutyReports = pgTable('body_duty_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  bodyId: uuid('body_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  year: integer('year').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['pending', 'submitted', 'accepted', 'returned'] }).notNull().default('pending'),
  submittedOn: date('submitted_on', { mode: 'string' }),
  submittedBy: text('submitted_by'),
  fileName: text('file_name'),
  contentType: text('content_type'),
  fileSize: integer('file_size'),
  fileSha256: text('file_sha256'),
  fileContent: bytea('file_content'),
  reviewNote: text('review_note'),
  reviewedBy: text('reviewed_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export interface RectificationEvent {
  at: string;
  by: string;
  action: string;
  note: string | null;
}

export const bodyRectifications = pgTable('body_rectifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  bodyId: uuid('body_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  title: text('title').notNull(),
  raisedBy: text('raised_by').notNull(),
  raisedOn: date('raised_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }),
  status: text('status', { enum: ['open', 'plan-submitted', 'report-submitted', 'closed'] }).notNull().default('open'),
  plan: text('plan'),
  report: text('report'),
  closedOn: date('closed_on', { mode: 'string' }),
  closingNote: text('closing_note'),
  history: jsonb('history').$type<RectificationEvent[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
