/**
 * A term is how a line's amount is built: a base amount and the shares applied to it, e.g.
 * 区运会个人第1名 20000元 × 区青少年锦标赛 20% × 现任主管教练员 80%. The amount is computed once, with the
 * rulebook's single rounding step, and the same term renders the Chinese explanation.
 */
import { formatCitations, chineseNumeral, type Citation } from './citation.js';
import { applyRatio, formatRatio, formatYuan, multiplyRatios, type Fen, type Rounding } from './money.js';
import type { Factor, PlaceTable } from './rulebook.js';
import type { AwardLine, Funding, PayeeRole } from './types.js';

export interface Term {
  readonly base: Fen;
  readonly baseLabel: string;
  readonly factors: readonly Factor[];
}

export function withFactor(term: Term, factor: Factor): Term {
  return { base: term.base, baseLabel: term.baseLabel, factors: [...term.factors, factor] };
}

export function amountOf(term: Term, rounding: Rounding): Fen {
  return applyRatio(term.base, multiplyRatios(term.factors.map((f) => f.ratio)), rounding);
}

export function explain(term: Term, amount: Fen): string {
  const factors = term.factors.map((f) => ` × ${f.label} ${formatRatio(f.ratio)}${f.note ? `（${f.note}）` : ''}`);
  const result = factors.length > 0 ? ` = ${formatYuan(amount)}元` : '';
  return `${term.baseLabel} ${formatYuan(term.base)}元${factors.join('')}${result}`;
}

export interface Payee {
  readonly payee: string;
  readonly role: PayeeRole;
  readonly funding?: Funding;
}

/** A finished output line: amount from the term, basis = citations + explanation. */
export function makeLine(term: Term, citations: readonly Citation[], payee: Payee, rounding: Rounding): AwardLine {
  const amount = amountOf(term, rounding);
  return {
    payee: payee.payee,
    role: payee.role,
    amount,
    funding: payee.funding ?? 'prefecture',
    basis: `${formatCitations(citations)}：${explain(term, amount)}`,
    citations,
  };
}

/** 第3名, or 一等奖 at minority games. */
export function placeText(table: PlaceTable, place: number): string {
  if (table.placeWord === 'grade') return place <= 99 ? `${chineseNumeral(place)}等奖` : `第${place}等奖`;
  return `第${place}名`;
}

export function placeCount(table: PlaceTable): number {
  return table.kind === 'listed' ? table.amounts.length : (table.places ?? placeCount(table.from));
}

/** The awarded places of a table in words: 前八名, 一等奖至三等奖. */
export function awardedPlacesText(table: PlaceTable): string {
  const n = placeCount(table);
  return table.placeWord === 'grade' ? `一等奖至${chineseNumeral(n)}等奖` : `前${chineseNumeral(n)}名`;
}

/** The award for a place, as a term; null when the table has none for that place. */
export function placeTerm(table: PlaceTable, place: number): Term | null {
  if (place > placeCount(table)) return null;
  if (table.kind === 'listed') {
    const label = `${table.label}${placeText(table, place)}${table.suffix ?? ''}`;
    return { base: table.amounts[place - 1], baseLabel: label, factors: [] };
  }
  const inner = placeTerm(table.from, place);
  return inner && withFactor(inner, table.factor);
}
