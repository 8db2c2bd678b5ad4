import { createHash } from 'node:crypto';
import type { OfficialDocument } from './types.js';

/**
 * sha256 (hex) of the document's text normalised for idempotent import: NFKC (full-width
 * forms folded), every whitespace character removed. Re-importing the same document with other
 * padding, blank lines, line endings or line wrapping gives the same hash; any change of a
 * visible character gives another.
 */
export function contentHash(doc: Pick<OfficialDocument, 'source'>): string {
  const text = doc.source.map((l) => l.text).join('\n');
  return createHash('sha256').update(normalizeForHash(text), 'utf8').digest('hex');
}

export function normalizeForHash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}
