/**
 * Who sees which applications. The sports bureau, the finance bureau, the office and leaders see all;
 * a county user sees its own county's applications and the awards its county's finance owes
 * (第十七条 追踪奖); any other applicant sees the applications it made (as a person or as a unit).
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { awardApplications, awardLines, organizationAliases, organizations } from '../../db/schema/index.js';
import { hasPermission } from '../../domain/auth/roles.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';

export type AwardScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'county'; readonly userId: string | null; readonly organizationId: string | null }
  | { readonly kind: 'own'; readonly userId: string | null; readonly organizationId: string | null };

export function awardScopeOf(actor: Actor): AwardScope {
  const seesAll =
    ['awards:review', 'awards:approve', 'awards:disburse'].some((p) => hasPermission(actor.roles, p)) ||
    actor.roles.includes('leader') ||
    actor.roles.includes('system');
  if (seesAll) return { kind: 'all' };
  if (actor.roles.includes('county-user')) return { kind: 'county', userId: actor.userId, organizationId: actor.organizationId };
  return { kind: 'own', userId: actor.userId, organizationId: actor.organizationId };
}

/** Names a county goes by: the organisation's name and its aliases (州发改委 = 州发展改革委 …). */
export function countyNamesSql(organizationId: string): SQL {
  return sql`(SELECT ${organizations.name} FROM ${organizations} WHERE ${organizations.id} = ${organizationId}
    UNION SELECT ${organizationAliases.alias} FROM ${organizationAliases} WHERE ${organizationAliases.organizationId} = ${organizationId})`;
}

/** Lines the county's finance owes: matched by organisation, or by name when the line predates it. */
export function countyLineFilter(organizationId: string): SQL {
  return and(
    eq(awardLines.funding, 'county'),
    or(eq(awardLines.countyOrgId, organizationId), sql`${awardLines.payee} IN ${countyNamesSql(organizationId)}`),
  ) as SQL;
}

/** The WHERE condition on award_applications for a scope (undefined = everything). */
export function scopeFilter(scope: AwardScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  const own: SQL[] = [];
  if (scope.userId) own.push(eq(awardApplications.applicantUserId, scope.userId));
  if (scope.organizationId) own.push(eq(awardApplications.applicantOrgId, scope.organizationId));
  if (scope.kind === 'county' && scope.organizationId) {
    const owed = sql`EXISTS (SELECT 1 FROM ${awardLines} WHERE ${awardLines.applicationId} = ${awardApplications.id} AND ${countyLineFilter(scope.organizationId)})`;
    own.push(owed);
  }
  return own.length ? (or(...own) as SQL) : sql`false`;
}

/** The application row when the actor may see it; 404 otherwise (no hint that it exists). */
export async function visibleApplication(db: Db, actor: Actor, id: string) {
  const filter = scopeFilter(awardScopeOf(actor));
  const [row] = await db
    .select()
    .from(awardApplications)
    .where(filter ? and(eq(awardApplications.id, id), filter) : eq(awardApplications.id, id));
  if (!row) throw errors.notFound('奖励申请');
  return row;
}

export type ApplicationRow = Awaited<ReturnType<typeof visibleApplication>>;

/** Applications of a list of ids that the actor may see. */
export async function visibleApplications(db: Db, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const filter = scopeFilter(awardScopeOf(actor));
  return db
    .select()
    .from(awardApplications)
    .where(filter ? and(inArray(awardApplications.id, [...ids]), filter) : inArray(awardApplications.id, [...ids]));
}

/** The user who made the application edits and submits it, and takes no decision on it. */
export function isApplicant(actor: Actor, row: Pick<ApplicationRow, 'applicantUserId'>): boolean {
  return actor.userId !== null && row.applicantUserId === actor.userId;
}
