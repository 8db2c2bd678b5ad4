import { nameParts, normalizeName } from './names.js';
import { canonicalOrganization, type AliasTable } from './organizations.js';
import { pinyinKeys } from './pinyin.js';

/**
 * Probable duplicates among person records: a hint for a reviewer, never a merge.
 * A pair is reported when all three hold:
 *  1. the names sound alike: same toneless pinyin, or characters that transliterate the same
 *     sound (TRANSLITERATION_EQUIVALENTS), the parts of a transliterated name in any order;
 *  2. the organisations are the same once canonical (州发改委 = 州发展和改革委员会);
 *  3. the titles are alike: they share a post once party posts and notes are set aside.
 * The same name in two organisations is two people (张超 of 国网 and of 中国移动).
 */
export interface PersonRecord {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  readonly title: string;
}

export interface ProbableDuplicate {
  readonly ids: readonly [string, string];
  readonly names: readonly [string, string];
  readonly reason: string;
}

/** Reviewed: characters used for one sound in transliterated Uyghur, Kazakh and Mongolian names. */
export const TRANSLITERATION_EQUIVALENTS: readonly string[] = ['吐土图', '布不', '兵彬斌宾', '尔勒', '都杜', '甫普'];

const EQUIVALENT = new Map<string, string>(TRANSLITERATION_EQUIVALENTS.flatMap((group) => [...group].map((c) => [c, group[0]])));

interface Prepared {
  readonly person: PersonRecord;
  readonly name: string;
  readonly organization: string;
  readonly soundParts: readonly string[];
  readonly exactParts: readonly string[];
  readonly posts: ReadonlySet<string>;
}

export function findProbableDuplicates(people: readonly PersonRecord[], extraAliases?: AliasTable): ProbableDuplicate[] {
  const prepared = people.map((p) => prepare(p, extraAliases));
  const pairs: ProbableDuplicate[] = [];
  prepared.forEach((a, i) => {
    for (const b of prepared.slice(i + 1)) {
      const reason = a.organization === b.organization ? reasonFor(a, b) : null;
      if (reason) pairs.push({ ids: [a.person.id, b.person.id], names: [a.person.name, b.person.name], reason });
    }
  });
  return pairs;
}

function prepare(person: PersonRecord, extraAliases?: AliasTable): Prepared {
  const name = normalizeName(person.name);
  const keys = pinyinKeys(name);
  const parts = nameParts(name);
  return {
    person,
    name,
    organization: canonicalOrganization(person.organization, extraAliases),
    exactParts: keys.parts.map((p) => p.readings.map((r) => r[0]).join(' ')),
    soundParts: parts.map((part, k) => [...part].map((c, j) => EQUIVALENT.get(c) ?? keys.parts[k]?.readings[j]?.[0] ?? c).join(' ')),
    posts: posts(person.title),
  };
}

function reasonFor(a: Prepared, b: Prepared): string | null {
  const sound = soundAlike(a, b);
  const shared = sharedPost(a.posts, b.posts);
  if (sound === null || shared === null) return null;
  return `${sound}，同属${a.organization}，职务相近（${shared || '未注明'}），请人工核对`;
}

function soundAlike(a: Prepared, b: Prepared): string | null {
  if (a.name === b.name) return '姓名相同';
  const same = (x: readonly string[], y: readonly string[]) => x.join('|') === y.join('|');
  const sorted = (x: readonly string[]) => [...x].sort();
  if (same(a.exactParts, b.exactParts)) return `姓名拼音相同（${differingChars(a.name, b.name)}：${a.exactParts.join('·')}）`;
  if (same(a.soundParts, b.soundParts)) return `姓名用字读音相近（${differingChars(a.name, b.name)}）`;
  if (same(sorted(a.soundParts), sorted(b.soundParts))) return '姓名各部分顺序不同、读音相同';
  return null;
}

/** 兵/彬: the characters where two equally long names differ. */
function differingChars(a: string, b: string): string {
  const x = [...a];
  const y = [...b];
  return x.map((c, i) => (c !== y[i] ? `${c}/${y[i]}` : '')).filter((d) => d !== '').join('，');
}

/** Posts of a title, party posts and notes set aside when anything else is left. */
function posts(title: string): ReadonlySet<string> {
  const all = title
    .replace(/[（〈(<][^）〉)>]*[）〉)>]/g, '')
    .split(/[、，,；;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const administrative = all.filter((t) => !/^(党组|党委|党支部|党总支)/.test(t));
  return new Set(administrative.length > 0 ? administrative : all);
}

/** A post both titles hold ('' when a title is missing), or null when they have none in common. */
function sharedPost(a: ReadonlySet<string>, b: ReadonlySet<string>): string | null {
  if (a.size === 0 || b.size === 0) return '';
  for (const x of a) {
    for (const y of b) {
      if (x === y || x.endsWith(y) || y.endsWith(x)) return x.length <= y.length ? x : y;
    }
  }
  return null;
}
