import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateBatch } from '../../domain/awards/index.js';
import { columnKeyOf, headerOf, rowToEntry, SHEET_COLUMNS } from './sheet-columns.js';

const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../../domain/awards/golden/region-games.json'), 'utf8')) as {
  input: Record<string, unknown>[];
  expected: { results: unknown[] };
};

describe('the Excel columns of the batch shape', () => {
  it('has one column per field of a result, found again from its header, key or label', () => {
    for (const c of SHEET_COLUMNS) {
      expect(columnKeyOf(headerOf(c))).toBe(c.key);
      expect(columnKeyOf(c.key)).toBe(c.key);
      expect(columnKeyOf(c.label)).toBe(c.key);
    }
    expect(columnKeyOf('运动会(games)')).toBe('games');
    expect(columnKeyOf('备注')).toBeNull();
  });

  it('reads a row written in Chinese words into the same result as the golden JSON, computing identically', () => {
    const row = rowToEntry(
      {
        id: 'r1',
        kind: '成绩奖',
        games: '区运会',
        date: '2023-08-10',
        event: '个人',
        sport: '田径',
        teamSize: 1,
        place: '1',
        team: '伊犁州田径队',
        athletes: '阿力木（伊宁县）',
        enteredTeamOn: '2021-03-01',
        coaches: '张伟（现任主管教练员）；李军（原培养、输送教练员）;赵磊(助理教练员)',
        regionAward: 50000,
        extraAwards: '3000；5000',
        disqualified: null,
      },
      2,
    );
    const { appliedOn, ...input } = golden.input[0];
    const { disqualified: _d, ...expected } = input;
    expect(row).toEqual(expected);
    expect(evaluateBatch([{ ...row, appliedOn }]).results[0]).toStrictEqual(golden.expected.results[0]);
  });

  it('passes unknown words through, so the evaluator names the field', () => {
    const row = rowToEntry({ kind: '成绩奖', games: '月球运动会', date: '2023-08-10', event: '个人', sport: '田径', place: 1, athletes: '甲' }, 5);
    const [result] = evaluateBatch([{ ...row, appliedOn: '2023-09-01' }]).results;
    expect(result.id).toBe('第5行');
    expect(result.reasons.some((r) => r.startsWith('games：未知取值"月球运动会"'))).toBe(true);
  });
});
