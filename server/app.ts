/**
 * The HTTP API (Hono). Thin on purpose: it wires the shared middleware (response cache, error
 * handler) and lets each feature folder register its own routes. Tests call `app.request()`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors/index.ts';
import type { Store } from '../db/connect.ts';
import { createIncidentRepository, type IncidentRepository } from '../db/queries/index.ts';
import { createStatsQueries, type StatsQueries } from '../db/queries/stats.ts';
import { loadStations, type Station } from '../reference/boundaries/index.ts';
import { errorBody, handleError } from './errors/index.ts';
import { DataVersion, responseCache, type CacheEnv } from './cache/index.ts';
import { withCachedFastPath } from './cache/fast-path.ts';
import { registerHealth } from './health/index.ts';
import { registerCategories } from './categories/index.ts';
import { registerHotspots } from './hotspots/index.ts';
import { registerTiles } from './tiles/index.ts';
import { registerAreas } from './areas/index.ts';
import { registerCompare } from './compare/index.ts';
import { registerRank } from './rank/index.ts';
import { defaultBoundaryLoader, registerBoundaries, type BoundaryLoader } from './boundaries/index.ts';
import { registerSearch } from './search/index.ts';
import { registerOpenApi } from './openapi/index.ts';
import { registerSemaforo } from './semaforo/index.ts';
import { registerTrend } from './trend/index.ts';
import { registerGiStar } from './gistar/index.ts';
import { registerEmerging } from './emerging/index.ts';
import { registerPai } from './pai/index.ts';
import { authenticate, csrfProtection, type AuthEnv } from './auth/index.ts';
import { accountSettings, registerAccounts, SESSION_OPENING_ROUTES, type AccountOptions } from './accounts/index.ts';
import { policyOptions, visibilityClass, type PolicyOptions } from './policy/index.ts';
import { createPublicData, type PublicData } from './policy/public.ts';
import { registerReports, type ReportOptions } from './reports/index.ts';
import { registerModeration } from './moderation/index.ts';
import { registerPlenary, type PlenaryOptions } from './plenary/index.ts';
import { registerTargets } from './targets/index.ts';
import { registerPatrol } from './patrol/index.ts';
import { registerExports } from './export/index.ts';
import { auditRequests, createAuditLog, registerAudit, type AuditLog } from './audit/index.ts';
import { apiBodyLimit, securityHeaders, securityOptions, type SecurityOptions } from './security/index.ts';
import { clientAddress, type ClientEnv } from './http/client.ts';

export type ApiEnv = { Variables: CacheEnv['Variables'] & AuthEnv['Variables'] & ClientEnv['Variables'] };
export type ApiApp = Hono<ApiEnv>;

export interface AppOptions {
  store: Pick<Store, 'db' | 'backend'> & Partial<Pick<Store, 'onClose'>>;
  /** defaults to the SQL repository over `store` */
  repository?: IncidentRepository;
  /** Metro/Metrobús stations for search; defaults to the bundled files (loaded at first use). */
  stations?: readonly Station[] | (() => readonly Station[]);
  /** simplified display boundaries per kind/vintage; defaults to the bundled files */
  boundaries?: BoundaryLoader;
  /** share one to call `invalidate()` after an import; defaults to one re-read at most every second */
  dataVersion?: DataVersion;
  cache?: { maxEntries?: number; maxBytes?: number };
  /** privacy rules (server/policy): k (default env PUBLIC_MIN_COUNT or 3), sensitive delay in days */
  policy?: Partial<PolicyOptions>;
  /** citizen-report form limits (server/reports/guard.ts): rate limit (env REPORTS_RATE_LIMIT), body cap, extra origins */
  reports?: ReportOptions;
  /** plenary PDF/PNG export (server/plenary): Chromium path (null: none → 503), concurrency, timeout */
  plenary?: PlenaryOptions;
  /** accounts: session key (or the DATA_DIR holding it), login lockout, session and invitation lifetimes (server/accounts/options.ts) */
  accounts?: AccountOptions;
  /** the audit log's buffered writer (server/audit); pass one to `close()` it on shutdown */
  audit?: AuditLog;
  /** CSP extra origins (env CSP_EXTRA_ORIGINS), the /api body cap (env API_BODY_LIMIT), trusted proxies (env TRUST_PROXY) */
  security?: SecurityOptions;
}

/** What every feature's `register` function receives. */
export interface ApiDeps {
  repo: IncidentRepository;
  stations: () => readonly Station[];
  boundaries: BoundaryLoader;
  dataVersion: DataVersion;
  /** inputs of the Mesa statistics (semáforo) */
  stats: StatsQueries;
  /** the public view's figures (server/policy/public.ts) */
  publicData: PublicData;
}


/** The app, typed as a plain `Hono` for callers (main mounts the web app on it). */
export function createApp(opts: AppOptions): Hono {
  const repo = opts.repository ?? createIncidentRepository(opts.store);
  const dataVersion = opts.dataVersion ?? new DataVersion(() => repo.dataVersion());
  const stats = createStatsQueries(opts.store);
  const deps: ApiDeps = {
    repo,
    stations: lazyStations(opts.stations),
    boundaries: opts.boundaries ?? defaultBoundaryLoader(),
    dataVersion,
    stats,
    publicData: createPublicData({ store: opts.store, repo, stats, options: policyOptions(opts.policy) }),
  };

  const app = new Hono<ApiEnv>();
  app.onError(handleError);
  // security headers on every response, the web app's included (mounted later on this app)
  const security = securityOptions(opts.security);
  // the client's address, scheme and host, through trusted proxies only: every later check reads it
  app.use('*', clientAddress(security.trustProxy));
  app.use('*', securityHeaders(security));
  app.use('/api/*', apiBodyLimit(security.apiBodyLimit));
  // who is asking first: the cache keys answers by the caller's visibility class
  const accounts = accountSettings(opts.accounts);
  app.use('/api/*', authenticate(opts.store, accounts));
  app.use('/api/*', csrfProtection(SESSION_OPENING_ROUTES));
  // before the cache: a cached answer to a detail request is audited too
  const audit = opts.audit ?? createAuditLog(opts.store);
  // a log made here has no other owner: its last entries are written when the store closes
  if (!opts.audit) opts.store.onClose?.(() => audit.close());
  app.use('/api/*', auditRequests(audit));
  const cache = responseCache({
    version: dataVersion,
    ...opts.cache,
    variant: (c) => {
      const cls = visibilityClass(c.get('principal'));
      return cls === 'public' ? undefined : cls;
    },
  });
  app.use('/api/*', cache);
  // after the cache: only valid URLs are ever cached, so a hit needs no second look
  app.use('/api/*', rejectControlCharacters);

  for (const register of [
    registerHealth,
    registerCategories,
    registerHotspots,
    registerTiles,
    registerAreas,
    registerCompare,
    registerRank,
    registerBoundaries,
    registerSearch,
    registerSemaforo,
    registerTrend,
    registerGiStar,
    registerEmerging,
    registerPai,
    registerOpenApi,
  ]) {
    register(app, deps);
  }
  registerReports(app, deps, opts.store, opts.reports);
  registerModeration(app, deps, opts.store);
  registerPlenary(app, deps, opts.plenary);
  registerAccounts(app, deps, opts.store, accounts);
  registerTargets(app, deps, opts.store);
  registerPatrol(app, deps, opts.store);
  registerExports(app, deps);
  registerAudit(app, opts.store, audit);
  app.all('/api/*', (c) => c.json(errorBody('not_found'), 404));
  // anonymous cache hits answered before routing, with the headers this whole stack sent (server/cache/fast-path.ts)
  withCachedFastPath(app, cache, security.trustProxy);
  return app as unknown as Hono;
}

/**
 * A NUL (or other C0 control) byte in a path segment or query value can never name anything here,
 * and PostgreSQL refuses NUL in text (error 22021): answer 400 before any route touches the store.
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const rejectControlCharacters: MiddlewareHandler = async (c, next) => {
  let parts: string[];
  try {
    parts = [decodeURIComponent(new URL(c.req.url).pathname), ...Object.values(c.req.queries()).flat()];
  } catch {
    throw new AppError('invalid_parameter', 'codificación de URL inválida');
  }
  if (parts.some((p) => CONTROL_CHARACTER.test(p))) throw new AppError('invalid_parameter', 'caracteres de control no permitidos');
  await next();
};

function lazyStations(given: AppOptions['stations']): () => readonly Station[] {
  if (typeof given === 'function') return given;
  if (given) return () => given;
  let loaded: readonly Station[] | undefined;
  return () => {
    // read at first use: only search needs the station files
    loaded ??= loadStations();
    return loaded;
  };
}
