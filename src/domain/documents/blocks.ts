import { readMarker } from './markers.js';
import { buildSections } from './sections.js';
import { blockText, clean, isBlank, joinTitle, spanOf, squeeze, trimBlank } from './text-lines.js';
import type { Enclosure, Recipients, SourceLine, TextBlock } from './types.js';

/** Pieces of one document: recipients, text blocks, the enclosure of a 印发 notice. */

export function textBlock(lines: readonly SourceLine[]): TextBlock | null {
  const kept = trimBlank(lines);
  if (kept.length === 0) return null;
  return { text: blockText(kept), span: spanOf(kept), lines: kept, sections: buildSections(kept) };
}

const MAX_RECIPIENT_LINES = 3;

/** 主送机关: the lines up to one ending in a colon, unless they read as body text. */
export function readRecipients(
  lines: readonly SourceLine[],
  from: number,
  end: number,
): { recipients: Recipients; first: number; last: number } | null {
  let i = from;
  while (i < end && isBlank(lines[i])) i += 1;
  let raw = '';
  for (let k = i; k < Math.min(end, i + MAX_RECIPIENT_LINES); k += 1) {
    const t = clean(lines[k].text);
    if (t === '' || readMarker(t) || /。|如下/.test(t)) return null;
    raw += t;
    if (/[：:]$/.test(t)) {
      const line = raw.replace(/[：:]$/, '');
      const organizations = line.split(/[，、,；;]/).map((o) => o.trim()).filter((o) => o !== '');
      return { recipients: { raw: line, organizations }, first: i, last: k };
    }
  }
  return null;
}

/**
 * Where a 印发 notice's enclosure starts when the notice is not signed: the line that repeats
 * the 《name》 of the title, as written or with its words in another order (《2023年自治州人民政府
 * 新闻发布计划》 is printed as 自治州人民政府2023年新闻发布计划).
 */
export function findEnclosureStart(title: string, lines: readonly SourceLine[], from: number, to: number): number | null {
  const names = [...title.matchAll(/《([^》]+)》/g)].map((m) => m[1]);
  const name = names[names.length - 1];
  if (!name) return null;
  const key = sortedChars(name);
  for (let i = from + 1; i < to; i += 1) {
    const t = squeeze(lines[i].text);
    if (t === name || (t.length >= 6 && sortedChars(t) === key)) return i;
  }
  return null;
}

function sortedChars(text: string): string {
  return [...text.replace(/[《》]/g, '')].sort().join('');
}

const MAX_ENCLOSURE_TITLE_LINES = 3;
const TITLE_MAX_LENGTH = 40;

/** The enclosure: its title (leading short lines, wrapped titles joined), then its text. */
export function enclosureBlock(lines: readonly SourceLine[]): Enclosure | null {
  const kept = trimBlank(lines);
  if (kept.length === 0) return null;
  const titleLines: SourceLine[] = [];
  for (const l of kept) {
    const t = clean(l.text);
    const titleLike = t !== '' && t.length <= TITLE_MAX_LENGTH && !readMarker(t) && !/[。；：，:;,]$/.test(t);
    if (!titleLike || titleLines.length === MAX_ENCLOSURE_TITLE_LINES) break;
    titleLines.push(l);
  }
  const content = textBlock(kept.slice(titleLines.length)) ?? textBlock(kept);
  if (!content) return null;
  if (titleLines.length === 0) return { ...content, title: '', titleSpan: null };
  return { ...content, title: joinTitle(titleLines), titleSpan: spanOf(titleLines) };
}
