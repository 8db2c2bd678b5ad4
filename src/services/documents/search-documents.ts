import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { normalizeForSearch, queryGrams, snippetAround, tsqueryLiteral } from '../../domain/documents/index.js';

export type DocumentSearchField = 'all' | 'title' | 'number' | 'text';

export interface DocumentSearch {
  q?: string;
  field?: DocumentSearchField;
  page?: number;
  pageSize?: number;
}

export interface DocumentListItem {
  id: string;
  docNumber: string;
  title: string;
  issuer: string | null;
  signedOn: string | null;
  attachments: number;
  importedAt: string;
  /** Where the query was found (normalised text around it), for full-text matches. */
  snippet: string | null;
}

interface Row {
  id: string;
  doc_number: string;
  title: string;
  issuer: string | null;
  signed_on: string | null;
  attachments: number;
  imported_at: string;
  piece: string | null;
  total: number;
}

const COLUMN: Record<Exclude<DocumentSearchField, 'all'>, SQL> = {
  title: sql.raw('title_search'),
  number: sql.raw('number_search'),
  text: sql.raw('search_text'),
};

/**
 * Lists documents, newest first, or those whose title / number / full text holds `q` as a
 * substring (after normalizeForSearch; 'all' looks everywhere, title matches first). The GIN index
 * on search_vector (character pairs) narrows the rows, strpos() confirms (migrations 0100, 0101).
 */
export async function searchDocuments(db: Db, search: DocumentSearch): Promise<{ items: DocumentListItem[]; total: number }> {
  const page = Math.max(1, search.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, search.pageSize ?? 20));
  const q = normalizeForSearch(search.q ?? '');
  const field = search.field ?? 'all';
  const filters: SQL[] = [sql`jurisdiction = '654000'`];
  if (q !== '') {
    const grams = queryGrams(q);
    filters.push(sql`search_vector @@ ${tsqueryLiteral(grams)}::tsquery`);
    filters.push(sql`strpos(${field === 'all' ? COLUMN.text : COLUMN[field]}, ${q}) > 0`);
  }
  const titleHit = q === '' ? sql`FALSE` : sql`strpos(title_search, ${q}) > 0`;
  // Enough text around the first match for a snippet, cut for the page's rows only: the text is
  // large and stored compressed, so each extra read of it costs as much as the match itself.
  const piece = q === '' ? sql`NULL` : sql`substr(d.search_text, greatest(strpos(d.search_text, ${q}) - 40, 1), ${q.length + 80})`;
  const rows = await queryRows<Row>(
    db,
    sql`SELECT d.id, d.doc_number, d.title, d.issuer, d.signed_on::text AS signed_on, jsonb_array_length(d.attachments) AS attachments,
          d.imported_at::text AS imported_at, ${piece} AS piece, page.total
        FROM (
          SELECT id, ${titleHit} AS title_hit, signed_on, doc_number, count(*) OVER ()::int AS total
          FROM documents
          WHERE ${sql.join(filters, sql` AND `)}
          ORDER BY title_hit DESC, signed_on DESC NULLS LAST, doc_number
          LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
        ) page JOIN documents d ON d.id = page.id
        ORDER BY page.title_hit DESC, page.signed_on DESC NULLS LAST, page.doc_number`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      docNumber: r.doc_number,
      title: r.title,
      issuer: r.issuer,
      signedOn: r.signed_on,
      attachments: Number(r.attachments),
      importedAt: new Date(r.imported_at).toISOString(),
      snippet: r.piece === null || field === 'title' || field === 'number' ? null : snippetAround(r.piece, q),
    })),
    total: rows[0]?.total ?? (page > 1 ? await countDocuments(db, filters) : 0),
  };
}

async function countDocuments(db: Db, filters: SQL[]): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM documents WHERE ${sql.join(filters, sql` AND `)}`);
  return row.n;
}
