/**
 * The functions a V8 CPU profile spent its time in (from `BENCH_CPU_PROFILE=DIR npm run bench:profile`):
 * the 25 largest by self time, then the 40 largest by total time (the function and everything it
 * called, counted once per sample), optionally only those whose "name file:line" matches a pattern.
 *
 *   node bench/profile-top.mjs FILE.cpuprofile ['\.ts:|pglite']
 */
import fs from 'node:fs';

const [file, pattern] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
const label = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;

const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const selfTime = new Map();
const totalTime = new Map();
for (const [id, micros] of sampled) {
  const own = label(nodes.get(id));
  selfTime.set(own, (selfTime.get(own) ?? 0) + micros);
  const counted = new Set();
  for (let at = id; at !== undefined; at = parentOf.get(at)) {
    const name = label(nodes.get(at));
    if (counted.has(name)) continue;
    counted.add(name);
    totalTime.set(name, (totalTime.get(name) ?? 0) + micros);
  }
}

const all = [...sampled.values()].reduce((a, b) => a + b, 0);
const line = ([name, micros]) => `${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`;
const filter = pattern ? new RegExp(pattern) : null;
console.log(`${(all / 1000).toFixed(0)} ms sampled`);
console.log('--- self time');
for (const entry of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(line(entry));
console.log(`--- total time${filter ? ` (matching ${pattern})` : ''}`);
for (const entry of [...totalTime].filter(([name]) => !filter || filter.test(name)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(line(entry));
