/**
 * One result through the evaluator, as the app shows and stores it: amounts in fen, each line with
 * its basis and citations, and the cited articles' text (from the imported 公文 when there is one).
 */
import {
  evaluate,
  formatCitation,
  parseAwardBatch,
  rulebookInForce,
  RULEBOOKS,
  type AwardEntry,
  type Citation,
  type CitedArticle,
  type Funding,
  type PayeeRole,
} from '../../domain/awards/index.js';
import { fromChineseNumeral } from '../../domain/documents/index.js';
import type { ArticleLibrary } from './article-source.js';

export interface ComputedLine {
  payee: string;
  role: PayeeRole;
  amountFen: number;
  funding: Funding;
  basis: string;
  citations: Citation[];
}

export interface Computation {
  eligible: boolean;
  reasons: string[];
  lines: ComputedLine[];
  totalFen: number;
  prefectureFen: number;
  countyFen: number;
  /** The 发文字号 of the rulebook version applied; null when none was in force. */
  rulebook: string | null;
}

export interface ComputedEntry {
  computation: Computation;
  /** The parsed entry; null when the input has problems (they are the reasons). */
  entry: AwardEntry | null;
}

/** Evaluates `raw` (one result in the batch shape) as if it reached the sports bureau on `appliedOn`. */
export function computeEntry(raw: Record<string, unknown>, appliedOn: string): ComputedEntry {
  const [parsed] = parseAwardBatch([{ ...raw, id: typeof raw.id === 'string' && raw.id ? raw.id : 'entry', appliedOn }]);
  if (parsed.entry === null) {
    return {
      entry: null,
      computation: { eligible: false, reasons: [...parsed.problems], lines: [], totalFen: 0, prefectureFen: 0, countyFen: 0, rulebook: null },
    };
  }
  const outcome = evaluate(parsed.entry, RULEBOOKS);
  const lines = outcome.lines.map((l) => ({ payee: l.payee, role: l.role, amountFen: l.amount, funding: l.funding, basis: l.basis, citations: [...l.citations] }));
  const sum = (f: Funding) => lines.filter((l) => l.funding === f).reduce((s, l) => s + l.amountFen, 0);
  return {
    entry: parsed.entry,
    computation: {
      eligible: outcome.eligible,
      reasons: [...outcome.reasons],
      lines,
      totalFen: outcome.total,
      prefectureFen: sum('prefecture'),
      countyFen: sum('county'),
      rulebook: rulebookInForce(RULEBOOKS, parsed.entry.date)?.docNumber ?? null,
    },
  };
}

const CITATION = /^第([一二三四五六七八九十]+)条(?:第（([一二三四五六七八九十]+)）项)?(?:第(\d+)目)?$/;

/** The citations a reason or basis starts with: `第十三条第（三）项、第十六条：…` → two citations. */
export function leadingCitations(text: string): Citation[] {
  const head = text.split('：')[0];
  if (head === text) return [];
  const out: Citation[] = [];
  for (const part of head.split('、')) {
    const m = CITATION.exec(part);
    if (!m) return [];
    out.push({ article: fromChineseNumeral(m[1]), ...(m[2] ? { item: fromChineseNumeral(m[2]) } : {}), ...(m[3] ? { subItem: Number(m[3]) } : {}) });
  }
  return out;
}

export interface LineView extends ComputedLine {
  /** Keys into `articles`: 第十三条第（三）项 … */
  refs: string[];
}

export interface ComputationView extends Omit<Computation, 'lines'> {
  lines: LineView[];
  /** Reasons with the articles they cite. */
  reasonRefs: string[][];
  articles: CitedArticle[];
}

/** Adds the article text of every citation in the lines and reasons. */
export async function withArticles(c: Computation, resultDate: string | null, library: ArticleLibrary): Promise<ComputationView> {
  const reasonCitations = c.reasons.map(leadingCitations);
  const all = [...c.lines.flatMap((l) => l.citations), ...reasonCitations.flat()];
  const articles = await library.cited(all, resultDate ?? RULEBOOKS[0].effectiveFrom);
  return {
    ...c,
    lines: c.lines.map((l) => ({ ...l, refs: l.citations.map(formatCitation) })),
    reasonRefs: reasonCitations.map((cs) => cs.map(formatCitation)),
    articles,
  };
}
