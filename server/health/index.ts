/**
 * `GET /api/health`: is the store reachable, which backend, how many incidents, data until when —
 * overall and per source (the map defaults to the period of the largest source, since a small
 * source such as FGJ Milpa Alta may run years past the citywide SSC data). The policy decides what
 * a caller sees of those facts (server/policy/sources.ts): the public gets months instead of days,
 * no count below k, and an overall count that is the sum of the published ones.
 *
 * Every call reads `meta.data_version` (one indexed row), so reachability is checked each time; the
 * counts and dates — two scans of `incidents` — are recomputed only when that version changed, as
 * every import and every approved report bumps it. The load test (tests/load/mixed-traffic) found
 * the scans on every call: 0.5–1 s each on PGlite under load, serialised on its one connection, so a
 * monitor polling health slowed every other request.
 *
 * `GET /api/ready`: whether this process can take traffic — a load balancer's readiness probe, apart
 * from health (liveness and data). While `npm start` migrates and, on a first start, imports the
 * bundled data, it answers 503 `service_starting` (main.ts serves `startingHandler` meanwhile); once
 * the app is mounted, 200 `{ready: true}` while the store answers, else 503 `db_unavailable`.
 */
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { errorBody } from '../errors/index.ts';
import { REQUEST_ID_HEADER, requestIdFor } from '../http/request-log.ts';
import { principalOf } from '../auth/index.ts';
import { publishHealth } from '../policy/sources.ts';

/** Seconds a client should wait before asking a starting server again. */
const STARTING_RETRY_SECONDS = 5;

/**
 * The answer to every request before the app is ready: 503 `service_starting` (JSON, no-store,
 * Retry-After), with `{ready: false, phase}` on `/api/ready`. `phase` says what start-up is doing.
 */
export function startingHandler(phase: () => string): (req: Request) => Response {
  return (req) => {
    const path = new URL(req.url).pathname;
    const body =
      path === '/api/ready'
        ? { ready: false, phase: phase(), ...errorBody('service_starting') }
        : errorBody('service_starting');
    return new Response(JSON.stringify(body), {
      status: 503,
      headers: {
        'content-type': 'application/json; charset=UTF-8',
        'cache-control': 'no-store',
        'retry-after': String(STARTING_RETRY_SECONDS),
        // the request id on this answer too: a load balancer's failed probe is traced like any other
        [REQUEST_ID_HEADER]: requestIdFor(req.headers.get(REQUEST_ID_HEADER)),
      },
    });
  };
}

export function registerHealth(
  app: ApiApp,
  { repositories: { incidents: repo }, healthAt, publicData }: Services,
): void {
  app.get('/api/ready', async (c) => {
    c.set('skipLru', true);
    c.set('cacheControl', 'no-store');
    try {
      await repo.dataVersion(); // one indexed row: the store answers
      return c.json({ ready: true });
    } catch (err) {
      c.get('log')?.error({ err, reqId: c.get('requestId') }, 'readiness check failed');
      c.header('Cache-Control', 'no-store');
      return c.json({ ready: false, ...errorBody('db_unavailable') }, 503);
    }
  });

  app.get('/api/health', async (c) => {
    // the answer must reflect this moment: revalidate every time, never serve it from the LRU
    c.set('skipLru', true);
    c.set('cacheControl', 'no-cache');
    try {
      const h = publishHealth(await healthAt(await repo.dataVersion()), principalOf(c), publicData.options.minCount);
      return c.json({
        ok: true,
        db: repo.backend,
        incidents: h.incidents,
        data_until: h.dataUntil,
        data_until_month: h.lastMonth,
        sources: h.sources,
      });
    } catch (err) {
      c.get('log')?.error({ err, reqId: c.get('requestId') }, 'health check failed');
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          ok: false,
          db: repo.backend,
          incidents: null,
          data_until: null,
          data_until_month: null,
          ...errorBody('db_unavailable'),
        },
        503,
      );
    }
  });
}
