import { sql } from 'drizzle-orm';
import { queryJson, type Db } from '../../db/client.js';
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

/** A report as the lights, the lists and the dashboard read it (no narrative). */
export interface PlanReport extends ProgressReport {
  id: string;
  measureId: string;
  organizationId: string;
  indicators: { targetId: string; value: number }[];
  revision: number;
}

export interface StoredReport extends PlanReport {
  narrative: string;
  updatedAt: string;
}

/** A plan as findPlan reads it: one JSON value (queryJson), the rows named as in the schema. */
interface PlanRows {
  plan: { id: string; year: number; docNumber: string | null; reportingStartsOn: string };
  projects: { id: string; no: number; title: string; targetText: string; fundings: StoredProject['project']['fundings'] }[];
  targets: { id: string; projectId: string; text: string; value: number; unit: string; context: string }[];
  measures: ({ id: string; projectId: string } & Omit<Measure, 'units'>)[];
  units: { measureId: string; unitName: string; organizationId: string }[];
}

/**
 * The year's plan, or the latest one when no year is given. Null when none is imported. Read in one
 * statement (each table's rows aggregated), not one per table: a page reads the plan every time.
 */
export async function findPlan(db: Db, year?: number): Promise<StoredPlan | null> {
  const found = await queryJson<PlanRows | null>(
    db,
    sql`SELECT coalesce((
          SELECT json_build_object(
            'plan', json_build_object('id', pl.id, 'year', pl.year, 'docNumber', pl.doc_number, 'reportingStartsOn', pl.reporting_starts_on),
            'projects', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'no', p.no, 'title', p.title, 'targetText', p.target_text, 'fundings', p.fundings) ORDER BY p.no), '[]')
                           FROM livelihood_projects p WHERE p.plan_id = pl.id),
            'targets', (SELECT coalesce(json_agg(json_build_object('id', t.id, 'projectId', t.project_id, 'text', t.text, 'value', t.value, 'unit', t.unit, 'context', t.context) ORDER BY t.position), '[]')
                          FROM livelihood_targets t JOIN livelihood_projects p ON p.id = t.project_id WHERE p.plan_id = pl.id),
            'measures', (SELECT coalesce(json_agg(json_build_object(
                            'id', m.id, 'projectId', m.project_id, 'no', m.no, 'text', m.text, 'leadLeader', m.lead_leader, 'leadLeaders', m.lead_leaders,
                            'responsibleLeader', m.responsible_leader, 'responsibleLeaders', m.responsible_leaders, 'deadline', m.deadline,
                            'deadlineText', m.deadline_text, 'fundings', m.fundings, 'milestones', m.milestones) ORDER BY m.no), '[]')
                           FROM livelihood_measures m JOIN livelihood_projects p ON p.id = m.project_id WHERE p.plan_id = pl.id),
            'units', (SELECT coalesce(json_agg(json_build_object('measureId', u.measure_id, 'unitName', u.unit_name, 'organizationId', u.organization_id) ORDER BY u.position), '[]')
                        FROM livelihood_measure_units u JOIN livelihood_measures m ON m.id = u.measure_id JOIN livelihood_projects p ON p.id = m.project_id
                        WHERE p.plan_id = pl.id))::text
          FROM livelihood_plans pl ${year === undefined ? sql`` : sql`WHERE pl.year = ${year}`}
          ORDER BY pl.year DESC LIMIT 1), 'null') AS value`,
  );
  if (!found) return null;
  const { plan: chosen, projects, targets, measures, units } = found;
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

/** A livelihood_reports row as planReports reads it (one JSON value for all: queryJson). */
interface ReportRow {
  id: string;
  measureId: string;
  organizationId: string;
  period: string;
  submittedOn: string;
  progressPercent: number;
  milestonesDone: string[];
  indicators: { targetId: string; value: number }[];
  revision: number;
  narrative?: string;
  updatedAt?: string;
}

/**
 * All reports on the plan's measures, as the domain reads them (unit = the name the plan uses); with
 * `{ narratives: false }` without their texts (what the lights need: less to read on every page).
 */
export async function planReports(db: Db, plan: StoredPlan): Promise<StoredReport[]>;
export async function planReports(db: Db, plan: StoredPlan, options: { narratives: false }): Promise<PlanReport[]>;
export async function planReports(db: Db, plan: StoredPlan, options: { narratives?: boolean } = {}): Promise<PlanReport[]> {
  const measures = plan.projects.flatMap((p) => p.measures);
  if (measures.length === 0) return [];
  const texts = options.narratives !== false;
  const rows = await queryJson<ReportRow[]>(
    db,
    sql`SELECT coalesce(json_agg(json_build_object(
          'id', id, 'measureId', measure_id, 'organizationId', organization_id, 'period', period, 'submittedOn', submitted_on,
          'progressPercent', progress_percent, 'milestonesDone', milestones_done, 'indicators', indicators, 'revision', revision
          ${texts ? sql`, 'narrative', narrative, 'updatedAt', updated_at` : sql``})), '[]')::text AS value
        FROM livelihood_reports WHERE measure_id IN (${sql.join(measures.map((m) => sql`${m.id}`), sql`, `)})`,
  );
  const byId = new Map(measures.map((m) => [m.id, m]));
  return rows.flatMap((row) => {
    const measure = byId.get(row.measureId);
    const unit = measure?.units.find((u) => u.organizationId === row.organizationId);
    if (!measure || !unit) return [];
    const report: PlanReport = {
      id: row.id, measureId: row.measureId, organizationId: row.organizationId, projectNo: measure.projectNo, measureNo: measure.measure.no,
      unit: unit.name, period: row.period, submittedOn: row.submittedOn, progressPercent: row.progressPercent, milestonesDone: row.milestonesDone,
      indicators: row.indicators, revision: row.revision,
    };
    return [row.narrative === undefined || row.updatedAt === undefined ? report : { ...report, narrative: row.narrative, updatedAt: new Date(row.updatedAt).toISOString() }];
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
