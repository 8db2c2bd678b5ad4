import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import goldenJson from './golden-2023.json';
import { LivelihoodPlanError, parseLivelihoodPlan } from './parse-plan.js';
import type { Funding, LeaderRef, Milestone, Target } from './types.js';

const DOCUMENTS = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
/** 伊州政办发〔2023〕8号, the last document of the file: from its number to the end. */
const PLAN_2023 = DOCUMENTS.slice(DOCUMENTS.indexOf('伊州政办发〔2023〕8号'));
const plan = parseLivelihoodPlan(PLAN_2023);

type Tuple = (string | number | null)[];
interface GoldenMeasure {
  no: number;
  units: string[];
  leadLeader: string | null;
  leadLeaders: Tuple[];
  responsibleLeader: string | null;
  responsibleLeaders: Tuple[];
  deadline: string | null;
  deadlineText: string | null;
  fundings: Tuple[];
  milestones: Tuple[];
}
interface GoldenProject {
  no: number;
  title: string;
  targets: Tuple[];
  fundings: Tuple[];
  measures: GoldenMeasure[];
}
const golden: { year: number; projects: GoldenProject[] } = goldenJson;
const leaders = (rows: Tuple[]): LeaderRef[] => rows.map(([unit, title, name]) => ({ unit, title, name }) as LeaderRef);
const fundings = (rows: Tuple[]): Funding[] => rows.map(([text, fen, per]) => ({ text, fen, per }) as Funding);
const milestones = (rows: Tuple[]): Milestone[] =>
  rows.map(([text, date, kind, from]) => ({ text, date, kind, ...(from ? { from } : {}) }) as Milestone);

describe('parseLivelihoodPlan on 伊州政办发〔2023〕8号 (golden-2023.json)', () => {
  it('finds 10 projects and 43 measures in document order', () => {
    expect(plan.year).toBe(2023);
    expect(plan.projects.map((p) => [p.no, p.title])).toEqual(golden.projects.map((p) => [p.no, p.title]));
    expect(plan.projects.map((p) => p.measures.length)).toEqual([4, 9, 5, 2, 5, 1, 1, 9, 5, 2]);
  });

  describe.each(golden.projects)('project $no $title', (expected) => {
    const project = plan.projects[expected.no - 1];

    it('targets and the 目标任务 amounts', () => {
      expect(project.targets.map((t: Target) => [t.text, t.value, t.unit])).toEqual(expected.targets);
      expect(project.fundings).toEqual(fundings(expected.fundings));
    });

    it.each(expected.measures)('measure $no', (m) => {
      const measure = project.measures.find((x) => x.no === m.no);
      expect(measure).toMatchObject({
        no: m.no,
        units: m.units,
        leadLeader: m.leadLeader,
        leadLeaders: leaders(m.leadLeaders),
        responsibleLeader: m.responsibleLeader,
        responsibleLeaders: leaders(m.responsibleLeaders),
        deadline: m.deadline,
        deadlineText: m.deadlineText,
        fundings: fundings(m.fundings),
        milestones: milestones(m.milestones),
      });
      expect(measure?.text).not.toMatch(/负责|）$/);
    });
  });

  it('keeps measure text without number or responsibility', () => {
    const [p1, , , , , p6] = plan.projects;
    expect(p1.measures[0].text.startsWith('构建城市“一刻钟”居家养老服务圈。投入资金4080万元')).toBe(true);
    expect(p1.measures[0].text.endsWith('年底竣工交付使用。')).toBe(true);
    expect(p6.measures[0].text.startsWith('一是对肢体残疾人家庭。')).toBe(true);
    expect(p6.measures[0].text.endsWith('9月底前完成项目验收，并录入系统。')).toBe(true);
  });

  it('keeps each target’s clause, with asides, as context', () => {
    const [p1, p2, , p4] = plan.projects;
    expect(p1.targets[3].context).toBe('新建（续建）公办幼儿园6所（其中伊宁市5所，奎屯市1所）');
    expect(p2.targets[0].context).toBe('全年实现脱贫人口务工规模不低于5.09万人');
    expect(p4.targets[5].context).toBe('巩固提升38.3万农村人口供水保障水平');
  });
});

describe('parseLivelihoodPlan on other layouts', () => {
  const text = [
    '推进自治州2031年民生实事工作方案',
    '（一）建设示范项目',
    '目标任务：新建2.5万平方米，惠及1.2万户。',
    '工作措施：',
    '1．第一条措施，',
    '跨行写完，6月底前完成招标。（州财政局、教育局、伊宁市负责，牵头领导:党组书记、局长张三，完成时限:2031年11月底）',
    '2.第二条措施。（各县市负责，完成时限：全年持续推进）',
  ].join('\n');

  it('reads （一） headings, continuation lines, ASCII colons and 月底 deadlines', () => {
    const parsed = parseLivelihoodPlan(text);
    expect(parsed.year).toBe(2031);
    const [project] = parsed.projects;
    expect(project.targets.map((t) => [t.text, t.value, t.unit])).toEqual([['2.5万平方米', 25000, '平方米'], ['1.2万户', 12000, '户']]);
    expect(project.measures[0]).toMatchObject({
      no: 1,
      text: '第一条措施，跨行写完，6月底前完成招标。',
      units: ['州财政局', '州教育局', '伊宁市'],
      leadLeaders: [{ unit: null, title: '党组书记、局长', name: '张三' }],
      responsibleLeader: null,
      deadline: '2031-11-30',
      milestones: [{ text: '6月底前完成招标', date: '2031-06-30', kind: 'by' }],
    });
    expect(project.measures[1]).toMatchObject({ units: ['各县市'], leadLeader: null, deadline: null, deadlineText: '全年持续推进' });
  });

  it.each([
    ['一、加强组织领导。各县市各部门要切实提高政治站位。', 2023, '没有找到民生实事项目'],
    ['一、项目\n目标任务：新建1所。\n工作措施：\n1.没有负责说明。', 2023, '“项目”第1条措施缺少（…负责…）说明'],
    ['一、项目\n目标任务：新建1所。', 2023, '“项目”缺少工作措施'],
    ['一、项目\n目标任务：新建1所。\n工作措施：\n1.措施。（州民政局负责）', undefined, '无法确定民生实事方案的年份'],
  ])('rejects %s', (input, year, message) => {
    expect(() => parseLivelihoodPlan(input, year)).toThrow(LivelihoodPlanError);
    expect(() => parseLivelihoodPlan(input, year)).toThrow(message);
  });
});
