import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations, sessions, users } from '../../db/schema/index.js';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  organizationId: string | null;
  organizationName: string | null;
  passwordChangedAt: Date;
  mustChangePassword: boolean;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new session id at every login: the token goes to the cookie, only its hash to the database. */
export async function createSession(
  tx: Db,
  input: { userId: string; ip: string | null; userAgent: string | null; now: Date; settings: SessionSettings },
): Promise<{ token: string; csrfToken: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sessionIdOf(token);
  await tx.insert(sessions).values({
    id: sessionId,
    userId: input.userId,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.settings.absoluteHours * 3_600_000),
  });
  return { token, csrfToken, sessionId };
}

/** A session as stored, with its user: what resolveSession decides on. */
export type SessionRow = NonNullable<Awaited<ReturnType<typeof readSessionRow>>>;

/**
 * Rows read earlier while the data has not changed (the server's read cache, keyed by the data
 * version): they spare the query, never the checks below.
 */
export interface SessionRowCache {
  get(sessionId: string): SessionRow | undefined;
  set(sessionId: string, row: SessionRow): void;
}

/** The user behind a session cookie, or null when it is unknown, idle too long or past its end. */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  settings: SessionSettings,
  cache?: SessionRowCache,
): Promise<SessionUser | null> {
  const sessionId = sessionIdOf(token);
  let row = cache?.get(sessionId);
  if (!row) {
    row = await readSessionRow(db, sessionId);
    if (row) cache?.set(sessionId, row);
  }
  if (!row) return null;
  const idleLimit = row.lastSeenAt.getTime() + settings.idleMinutes * 60_000;
  if (row.expiresAt <= now || idleLimit <= now.getTime() || row.status !== 'active') {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  // Touch at most once a minute: enough for a 30-minute idle limit, far fewer writes.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  const { lastSeenAt: _seen, expiresAt: _expires, status: _status, ...user } = row;
  return { ...user, roles: [...user.roles] };
}

async function readSessionRow(db: Db, sessionId: string) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      status: users.status,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      passwordChangedAt: users.passwordChangedAt,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sessions.id, sessionId));
  return row ?? null;
}

export async function deleteSession(tx: Db, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(tx: Db, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function pruneSessions(db: Db, now: Date, settings: SessionSettings): Promise<void> {
  const idleBefore = new Date(now.getTime() - settings.idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)));
}

export async function countSessions(db: Db, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.userId, userId)));
  return r.n;
}
