/**
 * Rulebook versions: each entry is judged under the version in force on its own date, and a version
 * that rounds declares one rounding step. The 2025 amendment here is a test fixture, not a real text.
 */
import { describe, expect, it } from 'vitest';
import { cite } from './citation.js';
import { evaluate, evaluateBatch } from './evaluate.js';
import { percent } from './money.js';
import { rulebookInForce, type GamesRule, type Rulebook } from './rulebook.js';
import { RULEBOOK_2023 } from './rulebook-2023.js';
import type { ResultEntry } from './types.js';

const regionGames = RULEBOOK_2023.games['region-games'];
if (regionGames.award.kind !== 'tables') throw new Error('fixture expects tables');
const amendedRegionGames: GamesRule = {
  ...regionGames,
  award: {
    kind: 'tables',
    tables: {
      ...regionGames.award.tables,
      individual: { kind: 'listed', label: '区运会个人', citation: cite(8, 1, 1), placeWord: 'rank', perAthlete: true, amounts: [2_500_000] },
    },
  },
};

const AMENDMENT_2025: Rulebook = {
  ...RULEBOOK_2023,
  docNumber: '伊州政办规〔2025〕99号（测试用修订）',
  effectiveFrom: '2025-01-01',
  rounding: { mode: 'half-up', unit: 100 },
  games: {
    ...RULEBOOK_2023.games,
    'region-games': amendedRegionGames,
    national: { ...RULEBOOK_2023.games.national, award: { kind: 'region-award', citation: cite(8, 2), factor: { label: '国内大型运动会', ratio: percent(15) } } },
  },
};
const BOTH = [AMENDMENT_2025, RULEBOOK_2023];

const result = (date: string, over: Partial<ResultEntry> = {}): ResultEntry => ({
  id: date,
  kind: 'result',
  games: 'region-games',
  date,
  appliedOn: date,
  disqualified: null,
  event: 'individual',
  sport: '田径',
  teamSize: 1,
  place: 1,
  team: null,
  teamCounty: null,
  athletes: [{ name: '甲', county: null }],
  coaches: [],
  enteredTeamOn: null,
  regionAward: null,
  extraAwards: [],
  ...over,
});

describe('rulebook versions', () => {
  it('picks the version in force on the date, whatever the order given', () => {
    expect(rulebookInForce(BOTH, '2023-02-09')).toBeNull();
    expect(rulebookInForce(BOTH, '2023-02-10')).toBe(RULEBOOK_2023);
    expect(rulebookInForce(BOTH, '2024-12-31')).toBe(RULEBOOK_2023);
    expect(rulebookInForce(BOTH, '2025-01-01')).toBe(AMENDMENT_2025);
    expect(rulebookInForce([RULEBOOK_2023, AMENDMENT_2025], '2025-06-01')).toBe(AMENDMENT_2025);
  });

  it('computes each result under its own version in one batch', () => {
    const batch = [
      { id: 'old', kind: 'result', games: 'region-games', date: '2024-12-31', appliedOn: '2025-01-05', event: 'individual', sport: '田径', place: 1, athletes: [{ name: '甲' }] },
      { id: 'new', kind: 'result', games: 'region-games', date: '2025-01-01', appliedOn: '2025-01-05', event: 'individual', sport: '田径', place: 1, athletes: [{ name: '甲' }] },
    ];
    const [before, after] = evaluateBatch(batch, BOTH).results;
    expect(before.lines[0].amount).toBe(20000);
    expect(after.lines[0].amount).toBe(25000);
    // A place the amended table no longer lists pays nothing under the amendment.
    expect(evaluate(result('2025-03-01', { place: 2 }), BOTH).reasons).toEqual(['第八条第（一）项第1目：区运会个人只奖励前一名，第2名无奖励']);
  });

  it('applies the declared rounding once, to the whole product', () => {
    // 33333元 × 15% = 4999.95元 → 5000元; × 10% for the coach = 499.995元 → 500元 (not 5000 × 10% rounded twice).
    const national = result('2025-02-01', {
      games: 'national',
      regionAward: 3_333_300,
      coaches: [{ name: '乙', role: 'original' }],
    });
    const outcome = evaluate(national, BOTH);
    expect(outcome.lines.map((l) => l.amount)).toEqual([500_000, 50_000]);
    // The 2023 version has no rounding: 33333元 × 20% = 6666.6元 is exact in fen, so it pays.
    expect(evaluate({ ...national, date: '2024-02-01', appliedOn: '2024-02-01' }, BOTH).lines[0].amount).toBe(666_660);
  });

  it('says why when no version is in force', () => {
    expect(evaluate(result('2023-01-01'), BOTH).reasons).toEqual(['第二十八条：成绩日期2023-01-01早于本办法施行日期2023-02-10，不予奖励']);
    expect(evaluate(result('2023-03-01'), []).reasons).toEqual(['没有可适用的奖励办法']);
  });
});
