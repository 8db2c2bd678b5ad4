import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  livelihoodMeasures, livelihoodMeasureUnits, livelihoodPlans, livelihoodProjects, livelihoodTargets,
} from '../../db/schema/index.js';
import type { OfficialDocument } from '../../domain/documents/index.js';
import { DomainError } from '../../domain/errors.js';
import { LivelihoodPlanError, parseLivelihoodPlan, type Measure } from '../../domain/livelihood/index.js';
import { documentText } from '../calendar/index.js';
import { UnitResolver } from '../directory/organizations.service.js';

/**
 * 民生实事工作方案 (伊州政办发〔2023〕8号): projects, targets, measures with their lead units
 * (resolved in the directory), leaders, deadlines, fundings and milestones. A plan for a year
 * already stored is updated in place: projects and measures keep their ids (and reports) by number.
 * Runs inside the documents import transaction.
 */
export const livelihoodPlanImporter = {
  name: 'livelihood.plan',
  appliesTo: (doc: OfficialDocument): boolean => /民生实事/.test(doc.title),
  async build(tx: Db, doc: OfficialDocument, documentId: string) {
    let plan;
    try {
      plan = parseLivelihoodPlan(documentText(doc));
    } catch (error) {
      if (error instanceof LivelihoodPlanError) throw new DomainError(error.code, `${doc.docNumber.text}无法读取：${error.message}`, 422);
      throw error;
    }
    const values = {
      year: plan.year,
      docNumber: doc.docNumber.text,
      sourceDocumentId: documentId,
      // Reporting runs from the 成文日期 when the text has one, else from 1 January (the office may move it).
      reportingStartsOn: doc.signedOn ?? `${plan.year}-01-01`,
    };
    const [stored] = await tx
      .insert(livelihoodPlans)
      .values(values)
      .onConflictDoUpdate({ target: [livelihoodPlans.jurisdiction, livelihoodPlans.year], set: { docNumber: values.docNumber, sourceDocumentId: documentId } })
      .returning({ id: livelihoodPlans.id });
    const units = await UnitResolver.open(tx);
    for (const project of plan.projects) {
      const row = { title: project.title, targetText: project.targetText, fundings: project.fundings };
      const projectId = await upsertProject(tx, stored.id, project.no, row);
      await tx.delete(livelihoodTargets).where(eq(livelihoodTargets.projectId, projectId));
      if (project.targets.length > 0) {
        await tx.insert(livelihoodTargets).values(
          project.targets.map((t, position) => ({ projectId, position, text: t.text, value: t.value, unit: t.unit, context: t.context })),
        );
      }
      for (const measure of project.measures) await storeMeasure(tx, units, projectId, measure);
    }
    const measures = plan.projects.reduce((n, p) => n + p.measures.length, 0);
    return { label: '民生实事', items: [...plan.projects.map((p) => `${p.no}. ${p.title}（${p.measures.length}项措施）`), `共${plan.projects.length}项、${measures}项措施`] };
  },
};

async function storeMeasure(tx: Db, units: UnitResolver, projectId: string, measure: Measure): Promise<void> {
  const row = {
    text: measure.text,
    leadLeader: measure.leadLeader,
    leadLeaders: measure.leadLeaders,
    responsibleLeader: measure.responsibleLeader,
    responsibleLeaders: measure.responsibleLeaders,
    deadline: measure.deadline,
    deadlineText: measure.deadlineText,
    fundings: measure.fundings,
    milestones: measure.milestones,
  };
  const measureId = await upsertMeasure(tx, projectId, measure.no, row);
  await tx.delete(livelihoodMeasureUnits).where(eq(livelihoodMeasureUnits.measureId, measureId));
  const seen = new Set<string>();
  for (const [position, unitName] of measure.units.entries()) {
    const org = await units.resolve(unitName);
    if (!org) throw new DomainError('LIVELIHOOD_PLAN_UNIT', `无法识别责任单位：${unitName}`, 422);
    if (seen.has(org.id)) continue;
    seen.add(org.id);
    await tx.insert(livelihoodMeasureUnits).values({ measureId, position, unitName, organizationId: org.id });
  }
}

async function upsertProject(tx: Db, planId: string, no: number, row: Omit<typeof livelihoodProjects.$inferInsert, 'planId' | 'no'>): Promise<string> {
  const [existing] = await tx.select({ id: livelihoodProjects.id }).from(livelihoodProjects).where(and(eq(livelihoodProjects.planId, planId), eq(livelihoodProjects.no, no)));
  if (existing) {
    await tx.update(livelihoodProjects).set(row).where(eq(livelihoodProjects.id, existing.id));
    return existing.id;
  }
  const [created] = await tx.insert(livelihoodProjects).values({ ...row, planId, no }).returning({ id: livelihoodProjects.id });
  return created.id;
}

async function upsertMeasure(tx: Db, projectId: string, no: number, row: Omit<typeof livelihoodMeasures.$inferInsert, 'projectId' | 'no'>): Promise<string> {
  const [existing] = await tx.select({ id: livelihoodMeasures.id }).from(livelihoodMeasures).where(and(eq(livelihoodMeasures.projectId, projectId), eq(livelihoodMeasures.no, no)));
  if (existing) {
    await tx.update(livelihoodMeasures).set(row).where(eq(livelihoodMeasures.id, existing.id));
    return existing.id;
  }
  const [created] = await tx.insert(livelihoodMeasures).values({ ...row, projectId, no }).returning({ id: livelihoodMeasures.id });
  return created.id;
}
