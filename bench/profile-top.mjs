import fs from 'node:fs';
const prof = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas; const samples = prof.samples;
const counts = new Map();
for (let i = 0; i < samples.length; i++) counts.set(samples[i], (counts.get(samples[i]) ?? 0) + (dt[i] ?? 0));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
const selfT = new Map(), totalT = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id); selfT.set(key(n), (selfT.get(key(n)) ?? 0) + t);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const k = key(byId.get(cur)); if (!seen.has(k)) { totalT.set(k, (totalT.get(k) ?? 0) + t); seen.add(k); } cur = parent.get(cur); }
}
const total = [...counts.values()].reduce((a, b) => a + b, 0);
const filt = process.argv[3] ? new RegExp(process.argv[3]) : null;
console.log('total ms', (total / 1000).toFixed(0));
console.log('--- self');
for (const [k, t] of [...selfT].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((t / 1000).toFixed(0).padStart(7), k);
console.log('--- total (filtered)');
for (const [k, t] of [...totalT].filter(([k]) => !filt || filt.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((t / 1000).toFixed(0).padStart(7), k);
