import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { people, postHoldings, posts } from '../../db/schema/index.js';
import { normalizeName, normalizePosition, splitPosition } from '../../domain/directory/index.js';
import { UnitResolver } from './organizations.service.js';

export interface ResolvedPerson {
  personId: string;
  organizationId: string | null;
  /** The posts the position names, in order; the first is the seat a membership holds. */
  postIds: string[];
}

export interface Statement {
  documentId: string | null;
  line: number | null;
  /** The day the statement takes effect (the document's 成文日期). */
  from: string | null;
}

/** A title without its note: 副局长〈主持工作〉 → 副局长. */
function bareTitle(title: string): string {
  return title.replace(/[〈（(][^〉）)]*[〉）)]/g, '').trim();
}

/**
 * Writes people, posts and post holdings inside one transaction. A person is identified by the
 * exact name and the organisation of the first post the position names (same name, same
 * organisation = same person; the same name elsewhere is someone else).
 */
export class DirectoryWriter {
  private readonly people = new Map<string, string>();
  private readonly posts = new Map<string, string>();

  private constructor(
    readonly tx: Db,
    readonly units: UnitResolver,
  ) {}

  static async open(tx: Db): Promise<DirectoryWriter> {
    return new DirectoryWriter(tx, await UnitResolver.open(tx));
  }

  /** The person a name and position denote, created when missing, and the posts of the position. */
  async resolve(rawName: string, position: string): Promise<ResolvedPerson> {
    const name = normalizeName(rawName);
    const parts = splitPosition(position);
    const postIds: string[] = [];
    let organizationId: string | null = null;
    for (const [k, part] of parts.entries()) {
      const org = await this.units.resolve(part.unit);
      if (k === 0) organizationId = org?.id ?? null;
      if (!org) continue;
      for (const title of part.title.split('、').map(bareTitle)) {
        if (title !== '') postIds.push(await this.post(org, title));
      }
    }
    return { personId: await this.person(name, organizationId), organizationId, postIds: [...new Set(postIds)] };
  }

  /** Records that the person holds each post, as the statement says (once per document). */
  async recordHoldings(person: ResolvedPerson, position: string, statement: Statement): Promise<void> {
    for (const postId of person.postIds) {
      await this.tx
        .insert(postHoldings)
        .values({
          personId: person.personId,
          postId,
          position: normalizePosition(position),
          validFrom: statement.from,
          source: 'document',
          documentId: statement.documentId,
          line: statement.line,
        })
        .onConflictDoNothing();
    }
  }

  async person(name: string, organizationId: string | null): Promise<string> {
    const key = `${name}|${organizationId ?? ''}`;
    const cached = this.people.get(key);
    if (cached) return cached;
    const [found] = await this.tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.jurisdiction, '654000'), eq(people.name, name), organizationId ? eq(people.organizationId, organizationId) : isNull(people.organizationId)));
    const id = found?.id ?? (await this.tx.insert(people).values({ name, organizationId }).returning({ id: people.id }))[0].id;
    this.people.set(key, id);
    return id;
  }

  async post(org: { id: string; name: string }, title: string): Promise<string> {
    const key = `${org.id}|${title}`;
    const cached = this.posts.get(key);
    if (cached) return cached;
    const [row] = await this.tx
      .insert(posts)
      .values({ organizationId: org.id, title, label: `${org.name}${title}` })
      .onConflictDoUpdate({ target: [posts.organizationId, posts.title], set: { title: sql`excluded.title` } })
      .returning({ id: posts.id });
    this.posts.set(key, row.id);
    return row.id;
  }
}

/**
 * For other modules' importers (a plan naming its lead leaders, say): the person a name and
 * position denote, with the post holdings traced to the document line. Returns the person's id.
 */
export async function recordPersonStatement(
  tx: Db,
  input: { name: string; position: string; documentId: string | null; line: number | null; from: string | null },
): Promise<string> {
  const writer = await DirectoryWriter.open(tx);
  const person = await writer.resolve(input.name, input.position);
  await writer.recordHoldings(person, input.position, input);
  return person.personId;
}
