/**
 * The article text behind a basis citation, for display beside each award line. The imported 公文
 * (its parsed 章/条/款/项/目 structure) is preferred: what users read is then the office's own copy of
 * the regulation. Until that document is imported, the rulebook's verbatim article text is used.
 */
import { sectionAt, type SectionNode } from '../documents/index.js';
import { chineseNumeral, formatCitation, type Citation } from './citation.js';
import type { Rulebook } from './rulebook.js';

export type ArticleTextSource = 'document' | 'rulebook';

export interface CitedArticle {
  /** 第十三条第（三）项, as the basis writes it. */
  readonly ref: string;
  readonly article: number;
  /** 第十三条 */
  readonly articleLabel: string;
  /** The whole article, items on their own lines (label of the article itself left out). */
  readonly articleText: string;
  /** The cited item or sub-item alone, when the citation goes below the article. */
  readonly citedText: string | null;
  readonly source: ArticleTextSource;
  /** 伊州政办规〔2023〕1号 */
  readonly docNumber: string;
}

function renderNode(node: SectionNode): string {
  return [node.text, ...node.children.map((c) => `${c.label}${renderNode(c)}`)].filter((t) => t !== '').join('\n');
}

function fromDocument(sections: readonly SectionNode[], c: Citation): { articleText: string; citedText: string | null } | null {
  const article = sectionAt(sections, { article: c.article });
  if (!article) return null;
  const below = c.item !== undefined ? sectionAt(sections, { article: c.article, item: c.item, subItem: c.subItem }) : null;
  return { articleText: renderNode(article), citedText: below ? `${below.label}${below.text}` : null };
}

/** The item（三）or sub-item 1. line of an article as the rulebook quotes it. */
function citedLine(articleText: string, c: Citation): string | null {
  if (c.item === undefined) return null;
  const lines = articleText.split('\n');
  const itemAt = lines.findIndex((l) => l.startsWith(`（${chineseNumeral(c.item as number)}）`));
  if (itemAt < 0) return null;
  if (c.subItem === undefined) return lines[itemAt];
  const sub = lines.slice(itemAt + 1).find((l) => l.startsWith(`${c.subItem}.`));
  return sub ?? null;
}

/**
 * The text of each distinct citation, in first-cited order. `imported` is the parsed structure of the
 * rulebook's document when the documents module holds it, else null; an article missing from it
 * falls back to the rulebook's text, article by article.
 */
export function citedArticles(citations: readonly Citation[], book: Rulebook, imported: readonly SectionNode[] | null): CitedArticle[] {
  const seen = new Set<string>();
  const out: CitedArticle[] = [];
  for (const c of citations) {
    const ref = formatCitation(c);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const articleLabel = `第${chineseNumeral(c.article)}条`;
    const doc = imported ? fromDocument(imported, c) : null;
    if (doc) {
      out.push({ ref, article: c.article, articleLabel, ...doc, source: 'document', docNumber: book.docNumber });
      continue;
    }
    const articleText = book.articles[c.article];
    if (articleText === undefined) continue;
    out.push({ ref, article: c.article, articleLabel, articleText, citedText: citedLine(articleText, c), source: 'rulebook', docNumber: book.docNumber });
  }
  return out;
}
