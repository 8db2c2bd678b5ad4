import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { personDuplicateReviews } from '../../db/schema/index.js';
import { findProbableDuplicates, type PersonRecord } from '../../domain/directory/index.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { loadAliasTable } from './organizations.service.js';

export type DuplicateStatus = 'pending' | 'confirmed' | 'rejected';

export interface DuplicatePerson {
  id: string;
  name: string;
  organization: string | null;
  positions: string[];
}

export interface DuplicateCandidate {
  names: [string, string];
  reason: string;
  status: DuplicateStatus;
  people: [DuplicatePerson, DuplicatePerson];
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

interface Row {
  id: string;
  name: string;
  organization: string | null;
  titles: string[] | null;
  positions: string[] | null;
}

async function personRecords(db: Db): Promise<Map<string, Row>> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT p.id, p.name, o.name AS organization,
          (SELECT array_agg(DISTINCT po.title) FROM post_holdings h JOIN posts po ON po.id = h.post_id WHERE h.person_id = p.id) AS titles,
          (SELECT array_agg(DISTINCT h.position) FROM post_holdings h WHERE h.person_id = p.id) AS positions
        FROM people p LEFT JOIN organizations o ON o.id = p.organization_id
        WHERE p.jurisdiction = '654000'
        -- People of one import share created_at: the line that first names them keeps document order.
        ORDER BY p.created_at, (SELECT min(h.line) FROM post_holdings h WHERE h.person_id = p.id) NULLS LAST, p.name, p.id`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Probable duplicates (findProbableDuplicates: names that sound alike, same organisation,
 * alike titles), each with the reviewer's decision if there is one. Nothing is ever merged:
 * 'confirmed' only links the two records. Pending pairs first.
 */
export async function listDuplicates(db: Db, options: { includeReviewed?: boolean } = {}): Promise<DuplicateCandidate[]> {
  const people = await personRecords(db);
  const aliases = await loadAliasTable(db);
  // Only people of one organisation can be reported: compare within each organisation.
  const groups = new Map<string, PersonRecord[]>();
  for (const p of people.values()) {
    const record: PersonRecord = { id: p.id, name: p.name, organization: p.organization ?? '', title: (p.titles ?? []).join('、') };
    groups.set(record.organization, [...(groups.get(record.organization) ?? []), record]);
  }
  const reviews = await db.select().from(personDuplicateReviews);
  const decided = new Map(reviews.map((r) => [`${r.personA}|${r.personB}`, r]));
  const out: DuplicateCandidate[] = [];
  for (const group of groups.values()) {
    for (const pair of findProbableDuplicates(group, aliases)) {
      const [a, b] = [...pair.ids].sort();
      const review = decided.get(`${a}|${b}`);
      const status: DuplicateStatus = review?.decision ?? 'pending';
      if (status !== 'pending' && !options.includeReviewed) continue;
      const show = (id: string): DuplicatePerson => {
        const p = people.get(id);
        return { id, name: p?.name ?? '', organization: p?.organization ?? null, positions: p?.positions ?? [] };
      };
      out.push({
        names: [pair.names[0], pair.names[1]],
        reason: pair.reason,
        status,
        people: [show(pair.ids[0]), show(pair.ids[1])],
        note: review?.note ?? null,
        decidedBy: review?.decidedBy ?? null,
        decidedAt: review ? new Date(review.decidedAt).toISOString() : null,
      });
    }
  }
  return out.sort((x, y) => Number(x.status !== 'pending') - Number(y.status !== 'pending'));
}

/**
 * A reviewer's decision on a listed pair: 'confirmed' (the same person, spelt two ways) or
 * 'rejected' (two people). The decision can be changed later; the records are never merged.
 */
export async function reviewDuplicate(
  database: Database,
  actor: Actor,
  input: { personIds: [string, string]; decision: 'confirmed' | 'rejected'; note?: string | null },
) {
  const [a, b] = [...input.personIds].sort();
  if (a === b) throw errors.validation('请选择两个不同的人员');
  return runAudited(database, actor, { action: 'people.duplicate.review', object: `people:${a}|${b}`, details: { decision: input.decision } }, async (tx) => {
    const candidate = (await listDuplicates(tx, { includeReviewed: true })).find((c) => {
      const ids = c.people.map((p) => p.id).sort();
      return ids[0] === a && ids[1] === b;
    });
    if (!candidate) throw errors.notFound('该疑似重复记录');
    const values = { personA: a, personB: b, decision: input.decision, reason: candidate.reason, note: input.note?.trim() || null, decidedBy: actor.username };
    await tx
      .insert(personDuplicateReviews)
      .values(values)
      .onConflictDoUpdate({
        target: [personDuplicateReviews.personA, personDuplicateReviews.personB],
        set: { decision: values.decision, note: values.note, decidedBy: values.decidedBy, decidedAt: sql`now()` },
      });
    return { names: candidate.names, decision: input.decision };
  });
}
