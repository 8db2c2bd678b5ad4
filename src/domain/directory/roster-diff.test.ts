import { describe, expect, it } from 'vitest';
import { diffRosters, type RosterEntry } from './roster-diff.js';

const entry = (personId: string, role: string, position: string, seat: number): RosterEntry => ({
  personId, name: personId, role, rank: role === '主任' ? 'leader' : role === '副主任' ? 'deputy' : 'member', position, seat,
});

describe('diffRosters', () => {
  const v1 = [entry('刘庆华', '主任', '自治州副州长', 1), entry('张蕾', '副主任', '州教育局副局长', 2), entry('李蓉', '委员', '州教育局副局长', 3), entry('张宏', '委员', '州科技局副局长', 4)];

  it('finds who joined, who left and whose role or position changed', () => {
    const v2 = [entry('刘庆华', '主任', '自治州副州长', 1), entry('李蓉', '副主任', '州教育局副局长', 2), entry('张宏', '委员', '州科学技术局副局长', 3), entry('王五', '委员', '州财政局副局长', 4)];
    const diff = diffRosters(v1, v2);
    expect(diff.added.map((e) => e.personId)).toEqual(['王五']);
    expect(diff.removed.map((e) => e.personId)).toEqual(['张蕾']);
    expect(diff.changed.map((c) => [c.after.personId, c.changes])).toEqual([['李蓉', ['role']], ['张宏', ['position']]]);
    expect(diff.unchanged).toBe(1);
  });

  it('reports nothing for the same roster', () => {
    expect(diffRosters(v1, v1)).toEqual({ added: [], removed: [], changed: [], unchanged: 4 });
  });
});
