import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['unit', 'county', 'body'] }).notNull(),
  parentId: uuid('parent_id'),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  createdAt: createdAt(),
});

export const organizationAliases = pgTable('organization_aliases', {
  alias: text('alias').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  source: text('source').notNull().default('reviewed'),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  organizationId: uuid('organization_id'),
  roles: text('roles').array().notNull().default([]),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  /** Generated or set by an administrator: the owner must change it before using the API (migration 0601). */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  createdAt: createdAt(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  userId: uuid('user_id'),
  username: text('username'),
  role: text('role'),
  action: text('action').notNull(),
  object: text('object'),
  result: text('result', { enum: ['success', 'failure', 'denied'] }).notNull(),
  ip: text('ip'),
  requestId: text('request_id').notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  jurisdiction: text('jurisdiction').notNull().default('654000'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
