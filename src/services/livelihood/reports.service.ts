import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { livelihoodMeasures, livelihoodMeasureUnits, livelihoodProjects, livelihoodReportAttachments, livelihoodReports, livelihoodTargets } from '../../db/schema/index.js';
import { hasPermission } from '../../domain/auth/roles.js';
import { errors } from '../../domain/errors.js';
import type { IsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { acceptFile, type FileType } from '../press/uploads.js';

export interface ReportInput {
  /** The month reported on, YYYY-MM. */
  period: string;
  progressPercent: number;
  narrative: string;
  /** Values reached so far on the project's targets (cumulative). */
  indicators: { targetId: string; value: number }[];
  /** Milestone texts of the measure now done. */
  milestonesDone: string[];
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The measures' units this actor reports for: its own organisation, if it leads the measure. */
async function reportingUnit(tx: Db, actor: Actor, measureId: string) {
  if (!hasPermission(actor.roles, 'livelihood:report') || !actor.organizationId) throw errors.forbidden('只有责任单位的填报人员可以报送进展');
  const [unit] = await tx
    .select()
    .from(livelihoodMeasureUnits)
    .where(and(eq(livelihoodMeasureUnits.measureId, measureId), eq(livelihoodMeasureUnits.organizationId, actor.organizationId)));
  if (!unit) throw errors.forbidden('本单位不是该项工作措施的牵头单位，不能报送其进展');
  return unit;
}

/**
 * 月度进展报告: the unit's report on one measure for one month. Reporting again on the same month
 * corrects it (revision + 1); whether it was on time is judged by the first submission.
 */
export async function submitProgressReport(database: Database, actor: Actor, measureId: string, input: ReportInput, today: IsoDate) {
  if (!PERIOD.test(input.period)) throw errors.validation('报告月份格式应为 YYYY-MM', { field: 'period' });
  if (input.period > today.slice(0, 7)) throw errors.validation(`不能报送尚未开始的月份（${input.period}）`, { field: 'period' });
  if (!Number.isInteger(input.progressPercent) || input.progressPercent < 0 || input.progressPercent > 100) {
    throw errors.validation('完成进度应为 0–100 的整数', { field: 'progressPercent' });
  }
  if (!input.narrative.trim()) throw errors.validation('请填写进展情况', { field: 'narrative' });
  const audit = { action: 'livelihood.report.submit', object: `livelihood-measure:${measureId}`, details: { period: input.period, progressPercent: input.progressPercent } as Record<string, unknown> };
  return runAudited(database, actor, audit, async (tx) => {
    const [measure] = await tx
      .select({ measure: livelihoodMeasures, project: livelihoodProjects })
      .from(livelihoodMeasures)
      .innerJoin(livelihoodProjects, eq(livelihoodProjects.id, livelihoodMeasures.projectId))
      .where(eq(livelihoodMeasures.id, measureId));
    if (!measure) throw errors.notFound('工作措施');
    const unit = await reportingUnit(tx, actor, measureId);
    const known = new Set(measure.measure.milestones.map((m) => m.text));
    const unknown = input.milestonesDone.filter((text) => !known.has(text));
    if (unknown.length > 0) throw errors.validation(`不是本措施的节点：${unknown.join('、')}`, { field: 'milestonesDone' });
    const targetIds = new Set((await tx.select({ id: livelihoodTargets.id }).from(livelihoodTargets).where(eq(livelihoodTargets.projectId, measure.project.id))).map((t) => t.id));
    if (input.indicators.some((i) => !targetIds.has(i.targetId) || !Number.isFinite(i.value) || i.value < 0)) {
      throw errors.validation('指标须是本项目的目标任务，数值不小于0', { field: 'indicators' });
    }
    const values = {
      progressPercent: input.progressPercent,
      narrative: input.narrative.trim(),
      indicators: input.indicators,
      milestonesDone: [...new Set(input.milestonesDone)],
      submittedBy: actor.userId,
      updatedAt: new Date(),
    };
    const [existing] = await tx
      .select({ id: livelihoodReports.id, revision: livelihoodReports.revision })
      .from(livelihoodReports)
      .where(and(eq(livelihoodReports.measureId, measureId), eq(livelihoodReports.organizationId, unit.organizationId), eq(livelihoodReports.period, input.period)))
      .for('update');
    if (existing) {
      await tx.update(livelihoodReports).set({ ...values, revision: existing.revision + 1 }).where(eq(livelihoodReports.id, existing.id));
      audit.details.revision = existing.revision + 1;
      return { id: existing.id, revision: existing.revision + 1 };
    }
    const [created] = await tx
      .insert(livelihoodReports)
      .values({ ...values, measureId, organizationId: unit.organizationId, period: input.period, submittedOn: today })
      .returning({ id: livelihoodReports.id });
    audit.details.revision = 1;
    return { id: created.id, revision: 1 };
  });
}

const REPORT_FILE_TYPES: readonly FileType[] = ['pdf', 'docx', 'doc', 'xlsx', 'jpg', 'png'];

export async function addReportAttachment(database: Database, actor: Actor, reportId: string, upload: { bytes: Buffer; originalName: string }, today: IsoDate) {
  const accepted = acceptFile(upload.bytes, upload.originalName, REPORT_FILE_TYPES, '进展报告附件', today);
  return runAudited(
    database,
    actor,
    (r: { id: string }) => ({ action: 'livelihood.report.attach', object: `livelihood-report:${reportId}`, details: { attachmentId: r.id, sha256: accepted.sha256, size: accepted.size } }),
    async (tx) => {
      const [report] = await tx.select().from(livelihoodReports).where(eq(livelihoodReports.id, reportId));
      if (!report) throw errors.notFound('进展报告');
      if (report.organizationId !== actor.organizationId || !hasPermission(actor.roles, 'livelihood:report')) throw errors.forbidden('只能为本单位的进展报告上传附件');
      const [created] = await tx
        .insert(livelihoodReportAttachments)
        .values({
          reportId, fileName: accepted.fileName, originalName: accepted.originalName, contentType: accepted.contentType, size: accepted.size,
          sha256: accepted.sha256, content: upload.bytes, uploadedBy: actor.userId,
        })
        .returning({ id: livelihoodReportAttachments.id });
      return { id: created.id, fileName: accepted.fileName };
    },
  );
}

/** Report evidence is read by everyone with livelihood:read (it backs the lights they see). */
export async function readReportAttachment(db: Db, attachmentId: string) {
  const [file] = await db.select().from(livelihoodReportAttachments).where(eq(livelihoodReportAttachments.id, attachmentId));
  if (!file) throw errors.notFound('附件');
  return { fileName: file.fileName, contentType: file.contentType, content: file.content };
}
