import { DocumentParseError } from './errors.js';
import { isMalformedDocNumber, parseDocNumber } from './doc-number.js';
import { clean, isBlank, squeeze } from './text-lines.js';
import type { DocNumber, SourceLine } from './types.js';

/**
 * Finds where each document starts. Pasted text puts the title above the 发文字号; printed
 * documents (GB/T 9704) put the 发文机关标志 (…文件) above it and the title below. Both are read.
 */
export interface DocumentHeader {
  /** Index (into the lines array) of the document's first line. */
  readonly start: number;
  readonly numberIndex: number;
  readonly docNumber: DocNumber;
  /** Indices of the title lines, above or below the number. */
  readonly titleIndices: readonly number[];
  /** Index of the first line after the header (title below included). */
  readonly after: number;
}

const TITLE_WORDS =
  /(通知|决定|意见|办法|规定|方案|计划|报告|请示|批复|函|通报|公告|通告|纪要|命令|决议|规则|细则|条例|要点|制度|议案)$/;
const LIST_MARKER = /^(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|附\s*件)/;
const MAX_TITLE_LINES = 3;

export function findHeaders(lines: readonly SourceLine[]): DocumentHeader[] {
  const numbers: { index: number; docNumber: DocNumber }[] = [];
  lines.forEach((l, index) => {
    const docNumber = parseDocNumber(l.text);
    if (docNumber) numbers.push({ index, docNumber });
    else if (isMalformedDocNumber(l.text)) {
      throw new DocumentParseError(l.line, `发文字号格式不正确：${clean(l.text)}（应为“机关代字〔年份〕序号号”）`);
    }
  });
  if (numbers.length === 0) {
    const first = lines.find((l) => !isBlank(l));
    if (!first) throw new DocumentParseError(1, '文本为空，未找到公文');
    throw new DocumentParseError(first.line, '未找到发文字号（应为“机关代字〔年份〕序号号”）');
  }
  const headers: DocumentHeader[] = [];
  for (const { index, docNumber } of numbers) {
    const floor = headers.length === 0 ? 0 : headers[headers.length - 1].after;
    const header = locateHeader(lines, index, floor, docNumber);
    // A later number without a title is a reference set on its own line, not a new document.
    if (header) headers.push(header);
    else if (headers.length === 0) {
      throw new DocumentParseError(lines[index].line, `发文字号“${docNumber.text}”前后未找到公文标题`);
    }
  }
  return headers;
}

function locateHeader(lines: readonly SourceLine[], numberIndex: number, floor: number, docNumber: DocNumber): DocumentHeader | null {
  const above = blockAbove(lines, numberIndex, floor);
  const titleAbove = titleWithin(lines, above);
  const mark = above.find((i) => /文件$/.test(squeeze(lines[i].text)) && !titleAbove.includes(i));
  if (titleAbove.length > 0) {
    const start = Math.min(titleAbove[0], mark ?? Infinity);
    return { start, numberIndex, docNumber, titleIndices: titleAbove, after: numberIndex + 1 };
  }
  const below = titleBelow(lines, numberIndex);
  if (below.length === 0) return null;
  return { start: mark ?? numberIndex, numberIndex, docNumber, titleIndices: below, after: below[below.length - 1] + 1 };
}

/** The non-blank lines just above the number (blank lines between are skipped), nearest last. */
function blockAbove(lines: readonly SourceLine[], numberIndex: number, floor: number): number[] {
  let i = numberIndex - 1;
  while (i >= floor && isBlank(lines[i])) i -= 1;
  const block: number[] = [];
  while (i >= floor && !isBlank(lines[i]) && block.length < MAX_TITLE_LINES + 2) {
    block.unshift(i);
    i -= 1;
  }
  return block;
}

/** Title lines in a block: from the last line opening with 关于, else the title-like tail. */
function titleWithin(lines: readonly SourceLine[], block: readonly number[]): number[] {
  let opener = -1;
  block.forEach((i, k) => {
    if (squeeze(lines[i].text).startsWith('关于')) opener = k;
  });
  const fromOpener = opener >= 0 ? block.slice(opener, opener + MAX_TITLE_LINES) : [];
  if (fromOpener.length > 0 && !/[。；，;,]$/.test(joined(lines, fromOpener))) return fromOpener;
  const tail: number[] = [];
  for (let k = block.length - 1; k >= 0 && tail.length < MAX_TITLE_LINES; k -= 1) {
    if (!isTitleLike(lines[block[k]].text)) break;
    tail.unshift(block[k]);
  }
  return tail.length > 0 && TITLE_WORDS.test(joined(lines, tail)) ? tail : [];
}

function titleBelow(lines: readonly SourceLine[], numberIndex: number): number[] {
  let i = numberIndex + 1;
  while (i < lines.length && (isBlank(lines[i]) || /^签发人[:：]/.test(squeeze(lines[i].text)))) i += 1;
  const taken: number[] = [];
  while (i < lines.length && !isBlank(lines[i]) && taken.length < MAX_TITLE_LINES && isTitleLike(lines[i].text)) {
    taken.push(i);
    i += 1;
  }
  const text = joined(lines, taken);
  return text.startsWith('关于') || TITLE_WORDS.test(text) ? taken : [];
}

function isTitleLike(raw: string): boolean {
  const t = squeeze(raw);
  return t.length > 0 && t.length <= 60 && !/[。；：，:;,]$/.test(t) && !LIST_MARKER.test(t) && !/文件$/.test(t)
    && parseDocNumber(t) === null;
}

function joined(lines: readonly SourceLine[], indices: readonly number[]): string {
  return indices.map((i) => squeeze(lines[i].text)).join('');
}
