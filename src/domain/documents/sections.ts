import { family, isStructural, readMarker, type Marker, type MarkerStyle } from './markers.js';
import { toChineseNumeral } from './numerals.js';
import { clean, joinWrapped } from './text-lines.js';
import type { SectionKind, SectionNode, SourceLine } from './types.js';

/**
 * The numbered structure of a block. 章 > 节 > 条 come from their own markers. Below them a
 * list node's level comes from context: it continues the open list whose number it follows
 * (same style first, then the same family: 1、→二、, （1）→（二）, then any style), and a 1 opens a level
 * below. Its kind is its depth: inside an article 项 then 目; elsewhere heading, item, subItem.
 * An article whose text has several paragraphs (a line after one ending in 。) gets 款 nodes.
 */
interface Part {
  lines: string[];
  children: Draft[];
  line: number;
  endLine: number;
}

interface Draft {
  readonly marker: Marker;
  readonly line: number;
  endLine: number;
  /** Articles hold one part per 款; every other node has exactly one part. */
  readonly parts: Part[];
}

export function buildSections(lines: readonly SourceLine[]): SectionNode[] {
  const roots: Draft[] = [];
  const stack: Draft[] = [];
  let previous = '';
  for (const { line, text } of lines) {
    const t = clean(text);
    if (t === '') continue;
    const marker = readMarker(t);
    if (marker) place(roots, stack, { marker, line, endLine: line, parts: [part(marker.rest, line)] });
    else if (stack.length > 0) continueText(stack, t, line, previous);
    stack.forEach((d) => touch(d, line));
    previous = t;
  }
  return roots.map((d) => finish(d, 1, false));
}

function part(text: string, line: number): Part {
  return { lines: text === '' ? [] : [text], children: [], line, endLine: line };
}

function touch(d: Draft, line: number): void {
  d.endLine = line;
  d.parts[d.parts.length - 1].endLine = line;
}

function place(roots: Draft[], stack: Draft[], draft: Draft): void {
  const { style } = draft.marker;
  if (isStructural(style)) {
    const outer: readonly MarkerStyle[] = style === 'chapter' ? [] : style === 'section' ? ['chapter'] : ['chapter', 'section'];
    while (stack.length > 0 && !outer.includes(stack[stack.length - 1].marker.style)) stack.pop();
  } else {
    const sibling = findSibling(stack, draft.marker);
    if (sibling >= 0) stack.length = sibling;
  }
  const parent = stack[stack.length - 1];
  if (parent) parent.parts[parent.parts.length - 1].children.push(draft);
  else roots.push(draft);
  stack.push(draft);
}

/** Index in the stack of the open list node this marker continues, or -1 (it opens a level). */
function findSibling(stack: readonly Draft[], m: Marker): number {
  let boundary = stack.length - 1;
  while (boundary >= 0 && !isStructural(stack[boundary].marker.style)) boundary -= 1;
  const open = stack.map((d, i) => ({ d, i })).filter(({ i }) => i > boundary).reverse();
  const match = (test: (o: Marker) => boolean): number => open.find(({ d }) => test(d.marker))?.i ?? -1;
  const follows = (o: Marker) => o.number === m.number - 1;
  for (const test of [
    (o: Marker) => o.style === m.style && follows(o),
    (o: Marker) => family(o.style) === family(m.style) && follows(o),
    (o: Marker) => m.number !== 1 && follows(o),
    (o: Marker) => m.number !== 1 && o.style === m.style,
  ]) {
    const i = match(test);
    if (i >= 0) return i;
  }
  return -1;
}

function continueText(stack: Draft[], t: string, line: number, previous: string): void {
  const articleAt = stack.findLastIndex((d) => d.marker.style === 'article');
  if (articleAt >= 0 && /。$/.test(previous)) {
    stack.length = articleAt + 1;
    stack[articleAt].parts.push(part(t, line));
    return;
  }
  const top = stack[stack.length - 1];
  top.parts[top.parts.length - 1].lines.push(t);
}

function finish(d: Draft, depth: number, inArticle: boolean): SectionNode {
  const { style, number, label, rest } = d.marker;
  const structural = isStructural(style);
  const kind = kindOf(style, depth, inArticle);
  const childDepth = structural ? 1 : depth + 1;
  const childInArticle = inArticle || style === 'article';
  const title = titleOf(kind, rest, inArticle);
  const texts = d.parts.map((p, k) => partText(p, k === 0 && title !== undefined && title === rest.replace(/\s+/g, '')));
  const base = { kind, number, label, line: d.line, endLine: d.endLine, text: texts.join('\n') };
  const children =
    d.parts.length > 1
      ? d.parts.map((p, k) => paragraph(p, k + 1, texts[k], childDepth, childInArticle))
      : d.parts[0].children.map((c) => finish(c, childDepth, childInArticle));
  return title === undefined ? { ...base, children } : { ...base, title, children };
}

/** A heading line stands alone: the lines after it never join it as a wrapped line. */
function partText(p: Part, startsWithTitleLine: boolean): string {
  if (!startsWithTitleLine || p.lines.length < 2) return joinWrapped(p.lines);
  return `${p.lines[0]}\n${joinWrapped(p.lines.slice(1))}`;
}

function paragraph(p: Part, number: number, text: string, depth: number, inArticle: boolean): SectionNode {
  const children = p.children.map((c) => finish(c, depth, inArticle));
  return { kind: 'paragraph', number, label: `第${toChineseNumeral(number)}款`, text, line: p.line, endLine: p.endLine, children };
}

function kindOf(style: MarkerStyle, depth: number, inArticle: boolean): SectionKind {
  if (style === 'chapter') return 'chapter';
  if (style === 'article') return 'article';
  if (style === 'section') return 'heading';
  if (inArticle) return depth <= 1 ? 'item' : 'subItem';
  return depth <= 1 ? 'heading' : depth === 2 ? 'item' : 'subItem';
}

const RUN_IN_TITLE_MAX = 30;

/** 章 titles; a heading line's text (加强值守。 too); a run-in heading (加强组织领导。各县市…). Articles have none. */
function titleOf(kind: SectionKind, rest: string, inArticle: boolean): string | undefined {
  if (kind === 'chapter' || (kind === 'heading' && rest !== '' && !/[。；，,;]/.test(rest))) {
    return rest.replace(/\s+/g, '') || undefined;
  }
  if (kind === 'article' || inArticle) return undefined;
  const stop = rest.indexOf('。');
  if (kind === 'heading' && stop === rest.length - 1 && stop <= RUN_IN_TITLE_MAX) return rest.slice(0, stop);
  if (stop > 0 && stop <= RUN_IN_TITLE_MAX && stop < rest.length - 1) return rest.slice(0, stop);
  return undefined;
}
