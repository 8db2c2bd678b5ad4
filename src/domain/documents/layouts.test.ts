import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from './parse-documents.js';

const REAL = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');

/** A printed layout (GB/T 9704): 发文机关标志 and 发文字号 first, the title below, then a second document. */
const PRINTED = `伊犁哈萨克自治州人民政府办公厅文件

伊州政办发(2024)3号        签发人：张三

关于做好2024年春节期间
安全生产工作的通知

各县市人民政府，
州直各部门：
为做好春节期间安全生产工作，现将有关事项通知如下：
一、压实责任。各部门要落实责任。
二、加强值守。

附件：春节期间值班表

伊犁哈萨克自治州人民政府办公厅
二〇二四年一月二十日

附件

春节期间值班表
1.州应急管理局  值班电话
伊犁哈萨克自治州人民政府办公厅文件
伊州政办函[2024]7号
关于同意设立某某工作专班的函
州应急管理局：
同意设立。
伊犁哈萨克自治州人民政府办公厅
2024年2月2日`;

describe('a printed layout: 发文机关标志 above the number, title below it', () => {
  const { documents, warnings } = parseDocuments(PRINTED);
  const [notice, letter] = documents;

  it('finds both documents and where each starts', () => {
    expect(documents.map((d) => [d.docNumber.text, d.lines.document.start, d.lines.document.end]))
      .toEqual([['伊州政办发〔2024〕3号', 1, 22], ['伊州政办函〔2024〕7号', 23, 29]]);
    expect(warnings).toEqual([]);
  });

  it('joins the title wrapped below the number and reads wrapped recipients', () => {
    expect(notice.title).toBe('关于做好2024年春节期间安全生产工作的通知');
    expect(notice.lines.title).toEqual({ start: 5, end: 6 });
    expect(notice.recipients).toEqual({ raw: '各县市人民政府，州直各部门', organizations: ['各县市人民政府', '州直各部门'] });
    expect(notice.lines.recipients).toEqual({ start: 8, end: 9 });
  });

  it('reads a date in Chinese numerals and a single unnumbered attachment', () => {
    expect([notice.issuer, notice.signedOn]).toEqual(['伊犁哈萨克自治州人民政府办公厅', '2024-01-20']);
    expect(notice.attachments).toHaveLength(1);
    expect(notice.attachments[0]).toMatchObject({ number: 1, title: '春节期间值班表', listedOn: 14, titleLine: 21 });
    expect(notice.attachments[0].content?.text).toBe('1.州应急管理局  值班电话');
    expect(notice.body.sections.map((s) => s.title)).toEqual(['压实责任', '加强值守']);
  });

  it('reads the letter that follows with its title above', () => {
    expect([letter.title, letter.recipients?.organizations, letter.body.text, letter.signedOn])
      .toEqual(['关于同意设立某某工作专班的函', ['州应急管理局'], '同意设立。', '2024-02-02']);
  });
});

/** A letter with 签发人 on its own line, a referenced 发文字号 alone on a line, 附注 and 版记. */
const LETTER = `伊州政办函〔2024〕9号
签发人：张三
关于废止部分文件的函
州司法局：
经研究，决定废止下列文件：
伊州政办发〔2019〕12号
以上文件自即日起停止执行。
伊犁哈萨克自治州人民政府办公厅
2024年4月8日
（此件公开发布）
抄送：州党委办公室。
伊犁哈萨克自治州人民政府办公厅  2024年4月8日印发`;

describe('a letter with 签发人 below the number, a referenced number, 附注 and 版记', () => {
  const { documents } = parseDocuments(LETTER);

  it('is one document whose body keeps the referenced number as text', () => {
    expect(documents).toHaveLength(1);
    expect(documents[0].title).toBe('关于废止部分文件的函');
    expect(documents[0].body.text.split('\n')).toEqual(['经研究，决定废止下列文件：', '伊州政办发〔2019〕12号', '以上文件自即日起停止执行。']);
  });

  it('takes neither the 附注 nor the 版记 for an enclosure', () => {
    expect([documents[0].signedOn, documents[0].enclosure]).toEqual(['2024-04-08', null]);
  });
});

describe('text quirks of the real file', () => {
  const { documents } = parseDocuments(REAL);

  it('treats runs of blank and whitespace-only lines (EN spaces, lines 5–6, 94–109) as gaps', () => {
    expect(REAL.split('\n')[4]).toBe('\u2002');
    expect(documents[0].lines.document).toEqual({ start: 1, end: 93 });
    expect(documents[1].lines.document.start).toBe(110);
    expect(documents.every((d) => d.body.text.split('\n').every((l) => l.trim() !== ''))).toBe(true);
  });

  it('reads a title and a signature padded with spaces (lines 1, 302, 376–377)', () => {
    expect(documents[0].title.startsWith('关于')).toBe(true);
    expect(documents[3].title.startsWith('关于调整')).toBe(true);
    expect([documents[3].issuer, documents[3].signedOn]).toEqual(['伊犁哈萨克自治州人民政府办公厅', '2023-03-13']);
  });

  it('reads EN spaces between a label and its text (第一章\u2002\u2002总则, 第一条\u2002为…)', () => {
    const [chapter] = documents[0].enclosure?.sections ?? [];
    expect([chapter.label, chapter.title, chapter.children[0].label]).toEqual(['第一章', '总则', '第一条']);
    expect(chapter.children[0].text.startsWith('为贯彻落实')).toBe(true);
  });

  it('starts a document right after the previous one ends, without a blank line (lines 301–302)', () => {
    expect(documents[2].attachments.map((a) => a.listedOn)).toEqual([300, 301]);
    expect(documents[3].lines.title).toEqual({ start: 302, end: 302 });
  });

  it('joins a title wrapped over two lines (lines 259–260, 394–395)', () => {
    expect(documents[2].title).toBe('关于印发《2023年自治州人民政府新闻发布计划》的通知');
    expect(documents[4].title).toBe('关于印发《推进自治州2023年民生实事工作方案》的通知');
  });

  it('finds an enclosure whose printed name reorders the 《》 name of the title (6号)', () => {
    expect(documents[2].enclosure?.titleSpan).toEqual({ start: 270, end: 270 });
  });
});
