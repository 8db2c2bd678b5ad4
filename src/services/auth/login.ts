import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { passwordChangeRequired } from '../../domain/auth/password-policy.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { appendAudit, recordAudit } from '../audit/audit.service.js';
import { dummyVerify, verifyPassword } from './passwords.js';
import { createSession, type SessionSettings } from './sessions.js';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  now: Date;
}

export interface LoginSettings extends SessionSettings {
  passwordMaxAgeDays: number;
}

function invalidCredentials(): DomainError {
  return new DomainError('INVALID_CREDENTIALS', '用户名或密码错误', 401);
}

function lockedError(until: Date): DomainError {
  const hhmm = until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Urumqi', hour: '2-digit', minute: '2-digit' });
  return new DomainError('ACCOUNT_LOCKED', `账户已锁定，请于 ${hhmm}（乌鲁木齐时间）后再试，或联系安全管理员解锁`, 423);
}

/**
 * Checks a password and opens a session. Five wrong passwords in a row lock the account for 15
 * minutes. Each call writes exactly one audit record: auth.login (success/failure) or auth.lock.
 */
export async function login(database: Database, input: LoginInput, settings: LoginSettings) {
  const { db } = database;
  const actor: Actor = {
    userId: null,
    username: input.username.slice(0, 64),
    roles: [],
    organizationId: null,
    ip: input.ip,
    requestId: input.requestId,
  };
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  if (!user) {
    await dummyVerify(input.password);
    await recordAudit(database, actor, { action: 'auth.login', result: 'failure', details: { reason: 'unknown-user' } });
    throw invalidCredentials();
  }
  const known: Actor = { ...actor, userId: user.id, roles: user.roles, organizationId: user.organizationId };
  if (user.lockedUntil && user.lockedUntil > input.now) {
    await recordAudit(database, known, { action: 'auth.login', result: 'failure', details: { reason: 'locked' } });
    throw lockedError(user.lockedUntil);
  }
  if (user.status !== 'active') {
    await recordAudit(database, known, { action: 'auth.login', result: 'failure', details: { reason: 'disabled' } });
    throw new DomainError('ACCOUNT_DISABLED', '账户已停用，请联系系统管理员', 403);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const attempts = user.failedAttempts + 1;
    const lock = attempts >= MAX_FAILED_ATTEMPTS;
    const lockedUntil = lock ? new Date(input.now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedAttempts: lock ? 0 : attempts, lockedUntil })
        .where(eq(users.id, user.id));
      await appendAudit(tx, known, {
        action: lock ? 'auth.lock' : 'auth.login',
        object: `user:${user.username}`,
        result: 'failure',
        details: { reason: 'bad-password', attempts },
      });
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    const left = MAX_FAILED_ATTEMPTS - attempts;
    throw new DomainError('INVALID_CREDENTIALS', `用户名或密码错误，再错 ${left} 次账户将被锁定 ${LOCK_MINUTES} 分钟`, 401);
  }
  const session = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: input.now })
      .where(eq(users.id, user.id));
    const created = await createSession(tx, {
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent,
      now: input.now,
      settings,
    });
    await appendAudit(tx, known, { action: 'auth.login', object: `user:${user.username}` });
    return created;
  });
  return {
    ...session,
    userId: user.id,
    mustChangePassword: passwordChangeRequired(user, input.now, settings.passwordMaxAgeDays),
  };
}
