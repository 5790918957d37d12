/**
 * The HTTP API (Hono). Thin on purpose: it builds the services object once (server/services), wires
 * the shared middleware (security headers, authentication, audit, response cache, error handler)
 * and lets each feature folder register its routes with `register(app, services)`. Tests call
 * `app.request()`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors/index.ts';
import { errorBody, handleError } from './errors/index.ts';
import { responseCache } from './cache/index.ts';
import { withCachedFastPath } from './cache/fast-path.ts';
import { registerHealth } from './health/index.ts';
import { registerSources } from './sources/index.ts';
import { registerCategories } from './categories/index.ts';
import { registerHotspots } from './hotspots/index.ts';
import { registerTiles } from './tiles/index.ts';
import { registerAreas } from './areas/index.ts';
import { registerCompare } from './compare/index.ts';
import { registerRank } from './rank/index.ts';
import { registerBoundaries } from './boundaries/index.ts';
import { registerBasemap } from './basemap/index.ts';
import { registerTransit } from './transit/index.ts';
import { registerSearch } from './search/index.ts';
import { registerOpenApi } from './openapi/index.ts';
import { registerSemaforo } from './semaforo/index.ts';
import { registerTrend } from './trend/index.ts';
import { registerGiStar } from './gistar/index.ts';
import { registerEmerging } from './emerging/index.ts';
import { registerPai } from './pai/index.ts';
import { authenticate, csrfProtection, type Principal } from './auth/index.ts';
import { registerAccounts, SESSION_OPENING_ROUTES } from './accounts/index.ts';
import { visibilityClass } from './policy/index.ts';
import { registerReports } from './reports/index.ts';
import { registerModeration } from './moderation/index.ts';
import { CHAT_IMPORTS_PATH } from './moderation/chat-imports/index.ts';
import { registerPlenary } from './plenary/index.ts';
import { registerTargets } from './targets/index.ts';
import { registerPatrol } from './patrol/index.ts';
import { registerNews } from './news/index.ts';
import { registerExports } from './export/index.ts';
import { auditRequests, registerAudit } from './audit/index.ts';
import { apiBodyLimit, securityHeaders } from './security/index.ts';
import { createServices, type ServiceOptions, type ServiceStore, type Services } from './services/index.ts';
import type { ApiEnv, Register } from './context.ts';
import { clientAddress } from './http/client.ts';
import { errorsOnlyLogger, requestLog, type Logger } from './http/request-log.ts';

export type { ApiApp, ApiEnv } from './context.ts';

export interface AppOptions extends ServiceOptions {
  store: ServiceStore;
  /** an already built services object (the server's entry point shares it with its background jobs); the other options are then ignored */
  services?: Services;
  /** JSON logs and the access log (`npm start` passes one at `LOG_LEVEL`); default: errors only, on stderr */
  logger?: Logger;
}

/** Every feature, in registration order (the catch-all 404 comes after them). */
const FEATURES: readonly Register[] = [
  registerHealth,
  registerSources,
  registerCategories,
  registerHotspots,
  registerTiles,
  registerAreas,
  registerCompare,
  registerRank,
  registerBoundaries,
  registerTransit,
  registerBasemap,
  registerSearch,
  registerSemaforo,
  registerTrend,
  registerGiStar,
  registerEmerging,
  registerPai,
  registerOpenApi,
  registerReports,
  registerModeration,
  registerPlenary,
  registerAccounts,
  registerTargets,
  registerPatrol,
  registerNews,
  registerExports,
  registerAudit,
];

/** The app, typed as a plain `Hono` for callers (main mounts the web app on it). */
export function createApp(opts: AppOptions): Hono {
  const services = opts.services ?? createServices(opts.store, opts);
  const { settings } = services;

  const app = new Hono<ApiEnv>();
  const logger = opts.logger ?? errorsOnlyLogger();
  app.onError(handleError);
  // first: every later line and the error handler carry the request id
  app.use('*', requestLog(logger));
  // security headers on every response, the web app's included (mounted later on this app)
  // the client's address, scheme and host, through trusted proxies only: every later check reads it
  app.use('*', clientAddress(settings.security.trustProxy));
  app.use('*', securityHeaders(settings.security));
  app.use('/api/*', apiBodyLimit(settings.security.apiBodyLimit, [CHAT_IMPORTS_PATH]));
  // who is asking first: the cache keys answers by the caller's visibility class
  const auth = authenticate(services.repositories, settings.accounts);
  app.use('/api/*', auth);
  // before the CSRF check (a refusal is audited) and the cache (a cached answer to a detail request is audited too)
  app.use('/api/*', auditRequests(services.audit));
  app.use('/api/*', csrfProtection(SESSION_OPENING_ROUTES));
  const cache = responseCache({
    version: services.dataVersion,
    // the read-only queries of GET requests may run on a read replica (DATABASE_REPLICA_URL)
    reads: services.reads,
    ...settings.cache,
    variant: (c) => cacheVariant(c.get('principal') ?? null),
  });
  app.use('/api/*', cache);
  // after the cache: only valid URLs are ever cached, so a hit needs no second look
  app.use('/api/*', rejectMalformedUrls);

  for (const register of FEATURES) register(app, services);
  app.all('/api/*', (c) => c.json(errorBody('not_found'), 404));
  // cache hits answered before routing, with the headers this whole stack sent (server/cache/fast-path.ts);
  // signed-in ones after the same credential check and audit entry as the middleware chain
  withCachedFastPath(app, cache, settings.security.trustProxy, logger, {
    auth,
    audit: services.audit,
    variant: cacheVariant,
  });
  return app as unknown as Hono;
}

/** The response cache's variant for a caller: none for the public (shareable), else its visibility class. */
function cacheVariant(principal: Principal | null): string | undefined {
  const cls = visibilityClass(principal);
  return cls === 'public' ? undefined : cls;
}

/**
 * One boundary for every URL: a NUL (or other C0 control) byte in a path segment or query value can
 * never name anything here, and PostgreSQL refuses NUL in text (error 22021): 400 before any route
 * touches the store. A parameter given twice is refused too (`duplicate_parameter`): handlers read
 * one value while the cache key sorts them all, so `a=1&a=2` and `a=2&a=1` would share an answer.
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const rejectMalformedUrls: MiddlewareHandler = async (c, next) => {
  let parts: string[];
  let queries: Record<string, string[]>;
  try {
    queries = c.req.queries();
    parts = [decodeURIComponent(new URL(c.req.url).pathname), ...Object.values(queries).flat()];
  } catch {
    throw new AppError('invalid_parameter', 'codificación de URL inválida');
  }
  if (parts.some((p) => CONTROL_CHARACTER.test(p)))
    throw new AppError('invalid_parameter', 'caracteres de control no permitidos');
  const repeated = Object.keys(queries).find((name) => queries[name].length > 1);
  if (repeated !== undefined) throw new AppError('duplicate_parameter', repeated.slice(0, 40));
  await next();
};
