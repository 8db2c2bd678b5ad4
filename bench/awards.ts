/**
 * npm run bench:awards — 100,000 generated results (fixed seed) through the awards evaluator, and the
 * same workload through a json-rules-engine encoding of the 第八条–第九条 tables as a baseline.
 * The baseline's amounts are typed here from the article text, independently of the rulebook, and
 * every place award is cross-checked between the two: any disagreement fails the run.
 */
import { performance } from 'node:perf_hooks';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { addDays, fromDayNumber, toDayNumber } from '../src/domain/shared/dates.js';
import { evaluate, evaluateBatch, parseAwardBatch, RULEBOOKS, type AwardEntry } from '../src/domain/awards/index.js';

const COUNT = 100_000;
const SEED = 20_230_210;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const GAMES = ['region-games', 'region-minority-games', 'region-youth-championship'] as const;
const SPORTS = ['田径', '游泳', '射箭', '摔跤', '足球', '篮球', '排球'];
const COUNTIES = ['伊宁市', '奎屯市', '霍尔果斯市', '伊宁县', '霍城县', '巩留县', '新源县', '昭苏县', '特克斯县', '尼勒克县', '察布查尔县'];

function generate(count: number, seed: number): unknown[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const first = toDayNumber('2023-02-10');
  const span = toDayNumber('2025-12-31') - first;
  return Array.from({ length: count }, (_, i) => {
    const date = fromDayNumber(first + int(0, span));
    const team = rnd() < 0.4;
    const teamSize = team ? int(2, 12) : 1;
    return {
      id: `b${i}`,
      kind: 'result',
      games: pick(GAMES),
      date,
      appliedOn: addDays(date, int(0, 150)),
      event: team ? 'team' : 'individual',
      sport: team ? pick(SPORTS) : pick(SPORTS.slice(0, 4)),
      teamSize,
      place: int(1, 9),
      team: '伊犁州代表队',
      teamCounty: pick(COUNTIES),
      athletes: Array.from({ length: teamSize }, (_, k) => ({ name: `运动员${k}`, county: pick(COUNTIES) })),
      enteredTeamOn: addDays(date, -int(0, 1500)),
      coaches: [
        { name: '主管教练', role: 'head' },
        { name: '原输送教练', role: 'original' },
        ...(rnd() < 0.5 ? [{ name: '助理教练', role: 'assistant' }] : []),
      ],
      extraAwards: rnd() < 0.1 ? [int(1, 10) * 500] : [],
      disqualified: null,
    };
  });
}

// 第八条、第九条 in yuan, typed from the text.
const REGION_INDIVIDUAL = [20000, 12000, 6000, 1000, 800, 700, 600, 500];
const TABLES: Record<(typeof GAMES)[number], { individual: number[]; ball?: number[]; small: number[]; large: number[] }> = {
  'region-games': { individual: REGION_INDIVIDUAL, ball: [60000, 40000, 30000, 10000, 8000, 7000, 6000, 5000], small: REGION_INDIVIDUAL, large: [30000, 20000, 15000, 5000, 4000, 3500, 3000, 2500] },
  'region-minority-games': { individual: [15000, 8000, 5000], small: [15000, 8000, 5000], large: [30000, 20000, 15000] },
  'region-youth-championship': { individual: [4000, 2400, 1200], ball: [20000, 10000, 8000], small: [4000, 2400, 1200], large: [10000, 5000, 4000] },
};
const BALL = ['足球', '篮球', '排球'];

/**
 * One rule per table (11 rules): the conditions select the table, the event carries its amounts in
 * place order. A rule per table cell (53 rules) is the more literal encoding but about 4× slower
 * still, so this is the conservative baseline.
 */
function baselineRules(): RuleProperties[] {
  const rules: RuleProperties[] = [];
  for (const [games, t] of Object.entries(TABLES)) {
    const notBall = t.ball ? [{ fact: 'sport', operator: 'notIn', value: BALL }] : [];
    const kinds = [
      { amounts: t.individual, when: [{ fact: 'event', operator: 'equal', value: 'individual' }] },
      { amounts: t.small, when: [{ fact: 'event', operator: 'equal', value: 'team' }, ...notBall, { fact: 'teamSize', operator: 'lessThanInclusive', value: 4 }] },
      { amounts: t.large, when: [{ fact: 'event', operator: 'equal', value: 'team' }, ...notBall, { fact: 'teamSize', operator: 'greaterThan', value: 4 }] },
      ...(t.ball ? [{ amounts: t.ball, when: [{ fact: 'event', operator: 'equal', value: 'team' }, { fact: 'sport', operator: 'in', value: BALL }] }] : []),
    ];
    for (const { amounts, when } of kinds) {
      rules.push({ conditions: { all: [{ fact: 'games', operator: 'equal', value: games }, ...when] }, event: { type: 'award', params: { amounts } } });
    }
  }
  return rules;
}

async function baselineAmount(engine: Engine, facts: { place: number }): Promise<number> {
  const amounts = (await engine.run(facts)).events[0]?.params?.amounts as number[] | undefined;
  return amounts?.[facts.place - 1] ?? 0;
}

function row(cells: string[]): string {
  const widths = [48, 10, 10, 14];
  return `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |\n`;
}

async function main() {
  const raw = generate(COUNT, SEED);
  const entries = parseAwardBatch(raw).map((p) => {
    if (p.entry === null) throw new Error(`generated entry ${p.id} is invalid: ${p.problems.join('; ')}`);
    return p.entry;
  });
  const facts = entries.map((e) => (e.kind === 'result' ? { games: e.games, event: e.event, sport: e.sport, teamSize: e.teamSize, place: e.place } : { place: 0 }));

  const time = (f: () => void): number => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  entries.slice(0, 5_000).forEach((e) => evaluate(e, RULEBOOKS)); // warm-up
  let outcomes: ReturnType<typeof evaluate>[] = [];
  const evalMs = time(() => {
    outcomes = entries.map((e: AwardEntry) => evaluate(e, RULEBOOKS));
  });
  const batchMs = time(() => evaluateBatch(raw));

  const engine = new Engine(baselineRules());
  for (const f of facts.slice(0, 5_000)) await baselineAmount(engine, f); // warm-up
  const baseline: number[] = [];
  const t0 = performance.now();
  for (const f of facts) baseline.push(await baselineAmount(engine, f));
  const engineMs = performance.now() - t0;

  const ours = outcomes.map((o) => (o.eligible ? o.lines[0].amount / 100 : 0));
  const mismatches = ours.filter((amount, i) => amount !== baseline[i]).length;
  const rps = (ms: number) => Math.round((COUNT / ms) * 1000);
  const out = process.stdout;
  out.write(`awards benchmark: ${COUNT.toLocaleString('en')} results, seed ${SEED}, ${RULEBOOKS[0].docNumber}\n\n`);
  out.write(row(['pipeline', 'results', 'ms', 'results/s']));
  out.write(row(['-'.repeat(48), '-'.repeat(10), '-'.repeat(10), '-'.repeat(14)]));
  out.write(row(['evaluate() — all lines, bases, coaches, county', String(COUNT), evalMs.toFixed(0), rps(evalMs).toLocaleString('en')]));
  out.write(row(['evaluateBatch() — parse + evaluate + yuan JSON', String(COUNT), batchMs.toFixed(0), rps(batchMs).toLocaleString('en')]));
  out.write(row(['json-rules-engine — Art. 8–9 place award only', String(COUNT), engineMs.toFixed(0), rps(engineMs).toLocaleString('en')]));
  out.write(`\nratio evaluate() / json-rules-engine: ${(engineMs / evalMs).toFixed(1)}×`);
  out.write(`; evaluateBatch() / json-rules-engine: ${(engineMs / batchMs).toFixed(1)}×\n`);
  out.write(`eligible: ${outcomes.filter((o) => o.eligible).length.toLocaleString('en')}, lines: ${outcomes.reduce((n, o) => n + o.lines.length, 0).toLocaleString('en')}\n`);
  out.write(`place-award cross-check against the baseline: ${mismatches === 0 ? 'all agree' : `${mismatches} disagree`}\n`);
  if (mismatches > 0) process.exitCode = 1;
}

await main();
