import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../documents/index.js';
import { citedArticles } from './article-text.js';
import { cite } from './citation.js';
import { RULEBOOK_2023 } from './rulebook-2023.js';

const text = readFileSync(join(import.meta.dirname, '../../../assets/documents/yili-2023-government-documents.txt'), 'utf8');
const regulation = parseDocuments(text).documents.find((d) => d.docNumber.text === RULEBOOK_2023.docNumber);
const sections = regulation?.enclosure?.sections ?? null;

describe('article text beside a basis line', () => {
  it('finds the regulation in the bundled documents', () => {
    expect(sections).not.toBeNull();
  });

  it.each(Object.keys(RULEBOOK_2023.articles).map(Number))('第%s条: the imported structure renders the rulebook text exactly', (n) => {
    const [fromDoc] = citedArticles([cite(n)], RULEBOOK_2023, sections);
    expect(fromDoc.source).toBe('document');
    expect(fromDoc.articleText).toBe(RULEBOOK_2023.articles[n]);
  });

  it('quotes the cited item and sub-item, from the document and from the rulebook alike', () => {
    const citations = [cite(13, 3), cite(8, 1, 1), cite(13, 3), cite(17)];
    const doc = citedArticles(citations, RULEBOOK_2023, sections);
    const book = citedArticles(citations, RULEBOOK_2023, null);
    expect(doc.map((a) => a.ref)).toEqual(['第十三条第（三）项', '第八条第（一）项第1目', '第十七条']);
    expect(doc[0].citedText).toBe('（三）培训运动员（队）时间满二年以上不足三年的，其现任主管教练员的奖金为该运动员（队）奖金总额的80%，原输送教练员的奖金为该运动员（队）奖金总额的20%。');
    expect(doc[1].citedText).toMatch(/^1\.在自治区运动会（区全运会）中，获得前三名的运动员分别奖励20000元/);
    expect(doc[2].citedText).toBeNull();
    expect(book.map((a) => a.source)).toEqual(['rulebook', 'rulebook', 'rulebook']);
    expect(book.map((a) => [a.articleText, a.citedText])).toEqual(doc.map((a) => [a.articleText, a.citedText]));
  });

  it('falls back to the rulebook, article by article, when the imported text lacks one', () => {
    const partial = (sections ?? []).map((chapter) => ({ ...chapter, children: chapter.children.filter((a) => a.number !== 17) }));
    const [a13, a17] = citedArticles([cite(13, 1), cite(17)], RULEBOOK_2023, partial);
    expect(a13.source).toBe('document');
    expect(a17.source).toBe('rulebook');
    expect(a17.articleText).toBe(RULEBOOK_2023.articles[17]);
  });
});
