/**
 * The services object every feature's `register(app, services)` receives: the store behind
 * repository interfaces, the bundled reference data, the privacy policy's settings and public
 * figures, the data version, the audit log and each feature's resolved settings. Built once per
 * app by `createServices` (server/services/index.ts). Type-only: nothing here touches the store.
 */
import type { BoundarySet, Station } from '../../reference/boundaries/index.ts';
import type { ReadyGeocoder } from '../../reference/geocoder/index.ts';
import type { NewsScheduleView } from '../../etl/news/schedule.ts';
import type { ChatExport, ChatImportReport } from '../../etl/chat/index.ts';
import type { SyncScheduleView } from '../../etl/sync/index.ts';
import type { IntersectionRow } from '../../reference/streets/index.ts';
import type { TransitExtract } from '../../reference/transit/index.ts';
import type { AccountSettings } from '../accounts/options.ts';
import type { AuditLog } from '../audit/log.ts';
import type { DataVersion } from '../cache/index.ts';
import type { PlenaryOptions } from '../plenary/renderer.ts';
import type { PolicyOptions } from '../policy/index.ts';
import type { PublicData } from '../policy/public.ts';
import type { ReportOptions } from '../reports/guard.ts';
import type { SecuritySettings } from '../security/index.ts';
import type { BoundaryLoader } from '../shared/boundaries.ts';
import type { Health, IncidentWriter, Repositories } from './ports.ts';

/** Bundled reference data (reference/), each part loaded at its first use and kept for the process. */
export interface ReferenceData {
  /** simplified display boundaries per kind and vintage */
  boundaries: BoundaryLoader;
  /** Metro and Metrobús stations (search) */
  stations(): readonly Station[];
  /** the exact boundary sets (point-in-polygon joins, study areas) */
  boundarySets(): readonly BoundarySet[];
  /** the ready geocoder: gazetteer, free text and reverse geocoding */
  geocoder(): ReadyGeocoder;
  /** the transit network (stations of every mode, lines in travel order with their colours) */
  transit(): TransitExtract;
  /** INEGI street corners (street names of a place) */
  intersections(): readonly IntersectionRow[];
}

/** Feature settings, resolved from the app's options, then the environment, then the defaults. */
export interface FeatureSettings {
  accounts: AccountSettings;
  /** citizen-report form limits, as given (resolved against the environment by server/reports/guard.ts) */
  reports: ReportOptions;
  plenary: PlenaryOptions;
  security: SecuritySettings;
  cache: { maxEntries?: number; maxBytes?: number };
  /** the configured news sources and whether their schedule runs (read at each request: the file may change) */
  news: { schedule(): NewsScheduleView };
  /** the open-data sync's sources file and schedule (read at each request, like the news schedule) */
  sync: { schedule(): SyncScheduleView };
  /** the street basemap's PMTiles archive (`BASEMAP_PMTILES`), or null: boundaries only */
  basemap: { pmtiles: string | null };
}

/**
 * Where a request's read-only queries run (server/cache wraps each GET in `run`): a read replica
 * that is up, else the primary. `version` is the replica's data version when one answered (it may
 * be behind the primary's); undefined when the primary answered.
 */
export interface ReadRouting {
  /** the replicas' names (host:port); empty without `DATABASE_REPLICA_URL` */
  replicas: readonly string[];
  run<T>(fn: () => Promise<T>): Promise<{ result: T; version?: string; replica?: string }>;
}

export interface Services {
  repositories: Repositories;
  reference: ReferenceData;
  /** privacy rules: k and the sensitive categories' delay */
  policy: PolicyOptions;
  /** the public view's figures, computed by the policy's rules */
  publicData: PublicData;
  /** bumped by every import; keys the response cache */
  dataVersion: DataVersion;
  /** the store's incident count and per-source dates at a data version (computed once per version) */
  healthAt(version: string): Promise<Health>;
  /** read replicas for the read-only queries */
  reads: ReadRouting;
  /** the buffered writer of the audit log */
  audit: AuditLog;
  settings: FeatureSettings;
  /** the store's one way to write incidents (report approval), placing them with the reference geocoder */
  incidentWriter(): IncidentWriter;
  /** queues a chat export's incident messages for moderation (etl/chat); `dryRun` counts them and writes nothing */
  importChat(file: ChatExport, opts: { dryRun: boolean }): Promise<ChatImportReport>;
}
