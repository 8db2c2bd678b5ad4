import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { organizations, sessions, users } from '../../db/schema/index.js';
import { checkPasswordPolicy, passwordChangeRequired } from '../../domain/auth/password-policy.js';
import { checkRoleSeparation, permissionsOf } from '../../domain/auth/roles.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { deleteUserSessions } from './sessions.js';

// An admin lock lasts until an admin lifts it.
const ADMIN_LOCK_UNTIL = new Date('9999-12-31T00:00:00Z');

export interface NewUser {
  username: string;
  displayName: string;
  organizationId?: string | null;
  roles: string[];
  password: string;
  /**
   * The owner must change the password at first login: true when an administrator chose it (the
   * API and the CLI); accounts made by code that logs in with them (tests, drills) leave it false.
   */
  mustChangePassword?: boolean;
}

function assertPassword(password: string, username: string) {
  const problems = checkPasswordPolicy({ password, username });
  if (problems.length) throw errors.validation(problems.join('；'), { field: 'password' });
}

function assertRoles(roles: string[]) {
  const problem = checkRoleSeparation(roles);
  if (problem) throw errors.validation(problem, { field: 'roles' });
}

async function assertOrganization(tx: Db, organizationId: string | null | undefined) {
  if (!organizationId) return;
  const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw errors.validation('所属单位不存在', { field: 'organizationId' });
}

export async function listUsers(db: Db) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      roles: users.roles,
      status: users.status,
      lockedUntil: users.lockedUntil,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .orderBy(asc(users.username));
  const now = new Date();
  return rows.map((r) => ({
    ...r,
    status: r.status === 'active' && r.lockedUntil && r.lockedUntil > now ? ('locked' as const) : r.status,
    lockedUntil: r.lockedUntil && r.lockedUntil > now ? r.lockedUntil.toISOString() : null,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  }));
}

export async function createUser(database: Database, actor: Actor, input: NewUser) {
  if (!/^[a-zA-Z0-9_.-]{3,32}$/.test(input.username)) {
    throw errors.validation('用户名须为3至32位字母、数字或 _ . -', { field: 'username' });
  }
  assertRoles(input.roles);
  assertPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return runAudited(database, actor, { action: 'user.create', object: `user:${input.username}` }, async (tx) => {
    await assertOrganization(tx, input.organizationId);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (existing) throw errors.conflict(`用户名 ${input.username} 已存在`);
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        organizationId: input.organizationId ?? null,
        roles: input.roles,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? false,
      })
      .returning({ id: users.id });
    return created;
  });
}

export interface UserChanges {
  displayName?: string;
  organizationId?: string | null;
  roles?: string[];
  status?: 'active' | 'disabled';
}

export async function updateUser(database: Database, actor: Actor, userId: string, changes: UserChanges) {
  if (changes.roles) assertRoles(changes.roles);
  if (userId === actor.userId && (changes.roles || changes.status)) {
    throw errors.forbidden('不能修改自己的角色或状态');
  }
  return runAudited(database, actor, { action: 'user.update', object: `user:${userId}`, details: { fields: Object.keys(changes) } }, async (tx) => {
    await assertOrganization(tx, changes.organizationId);
    const [updated] = await tx.update(users).set(changes).where(eq(users.id, userId)).returning({ id: users.id });
    if (!updated) throw errors.notFound('用户');
    if (changes.status === 'disabled' || changes.roles) await deleteUserSessions(tx, userId);
    return updated;
  });
}

export async function lockUser(database: Database, actor: Actor, userId: string) {
  if (userId === actor.userId) throw errors.forbidden('不能锁定自己的账户');
  return runAudited(database, actor, { action: 'user.lock', object: `user:${userId}` }, async (tx) => {
    const [u] = await tx.update(users).set({ lockedUntil: ADMIN_LOCK_UNTIL }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!u) throw errors.notFound('用户');
    await deleteUserSessions(tx, userId);
    return u;
  });
}

export async function unlockUser(database: Database, actor: Actor, userId: string) {
  return runAudited(database, actor, { action: 'user.unlock', object: `user:${userId}` }, async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ lockedUntil: null, failedAttempts: 0 })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!u) throw errors.notFound('用户');
    return u;
  });
}

export async function resetPassword(database: Database, actor: Actor, userId: string, password: string) {
  const [target] = await database.db.select({ username: users.username }).from(users).where(eq(users.id, userId));
  if (!target) throw errors.notFound('用户');
  assertPassword(password, target.username);
  const passwordHash = await hashPassword(password);
  return runAudited(database, actor, { action: 'user.reset-password', object: `user:${target.username}` }, async (tx) => {
    // An admin-set password must be changed by its owner at the next login.
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: true }).where(eq(users.id, userId));
    await deleteUserSessions(tx, userId);
    return { id: userId };
  });
}

export async function changeOwnPassword(
  database: Database,
  actor: Actor & { userId: string },
  input: { currentPassword: string; newPassword: string; keepSessionId: string | null },
) {
  const [user] = await database.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw errors.notFound('用户');
  if (input.currentPassword === input.newPassword) throw errors.validation('新密码不能与当前密码相同', { field: 'newPassword' });
  assertPassword(input.newPassword, user.username);
  const ok = await verifyPassword(user.passwordHash, input.currentPassword);
  const passwordHash = ok ? await hashPassword(input.newPassword) : '';
  return runAudited(database, actor, { action: 'auth.change-password', object: `user:${user.username}` }, async (tx) => {
    if (!ok) throw errors.validation('当前密码不正确', { field: 'currentPassword' });
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false }).where(eq(users.id, user.id));
    // Sign out every other session of this user.
    await tx
      .delete(sessions)
      .where(input.keepSessionId ? and(eq(sessions.userId, user.id), ne(sessions.id, input.keepSessionId)) : eq(sessions.userId, user.id));
    return { id: user.id };
  });
}

export async function findUserByUsername(db: Db, username: string) {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u ?? null;
}

/** The logged-in user as the web app sees it. */
export async function describeUser(db: Db, userId: string, now: Date, passwordMaxAgeDays: number) {
  const [row] = await db
    .select({ user: users, organizationName: organizations.name })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  if (!row) throw errors.unauthenticated();
  const { user } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    organization: user.organizationId && row.organizationName ? { id: user.organizationId, name: row.organizationName } : null,
    roles: user.roles,
    permissions: permissionsOf(user.roles),
    mustChangePassword: passwordChangeRequired(user, now, passwordMaxAgeDays),
  };
}
