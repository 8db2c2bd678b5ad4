/**
 * 当年奖励方案 (AwardPlan): the year's applications reported to the prefecture government, with totals
 * by payee role and by funding source — 州财政, and each county's finance for its 追踪奖 (第十七条).
 * And the ledger: disbursements, revocations, recoveries, and what each county owes.
 */
import { and, asc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { awardApplications, awardLines, awardRecoveries } from '../../db/schema/index.js';
import { PAYEE_ROLE_LABEL, PAYEE_ROLES, type PayeeRole } from '../../domain/awards/index.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { awardScopeOf, countyLineFilter, scopeFilter } from './access.js';

/** In the plan: reported for approval, approved, or already paid. */
export const PLAN_STATUSES = ['reported', 'approved', 'disbursed'] as const;

export async function awardPlan(db: Db, actor: Actor, year: number) {
  if (awardScopeOf(actor).kind !== 'all') throw errors.forbidden('当年奖励方案仅供体育局、财政局、州政府办公厅和领导查看');
  const apps = await db
    .select()
    .from(awardApplications)
    .where(and(eq(awardApplications.year, year), inArray(awardApplications.status, [...PLAN_STATUSES])))
    .orderBy(asc(awardApplications.ref));
  const lines = apps.length
    ? await db.select().from(awardLines).where(inArray(awardLines.applicationId, apps.map((a) => a.id))).orderBy(asc(awardLines.position))
    : [];
  const byRole = PAYEE_ROLES.map((role: PayeeRole) => {
    const of = lines.filter((l) => l.role === role);
    return { role, label: PAYEE_ROLE_LABEL[role], lines: of.length, amountFen: of.reduce((s, l) => s + l.amountFen, 0) };
  }).filter((r) => r.lines > 0);
  const counties = new Map<string, number>();
  for (const l of lines.filter((x) => x.funding === 'county')) counties.set(l.payee, (counties.get(l.payee) ?? 0) + l.amountFen);
  const prefectureFen = lines.filter((l) => l.funding === 'prefecture').reduce((s, l) => s + l.amountFen, 0);
  const byFunding = [
    { funding: 'prefecture' as const, payer: '州财政', amountFen: prefectureFen },
    ...[...counties.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([county, amountFen]) => ({ funding: 'county' as const, payer: `${county}财政`, amountFen })),
  ];
  return {
    year,
    totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
    prefectureFen,
    countyFen: lines.filter((l) => l.funding === 'county').reduce((s, l) => s + l.amountFen, 0),
    byRole,
    byFunding,
    applications: apps.map((a) => ({
      id: a.id,
      ref: a.ref,
      status: a.status,
      summary: a.summary,
      applicantName: a.applicantName,
      resultDate: a.resultDate,
      totalFen: a.totalFen,
      lines: lines
        .filter((l) => l.applicationId === a.id)
        .map((l) => ({ payee: l.payee, role: l.role, amountFen: l.amountFen, funding: l.funding, basis: l.basis })),
    })),
  };
}

export type AwardPlan = Awaited<ReturnType<typeof awardPlan>>;

export async function awardLedger(db: Db, actor: Actor, year: number | null) {
  const scope = awardScopeOf(actor);
  const filters: SQL[] = [];
  const scoped = scopeFilter(scope);
  if (scoped) filters.push(scoped);
  if (year) filters.push(eq(awardApplications.year, year));
  const base = filters.length ? and(...filters) : undefined;
  const disbursed = await db
    .select()
    .from(awardApplications)
    .where(base ? and(base, isNotNull(awardApplications.disbursedOn)) : isNotNull(awardApplications.disbursedOn))
    .orderBy(asc(awardApplications.disbursedOn), asc(awardApplications.ref));
  const revoked = await db
    .select()
    .from(awardApplications)
    .where(base ? and(base, eq(awardApplications.status, 'revoked')) : eq(awardApplications.status, 'revoked'))
    .orderBy(asc(awardApplications.revokedAt));
  const recoveries = revoked.length
    ? await db.select().from(awardRecoveries).where(inArray(awardRecoveries.applicationId, revoked.map((r) => r.id))).orderBy(asc(awardRecoveries.recoveredOn))
    : [];
  const recoveredOf = (id: string) => recoveries.filter((r) => r.applicationId === id).reduce((s, r) => s + r.amountFen, 0);
  return {
    disbursements: disbursed.map((a) => ({
      applicationId: a.id,
      ref: a.ref,
      summary: a.summary,
      paidOn: a.disbursedOn,
      amountFen: a.disbursedFen ?? 0,
      voucher: a.disbursementVoucher,
      revoked: a.status === 'revoked',
    })),
    revocations: revoked.map((a) => ({
      applicationId: a.id,
      ref: a.ref,
      summary: a.summary,
      revokedAt: a.revokedAt?.toISOString() ?? null,
      ground: a.revocationGround,
      reason: a.revocationReason,
      recoveryDueFen: a.recoveryDueFen,
      recoveredFen: recoveredOf(a.id),
      outstandingFen: a.recoveryDueFen - recoveredOf(a.id),
    })),
    recoveries: recoveries.map((r) => ({
      applicationId: r.applicationId,
      ref: revoked.find((a) => a.id === r.applicationId)?.ref ?? 0,
      amountFen: r.amountFen,
      recoveredOn: r.recoveredOn,
      note: r.note,
    })),
    countyObligations: await countyObligations(db, scope, year),
  };
}

/** 第十七条: what each county's finance owes for approved (and paid) awards; revoked ones owe nothing. */
async function countyObligations(db: Db, scope: ReturnType<typeof awardScopeOf>, year: number | null) {
  if (scope.kind === 'own' || (scope.kind === 'county' && !scope.organizationId)) return [];
  const filters: SQL[] = [eq(awardLines.funding, 'county'), inArray(awardApplications.status, ['approved', 'disbursed'])];
  if (scope.kind === 'county' && scope.organizationId) filters.push(countyLineFilter(scope.organizationId));
  if (year) filters.push(eq(awardApplications.year, year));
  const rows = await db
    .select({
      county: awardLines.payee,
      amountFen: awardLines.amountFen,
      basis: awardLines.basis,
      applicationId: awardApplications.id,
      ref: awardApplications.ref,
      summary: awardApplications.summary,
      status: awardApplications.status,
    })
    .from(awardLines)
    .innerJoin(awardApplications, eq(awardApplications.id, awardLines.applicationId))
    .where(and(...filters))
    .orderBy(asc(awardLines.payee), asc(awardApplications.ref), asc(awardLines.position));
  const byCounty = new Map<string, typeof rows>();
  for (const r of rows) byCounty.set(r.county, [...(byCounty.get(r.county) ?? []), r]);
  return [...byCounty.entries()].map(([county, lines]) => ({
    county,
    amountFen: lines.reduce((s, l) => s + l.amountFen, 0),
    lines: lines.map(({ county: _c, ...l }) => l),
  }));
}

export type AwardLedger = Awaited<ReturnType<typeof awardLedger>>;

