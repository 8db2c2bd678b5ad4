import { isPlausibleName, normalizeName } from './names.js';
import { normalizePosition } from './positions.js';
import type { Rank } from './types.js';

/**
 * One roster line. Two layouts are read:
 *   ROLE：NAME（POSITION） then NAME（POSITION） continuation lines (the role carries on);
 *   ROLE： alone on a line, then NAME  POSITION lines separated by whitespace (张  三 counts as one name).
 */
export type RosterLine =
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'entry'; readonly role: string | null; readonly name: string; readonly position: string; readonly spaced: boolean }
  | { readonly kind: 'other' };

const ROLE = /^((?:常务)?(?:第[一二三四五])?副?(?:总指挥|指挥长|组长|召集人|主任委员|主任|主席|会长|团长)|成员|委员|组员)$/;
const ROLE_PREFIX = /^([^：:（(]{1,12}?)\s*[：:]\s*(.*)$/;
const BRACKETED = /^([\u4e00-\u9fa5·•・.．\s]{2,40}?)\s*[（(](.+)[）)]$/;

export function roleRank(role: string): Rank {
  if (/^(成员|委员|组员)$/.test(role)) return 'member';
  return role.includes('副') ? 'deputy' : 'leader';
}

/** The role word with its padding removed (主  任 → 主任), or null when the text is not a role. */
export function readRole(text: string): string | null {
  const role = text.replace(/\s+/g, '');
  return ROLE.test(role) ? role : null;
}

export function readRosterLine(text: string): RosterLine {
  const t = text.trim();
  const prefixed = ROLE_PREFIX.exec(t);
  const role = prefixed ? readRole(prefixed[1]) : null;
  const rest = role && prefixed ? prefixed[2].trim() : t;
  if (role && rest === '') return { kind: 'role', role };
  const entry = bracketed(rest) ?? spaced(rest);
  return entry ? { kind: 'entry', role, ...entry } : { kind: 'other' };
}

function bracketed(rest: string): { name: string; position: string; spaced: boolean } | null {
  const m = BRACKETED.exec(rest);
  if (!m) return null;
  const name = normalizeName(m[1]);
  return isPlausibleName(name) ? { name, position: normalizePosition(m[2]), spaced: false } : null;
}

/** NAME POSITION separated by whitespace; a padded two-character name arrives as two tokens. */
function spaced(rest: string): { name: string; position: string; spaced: boolean } | null {
  if (/[。；：;:]/.test(rest)) return null;
  const tokens = rest.split(/\s+/).filter((x) => x !== '');
  const take = tokens.length >= 3 && tokens[0].length === 1 && tokens[1].length === 1 ? 2 : 1;
  if (tokens.length <= take) return null;
  const name = normalizeName(tokens.slice(0, take).join(''));
  if (!isPlausibleName(name)) return null;
  return { name, position: normalizePosition(tokens.slice(take).join('')), spaced: true };
}

/** More （ than ） (full-width and ASCII counted together): the line wraps onto the next. */
export function opensBracket(text: string): boolean {
  const open = (text.match(/[（(]/g) ?? []).length;
  const close = (text.match(/[）)]/g) ?? []).length;
  return open > close;
}
