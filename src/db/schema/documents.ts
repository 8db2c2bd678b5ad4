import { customType, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Written as a literal of quoted lexemes (tsvectorLiteral in src/domain/documents), never parsed. */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/** 公文 as imported (migrations 0100_documents.sql, 0101_documents_search_vector.sql). */
export const documents = pgTable('documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  docNumber: text('doc_number').notNull(),
  issuerCode: text('issuer_code').notNull(),
  year: integer('year').notNull(),
  sequence: integer('sequence').notNull(),
  title: text('title').notNull(),
  recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
  recipientsRaw: text('recipients_raw'),
  issuer: text('issuer'),
  signedOn: date('signed_on', { mode: 'string' }),
  attachments: jsonb('attachments').$type<{ number: number; title: string; listedOn: number | null; titleLine: number | null }[]>().notNull().default([]),
  originalText: text('original_text').notNull(),
  firstLine: integer('first_line').notNull(),
  structure: jsonb('structure').$type<Record<string, unknown>>().notNull(),
  contentHash: text('content_hash').notNull(),
  sourceName: text('source_name'),
  titleSearch: text('title_search').notNull(),
  numberSearch: text('number_search').notNull(),
  searchText: text('search_text').notNull(),
  searchVector: tsvector('search_vector').notNull(),
  importedBy: text('imported_by'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});
