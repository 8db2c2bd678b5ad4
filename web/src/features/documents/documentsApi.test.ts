import { describe, expect, it } from 'vitest';
import { documentsPath, documentToc, errorLine, letterhead, printedDate, sectionStarts, tocOf, type SectionNode } from './documentsApi';

const node = (kind: SectionNode['kind'], label: string, line: number, extra: Partial<SectionNode> = {}): SectionNode => ({
  kind, number: 1, label, text: '', line, endLine: line, children: [], ...extra,
});

describe('documents page helpers', () => {
  it('builds the list path, leaving out empty query and the default field', () => {
    expect(documentsPath('', 'title', 1, 20)).toBe('/api/documents?page=1&pageSize=20');
    expect(documentsPath(' 督导 ', 'all', 2, 20)).toBe(`/api/documents?q=${encodeURIComponent('督导')}&page=2&pageSize=20`);
    expect(documentsPath('14号', 'number', 1, 20)).toBe(`/api/documents?q=14${encodeURIComponent('号')}&field=number&page=1&pageSize=20`);
  });

  it('makes a two-level table of contents: chapters with their articles', () => {
    const chapter = node('chapter', '第一章', 12, { title: '总则', text: '总则', children: [node('article', '第一条', 14, { text: '为贯彻落实…' }), node('article', '第二条', 15)] });
    expect(tocOf([chapter])).toEqual([
      { key: 'l12', href: '#l12', title: '第一章 总则', children: [{ key: 'l14', href: '#l14', title: '第一条' }, { key: 'l15', href: '#l15', title: '第二条' }] },
    ]);
  });

  it('lists the body, the issued text and each annex', () => {
    const toc = documentToc({
      title: 't', recipients: null, issuer: null, signedOn: null,
      body: { text: '', lines: [], sections: [node('heading', '一、', 5, { title: '加强组织领导', text: '加强组织领导。各县市…' })] },
      enclosure: { title: '推进方案', titleSpan: { start: 9, end: 9 }, text: '', lines: [], sections: [] },
      attachments: [{ number: 1, title: '审批单', listedOn: 30, titleLine: null, content: null }],
    });
    expect(toc.map((i) => [i.href, i.title])).toEqual([['#doc-top', '正文'], ['#l9', '推进方案'], ['#annex-1', '附件1 审批单']]);
    expect(toc[0].children).toEqual([{ key: 'l5', href: '#l5', title: '一、加强组织领导' }]);
  });

  it('indexes where sections start, outermost first', () => {
    const inner = node('item', '（一）', 7);
    const starts = sectionStarts([node('heading', '一、', 7, { children: [inner] })]);
    expect(starts.get(7)?.map((n) => n.label)).toEqual(['一、', '（一）']);
  });

  it('prints the letterhead of a 文件 and of a 函, and the date', () => {
    expect(letterhead({ issuerCode: '伊州政办规', issuer: '伊犁哈萨克自治州人民政府办公厅' })).toEqual({ mark: '伊犁哈萨克自治州人民政府办公厅文件', letter: false });
    expect(letterhead({ issuerCode: '伊州政办函', issuer: null })).toEqual({ mark: '伊犁哈萨克自治州人民政府办公厅', letter: true });
    expect(printedDate('2023-02-05')).toBe('2023年2月5日');
    expect(errorLine('第304行：发文字号格式不正确')).toBe(304);
    expect(errorLine('文件不是 UTF-8')).toBeNull();
  });
});
