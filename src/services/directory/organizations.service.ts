import { asc, eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { organizationAliases, organizations } from '../../db/schema/index.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';

export type OrganizationKind = 'unit' | 'county' | 'body';

export async function listOrganizations(db: Db) {
  const orgs = await db.select().from(organizations).orderBy(asc(organizations.name));
  const aliases = await db.select().from(organizationAliases);
  const byOrg = new Map<string, string[]>();
  for (const a of aliases) byOrg.set(a.organizationId, [...(byOrg.get(a.organizationId) ?? []), a.alias]);
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    aliases: (byOrg.get(o.id) ?? []).sort(),
  }));
}

/** Finds an organisation by its name or one of its aliases. */
export async function findOrganization(db: Db, nameOrAlias: string) {
  const [direct] = await db.select().from(organizations).where(eq(organizations.name, nameOrAlias));
  if (direct) return direct;
  const [alias] = await db
    .select({ org: organizations })
    .from(organizationAliases)
    .innerJoin(organizations, eq(organizations.id, organizationAliases.organizationId))
    .where(eq(organizationAliases.alias, nameOrAlias));
  return alias?.org ?? null;
}

/** Inside a transaction: the organisation of that name, created when missing. */
export async function ensureOrganization(tx: Db, name: string, kind: OrganizationKind) {
  const existing = await findOrganization(tx, name);
  if (existing) return existing;
  const [created] = await tx.insert(organizations).values({ name, kind }).returning();
  return created;
}

export async function createOrganization(
  database: Database,
  actor: Actor,
  input: { name: string; kind: OrganizationKind; parentId?: string | null },
) {
  const name = input.name.trim();
  if (!name) throw errors.validation('单位名称不能为空', { field: 'name' });
  return runAudited(database, actor, { action: 'organization.create', object: `organization:${name}` }, async (tx) => {
    if (await findOrganization(tx, name)) throw errors.conflict(`单位“${name}”已存在（或是已有单位的别名）`);
    const [created] = await tx
      .insert(organizations)
      .values({ name, kind: input.kind, parentId: input.parentId ?? null })
      .returning({ id: organizations.id });
    return created;
  });
}

export async function addOrganizationAlias(database: Database, actor: Actor, organizationId: string, alias: string) {
  const value = alias.trim();
  if (!value) throw errors.validation('别名不能为空', { field: 'alias' });
  return runAudited(database, actor, { action: 'organization.add-alias', object: `organization:${organizationId}`, details: { alias: value } }, async (tx) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
    if (!org) throw errors.notFound('单位');
    const taken = await findOrganization(tx, value);
    if (taken) throw errors.conflict(`“${value}”已是单位“${taken.name}”的名称或别名`);
    await tx.insert(organizationAliases).values({ alias: value, organizationId, source: 'admin' });
    return { organizationId, alias: value };
  });
}
