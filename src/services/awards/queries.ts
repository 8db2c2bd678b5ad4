/** Reading applications: the filtered list and one application with everything about it. */
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { awardApplications, awardEvents, awardLines, awardMaterials, awardObjections, awardRecoveries } from '../../db/schema/index.js';
import { hasPermission } from '../../domain/auth/roles.js';
import { isEditable, type ApplicationStatus, type Citation } from '../../domain/awards/index.js';
import type { Actor } from '../actor.js';
import { awardScopeOf, isApplicant, scopeFilter, visibleApplication } from './access.js';
import type { ArticleLibrary } from './article-source.js';
import { withArticles } from './compute.js';
import { personRows } from './records.js';

export interface ApplicationFilters {
  status?: ApplicationStatus;
  year?: number;
  games?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * Past this many matches the list answers "more than 10,000" instead of counting them all: a count
 * reads every match, so at province scale it would cost more than the page. 500 pages of 20 is
 * more than anyone pages through; past it the filters (year, status, games, text) narrow the list.
 */
export const LIST_COUNT_CAP = 10_000;

export async function listAwardApplications(db: Db, actor: Actor, f: ApplicationFilters, countCap = LIST_COUNT_CAP) {
  const where: SQL[] = [];
  const scope = scopeFilter(awardScopeOf(actor));
  if (scope) where.push(scope);
  if (f.status) where.push(eq(awardApplications.status, f.status));
  if (f.year) where.push(eq(awardApplications.year, f.year));
  if (f.games) where.push(eq(awardApplications.games, f.games));
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(awardApplications.summary, like), ilike(awardApplications.applicantName, like), sql`${awardApplications.ref}::text = ${f.q.trim()}`) as SQL);
  }
  const condition = where.length ? and(...where) : undefined;
  const items = await db
    .select({
      id: awardApplications.id,
      ref: awardApplications.ref,
      status: awardApplications.status,
      summary: awardApplications.summary,
      kind: awardApplications.kind,
      games: awardApplications.games,
      resultDate: awardApplications.resultDate,
      appliedOn: awardApplications.appliedOn,
      year: awardApplications.year,
      applicantName: awardApplications.applicantName,
      applicantUserId: awardApplications.applicantUserId,
      eligible: awardApplications.eligible,
      totalFen: awardApplications.totalFen,
      prefectureFen: awardApplications.prefectureFen,
      countyFen: awardApplications.countyFen,
      noticeId: awardApplications.noticeId,
      updatedAt: awardApplications.updatedAt,
    })
    .from(awardApplications)
    .where(condition)
    .orderBy(desc(awardApplications.ref))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const matches = db.select({ one: sql`1` }).from(awardApplications).where(condition).limit(countCap + 1).as('matches');
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(matches);
  return {
    items: items.map(({ applicantUserId, updatedAt, ...i }) => ({ ...i, mine: applicantUserId === actor.userId, updatedAt: updatedAt.toISOString() })),
    /** The number of matches, or countCap when there are more (totalCapped). */
    total: Math.min(total, countCap),
    totalCapped: total > countCap,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function getAwardApplication(db: Db, actor: Actor, id: string, library: ArticleLibrary) {
  const row = await visibleApplication(db, actor, id);
  const lines = await db.select().from(awardLines).where(eq(awardLines.applicationId, id)).orderBy(asc(awardLines.position));
  const people = await personRows(db, id);
  const materials = await db
    .select({ id: awardMaterials.id, kind: awardMaterials.kind, mediaType: awardMaterials.mediaType, sizeBytes: awardMaterials.sizeBytes, storedName: awardMaterials.storedName, uploadedAt: awardMaterials.uploadedAt })
    .from(awardMaterials)
    .where(eq(awardMaterials.applicationId, id))
    .orderBy(asc(awardMaterials.uploadedAt));
  const events = await db.select().from(awardEvents).where(eq(awardEvents.applicationId, id)).orderBy(asc(awardEvents.at));
  const objections = await db.select().from(awardObjections).where(eq(awardObjections.applicationId, id)).orderBy(asc(awardObjections.createdAt));
  const recoveries = await db.select().from(awardRecoveries).where(eq(awardRecoveries.applicationId, id)).orderBy(asc(awardRecoveries.recoveredOn));
  const computation = await withArticles(
    {
      eligible: row.eligible,
      reasons: row.reasons,
      lines: lines.map((l) => ({ payee: l.payee, role: l.role, amountFen: l.amountFen, funding: l.funding, basis: l.basis, citations: l.citations as Citation[] })),
      totalFen: row.totalFen,
      prefectureFen: row.prefectureFen,
      countyFen: row.countyFen,
      rulebook: row.rulebook,
    },
    row.resultDate,
    library,
  );
  const recoveredFen = recoveries.reduce((s, r) => s + r.amountFen, 0);
  const own = isApplicant(actor, row);
  return {
    id: row.id,
    ref: row.ref,
    status: row.status,
    summary: row.summary,
    entry: row.entry,
    applicantKind: row.applicantKind,
    applicantName: row.applicantName,
    mine: own,
    editable: own && isEditable(row.status),
    appliedOn: row.appliedOn,
    resultDate: row.resultDate,
    year: row.year,
    noticeId: row.noticeId,
    submittedAt: iso(row.submittedAt),
    decidedAt: iso(row.decidedAt),
    disbursedOn: row.disbursedOn,
    disbursedFen: row.disbursedFen,
    disbursementVoucher: row.disbursementVoucher,
    revokedAt: iso(row.revokedAt),
    revocationGround: row.revocationGround,
    revocationReason: row.revocationReason,
    recoveryDueFen: row.recoveryDueFen,
    recoveredFen,
    computation,
    people: people.map((p) => ({ name: p.name, role: p.role, idNumberMasked: p.idNumberMasked })),
    canRevealIdNumbers: hasPermission(actor.roles, 'awards:read-id'),
    materials: materials.map((m) => ({ ...m, uploadedAt: m.uploadedAt.toISOString() })),
    events: events.map((e) => ({ action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, actorName: e.actorName, comment: e.comment, at: e.at.toISOString() })),
    objections: objections.map((o) => ({ id: o.id, noticeId: o.noticeId, receivedOn: o.receivedOn, objector: o.objector, content: o.content, outcome: o.outcome, handling: o.handling })),
    recoveries: recoveries.map((r) => ({ amountFen: r.amountFen, recoveredOn: r.recoveredOn, note: r.note })),
  };
}

export type AwardApplicationDetail = Awaited<ReturnType<typeof getAwardApplication>>;
