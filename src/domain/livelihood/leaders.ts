import type { LeaderRef } from './types.js';

/** Words a post ends with; whatever follows the last of them in a chunk is a person's name. */
const POST_END = /(?:副?书记|副?局长|副?主任|成员|委员|副?理事长|副?所长|副?处长|副?馆长|副?支队长|副?队长|副?院长|副?县长|副?市长|副?州长|秘书长|副?部长|副?主席|副?科长|副?站长|副?校长|副?总经理|董事长|负责人|专员|调研员|副?厅长)/g;
const NAME = /^[\u4e00-\u9fa5·•]{2,20}$/;

/**
 * `州卫生健康委党组副书记、主任刘婉琳；州党委教育工委副书记，州教育局党组副书记、局长努尔巴合提·艾旦`
 * → two leaders. People are separated by ，or ；, but one person's posts are separated by ，too
 * (州党委教育工委副书记，州教育局党组副书记、局长…): a chunk that ends with a post and no name
 * belongs to the next chunk's person.
 */
export function readLeaders(text: string, units: readonly string[]): LeaderRef[] {
  const leaders: LeaderRef[] = [];
  let pendingPosts: string[] = [];
  for (const chunk of text.split(/[，,；;]/).map((c) => c.trim()).filter(Boolean)) {
    const split = splitName(chunk);
    if (!split) {
      pendingPosts.push(chunk);
      continue;
    }
    const posts = [...pendingPosts, split.post];
    pendingPosts = [];
    leaders.push({ ...unitAndTitle(posts, units), name: split.name });
  }
  return leaders;
}

function splitName(chunk: string): { post: string; name: string } | null {
  let end = -1;
  for (const m of chunk.matchAll(POST_END)) end = m.index + m[0].length;
  if (end < 0) return null;
  const name = chunk.slice(end);
  return NAME.test(name) ? { post: chunk.slice(0, end), name } : null;
}

/** The unit a post starts with (longest match), else the measure's only unit. */
function unitAndTitle(posts: string[], units: readonly string[]): Omit<LeaderRef, 'name'> {
  const title = posts.join('，');
  const byLength = [...units].sort((a, b) => b.length - a.length);
  const unit = byLength.find((u) => posts.some((p) => p.startsWith(u)));
  if (unit) return { unit, title: title.startsWith(unit) ? title.slice(unit.length) : title };
  return { unit: units.length === 1 ? units[0] : null, title };
}
