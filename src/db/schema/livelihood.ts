import { date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Funding, LeaderRef, Milestone } from '../../domain/livelihood/types.js';
import type { StatusReason } from '../../domain/livelihood/status-light.js';
import { bytea } from './press.js';

const jurisdiction = () => text('jurisdiction').notNull().default('654000');
type Light = 'green' | 'yellow' | 'red';

export const livelihoodPlans = pgTable('livelihood_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: jurisdiction(),
  year: integer('year').notNull(),
  docNumber: text('doc_number'),
  sourceDocumentId: uuid('source_document_id'),
  reportingStartsOn: date('reporting_starts_on', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const livelihoodProjects = pgTable('livelihood_projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: jurisdiction(),
  planId: uuid('plan_id').notNull(),
  no: integer('no').notNull(),
  title: text('title').notNull(),
  targetText: text('target_text').notNull(),
  fundings: jsonb('fundings').$type<Funding[]>().notNull().default([]),
});

export const livelihoodTargets = pgTable('livelihood_targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: jurisdiction(),
  projectId: uuid('project_id').notNull(),
  position: integer('position').notNull(),
  text: text('text').notNull(),
  value: doublePrecision('value').notNull(),
  unit: text('unit').notNull(),
  context: text('context').notNull(),
});

export const livelihoodMeasures = pgTable('livelihood_measures', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: jurisdiction(),
  projectId: uuid('project_id').notNull(),
  no: integer('no').notNull(),
  text: text('text').notNull(),
  leadLeader: text('lead_leader'),
  leadLeaders: jsonb('lead_leaders').$type<LeaderRef[]>().notNull().default([]),
  responsibleLeader: text('responsible_leader'),
  responsibleLeaders: jsonb('responsible_leaders').$type<LeaderRef[]>().notNull().default([]),
  deadline: date('deadline', { mode: 'string' }),
  deadlineText: text('deadline_text'),
  fundings: jsonb('fundings').$type<Funding[]>().notNull().default([]),
  milestones: jsonb('milestones').$type<Milestone[]>().notNull().default([]),
});

export const livelihoodMeasureUnits = pgTable(
  'livelihood_measure_units',
  {
    measureId: uuid('measure_id').notNull(),
    position: integer('position').notNull(),
    unitName: text('unit_name').notNull(),
    organizationId: uuid('organization_id').notNull(),
    jurisdiction: jurisdiction(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.position] })],
);

/** One reported indicator: a project target (by id) and the value reached so far. */
export interface ReportedIndicator {
  targetId: string;
  value: number;
}

export const livelihoodReports = pgTable('livelihood_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: jurisdiction(),
  measureId: uuid('measure_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  period: text('period').notNull(),
  submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
  progressPercent: integer('progress_percent').notNull(),
  narrative: text('narrative').notNull(),
  indicators: jsonb('indicators').$type<ReportedIndicator[]>().notNull().default([]),
  milestonesDone: jsonb('milestones_done').$type<string[]>().notNull().default([]),
  revision: integer('revision').notNull().default(1),
  submittedBy: uuid('submitted_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const livelihoodReportAttachments = pgTable('livelihood_report_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: jurisdiction(),
  reportId: uuid('report_id').notNull(),
  fileName: text('file_name').notNull(),
  originalName: text('original_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const livelihoodLightSnapshots = pgTable(
  'livelihood_light_snapshots',
  {
    measureId: uuid('measure_id').notNull(),
    computedOn: date('computed_on', { mode: 'string' }).notNull(),
    jurisdiction: jurisdiction(),
    light: text('light', { enum: ['green', 'yellow', 'red'] }).$type<Light>().notNull(),
    progressPercent: integer('progress_percent').notNull(),
    reasons: jsonb('reasons').$type<StatusReason[]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.computedOn] })],
);

export const livelihoodSupervisions = pgTable('livelihood_supervisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: jurisdiction(),
  measureId: uuid('measure_id').notNull(),
  status: text('status', { enum: ['open', 'closed'] }).notNull(),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  reasons: jsonb('reasons').$type<StatusReason[]>().notNull(),
  visitOn: date('visit_on', { mode: 'string' }),
  findings: text('findings'),
  followUp: text('follow_up'),
  closedOn: date('closed_on', { mode: 'string' }),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
