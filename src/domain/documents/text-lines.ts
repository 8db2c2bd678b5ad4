import type { LineSpan, SourceLine, TextBlock } from './types.js';

/**
 * Line-level reading of pasted 公文 text. Pages copied from the web carry EN spaces (U+2002),
 * ideographic spaces, NBSPs and full-width digits; parsers look at `clean()`, never the raw line.
 */

const ODD_SPACES = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\t]/g;

export function toSourceLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ line: i + 1, text: t }));
}

/** Odd spaces become plain spaces, full-width digits ASCII digits, ends trimmed. */
export function clean(text: string): string {
  return text
    .replace(ODD_SPACES, ' ')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .trim();
}

/** Blank and whitespace-only lines (including lines of EN spaces) are blank. */
export function isBlank(line: SourceLine): boolean {
  return clean(line.text) === '';
}

/** All whitespace removed: for comparing headings, dates and names whatever their padding. */
export function squeeze(text: string): string {
  return clean(text).replace(/\s+/g, '');
}

const SENTENCE_END = /[。！？；：!?;:]$/;

/**
 * Joins the lines of one paragraph. A long line that does not end a sentence was wrapped by the
 * typesetter (…经国家体育总局有关管理部门批准 / 确认的纪录…), so it joins with nothing between;
 * a short one is a heading of its own (增加养老托育服务…供给 / 目标任务：…) and keeps its break.
 */
export function joinWrapped(lines: readonly string[]): string {
  let out = '';
  let prev = '';
  for (const raw of lines) {
    const t = clean(raw);
    if (t === '') continue;
    if (out === '') out = t;
    else out += (isWrapped(prev) ? joiner(prev, t) : '\n') + t;
    prev = t;
  }
  return out;
}

const WRAP_MIN_LENGTH = 15;

/** A line broken mid-sentence: long, not ending a sentence nor a bracketed entry (姓名（职务）). */
export function isWrapped(line: string): boolean {
  const t = clean(line);
  return t.length >= WRAP_MIN_LENGTH && !SENTENCE_END.test(t) && !/[）)]$/.test(t);
}

/** Two ASCII words keep a space between them; Chinese text joins directly. */
function joiner(left: string, right: string): string {
  return /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right) ? ' ' : '';
}

/** Joins title lines: a wrapped title reads as one line. */
export function joinTitle(lines: readonly SourceLine[]): string {
  return lines.reduce((acc, l) => {
    const t = clean(l.text).replace(/\s+/g, ' ');
    return acc === '' ? t : acc + joiner(acc, t) + t;
  }, '');
}

export function spanOf(lines: readonly SourceLine[]): LineSpan {
  return { start: lines[0].line, end: lines[lines.length - 1].line };
}

/** Drops blank lines at both ends. */
export function trimBlank(lines: readonly SourceLine[]): SourceLine[] {
  let a = 0;
  let b = lines.length;
  while (a < b && isBlank(lines[a])) a += 1;
  while (b > a && isBlank(lines[b - 1])) b -= 1;
  return lines.slice(a, b);
}

/** A block's plain text: non-blank lines, trimmed, one per line. */
export function blockText(lines: readonly SourceLine[]): string {
  return lines.map((l) => clean(l.text)).filter((t) => t !== '').join('\n');
}

/** A document with no body text: no lines, and a span that ends before it starts (start = end + 1). */
export function emptyBlock(line: number): TextBlock {
  return { text: '', span: { start: line, end: line - 1 }, lines: [], sections: [] };
}
