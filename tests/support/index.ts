/**
 * `describeApi(name, fn)`: runs a feature's tests once per backend against an app over a store
 * seeded with the real-row sample (tests/support/fixture.ts). Uses the shared harness (both
 * backends, throwaway PostgreSQL) when its global setup has run; otherwise PGlite in memory only.
 */
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { Hono as HonoClass, type Hono } from 'hono';
import { openStore, type Backend, type Store } from '../../db/connect.ts';
import { createIncidentRepository, type IncidentRepository } from '../../db/queries/index.ts';
import { BACKENDS, emptyStore } from '../harness/stores.ts';
import { createApp, type AppOptions } from '../../server/app.ts';
import { createToken, type Role } from '../../db/queries/tokens.ts';
import { seedSample, type Sample } from './fixture.ts';

export { SAMPLE_FROM, SAMPLE_TO, type Sample, type SscRow } from './fixture.ts';

export interface ApiTestContext {
  /** the app as an `admin` (every request carries the admin token unless it sets Authorization) */
  app: Hono;
  /** the same app without a token: the public view */
  publicApp: Hono;
  adminToken: string;
  store: Store;
  repo: IncidentRepository;
  sample: Sample;
  backend: Backend;
}

function harnessReady(): boolean {
  try {
    return Boolean(inject('harness:postgres' as never));
  } catch {
    return false;
  }
}

export interface DescribeApiOptions {
  /** false: an empty store (endpoints that read no incidents), on PGlite only */
  seed?: boolean;
  app?: Partial<AppOptions>;
}

export function describeApi(
  name: string,
  fn: (ctx: () => ApiTestContext) => void,
  opts: DescribeApiOptions = {},
): void {
  const seed = opts.seed ?? true;
  const backends: readonly Backend[] = harnessReady() && seed ? BACKENDS : ['pglite'];
  for (const backend of backends) {
    describe(`${name} [${backend}]`, () => {
      let ctx: ApiTestContext | undefined;
      beforeAll(async () => {
        const store = harnessReady()
          ? await emptyStore(backend as 'pglite' | 'postgres')
          : await openStore({ memory: true });
        const sample = seed ? await seedSample(store) : { rows: [], inCity: new Set<string>() };
        const repo = createIncidentRepository(store);
        const publicApp = createApp({ store, ...opts.app });
        const adminToken = await createToken(store, { role: 'admin', name: 'tests' });
        ctx = { app: withBearer(publicApp, adminToken), publicApp, adminToken, store, repo, sample, backend };
      });
      afterAll(async () => {
        await ctx?.store.close();
      });
      fn(() => {
        if (!ctx) throw new Error('describeApi: context only available inside tests');
        return ctx;
      });
    });
  }
}

/** GET `path` on the app; returns status, parsed JSON (when JSON) and headers. */
export async function getJson(app: Hono, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.arrayBuffer();
  return { status: res.status, body: body as any, headers: res.headers };
}

/**
 * `app` as seen by the holder of `token`: every request without an Authorization header gets
 * `Bearer <token>`. A thin outer app, so `request()` and `fetch()` both work.
 */
export function withBearer(app: Hono, token: string | Promise<string>): Hono {
  const fetch = async (req: Request, env?: unknown) => {
    if (req.headers.has('authorization')) return app.fetch(req, env);
    const headers = new Headers(req.headers);
    headers.set('authorization', `Bearer ${await token}`);
    return app.fetch(new Request(req, { headers }), env);
  };
  const outer = new HonoClass();
  outer.all('*', (c) => fetch(c.req.raw, c.env));
  // route listings (OpenAPI and bad-input tests) see the wrapped app's routes
  Object.defineProperty(outer, 'routes', { get: () => app.routes });
  return outer;
}

/**
 * The API over `store` as an `admin`: creates an admin token in the store and sends it with every
 * request (exact numbers, as the spine and Mesa contracts state them for an admin).
 */
export function createAdminApp(options: AppOptions, role: Role = 'admin'): Hono {
  // the token is created at the first request: callers stay synchronous, like createApp
  let token: Promise<string> | undefined;
  const app = createApp(options);
  const lazy = {
    then: (ok: (t: string) => unknown, fail: (e: unknown) => unknown) =>
      (token ??= createToken(options.store, { role, name: `tests-${role}` })).then(ok, fail),
  };
  return withBearer(app, lazy as unknown as Promise<string>);
}
