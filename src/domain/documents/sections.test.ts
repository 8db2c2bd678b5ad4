import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sectionAt } from './citation.js';
import { parseDocuments } from './parse-documents.js';
import type { SectionNode } from './types.js';

const REAL = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const [awards, bodies, press, supervision, livelihood] = parseDocuments(REAL).documents;
const regulation = awards.enclosure?.sections ?? [];

const shape = (nodes: readonly SectionNode[]): string[] => nodes.map((n) => `${n.kind}:${n.label}`);
const all = (nodes: readonly SectionNode[]): SectionNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);

describe('regulation structure: 伊州政办规〔2023〕1号 (章 / 条 / 项 / 目)', () => {
  it('has ten chapters with their titles and 28 articles numbered in order', () => {
    expect(regulation.map((c) => [c.label, c.title])).toEqual([
      ['第一章', '总则'], ['第二章', '入选中国体育代表团的奖励'], ['第三章', '参赛自治区层级运动员成绩奖'],
      ['第四章', '参赛自治州层级运动员成绩奖'], ['第五章', '教练员及有关人员的奖励'], ['第六章', '县（市）基层单位追踪奖'],
      ['第七章', '体育道德风尚奖'], ['第八章', '奖励金的审核及拨付'], ['第九章', '责任追究'], ['第十章', '附则'],
    ]);
    const articles = all(regulation).filter((n) => n.kind === 'article');
    expect(articles.map((a) => a.number)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(articles.every((a) => a.title === undefined)).toBe(true);
  });

  it.each([
    [{ article: 13, item: 3 }, 62, '培训运动员（队）时间满二年以上不足三年的'],
    [{ article: 8, item: 1, subItem: 1 }, 37, '在自治区运动会（区全运会）中，获得前三名的运动员分别奖励20000元'],
    [{ article: 9, item: 3, subItem: 2 }, 49, '四人以下团体项目（含四人）获得前三名的每名运动员分别奖励4000元'],
    [{ chapter: 10, article: 28 }, 93, '本办法自2023年2月10日起施行。'],
    [{ article: 2, item: 4 }, 19, '自治区运动会（区全运会）'],
  ])('%o is on line %i', (c, line, start) => {
    const node = sectionAt(regulation, c);
    expect(node?.line).toBe(line);
    expect(node?.text.startsWith(start)).toBe(true);
  });

  it('gives 第八条 its items and their 目', () => {
    const art8 = sectionAt(regulation, { article: 8 });
    expect(shape(art8?.children ?? [])).toEqual(['item:（一）', 'item:（二）', 'item:（三）']);
    expect(shape(art8?.children[0].children ?? [])).toEqual(['subItem:1.', 'subItem:2.', 'subItem:3.']);
    expect([art8?.line, art8?.endLine]).toEqual([35, 41]);
  });

  it('joins an article wrapped in the middle of a sentence (第二十五条, lines 89–90)', () => {
    const art25 = sectionAt(regulation, { article: 25 });
    expect(art25?.text).toContain('有关管理部门批准确认的纪录）的，按最高一项纪录');
    expect([art25?.line, art25?.endLine]).toEqual([89, 90]);
  });

  it('finds nothing for a citation the text does not have', () => {
    expect(sectionAt(regulation, { article: 29 })).toBeNull();
    expect(sectionAt(regulation, { article: 13, item: 5 })).toBeNull();
  });
});

describe('plan structure (一、 / （一） / 1.)', () => {
  it('reads the press plan of 6号: 19 dated conferences, then 4 requirements', () => {
    const [schedule, requirements] = press.enclosure?.sections ?? [];
    expect([schedule.title, requirements.title]).toEqual(['2023年新闻发布主题及日程安排（共19场）', '工作要求']);
    expect(schedule.children.map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(schedule.children.every((c) => c.kind === 'item')).toBe(true);
    expect(schedule.children[17].text).toBe('10月，召开G218线伊宁市过境公路通车运营新闻发布会（发布单位：州交通运输局）');
    expect(requirements.children[3].text).toMatch(/\n联系人：钱宾宾/);
  });

  it('reads the ten projects of the 8号 plan with their measures', () => {
    const projects = livelihood.enclosure?.sections ?? [];
    expect(projects.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(projects.map((p) => p.children.length)).toEqual([4, 9, 5, 2, 5, 0, 0, 9, 5, 2]);
    expect(projects[0].title).toBe('增加养老托育服务、城市公办幼儿园学位供给');
    expect(projects[0].text.split('\n')[1]).toMatch(/^目标任务：新建、改建11个社区/);
    expect(projects[0].children[0]).toMatchObject({ kind: 'item', label: '1.', title: '构建城市“一刻钟”居家养老服务圈', line: 408 });
  });

  it('keeps numbering that changes style mid-list on one level (1、 then 二、; （1） then （二）)', () => {
    const [members, liaisons] = supervision.body.sections;
    expect([members.label, members.kind, members.number, liaisons.label, liaisons.kind, liaisons.number])
      .toEqual(['1、', 'heading', 1, '二、', 'heading', 2]);
    expect(shape(liaisons.children)).toEqual(['item:（1）', 'item:（二）', 'item:（三）', 'item:（四）', 'item:（五）']);
    expect(liaisons.children.map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('has no numbered structure in a notice of one paragraph', () => {
    expect(bodies.body.sections).toEqual([]);
  });
});

const SYNTHETIC = `关于印发《某某管理办法》的通知
伊州政办规〔2024〕2号
各县市人民政府：
现印发你们。
伊犁哈萨克自治州人民政府办公厅
2024年3月1日
某某管理办法
第一条 本办法所称补助，是指下列补助：
（一）生活补助；
（二）交通补助。
前款第（二）项补助按月发放。
第二条 补助标准如下：
1、一类地区；
（2）二类地区。`;

const PLAN = `关于印发《某某工作方案》的通知
伊州政办发〔2024〕5号
各县市人民政府：
现印发你们。
伊犁哈萨克自治州人民政府办公厅
2024年3月1日
某某工作方案
一、附加说明
（一）总体要求
1.第一点；
（1）细目；
（2）细目；
2.第二点。
二、其他
①甲
②乙`;

describe('layouts the real file does not show', () => {
  const [doc] = parseDocuments(SYNTHETIC).documents;
  const sections = doc.enclosure?.sections ?? [];

  it('splits an article into 款 when a paragraph follows a finished sentence', () => {
    const art1 = sectionAt(sections, { article: 1 });
    expect(shape(art1?.children ?? [])).toEqual(['paragraph:第一款', 'paragraph:第二款']);
    expect(art1?.children[0].children.map((c) => c.label)).toEqual(['（一）', '（二）']);
    expect(sectionAt(sections, { article: 1, paragraph: 1, item: 2 })?.text).toBe('交通补助。');
    expect(sectionAt(sections, { article: 1, item: 2 })?.line).toBe(10);
  });

  it('keeps a list going when its numbers switch style (1、 then （2）) inside an article', () => {
    expect(shape(sectionAt(sections, { article: 2 })?.children ?? [])).toEqual(['item:1、', 'item:（2）']);
  });

  it('nests four plan levels, circled numbers included', () => {
    const plan = parseDocuments(PLAN).documents[0].enclosure?.sections ?? [];
    expect(plan.map((p) => [p.kind, p.title])).toEqual([['heading', '附加说明'], ['heading', '其他']]);
    expect(shape(plan[0].children)).toEqual(['item:（一）']);
    expect(shape(plan[0].children[0].children)).toEqual(['subItem:1.', 'subItem:2.']);
    expect(shape(plan[0].children[0].children[0].children)).toEqual(['subItem:（1）', 'subItem:（2）']);
    expect(shape(plan[1].children)).toEqual(['item:①', 'item:②']);
  });
});
