import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const calendarYears = pgTable(
  'calendar_years',
  {
    jurisdiction: text('jurisdiction').notNull().default('654000'),
    year: integer('year').notNull(),
    status: text('status', { enum: ['national-only', 'complete'] }).notNull(),
    origin: text('origin', { enum: ['default', 'notice', 'manual'] }).notNull(),
    sourceDocumentId: uuid('source_document_id'),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jurisdiction, t.year] })],
);

export const calendarDays = pgTable(
  'calendar_days',
  {
    jurisdiction: text('jurisdiction').notNull().default('654000'),
    year: integer('year').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['holiday', 'makeUpWorkday'] }).notNull(),
    name: text('name').notNull(),
    source: text('source', { enum: ['national', 'regional'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.jurisdiction, t.year, t.date] })],
);
