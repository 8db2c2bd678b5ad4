/**
 * One autocannon run in a worker thread (started by load.ts): the load generator gets its own
 * event loop and core, so it does not share the server's. Every response time is kept, for exact
 * percentiles (autocannon's own summary has no p95 and rounds to whole milliseconds).
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
}

export interface LoadOutcome {
  requests: number;
  seconds: number;
  /** Response times in ms, sorted ascending. */
  latencies: Float64Array;
  non2xx: number;
  errors: number;
}

const request = workerData as LoadRequest;
const latencies: number[] = [];
const instance = autocannon(
  { url: request.url, connections: request.connections, duration: request.seconds, headers: request.headers, timeout: 30 },
  (error, result) => {
    if (error) throw error;
    const sorted = Float64Array.from(latencies).sort();
    const outcome: LoadOutcome = {
      requests: latencies.length,
      seconds: result.duration,
      latencies: sorted,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
    parentPort?.postMessage(outcome, [sorted.buffer]);
  },
);
instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
  latencies.push(responseTime);
});
