/**
 * The award module's vocabulary (see GLOSSARY.md, 奖励办法): what a claim looks like once parsed,
 * and what the evaluator returns. Money inside the domain is integer fen; yuan appear only in JSON.
 */
import type { IsoDate } from '../shared/dates.js';
import type { Citation } from './citation.js';
import type { Fen } from './money.js';

export const RESULT_GAMES = [
  'region-games',
  'region-minority-games',
  'region-youth-championship',
  'national',
  'international',
  'prefecture-youth-games',
  'prefecture-minority-games',
] as const;
export type ResultGames = (typeof RESULT_GAMES)[number];

/** Ch. 2: 奥运会等 (第四条), 世界锦标赛等 (第五条), 亚运会等 (第六条), 本办法所列其他运动会 (第七条). */
export const SELECTION_GAMES = ['olympics', 'world', 'asian', 'other-listed'] as const;
export type SelectionGames = (typeof SELECTION_GAMES)[number];

export const ENTRY_KINDS = ['result', 'selection', 'transfer', 'sportsmanship'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const COACH_ROLES = ['head', 'original', 'assistant'] as const;
export type CoachRole = (typeof COACH_ROLES)[number];

export const COACH_ROLE_LABEL: Readonly<Record<CoachRole, string>> = {
  head: '现任主管教练员',
  original: '原培养、输送教练员',
  assistant: '助理教练员',
};

export type PayeeRole = 'athlete' | 'team' | CoachRole | 'county' | 'collective';

/** Who pays: 州财政 for everything except the county tracking award (第十七条: 由各县（市）财政承担). */
export type Funding = 'prefecture' | 'county';

/** Ch. 9 grounds: 弄虚作假、冒名顶替 (第二十一条), 兴奋剂 (第二十二条), 违法违纪、违反道德风尚 (第二十三条). */
export const DISQUALIFICATION_GROUNDS = ['fraud', 'doping', 'violation'] as const;
export type DisqualificationGround = (typeof DISQUALIFICATION_GROUNDS)[number];

export type AwardEvent = 'individual' | 'team';

export interface Athlete {
  readonly name: string;
  /** The athlete's county (原基层输送单位所在县（市）), payee of the 第十七条 tracking award. */
  readonly county: string | null;
}

export interface Coach {
  readonly name: string;
  readonly role: CoachRole;
}

interface EntryBase {
  readonly id: string;
  /** The result's date (for a selection: the selection; for a transfer: 转正). */
  readonly date: IsoDate;
  /** When the application reached 伊犁州体育局 (第十九条). */
  readonly appliedOn: IsoDate;
  readonly disqualified: DisqualificationGround | null;
  readonly athletes: readonly Athlete[];
  readonly coaches: readonly Coach[];
}

/** A placing at a games (Ch. 3–6). */
export interface ResultEntry extends EntryBase {
  readonly kind: 'result';
  readonly games: ResultGames;
  readonly event: AwardEvent;
  readonly sport: string;
  /** Athletes in the entry; 1 for an individual event. */
  readonly teamSize: number;
  /** Rank 1–8, or prize grade 1–3 (一/二/三等奖) at minority games. */
  readonly place: number;
  readonly team: string | null;
  /** The team's county for the 第十七条 award to a team of five or more; null when none is given. */
  readonly teamCounty: string | null;
  /** 进入州直体育运动队之日 (第二十七条); needed only when coaches share under 第十三条. */
  readonly enteredTeamOn: IsoDate | null;
  /** The autonomous region's award for the same national/international result (第八条第（二）（三）项). */
  readonly regionAward: Fen | null;
  /** 第十五条 extra awards (records, national first-class level); only the highest counts (第二十五条). */
  readonly extraAwards: readonly Fen[];
}

/** Officially selected for the Chinese delegation (Ch. 2). */
export interface SelectionEntry extends EntryBase {
  readonly kind: 'selection';
  readonly games: SelectionGames;
}

/** 第十一条: a delivered athlete became a regular member of a regional professional team. */
export interface TransferEntry extends EntryBase {
  readonly kind: 'transfer';
}

/** 第十八条: 体育道德风尚奖先进集体. */
export interface SportsmanshipEntry extends EntryBase {
  readonly kind: 'sportsmanship';
  readonly games: ResultGames;
  readonly team: string;
}

export type AwardEntry = ResultEntry | SelectionEntry | TransferEntry | SportsmanshipEntry;

export interface AwardLine {
  readonly payee: string;
  readonly role: PayeeRole;
  readonly amount: Fen;
  readonly funding: Funding;
  /** Citation first (第十三条第（三）项), then the arithmetic in Chinese. */
  readonly basis: string;
  /** The articles `basis` cites, as data: how the article text is found for display. */
  readonly citations: readonly Citation[];
}

export interface AwardOutcome {
  readonly id: string;
  readonly eligible: boolean;
  /** Why the entry pays nothing, or (when eligible) why an expected line is absent. */
  readonly reasons: readonly string[];
  readonly lines: readonly AwardLine[];
  /** Sum of all lines, prefecture- and county-funded. */
  readonly total: Fen;
}

/** The batch as JSON: amounts in yuan. */
export interface AwardLineJson {
  payee: string;
  role: PayeeRole;
  amount: number;
  funding: Funding;
  basis: string;
}

export interface AwardOutcomeJson {
  id: string;
  eligible: boolean;
  reasons: string[];
  lines: AwardLineJson[];
  total: number;
}

export interface AwardBatchJson {
  results: AwardOutcomeJson[];
}
