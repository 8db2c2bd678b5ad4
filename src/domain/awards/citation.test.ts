import { describe, expect, it } from 'vitest';
import { chineseNumeral, cite, formatCitation, formatCitations } from './citation.js';

describe('citations as the document writes them', () => {
  it.each([
    [1, '一'],
    [8, '八'],
    [10, '十'],
    [13, '十三'],
    [20, '二十'],
    [28, '二十八'],
    [99, '九十九'],
  ])('%i → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it('rejects numbers it cannot write', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
  });

  it('renders article, item and sub-item', () => {
    expect(formatCitation(cite(8, 1, 1))).toBe('第八条第（一）项第1目');
    expect(formatCitation(cite(13, 3))).toBe('第十三条第（三）项');
    expect(formatCitation(cite(28))).toBe('第二十八条');
    expect(formatCitations([cite(15), cite(25)])).toBe('第十五条、第二十五条');
  });
});
