import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from './parse-documents.js';

const REAL = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const ISSUER = '伊犁哈萨克自治州人民政府办公厅';

/** Golden elements of the five documents, with the line numbers of the original text. */
const GOLDEN = [
  {
    docNumber: '伊州政办规〔2023〕1号', issuerCode: '伊州政办规', sequence: 1,
    title: '关于印发《伊犁哈萨克自治州参赛各类大型运动会奖励办法》的通知',
    lines: { document: [1, 93], title: [1, 1], docNumber: [2, 2], recipients: [3, 3], body: [4, 4], enclosure: [10, 93], issuer: [7, 7], signedOn: [8, 8], attachmentList: null },
    recipients: 8, issuer: ISSUER, signedOn: '2023-01-10', enclosureTitle: '伊犁哈萨克自治州参赛各类大型运动会奖励办法', attachments: [],
  },
  {
    docNumber: '伊州政办函〔2023〕14号', issuerCode: '伊州政办函', sequence: 14,
    title: '关于调整自治州防治重大动物疫病指挥部等4个议事协调机构组成人员的通知',
    lines: { document: [110, 247], title: [110, 110], docNumber: [112, 112], recipients: [114, 114], body: [115, 115], enclosure: null, issuer: [121, 121], signedOn: [122, 122], attachmentList: [116, 119] },
    recipients: 9, issuer: ISSUER, signedOn: '2023-02-25', enclosureTitle: null,
    attachments: [
      [1, '自治州防治重大动物疫病指挥部组成人员', 116, 125, [126, 163]],
      [2, '自治州农牧民补助奖励政策及定居兴牧工程建设领导小组组成人员', 117, 165, [166, 182]],
      [3, '自治州气象灾害防御和人工影响天气工作领导小组组成人员', 118, 184, [185, 221]],
      [4, '自治州社会科学普及工作联席会议组成人员', 119, 223, [224, 247]],
    ],
  },
  {
    docNumber: '伊州政办发〔2023〕6号', issuerCode: '伊州政办发', sequence: 6,
    title: '关于印发《2023年自治州人民政府新闻发布计划》的通知',
    lines: { document: [259, 301], title: [259, 260], docNumber: [262, 262], recipients: [264, 264], body: [265, 265], enclosure: [270, 298], issuer: [268, 268], signedOn: [269, 269], attachmentList: [300, 301] },
    recipients: 8, issuer: ISSUER, signedOn: '2023-02-27', enclosureTitle: '自治州人民政府2023年新闻发布计划',
    attachments: [
      [1, '2023年州直部门（单位）新闻发布会审批单', 300, null, null],
      [2, '2023年州直县（市）新闻发布会审批单', 301, null, null],
    ],
  },
  {
    docNumber: '伊州政办函〔2023〕22号', issuerCode: '伊州政办函', sequence: 22,
    title: '关于调整自治州人民政府教育督导委员会成员暨建立教育督导联络员制度的通知',
    lines: { document: [302, 377], title: [302, 302], docNumber: [304, 304], recipients: [306, 306], body: [307, 372], enclosure: null, issuer: [376, 376], signedOn: [377, 377], attachmentList: null },
    recipients: 2, issuer: ISSUER, signedOn: '2023-03-13', enclosureTitle: null, attachments: [],
  },
  {
    docNumber: '伊州政办发〔2023〕8号', issuerCode: '伊州政办发', sequence: 8,
    title: '关于印发《推进自治州2023年民生实事工作方案》的通知',
    lines: { document: [394, 475], title: [394, 395], docNumber: [397, 397], recipients: [398, 398], body: [399, 402], enclosure: [403, 475], issuer: null, signedOn: null, attachmentList: null },
    recipients: 8, issuer: null, signedOn: null, enclosureTitle: '推进自治州2023年民生实事工作方案', attachments: [],
  },
] as const;

const span = (s: readonly [number, number] | null) => (s === null ? null : { start: s[0], end: s[1] });

describe('parseDocuments on the real 2023 file', () => {
  const { documents, warnings } = parseDocuments(REAL);

  it('finds the five documents in order', () => {
    expect(documents.map((d) => d.docNumber.text)).toEqual(GOLDEN.map((g) => g.docNumber));
  });

  describe.each(GOLDEN.map((g, i) => [g.docNumber, g, i] as const))('%s', (_, g, i) => {
    const doc = documents[i];

    it('reads number, title (wrapped titles joined), issuer and date', () => {
      expect(doc.docNumber).toEqual({ issuerCode: g.issuerCode, year: 2023, sequence: g.sequence, text: g.docNumber });
      expect(doc.title).toBe(g.title);
      expect(doc.issuer).toBe(g.issuer);
      expect(doc.signedOn).toBe(g.signedOn);
    });

    it('places every element on its lines', () => {
      const expected = Object.fromEntries(Object.entries(g.lines).map(([k, v]) => [k, span(v)]));
      expect(doc.lines).toEqual(expected);
    });

    it('splits the recipients and keeps the raw line', () => {
      expect(doc.recipients?.organizations).toHaveLength(g.recipients);
      expect(doc.recipients?.raw.replace(/[，、]/g, '')).toBe(doc.recipients?.organizations.join(''));
    });

    it('reads the enclosure and the attachments', () => {
      expect(doc.enclosure?.title ?? null).toBe(g.enclosureTitle);
      const actual = doc.attachments.map((a) => [a.number, a.title, a.listedOn, a.titleLine, a.content ? [a.content.span.start, a.content.span.end] : null]);
      expect(actual).toEqual(g.attachments);
    });
  });

  it('recipients keep both dash variants of 奎屯-独山子 as written', () => {
    expect(documents[0].recipients?.organizations).toContain('奎屯-独山子经济技术开发区');
    expect(documents[1].recipients?.organizations).toContain('奎屯—独山子经济技术开发区');
    expect(documents[3].recipients?.organizations).toEqual(['自治州直属各县市人民政府', '自治州人民政府各有关部门']);
  });

  it('warns only about the unsigned 8号 plan', () => {
    expect(warnings).toEqual([{ line: 397, message: '第397行：伊州政办发〔2023〕8号未找到成文日期和发文机关署名' }]);
  });

  it('keeps the notice body apart from the enclosure it issues', () => {
    expect(documents[4].body.text.split('\n')[0]).toMatch(/^《自治州2023年民生实事工作方案》已经/);
    expect(documents[4].body.sections.map((s) => s.title)).toEqual(['加强组织领导', '加强督促检查', '强化舆论宣传']);
    expect(documents[0].body.text).toBe('《伊犁哈萨克自治州参赛各类大型运动会奖励办法》已经自治州党委、人民政府同意，现印发你们，请认真组织实施。');
  });
});
