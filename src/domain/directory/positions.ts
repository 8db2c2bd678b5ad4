import { isPlausibleName, normalizeName } from './names.js';
import { KNOWN_UNIT_FORMS, foldRegionPrefix, normalizeOrgText } from './organizations.js';
import { ENDS_WITH_TITLE, ONE_TITLE, TITLES_ONLY } from './titles.js';

/**
 * Positions (职务) split into posts: 州财政局副局长 → 州财政局 + 副局长. A position may hold
 * several posts (州党委教育工委副书记，州教育局党组书记、副局长): a part after 、 that is only a
 * title adds to the post before it; anything else starts a new post. A unit's internal division
 * (处, 科, 支队…) goes into the title (州畜牧兽医局 + 兽医处处长), so the unit is the organisation.
 *
 * Brackets are kept as written but normalised: () → （）, <> and ＜＞ → 〈〉.
 */
export interface Post {
  readonly unit: string;
  readonly title: string;
}

/** Wrapped lines already joined; whitespace removed; brackets normalised. */
export function normalizePosition(position: string): string {
  return normalizeOrgText(position);
}

export function splitPosition(position: string): Post[] {
  const posts: Post[] = [];
  for (const clause of normalizePosition(position).split(/[，,；;]/)) {
    for (const part of clause.split('、')) {
      if (part === '') continue;
      const last = posts[posts.length - 1];
      if (last && TITLES_ONLY.test(part)) posts[posts.length - 1] = { unit: last.unit, title: joinTitle(last.title, part) };
      else posts.push(splitOne(part));
    }
  }
  return posts;
}

function joinTitle(a: string, b: string): string {
  return a === '' ? b : `${a}、${b}`;
}

const BARE_REGION = /^(州|自治州|伊犁州|伊犁哈萨克自治州|县|市)$/;
const PARTY_BODY = /^(党委|党工委)/;

function splitOne(part: string): Post {
  let cut = part.length;
  for (let i = 1; i < part.length; i += 1) {
    if (ONE_TITLE.test(part.slice(i))) {
      cut = i;
      break;
    }
  }
  let unit = part.slice(0, cut);
  let title = part.slice(cut);
  const party = PARTY_BODY.exec(title);
  if (BARE_REGION.test(unit) && party && title.length > party[0].length) {
    unit += party[0];
    title = title.slice(party[0].length);
  }
  return withDivision(unit, title);
}

const DIVISION = /(处|科|股|室|组|支队|大队|中队|所|中心|站|部)$/;
const MAIN_UNIT_END = /[局委厅办部会院署]/g;

/** 州畜牧兽医局兽医处 + 处长 → 州畜牧兽医局 + 兽医处处长; a trailing 〈别名〉 stays with the unit. */
function withDivision(unitPart: string, title: string): Post {
  const known = knownPrefix(unitPart);
  if (known !== null && known < unitPart.length) {
    const rest = unitPart.slice(known);
    if (/^〈[^〉]*〉$/.test(rest)) return { unit: unitPart, title };
    return { unit: unitPart.slice(0, known), title: rest + title };
  }
  if (known === null && DIVISION.test(unitPart)) {
    const ends = [...unitPart.matchAll(MAIN_UNIT_END)].map((m) => (m.index ?? 0) + 1).filter((e) => e < unitPart.length);
    const at = ends[ends.length - 1];
    if (at !== undefined && at >= 3) return { unit: unitPart.slice(0, at), title: unitPart.slice(at) + title };
  }
  return { unit: unitPart, title };
}

/** Length (in the written text) of the longest known unit name the text starts with. */
function knownPrefix(text: string): number | null {
  const folded = foldRegionPrefix(text);
  const shift = text.length - folded.length;
  const form = KNOWN_UNIT_FORMS.find((f) => folded.startsWith(f));
  return form === undefined ? null : form.length + shift;
}

/**
 * A post followed by a name, as plans and office sentences write them:
 * 州畜牧兽医局兽医处处长杨魁 → { position: 州畜牧兽医局兽医处处长, name: 杨魁 }. The longest
 * prefix ending in a title wins, so 副主任委员王某 keeps 委员 in the post. Null when no split fits.
 */
export function splitPostAndName(text: string): { position: string; name: string } | null {
  const s = normalizePosition(text);
  for (let i = s.length - 2; i >= 2; i -= 1) {
    const name = normalizeName(s.slice(i));
    if (ENDS_WITH_TITLE.test(s.slice(0, i)) && isPlausibleName(name)) return { position: s.slice(0, i), name };
  }
  return null;
}
