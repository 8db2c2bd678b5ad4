/**
 * Awards for a placing (Ch. 3–6): the athlete or team award, the county tracking award (第十七条),
 * the 第十五条 extra award, and the coach lines. Amounts come only from the rulebook.
 */
import { formatCitation, type Citation } from './citation.js';
import { paid, refused, type Assessment } from './assessment.js';
import { coachLines, type CoachStandard } from './coach-award.js';
import { formatRatio } from './money.js';
import type { PlaceTable, PlaceTables, Rulebook } from './rulebook.js';
import { awardedPlacesText, makeLine, placeTerm, placeText, withFactor, type Payee, type Term } from './term.js';
import type { AwardLine, ResultEntry } from './types.js';

/** The award each payee receives for the place, and whether the payees are the athletes or the team. */
interface Standard {
  readonly term: Term;
  readonly citations: readonly Citation[];
  readonly perAthlete: boolean;
}

/** 第九条: ball games have their own table where the text gives one; otherwise team size decides. */
function tableFor(tables: PlaceTables, entry: ResultEntry, book: Rulebook): PlaceTable {
  if (entry.event === 'individual') return tables.individual;
  if (tables.ballGames && book.teams.ballGames.includes(entry.sport)) return tables.ballGames;
  return entry.teamSize <= book.teams.smallTeamMax ? tables.smallTeam : tables.largeTeam;
}

/** Interpretation 6: the region's award is per athlete for individuals and teams of 1–4, else per team. */
function regionAwardPerAthlete(entry: ResultEntry, book: Rulebook): boolean {
  if (entry.event === 'individual') return true;
  return !book.teams.ballGames.includes(entry.sport) && entry.teamSize <= book.teams.smallTeamMax;
}

function standardFor(entry: ResultEntry, book: Rulebook): Standard | string {
  const award = book.games[entry.games].award;
  if (award.kind === 'region-award') {
    if (entry.regionAward === null) {
      return `regionAward：${formatCitation(award.citation)}按自治区奖励标准的${formatRatio(award.factor.ratio)}计奖，须填写自治区对同一成绩的奖励金额`;
    }
    const term: Term = { base: entry.regionAward, baseLabel: '自治区奖励', factors: [award.factor] };
    return { term, citations: [award.citation], perAthlete: regionAwardPerAthlete(entry, book) };
  }
  const table = tableFor(award.tables, entry, book);
  const term = placeTerm(table, entry.place);
  if (term === null) {
    return `${formatCitation(table.citation)}：${table.label}只奖励${awardedPlacesText(table)}，${placeText(table, entry.place)}无奖励`;
  }
  return { term, citations: [table.citation], perAthlete: table.perAthlete };
}

/** Who receives the place award: each listed athlete, or the team. */
function payeesFor(entry: ResultEntry, std: Standard): Payee[] | string {
  if (std.perAthlete) {
    if (entry.athletes.length !== entry.teamSize) {
      return `athletes：本项按每名运动员计奖，应列出全部${entry.teamSize}名运动员（实际${entry.athletes.length}名）`;
    }
    return entry.athletes.map((a) => ({ payee: a.name, role: 'athlete' }));
  }
  return entry.team === null ? 'team：本项按运动队计奖，须填写运动队名称' : [{ payee: entry.team, role: 'team' }];
}

/** 第十七条: 20% of each top-3 place award, to the athlete's county or the team's county. */
function countyLines(entry: ResultEntry, book: Rulebook, std: Standard): { lines: AwardLine[]; notes: string[] } {
  const rule = book.countyTracking;
  if (!rule.games.includes(entry.games) || entry.place > rule.maxPlace) return { lines: [], notes: [] };
  const term = withFactor(std.term, rule.factor);
  const cited = formatCitation(rule.citation);
  const counties = std.perAthlete
    ? entry.athletes.map((a) => ({ county: a.county, missing: `${cited}：运动员${a.name}未填写所属县（市）（county），不计发追踪奖` }))
    : [{ county: entry.teamCounty, missing: `${cited}：未填写运动队所属县（市）（teamCounty），不计发追踪奖` }];
  const lines: AwardLine[] = [];
  const notes: string[] = [];
  for (const { county, missing } of counties) {
    if (county === null) notes.push(missing);
    else lines.push(makeLine(term, [rule.citation], { payee: county, role: 'county', funding: 'county' }, book.rounding));
  }
  return { lines, notes };
}

/** 第十五条 with 第二十五条: the highest extra award, to the same payees as the place award. */
function extraStandard(entry: ResultEntry, book: Rulebook): { standard: CoachStandard | null; note: string | null } {
  const rule = book.extraAwards;
  if (entry.extraAwards.length === 0) return { standard: null, note: null };
  if (!rule.games.includes(entry.games)) {
    const games = rule.games.map((g) => book.games[g].label).join('、');
    return { standard: null, note: `${formatCitation(rule.citation)}：${rule.label}只适用于${games}，本项成绩不计发` };
  }
  const several = entry.extraAwards.length > 1;
  const term: Term = { base: Math.max(...entry.extraAwards), baseLabel: several ? `${rule.label}最高一项` : rule.label, factors: [] };
  return { standard: { term, citations: several ? [rule.citation, rule.highestOnlyCitation] : [rule.citation] }, note: null };
}

export function assessResult(entry: ResultEntry, book: Rulebook): Assessment {
  const std = standardFor(entry, book);
  if (typeof std === 'string') return refused(std);
  const payees = payeesFor(entry, std);
  if (typeof payees === 'string') return refused(payees);
  const lines: AwardLine[] = payees.map((p) => makeLine(std.term, std.citations, p, book.rounding));
  const notes: string[] = [];
  const extra = extraStandard(entry, book);
  if (extra.note) notes.push(extra.note);
  if (extra.standard) {
    const { term, citations } = extra.standard;
    lines.push(...payees.map((p) => makeLine(term, citations, p, book.rounding)));
  }
  const county = countyLines(entry, book, std);
  const coachStandards: CoachStandard[] = [{ term: std.term, citations: [] }];
  if (extra.standard) coachStandards.push({ term: extra.standard.term, citations: [book.extraAwards.citation] });
  const coaches = coachLines(entry, book, coachStandards);
  if ('refused' in coaches) return refused(coaches.refused);
  return paid([...lines, ...coaches.lines, ...county.lines], [...notes, ...county.notes, ...coaches.notes]);
}
