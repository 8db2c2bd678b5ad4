import { chineseNumeralValue, normalizeDigits } from '../calendar/chinese-text.js';
import { readMilestones } from './milestones.js';
import { readFundings, readTargets } from './quantities.js';
import { parseResponsibility, splitResponsibility } from './responsibility.js';
import type { LivelihoodPlan, LivelihoodProject, Measure } from './types.js';

/** Raised when the text has no recognisable project, or a measure lacks its responsibility. */
export class LivelihoodPlanError extends Error {
  readonly code = 'LIVELIHOOD_PLAN_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'LivelihoodPlanError';
  }
}

const PROJECT_HEADING = /^\s*(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）)\s*(\S.*?)\s*$/;
const MEASURE_START = /^\s*(\d{1,2})[.．、](?!\d)\s*/;

/**
 * Reads a 民生实事工作方案 (the notice with its plan, or the plan alone). A project is a
 * numbered heading (一、… or （一）…) whose next line starts with 目标任务 — so the notice's own
 * 一、加强组织领导… paragraphs are not projects. Measures are `1.`, `2.` … lines after 工作措施；
 * text on the 工作措施： line itself (projects 6 and 7 of 2023: 工作措施：一是…) is measure 1.
 */
export function parseLivelihoodPlan(text: string, year?: number): LivelihoodPlan {
  const normalized = normalizeDigits(text);
  const planYear = year ?? readPlanYear(normalized);
  const lines = normalized.split(/\r?\n/);
  const starts = lines.flatMap((line, i) => (isProjectHeading(lines, i) ? [i] : []));
  if (starts.length === 0) throw new LivelihoodPlanError('没有找到民生实事项目（“一、…”标题后接“目标任务”）');
  const projects = starts.map((start, k) => readProject(lines.slice(start, starts[k + 1] ?? lines.length), planYear));
  return { year: planYear, projects };
}

function readPlanYear(text: string): number {
  const m = /(\d{4})\s*年\s*民生实事/.exec(text);
  if (!m) throw new LivelihoodPlanError('无法确定民生实事方案的年份，请指定年份');
  return Number(m[1]);
}

function isProjectHeading(lines: string[], i: number): boolean {
  if (!PROJECT_HEADING.test(lines[i])) return false;
  const next = lines.slice(i + 1).find((l) => l.trim() !== '');
  return next !== undefined && /^\s*目标任务\s*[：:]/.test(next);
}

function readProject(block: string[], planYear: number): LivelihoodProject {
  const heading = PROJECT_HEADING.exec(block[0]);
  if (!heading) throw new LivelihoodPlanError(`无法读取项目标题：${block[0]}`);
  const body = block.slice(1).join('\n');
  const measuresAt = body.search(/工作措施\s*[：:]/);
  if (measuresAt < 0) throw new LivelihoodPlanError(`“${heading[3]}”缺少工作措施`);
  const targetText = body.slice(0, measuresAt).replace(/^\s*目标任务\s*[：:]/, '').replace(/\s*\n\s*/g, '').trim();
  const measureLines = body.slice(measuresAt).replace(/^工作措施\s*[：:]/, '').split('\n');
  return {
    no: chineseNumeralValue(heading[1] ?? heading[2]) ?? 0,
    title: heading[3],
    targetText,
    targets: readTargets(targetText),
    fundings: readFundings(targetText),
    measures: splitMeasures(measureLines).map((m) => readMeasure(m.no, m.text, planYear, heading[3])),
  };
}

/** Numbered lines start measures; other non-empty lines continue the current one. */
function splitMeasures(lines: string[]): { no: number; text: string }[] {
  const measures: { no: number; text: string }[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const start = MEASURE_START.exec(line);
    if (start) measures.push({ no: Number(start[1]), text: line.slice(start[0].length).trim() });
    else if (measures.length === 0) measures.push({ no: 1, text: line.trim() });
    else measures[measures.length - 1].text += line.trim();
  }
  return measures;
}

function readMeasure(no: number, text: string, planYear: number, projectTitle: string): Measure {
  const { body, responsibility } = splitResponsibility(text);
  if (!responsibility) throw new LivelihoodPlanError(`“${projectTitle}”第${no}条措施缺少（…负责…）说明`);
  return {
    no,
    text: body,
    ...parseResponsibility(responsibility, planYear),
    fundings: readFundings(body),
    milestones: readMilestones(body, planYear),
  };
}
