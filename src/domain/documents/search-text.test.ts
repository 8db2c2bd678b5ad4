import { describe, expect, it } from 'vitest';
import { normalizeForSearch, queryGrams, searchGrams, snippetAround, tsqueryLiteral, tsvectorLiteral } from './search-text.js';

describe('search text', () => {
  it.each([
    ['伊州政办函〔2023〕22号', '伊州政办函(2023)22号'],
    ['伊州政办函[2023]22号', '伊州政办函(2023)22号'],
    ['伊州政办函（２０２３）22 号', '伊州政办函(2023)22号'],
    ['奎屯—独山子', '奎屯-独山子'],
    ['G218 线', 'g218线'],
    ['张  蕾\u3000（州教育局）', '张蕾(州教育局)'],
  ])('normalises %s', (text, expected) => {
    expect(normalizeForSearch(text)).toBe(expected);
  });

  it('makes characters and adjacent pairs, each once', () => {
    expect(searchGrams('教育督导教育')).toEqual(['导', '导教', '督', '督导', '育', '育督', '教', '教育'].sort());
  });

  it('asks the index for the pairs of a query, or its one character', () => {
    expect(queryGrams('')).toEqual([]);
    expect(queryGrams('州')).toEqual(['州']);
    expect(queryGrams('督导')).toEqual(['督导']);
    expect(queryGrams('教育督导')).toEqual(['教育', '育督', '督导']);
  });

  it('caps a long query at 8 pairs, the first and the last among them', () => {
    const q = normalizeForSearch('自治州人民政府教育督导委员会联络员名单');
    const grams = queryGrams(q);
    expect(grams).toHaveLength(8);
    expect(grams[0]).toBe('自治');
    expect(grams[grams.length - 1]).toBe('名单');
    const all = new Set(searchGrams(q));
    expect(grams.every((g) => all.has(g))).toBe(true);
  });

  it('cuts a snippet around the first match', () => {
    expect(snippetAround('一二三四五六七八九十', '五六', 2)).toBe('…三四五六七八…');
    expect(snippetAround('一二三', '一', 5)).toBe('一二三');
    expect(snippetAround('一二三', '四')).toBeNull();
  });

  it('writes grams as quoted lexemes, quotes and backslashes doubled', () => {
    expect(tsvectorLiteral(['教育', "'a", '\\x', 'a:'])).toBe("'教育' '''a' '\\\\x' 'a:'");
    expect(tsqueryLiteral(['教育', '育督'])).toBe("'教育' & '育督'");
  });
});
