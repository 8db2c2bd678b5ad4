import type { IsoDate } from '../shared/dates.js';

/** A quantitative 目标任务 phrase: 5.09万人 → value 50900, unit 人. */
export interface Target {
  /** The quantity as written: 5.09万人, 38.3万农村人口, 247个. */
  text: string;
  value: number;
  unit: string;
  /** The clause it stands in: 全年实现脱贫人口务工规模不低于5.09万人. */
  context: string;
}

/** An amount of money in a measure, exact in fen. */
export interface Funding {
  /** The clause up to the amount: 投入资金4080万元, 每个托位1万元, 改造标准3500元/户. */
  text: string;
  fen: number;
  /** Per what, when it is a rate: 户 (3500元/户), 托位 (每个托位1万元); null for a total. */
  per: string | null;
}

/**
 * A dated step in a measure's text. `date` is the day it falls due: the day named, or the last
 * day of the month for 月底 / a bare month, or 12月31日 for 年底 / 年内.
 *   on: 3月20日全部开工 · by: 4月20日前…, 9月底前…, 年底… · during: 4月项目顺利开工, 5月至8月底…
 */
export interface Milestone {
  text: string;
  date: IsoDate;
  kind: 'on' | 'by' | 'during';
  /** First day of a period (5月至8月底 → 5月1日). */
  from?: IsoDate;
}

/** One leader named in a measure: 州卫生健康委党组副书记、主任刘婉琳 → {州卫生健康委, 党组副书记、主任, 刘婉琳}. */
export interface LeaderRef {
  /** The unit the leader belongs to: stated in the text, or the measure's only unit; null when unclear. */
  unit: string | null;
  /** The post(s) as written, without the unit when the text starts with it. */
  title: string;
  name: string;
}

/** 工作措施. */
export interface Measure {
  no: number;
  /** The measure's text without its number and without the closing （…负责…） parenthesis. */
  text: string;
  /** 州卫生健康委、教育局负责 → [州卫生健康委, 州教育局]. */
  units: string[];
  /** 牵头领导 as written (several leaders for several units kept in one string). */
  leadLeader: string | null;
  leadLeaders: LeaderRef[];
  /** 责任领导 as written; null when the measure names none. */
  responsibleLeader: string | null;
  responsibleLeaders: LeaderRef[];
  /** 完成时限; null for 全年持续推进 (continuous). */
  deadline: IsoDate | null;
  deadlineText: string | null;
  fundings: Funding[];
  milestones: Milestone[];
}

/** 民生实事. */
export interface LivelihoodProject {
  no: number;
  title: string;
  /** The 目标任务 paragraph as written. */
  targetText: string;
  targets: Target[];
  /** Amounts in the 目标任务 paragraph itself: 改造标准3500元/户，共计175万元. */
  fundings: Funding[];
  measures: Measure[];
}

export interface LivelihoodPlan {
  year: number;
  projects: LivelihoodProject[];
}
