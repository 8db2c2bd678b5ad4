/**
 * The 2023 rulebook's data against the regulation's own text: every quoted article is verbatim in the
 * bundled document, and every amount and percentage in the tables is the one the article states.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseNumeral } from './citation.js';
import { formatRatio, type Fen } from './money.js';
import type { GamesRule, PlaceTable } from './rulebook.js';
import { RULEBOOK_2023 } from './rulebook-2023.js';

const documentPath = join(import.meta.dirname, '../../../assets/documents/yili-2023-government-documents.txt');
const documentText = readFileSync(documentPath, 'utf8').split('伊州政办函〔2023〕14号')[0];
const article = (n: number): string => RULEBOOK_2023.articles[n];
const lines = (n: number): string[] => article(n).split('\n');
const yuanIn = (text: string): number[] => [...text.matchAll(/(\d+)元/g)].map((m) => Number(m[1]));

function amountsOf(table: PlaceTable | undefined): number[] {
  if (table?.kind !== 'listed') throw new Error('expected a listed table');
  return table.amounts.map((fen: Fen) => fen / 100);
}

function tablesOf(rule: GamesRule) {
  if (rule.award.kind !== 'tables') throw new Error('expected tables');
  return rule.award.tables;
}

describe('rulebook 伊州政办规〔2023〕1号', () => {
  it('quotes every article verbatim from the document', () => {
    const flat = documentText.replace(/\n/g, '');
    for (const [n, text] of Object.entries(RULEBOOK_2023.articles)) {
      expect(flat, `第${chineseNumeral(Number(n))}条`).toContain(`第${chineseNumeral(Number(n))}条\u2002${text.replace(/\n/g, '')}`);
    }
  });

  it('takes its effective date from 第二十八条', () => {
    expect(article(28)).toContain('2023年2月10日');
    expect(RULEBOOK_2023.effectiveFrom).toBe('2023-02-10');
    expect(documentText).toContain(RULEBOOK_2023.docNumber);
  });

  it('has the 第八条 and 第九条 amounts the text states', () => {
    const region = tablesOf(RULEBOOK_2023.games['region-games']);
    const minority = tablesOf(RULEBOOK_2023.games['region-minority-games']);
    const youth = tablesOf(RULEBOOK_2023.games['region-youth-championship']);
    expect(amountsOf(region.individual)).toEqual(yuanIn(lines(8)[2]));
    expect(amountsOf(minority.individual)).toEqual(yuanIn(lines(8)[3]));
    expect(amountsOf(region.ballGames)).toEqual(yuanIn(lines(9)[2]));
    expect([...amountsOf(region.smallTeam), ...amountsOf(region.largeTeam)]).toEqual(yuanIn(lines(9)[3]));
    expect([...amountsOf(minority.smallTeam), ...amountsOf(minority.largeTeam)]).toEqual(yuanIn(lines(9)[4]));
    expect(amountsOf(youth.ballGames)).toEqual(yuanIn(lines(9)[6]));
    expect([...amountsOf(youth.smallTeam), ...amountsOf(youth.largeTeam)]).toEqual(yuanIn(lines(9)[7]));
  });

  it('has the percentages the text states', () => {
    const youthIndividual = tablesOf(RULEBOOK_2023.games['region-youth-championship']).individual;
    expect(youthIndividual.kind === 'scaled' && formatRatio(youthIndividual.factor.ratio)).toBe('20%');
    expect(lines(8)[4]).toContain('20%');
    for (const [games, line] of [['national', 5], ['international', 6]] as const) {
      const award = RULEBOOK_2023.games[games].award;
      expect(award.kind === 'region-award' && lines(8)[line].includes(formatRatio(award.factor.ratio))).toBe(true);
    }
    RULEBOOK_2023.coachSplit.forEach((bracket, i) => {
      expect(lines(13)[i + 1]).toContain(`现任主管教练员的奖金为该运动员（队）奖金总额的${formatRatio(bracket.head)}`);
      if (bracket.original.num > 0) expect(lines(13)[i + 1]).toContain(`原输送教练员的奖金为该运动员（队）奖金总额的${formatRatio(bracket.original)}`);
    });
    expect(article(16)).toContain(formatRatio(RULEBOOK_2023.assistant.factor.ratio));
    expect(article(17)).toContain(formatRatio(RULEBOOK_2023.countyTracking.factor.ratio));
    const coach = RULEBOOK_2023.games.national.coach;
    expect(coach.kind === 'original' && article(12).includes(formatRatio(coach.factor.ratio))).toBe(true);
  });

  it('has the fixed amounts of 第四条至第七条, 第十一条 and 第十八条', () => {
    const { selection, transfer, sportsmanship } = RULEBOOK_2023;
    expect([selection.olympics, selection.world, selection.asian, selection['other-listed']].map((a) => a.amount / 100)).toEqual(
      [4, 5, 6, 7].flatMap((n) => yuanIn(article(n))),
    );
    expect(yuanIn(article(11))).toEqual([transfer.amount / 100]);
    expect(yuanIn(article(18))).toEqual([sportsmanship.amount / 100]);
  });

  it('cites only articles it quotes', () => {
    const json = JSON.stringify(RULEBOOK_2023, (key, value: unknown) => (key === 'articles' ? undefined : value));
    const cited = [...json.matchAll(/"article":(\d+)/g)].map((m) => Number(m[1]));
    for (const n of cited) expect(RULEBOOK_2023.articles[n], `article ${n}`).toBeDefined();
  });
});
