import type { Rank } from './types.js';

/** One seat of a roster on a given day. */
export interface RosterEntry {
  readonly personId: string;
  readonly name: string;
  readonly role: string;
  readonly rank: Rank;
  readonly position: string;
  readonly seat: number;
}

export type RosterChange = 'role' | 'position';

export interface RosterDiff<T extends RosterEntry = RosterEntry> {
  added: T[];
  removed: T[];
  changed: { before: T; after: T; changes: RosterChange[] }[];
  unchanged: number;
}

/**
 * What changed between two rosters of one body, person by person (a spelling variant is another
 * person until a reviewer confirms otherwise): who joined, who left, whose role or position changed.
 * Lists keep document order (seat) of the roster they come from.
 */
export function diffRosters<T extends RosterEntry>(before: readonly T[], after: readonly T[]): RosterDiff<T> {
  const old = new Map(before.map((e) => [e.personId, e]));
  const now = new Map(after.map((e) => [e.personId, e]));
  const changed: { before: T; after: T; changes: RosterChange[] }[] = [];
  let unchanged = 0;
  for (const e of after) {
    const was = old.get(e.personId);
    if (!was) continue;
    const changes: RosterChange[] = [];
    if (was.role !== e.role) changes.push('role');
    if (was.position !== e.position) changes.push('position');
    if (changes.length > 0) changed.push({ before: was, after: e, changes });
    else unchanged += 1;
  }
  return {
    added: after.filter((e) => !old.has(e.personId)),
    removed: before.filter((e) => !now.has(e.personId)),
    changed,
    unchanged,
  };
}

export const RANK_LABELS: Readonly<Record<Rank, string>> = { leader: '领导', deputy: '副职', member: '成员' };
