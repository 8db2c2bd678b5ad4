import { describe, expect, it } from 'vitest';
import { bodyPath, exportPath, groupByRank, officeSummary, type RosterMember } from './bodiesApi';

const member = (name: string, role: string, rank: RosterMember['rank'], seat: number): RosterMember => ({
  membershipId: name, personId: name, name, role, rank, position: '', seat, validFrom: '2023-02-25', validTo: null,
  documentId: null, docNumber: null, line: null, succeeded: null,
});

describe('bodies page helpers', () => {
  it('groups a roster by rank, keeping document order and the role words', () => {
    const groups = groupByRank([
      member('达列力别克·坎加汗', '组长', 'leader', 1),
      member('甲', '第一副组长', 'deputy', 2),
      member('乙', '副组长', 'deputy', 3),
      member('丙', '成员', 'member', 4),
    ]);
    expect(groups.map((g) => [g.rank, g.roles, g.members.map((m) => m.name)])).toEqual([
      ['leader', ['组长'], ['达列力别克·坎加汗']],
      ['deputy', ['第一副组长', '副组长'], ['甲', '乙']],
      ['member', ['成员'], ['丙']],
    ]);
    expect(groupByRank([member('甲', '委员', 'member', 1)]).map((g) => g.rank)).toEqual(['member']);
  });

  it('sums up the office, a director named by post included', () => {
    expect(officeSummary({ unit: '州社科联', organizationId: null, director: { name: '蒲永瑜', position: '州社科联专职副主席', personId: null }, deputyDirectors: [], line: 247 })).toBe('办公室设在州社科联；主任：蒲永瑜');
    expect(
      officeSummary({
        unit: '自治州畜牧兽医局', organizationId: null, line: 163,
        director: { name: '王沛昭', position: null, personId: null },
        deputyDirectors: [{ name: '于东华', position: null, personId: null }, { name: null, position: '州畜牧兽医局兽医处处长', personId: null }],
      }),
    ).toBe('办公室设在自治州畜牧兽医局；主任：王沛昭；副主任：于东华、州畜牧兽医局兽医处处长');
  });

  it('builds the paths with the roster date', () => {
    expect(bodyPath('b1')).toBe('/api/bodies/b1');
    expect(bodyPath('b1', '2023-06-01')).toBe('/api/bodies/b1?on=2023-06-01');
    expect(exportPath('b1', 'docx', '2023-06-01')).toBe('/api/bodies/b1/export.docx?on=2023-06-01');
  });
});
