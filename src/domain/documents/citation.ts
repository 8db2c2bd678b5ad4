import { toChineseNumeral } from './numerals.js';
import type { SectionKind, SectionNode } from './types.js';

/** Where a rule sits in a regulation: 第X章第X条第X款第（X）项第X目. */
export interface Citation {
  readonly chapter?: number;
  readonly article?: number;
  readonly paragraph?: number;
  readonly item?: number;
  readonly subItem?: number;
}

/**
 * Renders a citation the way regulations cite themselves: 第十三条第（三）项, 第八条第（一）项第1目.
 * 章/条/款/项 take Chinese numerals; 目 keeps the Arabic number it is printed with (1.).
 */
export function citation(c: Citation): string {
  const parts: string[] = [];
  if (c.chapter !== undefined) parts.push(`第${toChineseNumeral(c.chapter)}章`);
  if (c.article !== undefined) parts.push(`第${toChineseNumeral(c.article)}条`);
  if (c.paragraph !== undefined) parts.push(`第${toChineseNumeral(c.paragraph)}款`);
  if (c.item !== undefined) parts.push(`第（${toChineseNumeral(c.item)}）项`);
  if (c.subItem !== undefined) parts.push(`第${c.subItem}目`);
  if (parts.length === 0) throw new RangeError('引用至少需要一级（章、条、款、项或目）');
  return parts.join('');
}

/** The node a citation points at in a parsed structure, or null when the text has no such node. */
export function sectionAt(sections: readonly SectionNode[], c: Citation): SectionNode | null {
  let scope: readonly SectionNode[] = sections;
  if (c.chapter !== undefined) scope = pick(scope, 'chapter', c.chapter)?.children ?? [];
  const steps: [SectionKind, number | undefined][] = [
    ['article', c.article], ['paragraph', c.paragraph], ['item', c.item], ['subItem', c.subItem],
  ];
  let found: SectionNode | null = null;
  for (const [kind, number] of steps) {
    if (number === undefined) continue;
    found = pick(scope, kind, number);
    if (!found) return null;
    scope = found.children;
  }
  return found;
}

/** Depth-first: the first node of that kind and number, looking through chapters and 款. */
function pick(nodes: readonly SectionNode[], kind: SectionKind, number: number): SectionNode | null {
  for (const n of nodes) {
    if (n.kind === kind && n.number === number) return n;
    const passThrough = n.kind === 'chapter' || n.kind === 'paragraph' || (n.kind === 'heading' && kind !== 'heading');
    const inner = passThrough ? pick(n.children, kind, number) : null;
    if (inner) return inner;
  }
  return null;
}
