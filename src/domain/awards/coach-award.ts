/**
 * Coach lines for a result (第十二条 to 第十六条). The coach standard is the athlete's (or team's)
 * standard, once per result: for a team of 1–4 the per-athlete amount, not multiplied by team size.
 */
import { fullYearsBetween } from '../shared/dates.js';
import { formatCitation, type Citation } from './citation.js';
import { formatRatio } from './money.js';
import type { Factor, Rulebook, SplitBracket } from './rulebook.js';
import { makeLine, withFactor, type Term } from './term.js';
import { COACH_ROLE_LABEL, type AwardLine, type Coach, type CoachRole, type ResultEntry } from './types.js';

/** A standard the coaches share: the place award, and the 第十五条 extra award when there is one. */
export interface CoachStandard {
  readonly term: Term;
  /** Articles granting this standard to coaches beyond the sharing rule itself (e.g. 第十五条). */
  readonly citations: readonly Citation[];
}

export type CoachOutcome = { readonly lines: AwardLine[]; readonly notes: string[] } | { readonly refused: string };

const coachesWith = (entry: ResultEntry, role: CoachRole): Coach[] => entry.coaches.filter((c) => c.role === role);

/** 第十三条 with 第二十七条: the bracket for the full years from entering the team to the result. */
export function splitBracket(book: Rulebook, enteredTeamOn: string, resultDate: string): SplitBracket {
  const years = fullYearsBetween(enteredTeamOn, resultDate);
  let chosen = book.coachSplit[0];
  for (const bracket of book.coachSplit) if (bracket.minYears <= years) chosen = bracket;
  return chosen;
}

/** A reason for each listed coach whose role the rule does not pay. */
function unpaidNotes(entry: ResultEntry, paidRoles: readonly CoachRole[], prefix: string): string[] {
  return entry.coaches.filter((c) => !paidRoles.includes(c.role)).map((c) => `${prefix}，${COACH_ROLE_LABEL[c.role]}${c.name}不计发`);
}

export function coachLines(entry: ResultEntry, book: Rulebook, standards: readonly CoachStandard[]): CoachOutcome {
  const rule = book.games[entry.games].coach;
  if (entry.coaches.length === 0) return { lines: [], notes: [] };
  if (rule.kind === 'split') return splitLines(entry, book, standards);
  const prefix = `${formatCitation(rule.citation)}：${rule.unpaidNote}`;
  if (rule.kind === 'none') return { lines: [], notes: unpaidNotes(entry, [], prefix) };
  const lines: AwardLine[] = [];
  const line = (term: Term, citations: Citation[], coach: Coach) =>
    lines.push(makeLine(term, citations, { payee: coach.name, role: coach.role }, book.rounding));
  for (const s of standards) {
    const term = withFactor(s.term, rule.factor);
    if (rule.kind === 'original') {
      for (const coach of coachesWith(entry, 'original')) line(term, [...s.citations, rule.citation], coach);
      continue;
    }
    for (const coach of coachesWith(entry, 'head')) line(term, [...s.citations, rule.citation], coach);
    const assistantTerm = withFactor(term, book.assistant.factor);
    for (const coach of coachesWith(entry, 'assistant')) line(assistantTerm, [book.assistant.citation, ...s.citations], coach);
  }
  const paidRoles: CoachRole[] = rule.kind === 'original' ? ['original'] : ['head', 'assistant'];
  return { lines, notes: unpaidNotes(entry, paidRoles, prefix) };
}

function splitLines(entry: ResultEntry, book: Rulebook, standards: readonly CoachStandard[]): CoachOutcome {
  if (entry.enteredTeamOn === null) {
    const article = formatCitation({ article: book.coachSplit[0].citation.article });
    return { refused: `enteredTeamOn：${article}按培训时间分配教练员奖金，须填写进入州直体育运动队日期（第二十七条）` };
  }
  const bracket = splitBracket(book, entry.enteredTeamOn, entry.date);
  const head: Factor = { label: '现任主管教练员', ratio: bracket.head, note: bracket.label };
  const original: Factor = { label: '原输送教练员', ratio: bracket.original, note: bracket.label };
  const originalDue = bracket.original.num > 0;
  const lines: AwardLine[] = [];
  const line = (term: Term, citations: Citation[], coach: Coach) =>
    lines.push(makeLine(term, citations, { payee: coach.name, role: coach.role }, book.rounding));
  for (const s of standards) {
    for (const coach of coachesWith(entry, 'head')) line(withFactor(s.term, head), [...s.citations, bracket.citation], coach);
    if (originalDue) {
      for (const coach of coachesWith(entry, 'original')) line(withFactor(s.term, original), [...s.citations, bracket.citation], coach);
    }
    const assistantTerm = withFactor(withFactor(s.term, head), book.assistant.factor);
    for (const coach of coachesWith(entry, 'assistant')) line(assistantTerm, [book.assistant.citation, ...s.citations], coach);
  }
  return { lines, notes: splitNotes(entry, bracket) };
}

/** Why a share of 第十三条 has no line: its coach is not listed, or (满三年) the original coach gets none. */
function splitNotes(entry: ResultEntry, bracket: SplitBracket): string[] {
  const cited = `${formatCitation(bracket.citation)}：`;
  const notes: string[] = [];
  if (coachesWith(entry, 'head').length === 0) {
    notes.push(`${cited}现任主管教练员应得${formatRatio(bracket.head)}，未填写现任主管教练员（head），不计发`);
  }
  if (bracket.original.num === 0) {
    notes.push(...unpaidNotes(entry, ['head', 'assistant'], `${cited}${bracket.label}，奖金全部归现任主管教练员`));
  } else if (coachesWith(entry, 'original').length === 0) {
    notes.push(`${cited}原输送教练员应得${formatRatio(bracket.original)}，未填写原输送教练员（original），不计发`);
  }
  return notes;
}
