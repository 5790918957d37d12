/**
 * `describeApi(name, fn)`: runs a feature's tests once per backend against an app over a store
 * seeded with the real-row sample (server/testing/fixture.ts). Uses the shared harness (both
 * backends, throwaway PostgreSQL) when its global setup has run; otherwise PGlite in memory only.
 */
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Hono } from 'hono';
import { openStore, type Backend, type Store } from '../../db/connect.ts';
import { createIncidentRepository, type IncidentRepository } from '../../db/queries/index.ts';
import { BACKENDS, emptyStore } from '../../tests/harness/stores.ts';
import { createApp, type AppOptions } from '../app.ts';
import { seedSample, type Sample } from './fixture.ts';

export { SAMPLE_FROM, SAMPLE_TO, type Sample, type SscRow } from './fixture.ts';

export interface ApiTestContext {
  app: Hono;
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

export function describeApi(name: string, fn: (ctx: () => ApiTestContext) => void, opts: DescribeApiOptions = {}): void {
  const seed = opts.seed ?? true;
  const backends: readonly Backend[] = harnessReady() && seed ? BACKENDS : ['pglite'];
  for (const backend of backends) {
    describe(`${name} [${backend}]`, () => {
      let ctx: ApiTestContext | undefined;
      beforeAll(async () => {
        const store = harnessReady() ? await emptyStore(backend as 'pglite' | 'postgres') : await openStore({ memory: true });
        const sample = seed ? await seedSample(store) : { rows: [], inCity: new Set<string>() };
        const repo = createIncidentRepository(store);
        ctx = { app: createApp({ store, ...opts.app }), store, repo, sample, backend };
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
