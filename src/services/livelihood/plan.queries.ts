import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  livelihoodMeasures, livelihoodMeasureUnits, livelihoodPlans, livelihoodProjects, livelihoodReports, livelihoodTargets,
} from '../../db/schema/index.js';
import type { LivelihoodProject, Measure, ProgressReport } from '../../domain/livelihood/index.js';
import { errors } from '../../domain/errors.js';

export interface StoredMeasureUnit {
  organizationId: string;
  /** As the plan writes it: 州卫生健康委. Reports and lights name the unit this way. */
  name: string;
}

export interface StoredMeasure {
  id: string;
  projectId: string;
  projectNo: number;
  measure: Measure;
  units: StoredMeasureUnit[];
}

export interface StoredProject {
  id: string;
  project: LivelihoodProject;
  targets: { id: string; text: string; value: number; unit: string; context: string }[];
  measures: StoredMeasure[];
}

export interface StoredPlan {
  id: string;
  year: number;
  docNumber: string | null;
  reportingStartsOn: string;
  projects: StoredProject[];
}

export interface StoredReport extends ProgressReport {
  id: string;
  measureId: string;
  organizationId: string;
  narrative: string;
  indicators: { targetId: string; value: number }[];
  revision: number;
  updatedAt: string;
}

/** The year's plan, or the latest one when no year is given. Null when none is imported. */
export async function findPlan(db: Db, year?: number): Promise<StoredPlan | null> {
  const [chosen] = await db
    .select()
    .from(livelihoodPlans)
    .where(year === undefined ? undefined : eq(livelihoodPlans.year, year))
    .orderBy(desc(livelihoodPlans.year))
    .limit(1);
  if (!chosen) return null;
  const projects = await db.select().from(livelihoodProjects).where(eq(livelihoodProjects.planId, chosen.id)).orderBy(asc(livelihoodProjects.no));
  const projectIds = projects.map((p) => p.id);
  if (projectIds.length === 0) return { id: chosen.id, year: chosen.year, docNumber: chosen.docNumber, reportingStartsOn: chosen.reportingStartsOn, projects: [] };
  const targets = await db.select().from(livelihoodTargets).where(inArray(livelihoodTargets.projectId, projectIds)).orderBy(asc(livelihoodTargets.position));
  const measures = await db.select().from(livelihoodMeasures).where(inArray(livelihoodMeasures.projectId, projectIds)).orderBy(asc(livelihoodMeasures.no));
  const units = measures.length
    ? await db.select().from(livelihoodMeasureUnits).where(inArray(livelihoodMeasureUnits.measureId, measures.map((m) => m.id))).orderBy(asc(livelihoodMeasureUnits.position))
    : [];
  return {
    id: chosen.id,
    year: chosen.year,
    docNumber: chosen.docNumber,
    reportingStartsOn: chosen.reportingStartsOn,
    projects: projects.map((p) => {
      const own = measures.filter((m) => m.projectId === p.id);
      const storedMeasures: StoredMeasure[] = own.map((m) => {
        const measureUnits = units.filter((u) => u.measureId === m.id).map((u) => ({ organizationId: u.organizationId, name: u.unitName }));
        return {
          id: m.id,
          projectId: p.id,
          projectNo: p.no,
          units: measureUnits,
          measure: {
            no: m.no, text: m.text, units: measureUnits.map((u) => u.name), leadLeader: m.leadLeader, leadLeaders: m.leadLeaders,
            responsibleLeader: m.responsibleLeader, responsibleLeaders: m.responsibleLeaders, deadline: m.deadline, deadlineText: m.deadlineText,
            fundings: m.fundings, milestones: m.milestones,
          },
        };
      });
      const projectTargets = targets.filter((t) => t.projectId === p.id);
      return {
        id: p.id,
        targets: projectTargets.map((t) => ({ id: t.id, text: t.text, value: t.value, unit: t.unit, context: t.context })),
        measures: storedMeasures,
        project: {
          no: p.no, title: p.title, targetText: p.targetText, fundings: p.fundings,
          targets: projectTargets.map((t) => ({ text: t.text, value: t.value, unit: t.unit, context: t.context })),
          measures: storedMeasures.map((m) => m.measure),
        },
      };
    }),
  };
}

export async function requirePlan(db: Db, year?: number): Promise<StoredPlan> {
  const plan = await findPlan(db, year);
  if (!plan) throw errors.notFound(year === undefined ? '民生实事方案（请先导入）' : `${year}年民生实事方案`);
  return plan;
}

/** All reports on the plan's measures, as the domain reads them (unit = the name the plan uses). */
export async function planReports(db: Db, plan: StoredPlan): Promise<StoredReport[]> {
  const measures = plan.projects.flatMap((p) => p.measures);
  if (measures.length === 0) return [];
  const rows = await db.select().from(livelihoodReports).where(inArray(livelihoodReports.measureId, measures.map((m) => m.id)));
  const byId = new Map(measures.map((m) => [m.id, m]));
  return rows.flatMap((r) => {
    const measure = byId.get(r.measureId);
    const unit = measure?.units.find((u) => u.organizationId === r.organizationId);
    if (!measure || !unit) return [];
    return [{
      id: r.id, measureId: r.measureId, organizationId: r.organizationId, projectNo: measure.projectNo, measureNo: measure.measure.no,
      unit: unit.name, period: r.period, submittedOn: r.submittedOn, progressPercent: r.progressPercent, milestonesDone: r.milestonesDone,
      narrative: r.narrative, indicators: r.indicators, revision: r.revision, updatedAt: r.updatedAt.toISOString(),
    }];
  });
}

/** `projects --json`: the plan in document order, in the parser's shapes. */
export function projectsOutline(plan: StoredPlan) {
  return plan.projects.map(({ project }) => ({
    no: project.no,
    title: project.title,
    targets: project.targets.map((t) => ({ text: t.text, value: t.value, unit: t.unit })),
    measures: project.measures.map((m) => ({
      no: m.no, units: m.units, leadLeader: m.leadLeader, responsibleLeader: m.responsibleLeader, deadline: m.deadline, milestones: m.milestones,
    })),
  }));
}
