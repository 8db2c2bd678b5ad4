/**
 * Properties over generated entries (fast-check): coach shares add up to the coach standard,
 * no amount is negative, and nothing dated before the 施行日期 pays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../shared/dates.js';
import { splitBracket } from './coach-award.js';
import { evaluateBatch } from './evaluate.js';
import { applyRatio } from './money.js';
import { RULEBOOK_2023 } from './rulebook-2023.js';
import { RESULT_GAMES, SELECTION_GAMES } from './types.js';

const exact = { mode: 'exact' } as const;
const dateBetween = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const name = fc.constantFrom('甲', '乙', '丙', '丁', '阿力木', '古丽');
const county = fc.option(fc.constantFrom('伊宁县', '霍城县', '新源县'), { nil: null });
const athlete = fc.record({ name, county });
const coach = (role: string) => fc.record({ name, role: fc.constant(role) });

const resultArb = (dates: fc.Arbitrary<string>, coachRoles = fc.subarray(['head', 'original', 'assistant'])) =>
  fc
    .record({
      date: dates,
      games: fc.constantFrom(...RESULT_GAMES),
      team: fc.boolean(),
      size: fc.integer({ min: 2, max: 12 }),
      sport: fc.constantFrom('田径', '足球', '篮球', '排球', '射箭', '摔跤'),
      place: fc.integer({ min: 1, max: 10 }),
      trainingDays: fc.integer({ min: 0, max: 2000 }),
      applyAfter: fc.integer({ min: 0, max: 200 }),
      roles: coachRoles,
      athletes: fc.array(athlete, { minLength: 12, maxLength: 12 }),
      teamCounty: county,
      regionAward: fc.integer({ min: 1, max: 200_000 }),
      extraAwards: fc.array(fc.integer({ min: 1, max: 20_000 }), { maxLength: 3 }),
      disqualified: fc.option(fc.constantFrom('fraud', 'doping', 'violation'), { nil: null, freq: 8 }),
    })
    .map((g) => ({
      id: 'p',
      kind: 'result',
      games: g.games,
      date: g.date,
      appliedOn: addDays(g.date, g.applyAfter),
      event: g.team ? 'team' : 'individual',
      sport: g.sport,
      teamSize: g.team ? g.size : 1,
      place: g.place,
      team: '伊犁州代表队',
      teamCounty: g.teamCounty,
      athletes: g.athletes.slice(0, g.team ? g.size : 1),
      enteredTeamOn: addDays(g.date, -g.trainingDays),
      coaches: g.roles.map((role, i) => ({ name: `教练${i}`, role })),
      regionAward: g.regionAward,
      extraAwards: g.extraAwards,
      disqualified: g.disqualified,
    }));

const otherArb = (dates: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.record({ id: fc.constant('s'), kind: fc.constant('selection'), games: fc.constantFrom(...SELECTION_GAMES), date: dates, athletes: fc.array(athlete, { minLength: 1, maxLength: 3 }), coaches: fc.array(coach('original'), { maxLength: 2 }) }),
    fc.record({ id: fc.constant('t'), kind: fc.constant('transfer'), date: dates, athletes: fc.array(athlete, { minLength: 1, maxLength: 2 }), coaches: fc.tuple(coach('original')) }),
    fc.record({ id: fc.constant('c'), kind: fc.constant('sportsmanship'), games: fc.constantFrom(...RESULT_GAMES), date: dates, team: fc.constant('伊犁州代表团') }),
  ).map((e) => ({ ...e, appliedOn: e.date }));

const DATE_WORD: Record<string, string> = { result: '成绩', selection: '入选', transfer: '转正', sportsmanship: '评选' };
const anyDate = dateBetween('2020-01-01', '2030-12-31');

describe('award properties', () => {
  it('第十三条: head and original shares always add up to the standard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 10_000_000 }), anyDate, (days, yuan, date) => {
        const bracket = splitBracket(RULEBOOK_2023, addDays(date, -days), date);
        const fen = yuan * 100;
        expect(applyRatio(fen, bracket.head, exact) + applyRatio(fen, bracket.original, exact)).toBe(fen);
      }),
    );
  });

  it('coach lines of a result share exactly the place award (coach standard)', () => {
    const splitGames = fc.constantFrom('region-games', 'region-youth-championship');
    const arb = resultArb(dateBetween('2023-02-10', '2030-12-31'), fc.constant(['head', 'original'])).chain((e) =>
      splitGames.map((games) => ({ ...e, games, disqualified: null })),
    );
    let checked = 0;
    fc.assert(
      fc.property(arb, (entry) => {
        const [outcome] = evaluateBatch([entry]).results;
        if (!outcome.eligible) return;
        checked += 1;
        const standard = outcome.lines[0].amount;
        const shares = outcome.lines.filter((l) => (l.role === 'head' || l.role === 'original') && l.basis.startsWith('第十三条'));
        expect(Math.round(shares.reduce((s, l) => s + l.amount * 100, 0))).toBe(Math.round(standard * 100));
      }),
    );
    expect(checked).toBeGreaterThan(20);
  });

  it('amounts are never negative and the total is the sum of the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(resultArb(anyDate), otherArb(anyDate)), { maxLength: 5 }), (batch) => {
        for (const outcome of evaluateBatch(batch).results) {
          for (const line of outcome.lines) expect(line.amount).toBeGreaterThan(0);
          const sum = outcome.lines.reduce((s, l) => s + Math.round(l.amount * 100), 0);
          expect(Math.round(outcome.total * 100)).toBe(sum);
          expect(outcome.eligible).toBe(outcome.lines.length > 0);
        }
      }),
    );
  });

  it('nothing dated before 2023-02-10 pays', () => {
    const before = dateBetween('2000-01-01', '2023-02-09');
    fc.assert(
      fc.property(fc.oneof(resultArb(before), otherArb(before)), (entry) => {
        const [outcome] = evaluateBatch([entry]).results;
        expect(outcome).toMatchObject({ eligible: false, lines: [], total: 0 });
        expect(outcome.reasons).toEqual([`第二十八条：${DATE_WORD[entry.kind]}日期${entry.date}早于本办法施行日期2023-02-10，不予奖励`]);
      }),
    );
  });

  it('never throws on arbitrary objects: bad input becomes reasons', () => {
    fc.assert(
      fc.property(fc.array(fc.object()), (batch) => {
        const { results } = evaluateBatch(batch);
        expect(results).toHaveLength(batch.length);
        for (const r of results) expect(r.eligible || r.reasons.length > 0).toBe(true);
      }),
    );
  });
});
