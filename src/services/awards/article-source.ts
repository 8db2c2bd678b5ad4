/**
 * The imported 公文 behind a rulebook: when the documents module has imported the regulation
 * (伊州政办规〔2023〕1号), its parsed 章/条/款/项 structure is what award lines are shown beside;
 * otherwise the rulebook's own quoted article text is (see domain/awards/article-text.ts).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { citedArticles, rulebookInForce, RULEBOOKS, type Citation, type CitedArticle, type Rulebook } from '../../domain/awards/index.js';
import type { SectionNode } from '../../domain/documents/index.js';

interface StoredStructure {
  body?: { sections?: SectionNode[] };
  enclosure?: { sections?: SectionNode[] } | null;
}

/**
 * The regulation's sections as the documents module stored them (`documents.structure`: the parsed
 * 公文 without its source lines), or null when it is not imported. A regulation issued by a 印发 notice
 * lives in the enclosure; one issued directly, in the body.
 */
export async function importedRegulationSections(db: Db, docNumber: string): Promise<readonly SectionNode[] | null> {
  // Raw SQL on purpose: this module depends on the documents table, not on the documents code.
  const [table] = await queryRows<{ present: boolean }>(db, sql`SELECT to_regclass('documents') IS NOT NULL AS present`);
  if (!table?.present) return null;
  const rows = await queryRows<{ structure: StoredStructure | string }>(
    db,
    sql`SELECT structure FROM documents WHERE doc_number = ${docNumber} AND jurisdiction = '654000' LIMIT 1`,
  );
  if (rows.length === 0) return null;
  const raw = rows[0].structure;
  const structure = (typeof raw === 'string' ? JSON.parse(raw) : raw) as StoredStructure;
  const sections = structure.enclosure?.sections?.length ? structure.enclosure.sections : structure.body?.sections;
  return sections && sections.length > 0 ? sections : null;
}

/** Looks each rulebook's document up once per request. */
export class ArticleLibrary {
  private readonly cache = new Map<string, Promise<readonly SectionNode[] | null>>();
  constructor(private readonly db: Db) {}

  private sections(book: Rulebook) {
    let found = this.cache.get(book.docNumber);
    if (!found) {
      found = importedRegulationSections(this.db, book.docNumber);
      this.cache.set(book.docNumber, found);
    }
    return found;
  }

  /** The texts of `citations` under the rulebook in force on `date` (the first version before it). */
  async cited(citations: readonly Citation[], date: string): Promise<CitedArticle[]> {
    const book = rulebookInForce(RULEBOOKS, date) ?? RULEBOOKS[0];
    return citedArticles(citations, book, await this.sections(book));
  }
}
