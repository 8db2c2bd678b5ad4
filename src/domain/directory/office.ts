import { isPlausibleName, normalizeName } from './names.js';
import { canonicalOrganization } from './organizations.js';
import { splitPosition, splitPostAndName } from './positions.js';
import type { BodyOffice, Member, OfficeHolder } from './types.js';

/**
 * The body's office from sentences like
 *   …下设办公室，办公室设在自治州畜牧兽医局…办公室主任由王沛昭同志兼任，
 *   副主任由于东华同志和州畜牧兽医局兽医处处长杨魁同志担任。
 * 副主任由于东华 is 由 + 于东华: the holder is read after the anchor 副主任由, never by
 * searching for a name. A director named by post (办公室主任由州社科联专职副主席担任) is the
 * member holding that post, when exactly one does.
 */
const UNIT = /办公室设在([^，。；,;]+?)(?:[，。；,;]|$)/;
const DIRECTOR = /办公室主任由(.+?)(?:兼任|担任)/;
const DIRECTOR_AFTER = /由([^，。；由]+?)(?:兼任|担任|任)办公室主任/;
const DEPUTIES = /副主任由(.+?)(?:兼任|担任)/;

export function parseOffice(text: string, members: readonly Member[], line: number): BodyOffice | null {
  const s = text.replace(/\s+/g, '');
  const unit = UNIT.exec(s)?.[1];
  if (!unit) return null;
  const director = DIRECTOR.exec(s)?.[1] ?? DIRECTOR_AFTER.exec(s)?.[1];
  const deputies = DEPUTIES.exec(s)?.[1];
  return {
    unit,
    director: director ? holder(director, members) : null,
    deputyDirectors: deputies ? splitHolders(deputies).map((d) => holder(d, members)) : [],
    line,
  };
}

/** 于东华同志和州…处长杨魁同志: split after 同志, so 和 inside a unit's name (住房和城乡建设局) is safe. */
function splitHolders(text: string): string[] {
  const parts = text.includes('同志') ? text.split(/同志[和、及，,]?/) : text.split(/[、，,及]/);
  return parts.filter((p) => p !== '');
}

function holder(raw: string, members: readonly Member[]): OfficeHolder {
  const text = raw.replace(/同志$/, '');
  const asName = normalizeName(text);
  const member = members.find((m) => m.name === asName);
  if (member) return { name: member.name, position: member.position };
  const split = splitPostAndName(text);
  if (split) return { name: split.name, position: split.position };
  if (isPlausibleName(asName) && !/[局委办会部长任席记]$/.test(asName)) return { name: asName, position: null };
  return { name: holderOfPost(text, members), position: text };
}

/** The one member whose position holds the post (same canonical unit, same title). */
function holderOfPost(post: string, members: readonly Member[]): string | null {
  const [wanted] = splitPosition(post);
  if (!wanted || wanted.title === '') return null;
  const unit = canonicalOrganization(wanted.unit);
  const holders = members.filter((m) =>
    splitPosition(m.position).some((p) => canonicalOrganization(p.unit) === unit && p.title.split('、').includes(wanted.title)),
  );
  return holders.length === 1 ? holders[0].name : null;
}
