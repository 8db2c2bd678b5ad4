import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { documents } from '../../db/schema/index.js';
import { normalizeForSearch, parseDocNumber } from '../../domain/documents/index.js';
import { errors } from '../../domain/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One document by id or 发文字号 (any bracket style), with its structure and original text. */
export async function getDocument(db: Db, idOrNumber: string) {
  const key = idOrNumber.trim();
  const byNumber = sql`${documents.numberSearch} = ${normalizeForSearch(parseDocNumber(key)?.text ?? key)}`;
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.jurisdiction, '654000'), UUID.test(key) ? or(eq(documents.id, key), byNumber) : byNumber));
  if (!row) throw errors.notFound(`公文“${key}”`);
  return {
    id: row.id,
    docNumber: row.docNumber,
    issuerCode: row.issuerCode,
    year: row.year,
    sequence: row.sequence,
    title: row.title,
    recipients: row.recipients,
    recipientsRaw: row.recipientsRaw,
    issuer: row.issuer,
    signedOn: row.signedOn,
    attachments: row.attachments,
    structure: row.structure,
    originalText: row.originalText,
    firstLine: row.firstLine,
    contentHash: row.contentHash,
    sourceName: row.sourceName,
    importedBy: row.importedBy,
    importedAt: row.importedAt.toISOString(),
  };
}

export type DocumentDetail = Awaited<ReturnType<typeof getDocument>>;
