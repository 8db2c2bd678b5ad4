import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { bodyDutyReports, organizations } from '../../db/schema/index.js';
import { hasPermission } from '../../domain/auth/roles.js';
import { isDutyReportOverdue, moveDutyReport, type DutyReportStatus } from '../../domain/directory/index.js';
import { errors } from '../../domain/errors.js';
import { isIsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { recordAudit, runAudited } from '../audit/audit.service.js';
import { bodyVersionsOf, defaultRosterDay, findBody, rosterOn } from './bodies.queries.js';

/** Largest report file accepted (bytes). */
export const MAX_REPORT_FILE = 10 * 1024 * 1024;

/**
 * 每年向教育督导委员会办公室提供本部门履行教育职责工作情况汇报: one tracked report per member
 * unit and year. The member units are the units of the liaison list in force (one liaison per
 * member unit), or the members' organisations for a body without liaisons.
 */
export async function openDutyReports(
  database: Database,
  actor: Actor,
  bodyId: string,
  input: { year: number; dueOn: string; today: string },
): Promise<{ created: number; existing: number }> {
  if (!isIsoDate(input.dueOn)) throw errors.validation('截止日期格式应为 YYYY-MM-DD', { field: 'dueOn' });
  const audit = { action: 'bodies.duty-reports.open', object: `body:${bodyId}`, details: { year: input.year, dueOn: input.dueOn } as Record<string, unknown> };
  return runAudited(database, actor, audit, async (tx) => {
    await findBody(tx, bodyId);
    const units = await memberUnits(tx, bodyId, input.today);
    if (units.length === 0) throw errors.badState('该机构当前名单中没有成员单位');
    const inserted = await tx
      .insert(bodyDutyReports)
      .values(units.map((organizationId) => ({ bodyId, organizationId, year: input.year, dueOn: input.dueOn })))
      .onConflictDoNothing()
      .returning({ id: bodyDutyReports.id });
    audit.details.created = inserted.length;
    return { created: inserted.length, existing: units.length - inserted.length };
  });
}

async function memberUnits(tx: Db, bodyId: string, today: string): Promise<string[]> {
  const versions = await bodyVersionsOf(tx, bodyId);
  const roster = await rosterOn(tx, bodyId, defaultRosterDay(versions, today), versions);
  const fromLiaisons = roster.liaisons.map((l) => l.organizationId).filter((id): id is string => id !== null);
  if (fromLiaisons.length > 0) return [...new Set(fromLiaisons)];
  const ids = roster.members.map((m) => m.personId);
  if (ids.length === 0) return [];
  const rows = await queryRows<{ organization_id: string }>(
    tx,
    sql`SELECT DISTINCT organization_id FROM people WHERE organization_id IS NOT NULL AND id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
  return rows.map((r) => r.organization_id);
}

export interface DutyReportItem {
  id: string;
  organizationId: string;
  organization: string;
  year: number;
  dueOn: string;
  status: DutyReportStatus;
  overdue: boolean;
  submittedOn: string | null;
  submittedBy: string | null;
  fileName: string | null;
  fileSize: number | null;
  reviewNote: string | null;
  reviewedBy: string | null;
}

export async function listDutyReports(db: Db, bodyId: string, options: { year?: number; today: string }): Promise<DutyReportItem[]> {
  const rows = await db
    .select({
      id: bodyDutyReports.id, organizationId: bodyDutyReports.organizationId, organization: organizations.name, year: bodyDutyReports.year,
      dueOn: bodyDutyReports.dueOn, status: bodyDutyReports.status, submittedOn: bodyDutyReports.submittedOn, submittedBy: bodyDutyReports.submittedBy,
      fileName: bodyDutyReports.fileName, fileSize: bodyDutyReports.fileSize, reviewNote: bodyDutyReports.reviewNote, reviewedBy: bodyDutyReports.reviewedBy,
    })
    .from(bodyDutyReports)
    .innerJoin(organizations, eq(organizations.id, bodyDutyReports.organizationId))
    .where(and(eq(bodyDutyReports.bodyId, bodyId), options.year === undefined ? undefined : eq(bodyDutyReports.year, options.year)))
    .orderBy(asc(bodyDutyReports.year), asc(organizations.name));
  return rows.map((r) => ({ ...r, overdue: isDutyReportOverdue(r, options.today) }));
}

async function reportFor(tx: Db, reportId: string) {
  const [report] = await tx.select().from(bodyDutyReports).where(eq(bodyDutyReports.id, reportId));
  if (!report) throw errors.notFound('履职报告');
  return report;
}

/** A unit's reporter may hand in their own unit's report only; the office (bodies:manage) any. */
function checkOwnUnit(actor: Actor, organizationId: string): void {
  if (hasPermission(actor.roles, 'bodies:manage')) return;
  if (actor.organizationId !== organizationId) throw errors.forbidden('只能报送本单位的履职报告');
}

export async function submitDutyReport(
  database: Database,
  actor: Actor,
  reportId: string,
  input: { fileName: string; contentType: string; contentBase64: string; today: string },
) {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw errors.validation('请选择要报送的文件', { field: 'contentBase64' });
  if (content.length > MAX_REPORT_FILE) throw errors.validation('文件不能超过10MB', { field: 'contentBase64' });
  const fileName = input.fileName.trim().replace(/[\\/]/g, '_');
  return runAudited(database, actor, { action: 'bodies.duty-report.submit', object: `duty-report:${reportId}`, details: { fileName, size: content.length } }, async (tx) => {
    const report = await reportFor(tx, reportId);
    checkOwnUnit(actor, report.organizationId);
    const move = moveDutyReport(report.status, 'submit');
    if (!move.ok) throw errors.badState(move.reason);
    await tx
      .update(bodyDutyReports)
      .set({
        status: move.status, submittedOn: input.today, submittedBy: actor.username, fileName, contentType: input.contentType || 'application/octet-stream',
        fileSize: content.length, fileSha256: createHash('sha256').update(content).digest('hex'), fileContent: content, updatedAt: sql`now()`,
      })
      .where(eq(bodyDutyReports.id, reportId));
    return { id: reportId, status: move.status };
  });
}

export async function reviewDutyReport(database: Database, actor: Actor, reportId: string, input: { decision: 'accept' | 'return'; note?: string | null }) {
  return runAudited(database, actor, { action: `bodies.duty-report.${input.decision}`, object: `duty-report:${reportId}` }, async (tx) => {
    const report = await reportFor(tx, reportId);
    const move = moveDutyReport(report.status, input.decision);
    if (!move.ok) throw errors.badState(move.reason);
    if (input.decision === 'return' && !input.note?.trim()) throw errors.validation('退回时请写明原因', { field: 'note' });
    await tx
      .update(bodyDutyReports)
      .set({ status: move.status, reviewNote: input.note?.trim() || null, reviewedBy: actor.username, updatedAt: sql`now()` })
      .where(eq(bodyDutyReports.id, reportId));
    return { id: reportId, status: move.status };
  });
}

/**
 * A unit's reporter (bodies:report without bodies:manage) reads its own unit's file only — another
 * unit's answers as unknown, as press forms do; the office, the supervision office and leaders
 * (who read and report nothing for a unit) read every member unit's file.
 */
export function canReadDutyReportFile(actor: Pick<Actor, 'roles' | 'organizationId'>, organizationId: string): boolean {
  if (hasPermission(actor.roles, 'bodies:manage') || !hasPermission(actor.roles, 'bodies:report')) return true;
  return actor.organizationId === organizationId;
}

/** The submitted file; the download is audited. */
export async function dutyReportFile(database: Database, actor: Actor, reportId: string) {
  const report = await reportFor(database.db, reportId);
  if (!canReadDutyReportFile(actor, report.organizationId)) throw errors.notFound('履职报告');
  if (!report.fileContent || !report.fileName) throw errors.notFound('报送的文件');
  await recordAudit(database, actor, { action: 'bodies.duty-report.export', object: `duty-report:${reportId}`, details: { fileName: report.fileName } });
  return { fileName: report.fileName, contentType: report.contentType ?? 'application/octet-stream', content: report.fileContent };
}
