/**
 * People's names as printed: two-character names are padded to three (张  蕾), and the middle
 * dot of transliterated names comes in several look-alikes (· • ・ . ．‧ ∙ ⋅).
 */

const DOTS = /[·•・.．‧∙⋅･]/g;

/** Padding removed, every middle-dot variant written as ·. */
export function normalizeName(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/[\u2000-\u200b\u3000\ufeff]/g, '')
    .replace(DOTS, '·')
    .replace(/·{2,}/g, '·')
    .replace(/^·|·$/g, '');
}

const HAN = '[\\u4e00-\\u9fa5]';
/** 2–4 characters, or a transliterated name: parts of 1–12 characters joined by ·. */
const PLAUSIBLE = new RegExp(`^(?:${HAN}{2,4}|${HAN}{1,12}(?:·${HAN}{1,12})+)$`);

/** True for text that can be a person's name (after normalizeName). */
export function isPlausibleName(name: string): boolean {
  return PLAUSIBLE.test(name);
}

/** The parts of a transliterated name (达列力别克·坎加汗 → 达列力别克, 坎加汗); one part otherwise. */
export function nameParts(name: string): string[] {
  return normalizeName(name).split('·').filter((p) => p !== '');
}
