/**
 * Substring search over Chinese text without a locale-dependent index. Text and queries are
 * brought to one searchable form (normalizeForSearch); a document's grams are every distinct
 * character and pair of adjacent characters of that form, stored as a tsvector of quoted lexemes.
 * A query needs all of its pairs (or its one character) in a document's grams; the substring test
 * then confirms — the grams only narrow.
 */

const OPEN_BRACKETS = /[〔［【〖（\[]/g;
const CLOSE_BRACKETS = /[〕］】〗）\]]/g;
const DASHES = /[—–－‐‑‒―]/g;

/** NFKC, lower case, whitespace removed, bracket and dash look-alikes folded (〔2023〕 = (2023) = [2023]). */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, '')
    .replace(OPEN_BRACKETS, '(')
    .replace(CLOSE_BRACKETS, ')')
    .replace(DASHES, '-');
}

/** Every distinct character and adjacent pair of an already normalised text, sorted. */
export function searchGrams(normalized: string): string[] {
  const chars = [...normalized];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(chars[i] + chars[i + 1]);
  return [...grams].sort();
}

/** At most this many pairs of a long query go to the index; the substring test checks the rest. */
const MAX_QUERY_GRAMS = 8;

/**
 * The grams a normalised query requires: its single character, or up to MAX_QUERY_GRAMS of its
 * adjacent pairs, spread over the query (first and last always included). Empty for ''.
 */
export function queryGrams(normalized: string): string[] {
  const chars = [...normalized];
  if (chars.length === 0) return [];
  if (chars.length === 1) return chars;
  const pairs = [...new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]))];
  if (pairs.length <= MAX_QUERY_GRAMS) return pairs;
  const step = (pairs.length - 1) / (MAX_QUERY_GRAMS - 1);
  return [...new Set(Array.from({ length: MAX_QUERY_GRAMS }, (_, k) => pairs[Math.round(k * step)]))];
}

/** A lexeme as a quoted tsvector/tsquery literal: quotes and backslashes doubled, nothing parsed. */
function quoted(gram: string): string {
  return `'${gram.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The grams as a tsvector literal ('督导' '教育' …), for the search_vector column. */
export function tsvectorLiteral(grams: readonly string[]): string {
  return grams.map(quoted).join(' ');
}

/** All of the grams, as a tsquery literal ('教育' & '育督' & '督导'). */
export function tsqueryLiteral(grams: readonly string[]): string {
  return grams.map(quoted).join(' & ');
}

/** A short piece of `text` around the first occurrence of `query` (both normalised), with ellipses. */
export function snippetAround(text: string, query: string, context = 24): string | null {
  const at = text.indexOf(query);
  if (at < 0 || query === '') return null;
  const start = Math.max(0, at - context);
  const end = Math.min(text.length, at + query.length + context);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
