import { pinyin } from 'pinyin-pro';
import { nameParts, normalizeName } from './names.js';

/**
 * Pinyin keys of a person's name, for search and for spotting spelling variants.
 * Each character keeps all its readings (都 = dou/du), the reading in context first; a Chinese
 * name (no ·) reads its first character as a surname (曾 = zeng). Tones are dropped, ü is v.
 */
export interface NamePartKeys {
  readonly text: string;
  /** Per character, its readings, the one in context first. */
  readonly readings: readonly (readonly string[])[];
}

export interface PinyinKeys {
  readonly parts: readonly NamePartKeys[];
  /** Readings in context, concatenated: dalielibiekekanjiahan. */
  readonly full: string;
  /** First letters of those readings, per name part: ['dllbk', 'kjh']. */
  readonly initials: readonly string[];
}

const HAN = /[\u4e00-\u9fa5]/;
const cache = new Map<string, PinyinKeys>();

export function pinyinKeys(name: string): PinyinKeys {
  const normalized = normalizeName(name);
  const hit = cache.get(normalized);
  if (hit) return hit;
  const transliterated = normalized.includes('·');
  const parts = nameParts(normalized).map((text) => partKeys(text, !transliterated));
  const keys: PinyinKeys = {
    parts,
    full: parts.flatMap((p) => p.readings.map((r) => r[0])).join(''),
    initials: parts.map((p) => p.readings.map((r) => r[0][0]).join('')),
  };
  cache.set(normalized, keys);
  return keys;
}

function partKeys(text: string, surnameFirst: boolean): NamePartKeys {
  const chars = [...text].filter((c) => HAN.test(c));
  const inContext = pinyin(chars.join(''), { toneType: 'none', type: 'array', surname: surnameFirst ? 'head' : 'off' });
  const readings = chars.map((c, i) => {
    const all = pinyin(c, { toneType: 'none', type: 'array', multiple: true });
    return [...new Set([inContext[i], ...all].map(plain))];
  });
  return { text, readings };
}

function plain(syllable: string): string {
  return syllable.toLowerCase().replace(/ü/g, 'v');
}

/**
 * Search by name. A query matches when
 *  - it is Chinese and a substring of the name (middle dots ignored);
 *  - it is a prefix of the full pinyin read from the start of any name part (dalie, kanjia);
 *  - or its letters are initials of the name's characters in order, starting at a name part's
 *    first character, characters in between may be skipped: dlbk = Da-Lie-(li)-Bie-Ke. Long
 *    transliterated names are abbreviated by the consonants one hears, not letter by letter.
 */
export function matchesPinyin(name: string, query: string): boolean {
  const q = query.trim();
  if (q === '') return false;
  if (HAN.test(q)) return normalizeName(name).replace(/·/g, '').includes(normalizeName(q).replace(/·/g, ''));
  const latin = plain(q).replace(/[\s·'’.\-]/g, '');
  if (!/^[a-z]+$/.test(latin)) return false;
  const parts = pinyinKeys(name).parts;
  return parts.some((_, p) => {
    const chars = parts.slice(p).flatMap((part) => part.readings);
    return prefixOfSyllables(chars, latin, 0, 0) || initialsSubsequence(chars, latin);
  });
}

/** Can `q` from `at` be spelt by whole syllables of chars[i…], the last one possibly cut short? */
function prefixOfSyllables(chars: readonly (readonly string[])[], q: string, i: number, at: number): boolean {
  if (at === q.length) return true;
  if (i === chars.length) return false;
  const rest = q.slice(at);
  return chars[i].some((s) => s.startsWith(rest) || (rest.startsWith(s) && prefixOfSyllables(chars, q, i + 1, at + s.length)));
}

function initialsSubsequence(chars: readonly (readonly string[])[], q: string): boolean {
  if (!chars[0]?.some((s) => s[0] === q[0])) return false;
  let j = 0;
  for (const readings of chars) {
    if (j < q.length && readings.some((s) => s[0] === q[j])) j += 1;
  }
  return j === q.length;
}
