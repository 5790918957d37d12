/**
 * autocannon in its own process (so the load generator does not share the server's event loop and
 * cores fairly with the vitest worker): reads a JSON `AutocannonJob` from argv[2], runs it with the
 * programmatic API — several paths in turn on each connection, optional fixed rate and fixed
 * request count — and prints one JSON `AutocannonSummary` line on stdout.
 */
import { createRequire } from 'node:module';

// autocannon ships no types; only the fields read below are used
type Result = Record<string, any>;
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => Promise<Result>;

export interface AutocannonJob {
  url: string;
  paths: string[];
  connections: number;
  /** seconds; ignored when `amount` is set */
  duration?: number;
  /** total requests (autocannon then waits until every one is answered or has failed) */
  amount?: number;
  /** requests per second over all connections */
  overallRate?: number;
  /** per-request timeout, seconds */
  timeout?: number;
}

export interface AutocannonSummary {
  sent: number;
  /** responses received (any status) */
  answered: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  seconds: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as AutocannonJob;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.duration ?? 10,
  amount: job.amount,
  overallRate: job.overallRate,
  timeout: job.timeout ?? 10,
  // identity: like a client that does not ask for compression; the server's cost is the same either way
  headers: { 'accept-encoding': 'identity' },
  requests: job.paths.map((path) => ({ method: 'GET', path })),
});
const statusCodes: Record<string, number> = {};
for (const [code, s] of Object.entries(result.statusCodeStats ?? {}))
  statusCodes[code] = Number((s as { count: number }).count);
const summary: AutocannonSummary = {
  sent: result.requests.sent,
  answered: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
  ok2xx: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes,
  requestsPerSecond: result.requests.average,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  seconds: result.duration,
};
process.stdout.write(JSON.stringify(summary) + '\n');
