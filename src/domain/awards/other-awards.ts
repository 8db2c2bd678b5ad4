/**
 * Awards that are not for a placing: selection for the Chinese delegation (Ch. 2), delivering an
 * athlete who becomes a regular on a regional professional team (第十一条), and 体育道德风尚奖 (第十八条).
 */
import { formatCitation } from './citation.js';
import { paid, refused, type Assessment } from './assessment.js';
import type { Rulebook } from './rulebook.js';
import { makeLine, type Term } from './term.js';
import { COACH_ROLE_LABEL, type SelectionEntry, type SportsmanshipEntry, type TransferEntry } from './types.js';

/** 第四条至第七条: each athlete and each original (delivering) coach, the same amount. */
export function assessSelection(entry: SelectionEntry, book: Rulebook): Assessment {
  const award = book.selection[entry.games];
  const term: Term = { base: award.amount, baseLabel: award.label, factors: [] };
  const originals = entry.coaches.filter((c) => c.role === 'original');
  const payees = [
    ...entry.athletes.map((a) => ({ payee: a.name, role: 'athlete' as const })),
    ...originals.map((c) => ({ payee: c.name, role: 'original' as const })),
  ];
  if (payees.length === 0) return refused('athletes：须列出入选的运动员或原培养、输送教练员');
  const others = entry.coaches.filter((c) => c.role !== 'original');
  const notes = others.map((c) => `${formatCitation(award.citation)}：只奖励运动员和原培养、输送教练员，${COACH_ROLE_LABEL[c.role]}${c.name}不计发`);
  return paid(
    payees.map((p) => makeLine(term, [award.citation], p, book.rounding)),
    notes,
  );
}

/** 第十一条: the delivering coach, once per athlete who became a regular. */
export function assessTransfer(entry: TransferEntry, book: Rulebook): Assessment {
  const award = book.transfer;
  const cited = formatCitation(award.citation);
  const originals = entry.coaches.filter((c) => c.role === 'original');
  if (originals.length !== 1) return refused(`coaches：${cited}奖励输送该运动员的教练员，须填写且只填写一名原培养、输送教练员（original）`);
  if (entry.athletes.length === 0) return refused(`athletes：${cited}须填写转正的运动员`);
  const coach = originals[0];
  return paid(
    entry.athletes.map((a) =>
      makeLine({ base: award.amount, baseLabel: `${award.label}（${a.name}）`, factors: [] }, [award.citation], { payee: coach.name, role: 'original' }, book.rounding),
    ),
  );
}

/** 第十八条: the collective named 体育道德风尚奖先进集体 at a region-level games. */
export function assessSportsmanship(entry: SportsmanshipEntry, book: Rulebook): Assessment {
  const award = book.sportsmanship;
  if (!award.games.includes(entry.games)) {
    const games = award.games.map((g) => book.games[g].label).join('、');
    return refused(`${formatCitation(award.citation)}：${award.label}只适用于${games}`);
  }
  const term: Term = { base: award.amount, baseLabel: `${book.games[entry.games].label}${award.label}`, factors: [] };
  return paid([makeLine(term, [award.citation], { payee: entry.team, role: 'collective' }, book.rounding)]);
}
