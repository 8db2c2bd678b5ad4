// Schema as code: one file per module. Each table here is created by a forward-only SQL file in
// src/db/migrations (the migration is the source of truth for the database; this is the typed view).
export * from './foundation.js';
export * from './documents.js';
export * from './directory.js';
export * from './calendar.js';
export * from './press.js';
export * from './livelihood.js';
export * from './awards.js';
