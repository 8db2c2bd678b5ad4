/** 议事协调机构 and their people, as read from 公文 (Popolo: Organization, Post, Membership). */

export type Rank = 'leader' | 'deputy' | 'member';

/** 组成人员: the document's own role word (指挥长, 第一副组长, 委员…) and its rank. */
export interface Member {
  readonly name: string;
  readonly role: string;
  readonly rank: Rank;
  /** Wrapped lines joined, whitespace removed, brackets normalised (see normalizePosition). */
  readonly position: string;
  readonly line: number;
}

/** 办公室主任 / 副主任: named (王沛昭同志) or by post (州社科联专职副主席), resolved when possible. */
export interface OfficeHolder {
  readonly name: string | null;
  readonly position: string | null;
}

/** The body's working office (办公室), housed in a unit. */
export interface BodyOffice {
  readonly unit: string;
  readonly director: OfficeHolder | null;
  readonly deputyDirectors: readonly OfficeHolder[];
  readonly line: number;
}

/** 联络员: one per member unit; `unit` is the member unit the position starts with. */
export interface Liaison {
  readonly name: string;
  readonly position: string;
  readonly unit: string;
  readonly line: number;
}

export interface CoordinationBody {
  readonly name: string;
  readonly members: readonly Member[];
  readonly office: BodyOffice | null;
  readonly liaisons: readonly Liaison[];
  /** 联络员工作职责, one string per numbered duty. */
  readonly liaisonDuties: readonly string[];
  /** 自动递补: a seat follows the post, so a change of holder needs no new document. */
  readonly automaticSuccession: boolean;
  /** Line of the heading that names the body. */
  readonly line: number;
}
