import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { bodies, bodyVersions, type StoredOffice } from '../../db/schema/index.js';
import { diffRosters, type Rank, type RosterDiff } from '../../domain/directory/index.js';
import { errors } from '../../domain/errors.js';

export interface BodyVersion {
  id: string;
  version: number;
  documentId: string;
  docNumber: string;
  headingLine: number;
  validFrom: string;
  validTo: string | null;
  office: StoredOffice | null;
  liaisonDuties: string[];
}

export interface RosterMember {
  membershipId: string;
  personId: string;
  name: string;
  role: string;
  rank: Rank;
  position: string;
  seat: number;
  validFrom: string;
  /** When the seat ends: a successor's start, the next version's start, or null (open). */
  validTo: string | null;
  documentId: string | null;
  docNumber: string | null;
  line: number | null;
  /** Set when the member holds the seat by automatic succession: whom they succeeded. */
  succeeded: { personId: string; name: string } | null;
}

export interface RosterLiaison {
  personId: string;
  name: string;
  position: string;
  unit: string;
  organizationId: string | null;
  seat: number;
  line: number;
}

export interface Roster {
  day: string;
  version: BodyVersion | null;
  members: RosterMember[];
  liaisons: RosterLiaison[];
}

export async function bodyVersionsOf(db: Db, bodyId: string): Promise<BodyVersion[]> {
  const rows = await db.select().from(bodyVersions).where(eq(bodyVersions.bodyId, bodyId)).orderBy(asc(bodyVersions.validFrom));
  return rows.map((v) => ({
    id: v.id, version: v.version, documentId: v.documentId, docNumber: v.docNumber, headingLine: v.headingLine,
    validFrom: v.validFrom, validTo: v.validTo, office: v.office ?? null, liaisonDuties: v.liaisonDuties,
  }));
}

/** The version in force on `day`: valid_from ≤ day < valid_to. */
export function versionOn(versions: readonly BodyVersion[], day: string): BodyVersion | null {
  return versions.find((v) => v.validFrom <= day && (v.validTo === null || day < v.validTo)) ?? null;
}

/** `today` when a version is in force then, else the latest version's first day (a notice dated later). */
export function defaultRosterDay(versions: readonly BodyVersion[], today: string): string {
  if (versions.length === 0 || versionOn(versions, today)) return today;
  return versions[versions.length - 1].validFrom;
}

interface MemberRow {
  id: string;
  person_id: string;
  name: string;
  role: string;
  rank: Rank;
  position: string;
  seat: number;
  valid_from: string;
  valid_to: string | null;
  document_id: string | null;
  doc_number: string | null;
  line: number | null;
  predecessor_id: string | null;
  predecessor_name: string | null;
}

/** The body's roster on `day`: the version in force, and who holds each seat that day. */
export async function rosterOn(db: Db, bodyId: string, day: string, versions?: readonly BodyVersion[]): Promise<Roster> {
  const version = versionOn(versions ?? (await bodyVersionsOf(db, bodyId)), day);
  if (!version) return { day, version: null, members: [], liaisons: [] };
  const members = await queryRows<MemberRow>(
    db,
    sql`SELECT m.id, m.person_id, p.name, m.role, m.rank, m.position, m.seat, m.valid_from::text AS valid_from,
          coalesce(m.valid_to, ${version.validTo})::text AS valid_to, m.document_id, d.doc_number, m.line,
          prev.person_id AS predecessor_id, pp.name AS predecessor_name
        FROM memberships m
        JOIN people p ON p.id = m.person_id
        LEFT JOIN documents d ON d.id = m.document_id
        LEFT JOIN memberships prev ON prev.id = m.successor_of
        LEFT JOIN people pp ON pp.id = prev.person_id
        WHERE m.version_id = ${version.id} AND m.valid_from <= ${day} AND (m.valid_to IS NULL OR ${day} < m.valid_to)
        ORDER BY m.seat`,
  );
  const liaisons = await queryRows<RosterLiaison>(
    db,
    sql`SELECT person_id AS "personId", name, position, unit, organization_id AS "organizationId", seat, line
        FROM liaisons WHERE version_id = ${version.id} ORDER BY seat`,
  );
  return {
    day,
    version,
    members: members.map((m) => ({
      membershipId: m.id, personId: m.person_id, name: m.name, role: m.role, rank: m.rank, position: m.position,
      seat: m.seat, validFrom: m.valid_from, validTo: m.valid_to, documentId: m.document_id, docNumber: m.doc_number, line: m.line,
      succeeded: m.predecessor_id && m.predecessor_name ? { personId: m.predecessor_id, name: m.predecessor_name } : null,
    })),
    liaisons,
  };
}

export async function findBody(db: Db, bodyId: string) {
  const [body] = await db.select().from(bodies).where(eq(bodies.id, bodyId));
  if (!body) throw errors.notFound('议事协调机构');
  return body;
}

/** A body's page: what it is, its versions, and its roster, office and liaisons on `day`. */
export async function getBody(db: Db, bodyId: string, options: { day?: string; today: string }) {
  const body = await findBody(db, bodyId);
  const versions = await bodyVersionsOf(db, bodyId);
  const day = options.day ?? defaultRosterDay(versions, options.today);
  const roster = await rosterOn(db, bodyId, day, versions);
  return {
    id: body.id,
    name: body.name,
    organizationId: body.organizationId,
    automaticSuccession: body.automaticSuccession,
    versions,
    ...roster,
  };
}

export type BodyDetail = Awaited<ReturnType<typeof getBody>>;

/** The difference between the rosters on two days (a version's first day, or any day). */
export async function diffBodyRosters(db: Db, bodyId: string, from: string, to: string): Promise<{ from: Roster; to: Roster; diff: RosterDiff<RosterMember> }> {
  await findBody(db, bodyId);
  const versions = await bodyVersionsOf(db, bodyId);
  const a = await rosterOn(db, bodyId, from, versions);
  const b = await rosterOn(db, bodyId, to, versions);
  return { from: a, to: b, diff: diffRosters(a.members, b.members) };
}

interface BodyListRow {
  id: string;
  name: string;
  automatic_succession: boolean;
  versions: number;
}

/** Every body with its roster in force on `today` (or its latest notice's, when dated later). */
export async function listBodies(db: Db, today: string) {
  const rows = await queryRows<BodyListRow>(
    db,
    sql`SELECT b.id, b.name, b.automatic_succession, count(v.id)::int AS versions
        FROM bodies b LEFT JOIN body_versions v ON v.body_id = b.id
        WHERE b.jurisdiction = '654000'
        GROUP BY b.id, b.name, b.automatic_succession
        ORDER BY min(v.valid_from), (array_agg(v.doc_number ORDER BY v.valid_from))[1], (array_agg(v.heading_line ORDER BY v.valid_from))[1], b.name`,
  );
  const out = [];
  for (const r of rows) {
    const versions = await bodyVersionsOf(db, r.id);
    const roster = await rosterOn(db, r.id, defaultRosterDay(versions, today), versions);
    out.push({ id: r.id, name: r.name, automaticSuccession: r.automatic_succession, versions: r.versions, roster });
  }
  return out;
}

/** `bodies --json`: one object per body, in the shape, members in document order. */
export async function bodiesForExport(db: Db, today: string) {
  return (await listBodies(db, today)).map(({ name, roster }) => ({
    name,
    docNumber: roster.version?.docNumber ?? null,
    office: roster.version?.office
      ? {
          unit: roster.version.office.unit,
          director: roster.version.office.director?.name ?? roster.version.office.director?.position ?? null,
          deputyDirectors: roster.version.office.deputyDirectors.map((d) => d.name ?? d.position ?? ''),
        }
      : null,
    members: roster.members.map((m) => ({ name: m.name, role: m.role, rank: m.rank, position: m.position })),
    liaisons: roster.liaisons.map((l) => ({ name: l.name, position: l.position, unit: l.unit })),
  }));
}
