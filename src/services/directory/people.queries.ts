import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { Rank } from '../../domain/directory/index.js';
import { matchesPinyin } from '../../domain/directory/index.js';
import { errors } from '../../domain/errors.js';
import { PERSON_MENTION_FINDERS, type PersonMention } from './person-mentions.js';

export interface PersonSummary {
  id: string;
  name: string;
  organizationId: string | null;
  organization: string | null;
  /** Positions as the documents write them, latest first, each once. */
  positions: string[];
  bodies: number;
}

interface SummaryRow {
  id: string;
  name: string;
  organization_id: string | null;
  organization: string | null;
  positions: string[] | null;
  bodies: number;
}

async function summaries(db: Db, where = sql`TRUE`): Promise<PersonSummary[]> {
  const rows = await queryRows<SummaryRow>(
    db,
    sql`SELECT p.id, p.name, p.organization_id, o.name AS organization,
          (SELECT array_agg(x.position ORDER BY x.latest DESC) FROM (
             SELECT h.position, max(coalesce(h.valid_from, '1900-01-01')) AS latest FROM post_holdings h
             WHERE h.person_id = p.id AND h.valid_to IS NULL GROUP BY h.position) x) AS positions,
          (SELECT count(DISTINCT m.body_id)::int FROM memberships m WHERE m.person_id = p.id) AS bodies
        FROM people p LEFT JOIN organizations o ON o.id = p.organization_id
        WHERE p.jurisdiction = '654000' AND ${where}
        ORDER BY p.name, o.name`,
  );
  return rows.map((r) => ({
    id: r.id, name: r.name, organizationId: r.organization_id, organization: r.organization, positions: r.positions ?? [], bodies: r.bodies,
  }));
}

/**
 * People whose name matches `query`: Chinese substring, full-pinyin prefix of a name part
 * (dalie), or initials (dlbk) — see matchesPinyin. A Chinese query also finds people by their
 * organisation or position (州教育局). Names are matched in the application: the directory holds
 * thousands of people, not millions.
 */
export async function searchPeople(db: Db, query: string, limit = 50): Promise<PersonSummary[]> {
  const q = query.trim();
  const all = await summaries(db);
  if (q === '') return all.slice(0, limit);
  const han = /[\u4e00-\u9fa5]/.test(q);
  const byName = all.filter((p) => matchesPinyin(p.name, q));
  const byPost = han ? all.filter((p) => !byName.includes(p) && [p.organization ?? '', ...p.positions].some((t) => t.includes(q))) : [];
  return [...byName, ...byPost].slice(0, limit);
}

export async function personSummary(db: Db, personId: string): Promise<PersonSummary> {
  const [found] = await summaries(db, sql`p.id = ${personId}`);
  if (!found) throw errors.notFound('人员');
  return found;
}

interface PostRow {
  post_id: string;
  label: string;
  position: string;
  valid_from: string | null;
  valid_to: string | null;
  source: 'document' | 'appointment';
  document_id: string | null;
  doc_number: string | null;
  line: number | null;
  predecessor: string | null;
  note: string | null;
}

interface MembershipRow {
  body_id: string;
  body: string;
  role: string;
  rank: Rank;
  position: string;
  valid_from: string;
  valid_to: string | null;
  doc_number: string | null;
  document_id: string | null;
  line: number | null;
  version: number;
  by_succession: boolean;
}

/** A person's page: posts over time, every body seat, liaison and office role, and other modules' mentions. */
export async function getPerson(db: Db, personId: string) {
  const person = await personSummary(db, personId);
  const postRows = await queryRows<PostRow>(
    db,
    sql`SELECT h.post_id, po.label, h.position, h.valid_from::text AS valid_from, h.valid_to::text AS valid_to, h.source,
          h.document_id, d.doc_number, h.line, pp.name AS predecessor, h.note
        FROM post_holdings h JOIN posts po ON po.id = h.post_id
        LEFT JOIN documents d ON d.id = h.document_id LEFT JOIN people pp ON pp.id = h.predecessor_id
        WHERE h.person_id = ${personId} ORDER BY h.valid_from NULLS FIRST, po.label`,
  );
  const seats = await queryRows<MembershipRow>(
    db,
    sql`SELECT m.body_id, b.name AS body, m.role, m.rank, m.position, m.valid_from::text AS valid_from,
          coalesce(m.valid_to, v.valid_to)::text AS valid_to, d.doc_number, m.document_id, m.line, v.version,
          m.successor_of IS NOT NULL AS by_succession
        FROM memberships m JOIN bodies b ON b.id = m.body_id JOIN body_versions v ON v.id = m.version_id
        LEFT JOIN documents d ON d.id = coalesce(m.document_id, v.document_id)
        WHERE m.person_id = ${personId} AND (m.valid_to IS NULL OR m.valid_from < m.valid_to)
        ORDER BY m.valid_from, b.name`,
  );
  const liaisonOf = await queryRows<{ body_id: string; body: string; position: string; unit: string; doc_number: string; line: number; valid_to: string | null }>(
    db,
    sql`SELECT l.body_id, b.name AS body, l.position, l.unit, v.doc_number, l.line, v.valid_to::text AS valid_to
        FROM liaisons l JOIN bodies b ON b.id = l.body_id JOIN body_versions v ON v.id = l.version_id
        WHERE l.person_id = ${personId} ORDER BY v.valid_from, b.name`,
  );
  const offices = await queryRows<{ body_id: string; body: string; office: { unit: string; director: { personId: string | null } | null; deputyDirectors: { personId: string | null }[] }; doc_number: string; valid_to: string | null }>(
    db,
    sql`SELECT v.body_id, b.name AS body, v.office, v.doc_number, v.valid_to::text AS valid_to
        FROM body_versions v JOIN bodies b ON b.id = v.body_id
        WHERE v.office IS NOT NULL AND (v.office->'director'->>'personId' = ${personId}
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(v.office->'deputyDirectors') d WHERE d->>'personId' = ${personId}))
        ORDER BY v.valid_from`,
  );
  const sameAs = await queryRows<{ id: string; name: string; organization: string | null }>(
    db,
    sql`SELECT p.id, p.name, o.name AS organization FROM person_duplicate_reviews r
        JOIN people p ON p.id = CASE WHEN r.person_a = ${personId} THEN r.person_b ELSE r.person_a END
        LEFT JOIN organizations o ON o.id = p.organization_id
        WHERE r.decision = 'confirmed' AND (r.person_a = ${personId} OR r.person_b = ${personId})`,
  );
  const mentions: PersonMention[] = [];
  for (const finder of PERSON_MENTION_FINDERS) mentions.push(...(await finder.find(db, person)));
  return {
    ...person,
    posts: postRows.map((r) => ({
      postId: r.post_id, post: r.label, position: r.position, validFrom: r.valid_from, validTo: r.valid_to, source: r.source,
      documentId: r.document_id, docNumber: r.doc_number, line: r.line, predecessor: r.predecessor, note: r.note,
    })),
    memberships: seats.map((s) => ({
      bodyId: s.body_id, body: s.body, role: s.role, rank: s.rank, position: s.position, validFrom: s.valid_from, validTo: s.valid_to,
      documentId: s.document_id, docNumber: s.doc_number, line: s.line, version: s.version, bySuccession: s.by_succession,
    })),
    liaisons: liaisonOf.map((l) => ({ bodyId: l.body_id, body: l.body, position: l.position, unit: l.unit, docNumber: l.doc_number, line: l.line, validTo: l.valid_to })),
    offices: offices.map((o) => ({
      bodyId: o.body_id, body: o.body, unit: o.office.unit, docNumber: o.doc_number, validTo: o.valid_to,
      role: o.office.director?.personId === personId ? '办公室主任' : '办公室副主任',
    })),
    sameAs,
    mentions,
  };
}

export type PersonDetail = Awaited<ReturnType<typeof getPerson>>;
