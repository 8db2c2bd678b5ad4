/** Load an URL with autocannon in a worker thread; exact req/s and latency percentiles. */
import { Worker } from 'node:worker_threads';
import type { LoadOutcome, LoadRequest } from './load-worker.js';

export interface Load {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export const CONNECTIONS = 50;
const WORKER = new URL('./load-worker.ts', import.meta.url).href;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function run(request: LoadRequest): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    // tsx's loader is registered in this thread only: the worker registers it before importing.
    const script = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); })`;
    const worker = new Worker(script, { eval: true, workerData: request });
    worker.once('message', (outcome: LoadOutcome) => {
      resolve(outcome);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited ${code}`));
    });
  });
}

/**
 * When autocannon stops, the server still works through the requests it had accepted (50 slow
 * ones can take many seconds): one more request, answered after them, waits for that backlog so it
 * does not land in the next measurement.
 */
async function drain(url: string, headers: Record<string, string>) {
  await fetch(url, { headers, signal: AbortSignal.timeout(120_000) }).then((r) => r.arrayBuffer(), () => undefined);
}

/** A short warm-up (JIT, caches, connection pool), then the measured run; each drained. */
export async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<Load> {
  await run({ url, connections: 10, seconds: Math.max(1, Math.min(5, Math.round(seconds / 10))), headers });
  await drain(url, headers);
  const outcome = await run({ url, connections: CONNECTIONS, seconds, headers });
  await drain(url, headers);
  return {
    rps: outcome.requests / outcome.seconds,
    p50: percentile(outcome.latencies, 50),
    p95: percentile(outcome.latencies, 95),
    p99: percentile(outcome.latencies, 99),
    requests: outcome.requests,
    non2xx: outcome.non2xx,
    errors: outcome.errors,
  };
}
