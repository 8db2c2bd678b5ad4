import { ORG_ALIASES } from './org-aliases.js';

/**
 * Organisation names: one canonical full name per unit, whatever form a document uses.
 * Folding rule: 伊犁哈萨克自治州X / 伊犁州X / 自治州X are written 州X (the form the documents
 * use most), then ORG_ALIASES (plus any extra aliases) maps short forms to the full name.
 */

export type AliasTable = Readonly<Record<string, readonly string[]>>;

const REGION_PREFIX = /^(伊犁哈萨克自治州|伊犁州|自治州)(?=.)/;

/** Whitespace removed; () → （）; <>, ＜＞ → 〈〉. */
export function normalizeOrgText(name: string): string {
  return name
    .replace(/[\s\u2000-\u200b\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[<＜]/g, '〈')
    .replace(/[>＞]/g, '〉');
}

/** 自治州畜牧兽医局 → 州畜牧兽医局. */
export function foldRegionPrefix(name: string): string {
  return name.replace(REGION_PREFIX, '州');
}

function buildIndex(table: AliasTable): Map<string, string> {
  const index = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(table)) {
    for (const form of [canonical, ...aliases]) index.set(foldRegionPrefix(normalizeOrgText(form)), canonical);
  }
  return index;
}

function merged(extra: AliasTable): AliasTable {
  const table: Record<string, readonly string[]> = { ...ORG_ALIASES };
  for (const [canonical, aliases] of Object.entries(extra)) table[canonical] = [...(table[canonical] ?? []), ...aliases];
  return table;
}

const DEFAULT_INDEX = buildIndex(ORG_ALIASES);

/** The canonical full name (州发改委 → 州发展和改革委员会); an unknown name comes back normalised and folded. */
export function canonicalOrganization(name: string, extraAliases?: AliasTable): string {
  const key = foldRegionPrefix(normalizeOrgText(name));
  const index = extraAliases ? buildIndex(merged(extraAliases)) : DEFAULT_INDEX;
  return index.get(key) ?? key;
}

/** True when two names denote the same organisation. */
export function sameOrganization(a: string, b: string, extraAliases?: AliasTable): boolean {
  return canonicalOrganization(a, extraAliases) === canonicalOrganization(b, extraAliases);
}

/** Every name of the unit `name` denotes (canonical first, then aliases), folded. */
export function organizationForms(name: string, extraAliases?: AliasTable): string[] {
  const canonical = canonicalOrganization(name, extraAliases);
  const table = extraAliases ? merged(extraAliases) : ORG_ALIASES;
  return [canonical, ...(table[canonical] ?? [])].map((f) => foldRegionPrefix(normalizeOrgText(f)));
}

/** All known unit names and aliases, folded, longest first: for finding a unit at the start of a post. */
export const KNOWN_UNIT_FORMS: readonly string[] = [...DEFAULT_INDEX.keys()].sort((a, b) => b.length - a.length);
