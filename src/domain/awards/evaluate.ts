/**
 * The evaluator: picks the rulebook version in force on the entry's date, applies the gates every
 * award shares (施行日期, Ch. 9 取消奖励, 第十九条 six-month application) and then the award's own rule.
 * Pure: the date to judge by is in the entry; no clock is read.
 */
import { addMonths } from '../shared/dates.js';
import { chineseNumeral, formatCitation } from './citation.js';
import type { Assessment } from './assessment.js';
import { InexactAmountError, toYuan } from './money.js';
import { assessSelection, assessSportsmanship, assessTransfer } from './other-awards.js';
import { parseAwardBatch } from './parse.js';
import { assessResult } from './result-award.js';
import { rulebookInForce, type Rulebook } from './rulebook.js';
import { RULEBOOKS } from './rulebook-2023.js';
import type { AwardBatchJson, AwardEntry, AwardOutcome, AwardOutcomeJson, EntryKind } from './types.js';

const DATE_WORD: Record<EntryKind, string> = {
  result: '成绩日期',
  selection: '入选日期',
  transfer: '转正日期',
  sportsmanship: '评选日期',
};

function ineligible(id: string, reasons: readonly string[]): AwardOutcome {
  return { id, eligible: false, reasons, lines: [], total: 0 };
}

function notInForce(entry: AwardEntry, rulebooks: readonly Rulebook[]): string {
  if (rulebooks.length === 0) return '没有可适用的奖励办法';
  const first = rulebooks.reduce((a, b) => (b.effectiveFrom < a.effectiveFrom ? b : a));
  return `${formatCitation(first.effectiveCitation)}：${DATE_WORD[entry.kind]}${entry.date}早于本办法施行日期${first.effectiveFrom}，不予奖励`;
}

/** Gates that refuse the whole entry under the rulebook in force. */
function gateReasons(entry: AwardEntry, book: Rulebook): string[] {
  const reasons: string[] = [];
  if (entry.disqualified !== null) {
    const ground = book.disqualification[entry.disqualified];
    reasons.push(`${formatCitation(ground.citation)}：${ground.label}，不予奖励`);
  }
  const { months, citation } = book.application;
  const lastDay = addMonths(entry.date, months);
  if (entry.appliedOn > lastDay) {
    reasons.push(
      `${formatCitation(citation)}：申请日期${entry.appliedOn}晚于${DATE_WORD[entry.kind]}${entry.date}起${chineseNumeral(months)}个月的最后一日${lastDay}，不予奖励`,
    );
  }
  return reasons;
}

function assess(entry: AwardEntry, book: Rulebook): Assessment {
  switch (entry.kind) {
    case 'result':
      return assessResult(entry, book);
    case 'selection':
      return assessSelection(entry, book);
    case 'transfer':
      return assessTransfer(entry, book);
    case 'sportsmanship':
      return assessSportsmanship(entry, book);
  }
}

/** Evaluates one parsed entry under the rulebook version in force on its date. Amounts in fen. */
export function evaluate(entry: AwardEntry, rulebooks: readonly Rulebook[]): AwardOutcome {
  const book = rulebookInForce(rulebooks, entry.date);
  if (book === null) return ineligible(entry.id, [notInForce(entry, rulebooks)]);
  const gates = gateReasons(entry, book);
  if (gates.length > 0) return ineligible(entry.id, gates);
  let assessment: Assessment;
  try {
    assessment = assess(entry, book);
  } catch (error) {
    if (error instanceof InexactAmountError) return ineligible(entry.id, [`金额计算：${error.message}`]);
    throw error;
  }
  if (assessment.kind === 'refused') return ineligible(entry.id, assessment.reasons);
  const total = assessment.lines.reduce((sum, line) => sum + line.amount, 0);
  return { id: entry.id, eligible: true, reasons: assessment.notes, lines: assessment.lines, total };
}

/** Output boundary: fen → yuan. */
export function outcomeToJson(outcome: AwardOutcome): AwardOutcomeJson {
  return {
    id: outcome.id,
    eligible: outcome.eligible,
    reasons: [...outcome.reasons],
    lines: outcome.lines.map((l) => ({ payee: l.payee, role: l.role, amount: toYuan(l.amount), funding: l.funding, basis: l.basis })),
    total: toYuan(outcome.total),
  };
}

/** Parses and evaluates a whole batch; throws only when the batch is not an array of objects. */
export function evaluateBatch(json: unknown, rulebooks: readonly Rulebook[] = RULEBOOKS): AwardBatchJson {
  const results = parseAwardBatch(json).map((parsed) =>
    outcomeToJson(parsed.entry === null ? ineligible(parsed.id, parsed.problems) : evaluate(parsed.entry, rulebooks)),
  );
  return { results };
}
