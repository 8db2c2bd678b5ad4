import { clean, isBlank, squeeze } from './text-lines.js';
import type { SourceLine } from './types.js';

/**
 * 附件说明 (附件：1.… 2.…) and annex headings (附件1 alone on a line, the annex title below it).
 * An attachment listed without a number (附件：XXX) is attachment 1.
 */
export interface ListedAttachment {
  readonly number: number;
  readonly title: string;
  readonly index: number;
}

export interface AnnexHeading {
  readonly number: number;
  readonly index: number;
  readonly titleIndex: number | null;
}

const LIST_START = /^附\s*件\s*[：:]\s*(.*)$/;
const LIST_ENTRY = /^(\d{1,2})\s*[.．、]\s*(.+)$/;
const ANNEX_HEADING = /^附\s*件\s*(\d{1,2})?$/;

/** Every 附件说明 entry in lines[from, to), with the indices of the lines it occupies. */
export function findAttachmentLists(lines: readonly SourceLine[], from: number, to: number): ListedAttachment[] {
  const found: ListedAttachment[] = [];
  for (let i = from; i < to; i += 1) {
    const start = LIST_START.exec(clean(lines[i].text));
    if (!start) continue;
    const first = start[1].trim();
    if (first !== '') found.push(entry(first, i, 1));
    let expected = found.length === 0 || first === '' ? 1 : found[found.length - 1].number + 1;
    for (let j = i + 1; j < to; j += 1) {
      const m = LIST_ENTRY.exec(clean(lines[j].text));
      if (!m || Number(m[1]) !== expected) break;
      found.push({ number: expected, title: squeezeTitle(m[2]), index: j });
      expected += 1;
      i = j;
    }
  }
  return found;
}

function entry(text: string, index: number, fallbackNumber: number): ListedAttachment {
  const m = LIST_ENTRY.exec(text);
  return m
    ? { number: Number(m[1]), title: squeezeTitle(m[2]), index }
    : { number: fallbackNumber, title: squeezeTitle(text), index };
}

function squeezeTitle(text: string): string {
  return clean(text).replace(/\s+/g, ' ');
}

/** 附件 / 附件1 headings in lines[from, to), each with the index of its title line. */
export function findAnnexHeadings(lines: readonly SourceLine[], from: number, to: number): AnnexHeading[] {
  const headings: AnnexHeading[] = [];
  for (let i = from; i < to; i += 1) {
    const m = ANNEX_HEADING.exec(squeeze(lines[i].text));
    if (!m) continue;
    let t = i + 1;
    while (t < to && isBlank(lines[t])) t += 1;
    headings.push({ number: m[1] ? Number(m[1]) : headings.length + 1, index: i, titleIndex: t < to ? t : null });
  }
  return headings;
}
