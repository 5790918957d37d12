/**
 * Builds the services object (./types.ts) from the store: the one place in `server/` that reaches
 * `db/`. Options are those of `createApp` (server/app.ts); anything not given gets its default here,
 * so every feature receives resolved settings through one `register(app, services)` signature.
 */
import { parseConfig } from '../../core/config/index.ts';
import type { Store } from '../../db/connect.ts';
import { createRepositories, type IncidentRepository } from '../../db/repositories/index.ts';
import { createIncidentRepository } from '../../db/queries/index.ts';
import { IncidentWriter } from '../../db/incidents/writer.ts';
import { readOrCreateSecret } from '../../db/secrets.ts';
import { loadBoundarySets, loadStations, type Station } from '../../reference/boundaries/index.ts';
import { getGeocoder } from '../../reference/geocoder/index.ts';
import { newsScheduleView, type NewsScheduleView } from '../../etl/news/schedule.ts';
import { importChatExport } from '../../etl/chat/index.ts';
import { syncScheduleView, type SyncScheduleView } from '../../etl/sync/index.ts';
import { loadIntersections } from '../../reference/streets/index.ts';
import { loadTransit } from '../../reference/transit/index.ts';
import { accountSettings, type AccountOptions } from '../accounts/options.ts';
import { createAuditLog, type AuditLog } from '../audit/log.ts';
import { DataVersion } from '../cache/index.ts';
import type { PlenaryOptions } from '../plenary/renderer.ts';
import { policyOptions, type PolicyOptions } from '../policy/index.ts';
import { createPublicData } from '../policy/public.ts';
import type { ReportOptions } from '../reports/guard.ts';
import { securityOptions, type SecurityOptions } from '../security/index.ts';
import { defaultBoundaryLoader, type BoundaryLoader } from '../shared/boundaries.ts';
import { healthByVersion } from '../shared/coverage.ts';
import type { ReadRouting, ReferenceData, Services } from './types.ts';

export type { Services } from './types.ts';

/** The store as `createApp` takes it: queries need `db` and `backend`; `onClose` lets a log made here flush last. */
export type ServiceStore = Pick<Store, 'db' | 'backend'> & Partial<Pick<Store, 'onClose' | 'reads'>>;

export interface ServiceOptions {
  /** defaults to the SQL repository over the store */
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
  /** CSP extra origins (env CSP_EXTRA_ORIGINS) and the /api body cap (env API_BODY_LIMIT) */
  security?: SecurityOptions;
  /** the news schedule admins see at /api/news/sources (default: NEWS_CONFIG and NEWS_SCHEDULE from the environment) */
  news?: { schedule?: () => NewsScheduleView };
  /** chat-export uploads: the DATA_DIR whose `secrets/chat-salt` pseudonymises senders on PGlite (default env DATA_DIR) */
  chat?: { dataDir?: string };
  /** the open-data sync's schedule at /api/sources (default: SYNC_CONFIG, SYNC_SCHEDULE and SYNC_INTERVAL_DAYS from the environment) */
  sync?: { schedule?: () => SyncScheduleView };
  basemap?: { pmtiles?: string | null };
}

/** The session key kept in `DATA_DIR/secrets/session-key` (created on first start, db/secrets.ts). */
const readSessionKey = (dataDir: string) => Buffer.from(readOrCreateSecret(dataDir, 'session-key'), 'hex');

export function createServices(store: ServiceStore, opts: ServiceOptions = {}): Services {
  const repositories = createRepositories(store, { incidents: opts.repository });
  const policy = policyOptions(opts.policy);
  const settings: Services['settings'] = {
    accounts: accountSettings(opts.accounts, process.env, readSessionKey),
    reports: opts.reports ?? {},
    plenary: opts.plenary ?? {},
    security: securityOptions(opts.security),
    cache: opts.cache ?? {},
    news: { schedule: opts.news?.schedule ?? (() => newsScheduleView()) },
    sync: { schedule: opts.sync?.schedule ?? (() => syncScheduleView()) },
    basemap: { pmtiles: opts.basemap?.pmtiles ?? parseConfig(process.env).BASEMAP_PMTILES ?? null },
  };
  const audit = opts.audit ?? createAuditLog(repositories.audit);
  // a log made here has no other owner: its last entries are written when the store closes
  if (!opts.audit) store.onClose?.(() => audit.close());
  const reference = referenceData(opts);
  let writer: IncidentWriter | undefined;
  return {
    repositories,
    reference,
    incidentWriter: () => (writer ??= new IncidentWriter(reference.geocoder().reverse)),
    // the command line's chat import (etl/chat), fed from memory: same parser, same queue, same salt
    importChat: (file, { dryRun }) =>
      importChatExport(store, file, { dataDir: opts.chat?.dataDir ?? parseConfig(process.env).DATA_DIR, dryRun }),
    policy,
    publicData: createPublicData({
      repo: repositories.incidents,
      stats: repositories.stats,
      published: repositories.published,
      options: policy,
    }),
    // the version that keys the cache is the primary's: a replica's may lag behind it
    dataVersion: opts.dataVersion ?? new DataVersion(primaryDataVersion(store, repositories.incidents)),
    healthAt: healthByVersion(repositories.incidents),
    reads: readRouting(store),
    audit,
    settings,
  };
}

function primaryDataVersion(store: ServiceStore, incidents: IncidentRepository): () => Promise<string> {
  if (!store.reads) return () => incidents.dataVersion();
  const primary = createIncidentRepository(store);
  return () => primary.dataVersion();
}

/** Replica routing for a request's reads (db/replicas.ts); without replicas every read is on the primary. */
function readRouting(store: ServiceStore): ReadRouting {
  const reads = store.reads;
  if (!reads) return { replicas: [], run: async (fn) => ({ result: await fn() }) };
  return {
    replicas: reads.names,
    async run(fn) {
      const { result, replica } = await reads.run(fn);
      return replica ? { result, version: replica.version, replica: replica.name } : { result };
    },
  };
}

/** Reference data read at first use: only some routes need stations, boundaries or the geocoder. */
function referenceData(opts: Pick<ServiceOptions, 'stations' | 'boundaries'>): ReferenceData {
  return {
    boundaries: opts.boundaries ?? defaultBoundaryLoader(),
    stations: lazyStations(opts.stations),
    // these loaders keep their result for the process (reference/)
    boundarySets: loadBoundarySets,
    geocoder: getGeocoder,
    transit: loadTransit,
    intersections: loadIntersections,
  };
}

function lazyStations(given: ServiceOptions['stations']): () => readonly Station[] {
  if (typeof given === 'function') return given;
  if (given) return () => given;
  let loaded: readonly Station[] | undefined;
  return () => {
    // read at first use: only search needs the station files
    loaded ??= loadStations();
    return loaded;
  };
}
