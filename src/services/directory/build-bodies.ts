import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bodies, bodyVersions, liaisons, memberships, type StoredOffice, type StoredOfficeHolder } from '../../db/schema/index.js';
import { canonicalOrganization, parseRoster, type CoordinationBody, type OfficeHolder } from '../../domain/directory/index.js';
import type { OfficialDocument } from '../../domain/documents/index.js';
import { DomainError } from '../../domain/errors.js';
import { DirectoryWriter, type ResolvedPerson } from './directory-writer.js';
import { ensureOrganization, seedReviewedAliases } from './organizations.service.js';
import { replayAppointments } from './succession.js';

/**
 * The directory's document importer: each roster (…组成人员 / …成员名单) in a document becomes a
 * version of its coordination body, valid from the document's 成文日期. Members, liaisons and
 * office holders become people with posts, each traced to the document line that names them.
 */
export const directoryImporter = {
  name: 'directory.bodies',
  appliesTo: (doc: OfficialDocument): boolean => parseRoster(doc).length > 0,
  async build(tx: Db, doc: OfficialDocument, documentId: string) {
    const built = await buildBodiesFromDocument(tx, doc, documentId);
    return { label: '议事协调机构', items: built.map((b) => `${b.name}（组成人员${b.members}人${b.liaisons ? `，联络员${b.liaisons}人` : ''}）`) };
  },
};

export interface BuiltBody {
  bodyId: string;
  versionId: string;
  name: string;
  members: number;
  liaisons: number;
}

export async function buildBodiesFromDocument(tx: Db, doc: OfficialDocument, documentId: string): Promise<BuiltBody[]> {
  const rosters = parseRoster(doc);
  if (rosters.length === 0) return [];
  if (doc.signedOn === null) {
    const line = rosters[0].line;
    throw new DomainError('DOCUMENT_PARSE', `第${line}行：${doc.docNumber.text}载有组成人员名单，但未找到成文日期，无法确定名单的生效日期`, 422, { line });
  }
  await seedReviewedAliases(tx);
  const writer = await DirectoryWriter.open(tx);
  const built: BuiltBody[] = [];
  for (const roster of rosters) built.push(await buildVersion(tx, writer, roster, doc, documentId, doc.signedOn));
  return built;
}

async function buildVersion(
  tx: Db,
  writer: DirectoryWriter,
  roster: CoordinationBody,
  doc: OfficialDocument,
  documentId: string,
  signedOn: string,
): Promise<BuiltBody> {
  const bodyId = await ensureBody(tx, roster);
  const [clash] = await tx.select().from(bodyVersions).where(and(eq(bodyVersions.bodyId, bodyId), eq(bodyVersions.validFrom, signedOn)));
  if (clash) {
    throw new DomainError(
      'DOCUMENT_CONFLICT',
      `第${roster.line}行：${roster.name}在${signedOn}已有${clash.docNumber}印发的名单，同一天不能有两个版本`,
      409,
      { line: roster.line },
    );
  }
  const [version] = await tx
    .insert(bodyVersions)
    .values({ bodyId, version: 0, documentId, docNumber: doc.docNumber.text, headingLine: roster.line, validFrom: signedOn, liaisonDuties: [...roster.liaisonDuties] })
    .returning({ id: bodyVersions.id });
  const statement = (line: number) => ({ documentId, line, from: signedOn });
  const byName = new Map<string, ResolvedPerson>();
  for (const [seat, m] of roster.members.entries()) {
    const person = await writer.resolve(m.name, m.position);
    await writer.recordHoldings(person, m.position, statement(m.line));
    byName.set(m.name, person);
    await tx.insert(memberships).values({
      bodyId, versionId: version.id, seat: seat + 1, personId: person.personId, postId: person.postIds[0] ?? null,
      role: m.role, rank: m.rank, position: m.position, validFrom: signedOn, documentId, line: m.line,
    });
  }
  for (const [seat, l] of roster.liaisons.entries()) {
    const person = await writer.resolve(l.name, l.position);
    await writer.recordHoldings(person, l.position, statement(l.line));
    if (!byName.has(l.name)) byName.set(l.name, person);
    const unit = await writer.units.resolve(l.unit);
    await tx.insert(liaisons).values({
      bodyId, versionId: version.id, seat: seat + 1, personId: person.personId, organizationId: unit?.id ?? null,
      name: l.name, position: l.position, unit: l.unit, documentId, line: l.line,
    });
  }
  const office = roster.office ? await storedOffice(writer, roster.office, byName, statement(roster.office.line)) : null;
  await tx.update(bodyVersions).set({ office }).where(eq(bodyVersions.id, version.id));
  await renumberVersions(tx, bodyId);
  await replayAppointments(tx, bodyId);
  return { bodyId, versionId: version.id, name: roster.name, members: roster.members.length, liaisons: roster.liaisons.length };
}

/** The body a roster names, created (as an organisation of kind 'body') on its first notice. */
async function ensureBody(tx: Db, roster: CoordinationBody): Promise<string> {
  const key = canonicalOrganization(roster.name);
  const [found] = await tx.select().from(bodies).where(and(eq(bodies.jurisdiction, '654000'), eq(bodies.key, key)));
  if (found) {
    if (roster.automaticSuccession && !found.automaticSuccession) {
      await tx.update(bodies).set({ automaticSuccession: true }).where(eq(bodies.id, found.id));
    }
    return found.id;
  }
  const org = await ensureOrganization(tx, roster.name, 'body');
  const [created] = await tx
    .insert(bodies)
    .values({ organizationId: org.id, name: roster.name, key, automaticSuccession: roster.automaticSuccession })
    .returning({ id: bodies.id });
  return created.id;
}

async function storedOffice(
  writer: DirectoryWriter,
  office: NonNullable<CoordinationBody['office']>,
  known: Map<string, ResolvedPerson>,
  statement: { documentId: string; line: number; from: string },
): Promise<StoredOffice> {
  const holder = async (h: OfficeHolder): Promise<StoredOfficeHolder> => {
    if (h.name === null) return { name: null, position: h.position, personId: null };
    let person = known.get(h.name);
    if (!person && h.position) {
      person = await writer.resolve(h.name, h.position);
      await writer.recordHoldings(person, h.position, statement);
    }
    return { name: h.name, position: h.position, personId: person?.personId ?? null };
  };
  const unit = await writer.units.resolve(office.unit);
  return {
    unit: office.unit,
    organizationId: unit?.id ?? null,
    director: office.director ? await holder(office.director) : null,
    deputyDirectors: await sequentially(office.deputyDirectors, holder),
    line: office.line,
  };
}

/** One at a time: the queries share one transaction and the writer's caches. */
async function sequentially<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await work(item));
  return out;
}

/** Versions numbered in order of their dates; each ends where the next begins. */
async function renumberVersions(tx: Db, bodyId: string): Promise<void> {
  const versions = await tx.select().from(bodyVersions).where(eq(bodyVersions.bodyId, bodyId)).orderBy(asc(bodyVersions.validFrom));
  for (const [k, v] of versions.entries()) {
    const validTo = versions[k + 1]?.validFrom ?? null;
    if (v.version !== k + 1 || v.validTo !== validTo) {
      await tx.update(bodyVersions).set({ version: k + 1, validTo }).where(eq(bodyVersions.id, v.id));
    }
  }
}
