import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { organizationAliases, organizations } from '../../db/schema/index.js';
import { canonicalOrganization, ORG_ALIASES } from '../../domain/directory/index.js';
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
    if (input.parentId) {
      const [parent] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.parentId));
      if (!parent) throw errors.notFound('上级单位');
    }
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

/** Every alias the database holds, as a table canonicalOrganization() takes: name → aliases. */
export async function loadAliasTable(db: Db): Promise<Record<string, string[]>> {
  const rows = await db
    .select({ name: organizations.name, alias: organizationAliases.alias })
    .from(organizationAliases)
    .innerJoin(organizations, eq(organizations.id, organizationAliases.organizationId));
  const table: Record<string, string[]> = {};
  for (const r of rows) (table[r.name] ??= []).push(r.alias);
  return table;
}

/**
 * Stores the reviewed ORG_ALIASES (an organisation per canonical name, its aliases with source
 * 'reviewed'). Idempotent; an alias already taken (as another organisation's name or alias) is
 * left alone. Returns the number of aliases added.
 */
export async function seedReviewedAliases(tx: Db): Promise<number> {
  let added = 0;
  for (const [canonical, aliases] of Object.entries(ORG_ALIASES)) {
    const org = await ensureOrganization(tx, canonical, 'unit');
    for (const alias of aliases) {
      if (await findOrganization(tx, alias)) continue;
      const inserted = await tx
        .insert(organizationAliases)
        .values({ alias, organizationId: org.id, source: 'reviewed' })
        .onConflictDoNothing()
        .returning({ alias: organizationAliases.alias });
      added += inserted.length;
    }
  }
  return added;
}

/** A bare region (自治州副州长) is the prefecture government: the post belongs to 州人民政府. */
const BARE_REGION = /^(州|自治州|伊犁州|伊犁哈萨克自治州)$/;

/**
 * Resolves unit names as written to organisations, inside one transaction: the canonical name
 * (reviewed aliases and the database's own), created as a unit when missing. Caches per instance.
 */
export class UnitResolver {
  private readonly cache = new Map<string, { id: string; name: string }>();

  private constructor(
    private readonly tx: Db,
    private readonly aliases: Record<string, string[]>,
  ) {}

  static async open(tx: Db): Promise<UnitResolver> {
    return new UnitResolver(tx, await loadAliasTable(tx));
  }

  canonical(unit: string): string {
    const name = canonicalOrganization(unit, this.aliases);
    return BARE_REGION.test(name) ? '州人民政府' : name;
  }

  async resolve(unit: string): Promise<{ id: string; name: string } | null> {
    const name = this.canonical(unit);
    if (name === '') return null;
    const hit = this.cache.get(name);
    if (hit) return hit;
    const org = await ensureOrganization(this.tx, name, 'unit');
    const found = { id: org.id, name: org.name };
    this.cache.set(name, found);
    return found;
  }
}

interface DirectoryOrganizationRow {
  id: string;
  name: string;
  kind: OrganizationKind;
  aliases: { alias: string; source: string }[] | null;
  people: number;
  posts: number;
}

/** Organisations with their aliases (and where each came from), people and posts: the directory's list. */
export async function listDirectoryOrganizations(db: Db) {
  const rows = await queryRows<DirectoryOrganizationRow>(
    db,
    sql`SELECT o.id, o.name, o.kind,
          (SELECT json_agg(json_build_object('alias', a.alias, 'source', a.source) ORDER BY a.alias) FROM organization_aliases a WHERE a.organization_id = o.id) AS aliases,
          (SELECT count(*)::int FROM people p WHERE p.organization_id = o.id) AS people,
          (SELECT count(*)::int FROM posts p WHERE p.organization_id = o.id) AS posts
        FROM organizations o WHERE o.jurisdiction = '654000' ORDER BY o.kind, o.name`,
  );
  return rows.map((r) => ({ ...r, aliases: r.aliases ?? [] }));
}
