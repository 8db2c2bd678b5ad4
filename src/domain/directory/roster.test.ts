import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../documents/parse-documents.js';
import { parseRoster } from './roster.js';

const REAL = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const documents = parseDocuments(REAL).documents;
const byNumber = (text: string) => documents.find((d) => d.docNumber.text === text)!;
const LEAD = '达列力别克·坎加汗';

/** Golden bodies: heading line, members, leaders and deputies in order, office as the text states it. */
const GOLDEN = [
  {
    doc: '伊州政办函〔2023〕14号', name: '自治州防治重大动物疫病指挥部', line: 125, members: 37,
    lead: ['指挥长', LEAD], deputies: ['副指挥长', ['阿力甫·吐尔迪', '刘振江', '徐亚民', '坎吉别克·达肯', '王沛昭', '于保江']],
    last: ['朱涛', '州农业综合行政执法支队党支部书记'],
    office: { unit: '自治州畜牧兽医局', line: 163, director: { name: '王沛昭', position: '州畜牧兽医局党组书记、副局长' },
      deputyDirectors: [{ name: '于东华', position: '州动物卫生监督所党支部书记' }, { name: '杨魁', position: '州畜牧兽医局兽医处处长' }] },
  },
  {
    doc: '伊州政办函〔2023〕14号', name: '自治州农牧民补助奖励政策及定居兴牧工程建设领导小组', line: 165, members: 16,
    lead: ['组长', LEAD], deputies: ['副组长', ['曾军峰', '黄希别克·努尔旦', '李宏琪', '多力坤·堆山拜']],
    last: ['张超', '国网伊犁供电公司副总经理'],
    office: { unit: '州畜牧兽医局', line: 182, director: { name: '黄希别克·努尔旦', position: '州畜牧兽医局局长' }, deputyDirectors: [] },
  },
  {
    doc: '伊州政办函〔2023〕14号', name: '自治州气象灾害防御和人工影响天气工作领导小组', line: 184, members: 34,
    lead: ['组长', LEAD], deputies: ['副组长', ['曾军峰', '钟江林']],
    last: ['曹柱石', '中国联通伊犁州分公司副总经理'],
    office: { unit: '州气象局', line: 221, director: { name: '徐予洋', position: '州气象局副局长' }, deputyDirectors: [] },
  },
  {
    doc: '伊州政办函〔2023〕14号', name: '自治州社会科学普及工作联席会议', line: 223, members: 23,
    lead: ['召集人', LEAD], deputies: ['副召集人', ['徐浩', '蒲永瑜']],
    last: ['邓龙', '伊犁日报社党委委员、副总编辑'],
    office: { unit: '州社科联', line: 247, director: { name: '蒲永瑜', position: '州社科联专职副主席' }, deputyDirectors: [] },
  },
  {
    doc: '伊州政办函〔2023〕22号', name: '自治州人民政府教育督导委员会', line: 308, members: 28,
    lead: ['主任', '刘庆华'], deputies: ['副主任', ['亚森江·沙吾提', '张蕾', '努尔巴合提·艾旦']],
    last: ['徐海燕', '州卫生健康委副主任'],
    office: { unit: '州教育局', line: 340, director: { name: '李静', position: '州教育局教育督导处处长' }, deputyDirectors: [] },
  },
] as const;

describe('parseRoster on the real file', () => {
  const bodies = ['伊州政办函〔2023〕14号', '伊州政办函〔2023〕22号'].flatMap((n) => parseRoster(byNumber(n)));

  it('finds 4 bodies in 14号 and 1 in 22号, with 37, 16, 34, 23 and 28 members', () => {
    expect(bodies.map((b) => [b.name, b.members.length])).toEqual(GOLDEN.map((g) => [g.name, g.members]));
  });

  it('finds no body in the other three documents', () => {
    for (const n of ['伊州政办规〔2023〕1号', '伊州政办发〔2023〕6号', '伊州政办发〔2023〕8号']) expect(parseRoster(byNumber(n))).toEqual([]);
  });

  it('reads the same bodies from plain text, and from each annex alone', () => {
    expect(parseRoster(REAL)).toEqual(bodies);
    const annexes = byNumber('伊州政办函〔2023〕14号').attachments;
    expect(annexes.flatMap((a) => parseRoster(a))).toEqual(bodies.slice(0, 4));
    const annexText = REAL.split('\n').slice(163, 182).join('\n');
    expect(parseRoster(annexText).map((b) => [b.name, b.members.length, b.line])).toEqual([[bodies[1].name, 16, 2]]);
  });

  describe.each(GOLDEN.map((g, i) => [g.name, g, i] as const))('%s', (_, g, i) => {
    const body = bodies[i];

    it('keeps its heading line and its leader, deputies and members in document order', () => {
      expect(body.line).toBe(g.line);
      const [leadRole, leadName] = g.lead;
      expect(body.members.filter((m) => m.rank === 'leader').map((m) => [m.role, m.name])).toEqual([[leadRole, leadName]]);
      const [deputyRole, deputies] = g.deputies;
      const deputyMembers = body.members.filter((m) => m.rank === 'deputy');
      expect(deputyMembers.map((m) => m.name)).toEqual(deputies);
      expect(deputyMembers.every((m) => m.role === deputyRole)).toBe(true);
      const last = body.members[body.members.length - 1];
      expect([last.name, last.position, last.rank]).toEqual([...g.last, 'member']);
    });

    it('reads its office as the text states it', () => {
      expect(body.office).toEqual(g.office);
    });
  });

  it('has 达列力别克·坎加汗 lead the four bodies of 14号', () => {
    expect(bodies.slice(0, 4).map((b) => b.members[0].name)).toEqual([LEAD, LEAD, LEAD, LEAD]);
  });

  it('normalises the role words and ranks of 22号 (主  任, 委  员)', () => {
    const roles = [...new Set(bodies[4].members.map((m) => `${m.role}:${m.rank}`))];
    expect(roles).toEqual(['主任:leader', '副主任:deputy', '委员:member']);
  });

  it('reads the 24 liaisons of 22号 with their units, and the 5 duties', () => {
    const body = bodies[4];
    expect(body.liaisons).toHaveLength(24);
    expect(body.liaisons[0]).toEqual({ name: '李文鲁', position: '州党委组织部干部三处处长', unit: '州党委组织部', line: 343 });
    const units = Object.fromEntries(body.liaisons.map((l) => [l.name, l.unit]));
    expect(units).toMatchObject({
      彭科: '州党委统战部', 赵虎: '州人力资源和社会保障局', 木拉提·多拉提汗: '州团委', 皇甫超瑾: '州妇女儿童活动中心',
      刘春宇: '州发展改革委', 李静: '州教育局', 陈宏喜: '州卫生健康委', 郁胜: '州体育局',
    });
    expect(body.liaisonDuties).toHaveLength(5);
    expect(body.liaisonDuties[0].startsWith('负责做好州人民政府教育督导委员会各项工作精神')).toBe(true);
    expect(body.liaisonDuties[4].endsWith('按照要求上报整改方案和整改报告。')).toBe(true);
    expect(body.automaticSuccession).toBe(true);
    expect(bodies.slice(0, 4).every((b) => b.liaisons.length === 0 && !b.automaticSuccession)).toBe(true);
  });
});
