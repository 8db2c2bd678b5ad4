import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { DocumentParseError } from './errors.js';
import { parseDocuments } from './parse-documents.js';

const REAL = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const LINES = REAL.split('\n');
/** The real text with line `n` (1-based) replaced. */
const withLine = (n: number, text: string) => LINES.map((l, i) => (i === n - 1 ? text : l)).join('\n');
/** The real text from line `a` to line `b`. */
const slice = (a: number, b: number) => LINES.slice(a - 1, b).join('\n');

describe('texts that cannot be parsed', () => {
  it.each([
    ['an empty text', '', 1, '第1行：文本为空，未找到公文'],
    ['whitespace only', '\u2002\n   \n', 1, '第1行：文本为空，未找到公文'],
    ['a notice without its 发文字号 (1号 with line 2 removed)', slice(3, 8), 1, '第1行：未找到发文字号（应为“机关代字〔年份〕序号号”）'],
    ['a year of two digits', withLine(112, '伊州政办函〔23〕14号'), 112, '第112行：发文字号格式不正确：伊州政办函〔23〕14号（应为“机关代字〔年份〕序号号”）'],
    ['a number without sequence', withLine(304, '伊州政办函〔2023〕号'), 304, '第304行：发文字号格式不正确：伊州政办函〔2023〕号（应为“机关代字〔年份〕序号号”）'],
    ['a 发文字号 with no title above or below', slice(2, 8), 1, '第1行：发文字号“伊州政办规〔2023〕1号”前后未找到公文标题'],
    ['a date that does not exist', withLine(122, '2023年2月30日'), 122, '第122行：成文日期无效：2023年2月30日'],
  ])('%s', (_, text, line, message) => {
    let caught: unknown;
    try {
      parseDocuments(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DocumentParseError);
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ line, message, code: 'DOCUMENT_PARSE', details: { line } });
  });

  it('names lines of the original text, blank lines counted', () => {
    expect(() => parseDocuments(`\n\n\n${slice(3, 8)}`)).toThrow('第4行：未找到发文字号');
  });
});
