/**
 * The shape of a rulebook (奖励办法, one per regulation version). A rulebook is plain data: amounts in
 * fen, shares as ratios, citations and article text. The evaluator reads it and knows no amount.
 */
import type { IsoDate } from '../shared/dates.js';
import type { Citation } from './citation.js';
import type { Fen, Ratio, Rounding } from './money.js';
import type { DisqualificationGround, ResultGames, SelectionGames } from './types.js';

/** A named share applied to an amount, shown in the explanation as `× 现任主管教练员 80%（培训满二年不满三年）`. */
export interface Factor {
  readonly label: string;
  readonly ratio: Ratio;
  readonly note?: string;
}

/** Awards by place: rank (第1名) or prize grade (一等奖). */
export type PlaceTable = ListedPlaceTable | ScaledPlaceTable;

interface PlaceTableBase {
  /** Used in reasons, e.g. 区青少年锦标赛个人. */
  readonly label: string;
  readonly citation: Citation;
  readonly placeWord: 'rank' | 'grade';
  /** True when each athlete of the entry receives the amount (individual, teams of 1–4). */
  readonly perAthlete: boolean;
  /** Shown after the place in explanations, e.g. 每人 for per-athlete team tables. */
  readonly suffix?: string;
}

export interface ListedPlaceTable extends PlaceTableBase {
  readonly kind: 'listed';
  /** amounts[place - 1]; places beyond the list have no award. */
  readonly amounts: readonly Fen[];
}

/** A table defined as a share of another (第八条第（一）项第3目, 第十条). */
export interface ScaledPlaceTable extends PlaceTableBase {
  readonly kind: 'scaled';
  readonly from: PlaceTable;
  readonly factor: Factor;
  /** How many places are awarded; defaults to the places of `from`. */
  readonly places?: number;
}

/** The four tables of a games: which applies is decided by event, sport and team size (第九条). */
export interface PlaceTables {
  readonly individual: PlaceTable;
  /** Teams of 1–`smallTeamMax`: each athlete is paid. */
  readonly smallTeam: PlaceTable;
  /** Teams above `smallTeamMax`: one team amount. */
  readonly largeTeam: PlaceTable;
  /** 足球、篮球、排球 (第九条第（一）项第1目, 第（三）项第1目); absent where the text has none. */
  readonly ballGames?: PlaceTable;
}

/** National and international results: a share of the autonomous region's own award. */
export interface RegionAwardShare {
  readonly citation: Citation;
  readonly factor: Factor;
}

/**
 * How coaches are paid at a games. `unpaidNote` explains, in the entry's reasons, why a listed coach
 * whose role this rule does not pay gets no line.
 */
export type CoachRule =
  /** 第十三条: the athlete's standard, split between head and original coach by training years. */
  | { readonly kind: 'split' }
  /** 第十四条: the head coach gets a share of the standard, no split; assistants 第十六条. */
  | { readonly kind: 'head'; readonly citation: Citation; readonly factor: Factor; readonly unpaidNote: string }
  /** 第十二条: the original (delivering) coach gets a share of the athlete's award. */
  | { readonly kind: 'original'; readonly citation: Citation; readonly factor: Factor; readonly unpaidNote: string }
  /** 第十条: no coach award. */
  | { readonly kind: 'none'; readonly citation: Citation; readonly unpaidNote: string };

export interface GamesRule {
  /** 区运会, 国内大型运动会 …, used in reasons. */
  readonly label: string;
  readonly award: { readonly kind: 'tables'; readonly tables: PlaceTables } | ({ readonly kind: 'region-award' } & RegionAwardShare);
  readonly coach: CoachRule;
}

/** One bracket of 第十三条: from `minYears` full years of training. */
export interface SplitBracket {
  readonly minYears: number;
  readonly citation: Citation;
  /** 培训不满一年 …, shown in the explanation. */
  readonly label: string;
  readonly head: Ratio;
  readonly original: Ratio;
}

export interface FixedAward {
  readonly amount: Fen;
  readonly citation: Citation;
  readonly label: string;
}

export interface Rulebook {
  readonly docNumber: string;
  readonly title: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveCitation: Citation;
  readonly rounding: Rounding;
  /** Verbatim text of the articles the rules use, keyed by article number. */
  readonly articles: Readonly<Record<number, string>>;
  /**
   * 第十九条: months after the result within which the application must arrive, and the days of the
   * public notice (公示) before the list goes to the prefecture government.
   */
  readonly application: { readonly months: number; readonly noticeDays: number; readonly citation: Citation };
  readonly disqualification: Readonly<Record<DisqualificationGround, { readonly citation: Citation; readonly label: string }>>;
  readonly selection: Readonly<Record<SelectionGames, FixedAward>>;
  readonly transfer: FixedAward;
  readonly sportsmanship: FixedAward & { readonly games: readonly ResultGames[] };
  /** 第九条: the largest team paid per athlete, and the ball games with their own table. */
  readonly teams: { readonly smallTeamMax: number; readonly ballGames: readonly string[] };
  readonly games: Readonly<Record<ResultGames, GamesRule>>;
  readonly coachSplit: readonly SplitBracket[];
  /** 第十六条: the assistant coach's share of the head coach's amount. */
  readonly assistant: { readonly citation: Citation; readonly factor: Factor };
  /** 第十七条: county tracking award. */
  readonly countyTracking: {
    readonly games: readonly ResultGames[];
    readonly maxPlace: number;
    readonly citation: Citation;
    readonly factor: Factor;
  };
  /** 第十五条 with 第二十五条: extra awards for athlete and coach. */
  readonly extraAwards: {
    readonly games: readonly ResultGames[];
    readonly citation: Citation;
    /** 第二十五条: several extra awards in one result: only the highest counts. */
    readonly highestOnlyCitation: Citation;
    readonly label: string;
  };
}

/** The version in force on `date`: the latest whose effectiveFrom is on or before it. */
export function rulebookInForce(rulebooks: readonly Rulebook[], date: IsoDate): Rulebook | null {
  let best: Rulebook | null = null;
  for (const book of rulebooks) {
    if (book.effectiveFrom <= date && (best === null || book.effectiveFrom > best.effectiveFrom)) best = book;
  }
  return best;
}
