/**
 * Rulebook for 伊州政办规〔2023〕1号, in force from 2023-02-10 (第二十八条). Data only: amounts in fen,
 * shares as ratios, and next to each rule the office's reading where the text is open.
 * See README.md in this folder for the same interpretations in prose.
 */
import { cite } from './citation.js';
import { percent, type Fen } from './money.js';
import type { GamesRule, ListedPlaceTable, PlaceTable, PlaceTables, Rulebook, ScaledPlaceTable } from './rulebook.js';
import { ARTICLES_2023 } from './rulebook-2023-articles.js';
import type { ResultGames } from './types.js';

const yuan = (...amounts: number[]): Fen[] => amounts.map((a) => a * 100);

function listed(label: string, citation: ReturnType<typeof cite>, amounts: Fen[], opts: Partial<ListedPlaceTable> = {}): ListedPlaceTable {
  return { kind: 'listed', label, citation, amounts, placeWord: 'rank', perAthlete: false, ...opts };
}

const perEach = { perAthlete: true, suffix: '每人' } as const;

// 第八条第（一）项, 第九条第（一）项: 区运会.
const regionIndividual = listed('区运会个人', cite(8, 1, 1), yuan(20000, 12000, 6000, 1000, 800, 700, 600, 500), { perAthlete: true });
const regionGamesTables: PlaceTables = {
  individual: regionIndividual,
  ballGames: listed('区运会足球、篮球、排球', cite(9, 1, 1), yuan(60000, 40000, 30000, 10000, 8000, 7000, 6000, 5000)),
  // Interpretation 1: "四人以下团体项目（含四人）" = teams of 1–4, each athlete paid; "四人以上" = 5 or more, one team amount.
  smallTeam: listed('区运会四人以下团体', cite(9, 1, 2), yuan(20000, 12000, 6000, 1000, 800, 700, 600, 500), perEach),
  largeTeam: listed('区运会四人以上团体', cite(9, 1, 2), yuan(30000, 20000, 15000, 5000, 4000, 3500, 3000, 2500)),
};

// 第八条第（一）项第2目, 第九条第（二）项: prizes 一/二/三等奖 = place 1/2/3. The text has no ball-game table
// here, so 足球、篮球、排球 at minority games fall under the team-size tables.
const grade = { placeWord: 'grade' } as const;
const minorityGamesTables: PlaceTables = {
  individual: listed('区少数民族传统体育运动会个人', cite(8, 1, 2), yuan(15000, 8000, 5000), { ...grade, perAthlete: true }),
  smallTeam: listed('区少数民族传统体育运动会4人以下团体', cite(9, 2), yuan(15000, 8000, 5000), { ...grade, ...perEach }),
  largeTeam: listed('区少数民族传统体育运动会4人以上团体', cite(9, 2), yuan(30000, 20000, 15000), grade),
};

// 第八条第（一）项第3目: individual = 20% of the 区运会 table, top three only. 第九条第（三）项: own team tables,
// top three only; ball games have their own table here too.
const youthIndividual: ScaledPlaceTable = {
  kind: 'scaled',
  label: '区青少年锦标赛个人',
  citation: cite(8, 1, 3),
  placeWord: 'rank',
  perAthlete: true,
  from: regionIndividual,
  factor: { label: '区青少年锦标赛', ratio: percent(20) },
  places: 3,
};
const youthChampionshipTables: PlaceTables = {
  individual: youthIndividual,
  ballGames: listed('区青少年锦标赛足球、篮球、排球', cite(9, 3, 1), yuan(20000, 10000, 8000)),
  smallTeam: listed('区青少年锦标赛四人以下团体', cite(9, 3, 2), yuan(4000, 2400, 1200), perEach),
  largeTeam: listed('区青少年锦标赛四人以上团体', cite(9, 3, 2), yuan(10000, 5000, 4000)),
};

/** 第十条: a prefecture-level games pays 20% of the corresponding region-level table. */
function prefectureTables(label: string, region: PlaceTables): PlaceTables {
  const scale = (t: PlaceTable, kind: string): ScaledPlaceTable => ({
    kind: 'scaled',
    label: `${label}${kind}`,
    citation: cite(10),
    placeWord: t.placeWord,
    perAthlete: t.perAthlete,
    from: t,
    factor: { label, ratio: percent(20) },
  });
  return {
    individual: scale(region.individual, '个人'),
    smallTeam: scale(region.smallTeam, '四人以下团体'),
    largeTeam: scale(region.largeTeam, '四人以上团体'),
    ...(region.ballGames ? { ballGames: scale(region.ballGames, '足球、篮球、排球') } : {}),
  };
}

const tables = (t: PlaceTables) => ({ kind: 'tables', tables: t }) as const;
const split = { kind: 'split' } as const;
// Interpretation 6: the 第十二条 coach gets 10% of the prefecture's award to that athlete (or team), once.
const deliveringCoach = {
  kind: 'original',
  citation: cite(12),
  factor: { label: '原输送教练员', ratio: percent(10) },
  unpaidNote: '国内、国际大型运动会只奖励原培养、输送教练员',
} as const;
// 第十条 awards athletes and teams only.
const noCoach = { kind: 'none', citation: cite(10), unpaidNote: '自治州层级运动会只奖励运动员（队）' } as const;

const games: Record<ResultGames, GamesRule> = {
  'region-games': { label: '区运会', award: tables(regionGamesTables), coach: split },
  // Interpretation 3 (第十四条): the head coach gets 100% of the per-athlete or team award; no split.
  'region-minority-games': {
    label: '区少数民族传统体育运动会',
    award: tables(minorityGamesTables),
    coach: {
      kind: 'head',
      citation: cite(14),
      factor: { label: '主管教练员', ratio: percent(100) },
      unpaidNote: '教练员奖金归现任主管教练员，不按培训时间分配',
    },
  },
  'region-youth-championship': { label: '区青少年锦标赛', award: tables(youthChampionshipTables), coach: split },
  // 第八条第（二）（三）项: a share of the region's award for the same result (regionAward).
  national: {
    label: '国内大型运动会',
    award: { kind: 'region-award', citation: cite(8, 2), factor: { label: '国内大型运动会', ratio: percent(20) } },
    coach: deliveringCoach,
  },
  international: {
    label: '国际大型运动会',
    award: { kind: 'region-award', citation: cite(8, 3), factor: { label: '国际大型运动会', ratio: percent(30) } },
    coach: deliveringCoach,
  },
  // Interpretation 7: 州青少年运动会 ↔ 区运会 (the region's comprehensive games, which hold youth events);
  // 州少数民族传统体育运动会 ↔ 区少数民族传统体育运动会. No coach lines, no county award (第十七条 lists region games).
  'prefecture-youth-games': { label: '州青少年运动会', award: tables(prefectureTables('州青少年运动会', regionGamesTables)), coach: noCoach },
  'prefecture-minority-games': {
    label: '州少数民族传统体育运动会',
    award: tables(prefectureTables('州少数民族传统体育运动会', minorityGamesTables)),
    coach: noCoach,
  },
};

const regionLevel = ['region-games', 'region-minority-games', 'region-youth-championship'] as const;

export const RULEBOOK_2023: Rulebook = {
  docNumber: '伊州政办规〔2023〕1号',
  title: '伊犁哈萨克自治州参赛各类大型运动会奖励办法',
  effectiveFrom: '2023-02-10',
  effectiveCitation: cite(28),
  // Whole-yuan inputs always come out in whole fen, so this regulation needs no rounding.
  rounding: { mode: 'exact' },
  articles: ARTICLES_2023,
  // 第十九条: the application must arrive within six months; the last day is the corresponding date
  // six months later (Civil Code art. 203). A late application is not eligible. 进行7天公示: see procedure.ts.
  application: { months: 6, noticeDays: 7, citation: cite(19) },
  disqualification: {
    fraud: { citation: cite(21), label: '以弄虚作假、冒名顶替等不正当手段获取奖励名次' },
    doping: { citation: cite(22), label: '涉及使用兴奋剂被查处' },
    violation: { citation: cite(23), label: '比赛中违法违纪、违反体育道德风尚评选条件或社会公德' },
  },
  selection: {
    olympics: { amount: 1_000_000, citation: cite(4), label: '入选中国体育代表团参赛奥运会、残奥会、冬奥会、冬残奥会' },
    world: { amount: 700_000, citation: cite(5), label: '入选中国体育代表团参赛世界各单项锦标（杯）赛、世界杯赛、青奥会' },
    asian: { amount: 500_000, citation: cite(6), label: '入选中国体育代表团参赛亚运会、亚冬会、亚洲锦标（杯）赛' },
    'other-listed': { amount: 200_000, citation: cite(7), label: '入选中国体育代表团参赛本办法所列其他运动会' },
  },
  transfer: { amount: 500_000, citation: cite(11), label: '输送运动员到自治区专业队转正' },
  sportsmanship: { amount: 200_000, citation: cite(18), label: '体育道德风尚奖先进集体', games: regionLevel },
  teams: { smallTeamMax: 4, ballGames: ['足球', '篮球', '排球'] },
  games,
  // Interpretation 2 (第十三条, 第二十七条): full years from entering the team to the result date.
  coachSplit: [
    { minYears: 0, citation: cite(13, 1), label: '培训不满一年', head: percent(30), original: percent(70) },
    { minYears: 1, citation: cite(13, 2), label: '培训满一年不满二年', head: percent(60), original: percent(40) },
    { minYears: 2, citation: cite(13, 3), label: '培训满二年不满三年', head: percent(80), original: percent(20) },
    { minYears: 3, citation: cite(13, 4), label: '培训满三年以上', head: percent(100), original: percent(0) },
  ],
  // Interpretation 4 (第十六条): 60% of the head coach's amount after the split.
  assistant: { citation: cite(16), factor: { label: '助理教练员', ratio: percent(60) } },
  // Interpretation 5 (第十七条): 20% of each top-3 place award, to each athlete's county (individual,
  // teams of 1–4) or to the team's county (teams of 5+, ball games) when one is given. Extra awards excluded.
  countyTracking: { games: regionLevel, maxPlace: 3, citation: cite(17), factor: { label: '县（市）追踪奖', ratio: percent(20) } },
  // 第十五条 with 第二十五条: the athlete gets the highest extra award; the coach the same standard,
  // shared between head and original coach exactly as the place award (第十三条), assistants 60%.
  extraAwards: {
    games: ['region-games', 'region-youth-championship'],
    citation: cite(15),
    highestOnlyCitation: cite(25),
    label: '追加奖励',
  },
};

export const RULEBOOKS: readonly Rulebook[] = [RULEBOOK_2023];
