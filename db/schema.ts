/**
 * Table types of the store. One schema for both backends (PGlite and PostgreSQL);
 * H3 cells are bigint columns (the H3 index as a 64-bit integer) so SQL can group by them.
 */
import type { ColumnType, Generated } from 'kysely';
import type { LocationPrecision, SourceKind } from '../core/incident/index.ts';

/** bigint columns come back as strings from both drivers; we write them as bigint or string. */
type Int8 = ColumnType<string, bigint | string | number, bigint | string | number>;
type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const H3_RESOLUTIONS = [6, 7, 8, 9, 10, 11] as const;
export type H3Resolution = (typeof H3_RESOLUTIONS)[number];

export const VINTAGES = [2016, 2023] as const;
export type Vintage = (typeof VINTAGES)[number];

export const AREA_KINDS = ['alcaldia', 'colonia', 'sector', 'cuadrante'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export type { SourceKind, LocationPrecision } from '../core/incident/index.ts';

export interface IncidentsTable {
  id: Generated<Int8>;
  source_kind: SourceKind;
  /** dataset or outlet id, e.g. 'ssc_points', 'fgj_victimas', 'fgj_carpetas' */
  source: string;
  source_record_id: string;
  /** random 0 … 255, drawn once at write time (column default): the cell-key method's record key */
  record_key: Generated<number>;
  import_id: number | null;
  /** local (America/Mexico_City) calendar date */
  occurred_on: DateCol;
  /** first day of the local month: the bucket of every monthly series */
  month: DateCol;
  /** local hour 0–23, null when the source gives none or an invalid one */
  hour: number | null;
  /** ISO day of week 1 (Monday) … 7 (Sunday) */
  dow: number;
  occurred_at: Timestamp | null;
  time_precision: 'hour' | 'date';
  category: string;
  violence: 'con' | 'sin' | null;
  attempt: boolean;
  original_label: string;
  victims: number;
  lat: number | null;
  lon: number | null;
  location_precision: LocationPrecision;
  alcaldia_2016: string | null;
  alcaldia_2023: string | null;
  colonia: string | null;
  cuadrante_2016: string | null;
  sector_2016: string | null;
  cuadrante_2023: string | null;
  sector_2023: string | null;
  h3_6: Int8 | null;
  h3_7: Int8 | null;
  h3_8: Int8 | null;
  h3_9: Int8 | null;
  h3_10: Int8 | null;
  h3_11: Int8 | null;
}

export interface AreasTable {
  kind: AreaKind;
  vintage: number;
  id: string;
  name: string;
  alcaldia_id: string | null;
  /** null when unknown or 0: rates are then null */
  population: number | null;
}

export interface ImportsTable {
  id: Generated<number>;
  source: string;
  file_name: string;
  file_sha256: string;
  status: 'running' | 'done' | 'failed';
  started_at: Generated<Timestamp>;
  finished_at: Timestamp | null;
  /** the import report: rows read, incidents, duplicates, quarantined, unlocated, non-crimes, otros … */
  report: ColumnType<Record<string, unknown>, string, string> | null;
}

export interface QuarantineTable {
  id: Generated<Int8>;
  import_id: number;
  source: string;
  line_no: number;
  reason: string;
  raw: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  incidents: IncidentsTable;
  areas: AreasTable;
  imports: ImportsTable;
  quarantine: QuarantineTable;
  meta: MetaTable;
  news_articles: NewsArticlesTable;
  news_decisions: NewsDecisionsTable;
  incident_sources: IncidentSourcesTable;
  api_tokens: TokensTable;
  users: UsersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  login_attempts: LoginAttemptsTable;
  citizen_reports: CitizenReportsTable;
  audit_log: AuditTable;
  targets: TargetsTable;
  job_runs: JobRunsTable;
  cell_months: CellMonthsTable;
  area_months: AreaMonthsTable;
  sync_resources: SyncResourcesTable;
  sync_records: SyncRecordsTable;
  sync_retractions: SyncRetractionsTable;
}

/* ---- news (migration 002) ---- */

export type ArticleStatus = 'incident' | 'not_incident' | 'unplaced' | 'duplicate';
export type SourceRelation = 'origin' | 'same_story' | 'same_event';

export interface NewsArticlesTable {
  id: Generated<Int8>;
  url: string;
  canonical_url: string;
  outlet: string;
  feed: string;
  fetched_at: Timestamp;
  extractor_version: string;
  classifier_version: string;
  content_sha256: string;
  title: string | null;
  published_at: Timestamp | null;
  event_date: ColumnType<string, string, string> | null;
  classification: Json<Record<string, unknown>>;
  geocode: Json<Record<string, unknown>> | null;
  fingerprint: Json<{
    mins: number[];
    size: number;
    terms: Record<string, number>;
    entities?: { kind: string; key: string; words: number }[];
  }>;
  status: ArticleStatus;
  reason: string | null;
  incident_id: Int8 | null;
  duplicate_of: Int8 | null;
  created_at: Generated<Timestamp>;
}

export type NewsDecisionAction = 'reject' | 'correct' | 'detach' | 'merge';

/** A moderator's decision on a news incident (013), kept after the incident itself is gone. */
export interface NewsDecisionsTable {
  id: Generated<Int8>;
  incident_id: Int8;
  article_id: Int8 | null;
  action: NewsDecisionAction;
  detail: Json<Record<string, unknown>>;
  decided_by: string;
  decided_at: Generated<Timestamp>;
}

export interface IncidentSourcesTable {
  incident_id: Int8;
  article_id: Int8;
  relation: SourceRelation;
  added_at: Generated<Timestamp>;
}

/* ---- API tokens (003) and accounts (005) ---- */

/** The roles a token or account can carry (Spanish names: part of the API). */
export const ROLES = ['mesa', 'enlace', 'moderador', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface TokensTable {
  id: number;
  token_sha256: string;
  role: Role;
  name: string;
  territory: string[];
  created_at: Date;
  revoked_at: Date | null;
}

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<number>;

export interface UsersTable {
  id: Id;
  email: string;
  name: string;
  role: Role;
  territory: ColumnType<string[] | string, unknown, unknown>;
  password_hash: string;
  created_at: Ts;
  last_login_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SessionsTable {
  id: Id;
  id_hash: string;
  user_id: number;
  created_at: Ts;
  last_seen_at: Ts;
  expires_at: Ts;
}

export interface InvitationsTable {
  id: Id;
  token_sha256: string;
  email: string;
  role: Role;
  territory: ColumnType<string[] | string, unknown, unknown>;
  created_by: string;
  created_at: Ts;
  expires_at: Ts;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  user_id: number | null;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  email: string;
  ip: string;
  succeeded: boolean;
  attempted_at: Ts;
}

/* ---- citizen reports (004, 008) ---- */

export type ReportStatus = 'pending' | 'approved' | 'merged' | 'rejected';

export interface CitizenReportsTable {
  id: Generated<string>;
  folio: string;
  origin: 'form' | 'chat';
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  category: string | null;
  occurred_on: ColumnType<string, string, string>;
  hour: number | null;
  lat: number | null;
  lon: number | null;
  location_precision: string;
  location_text: string | null;
  alcaldia_id: string | null;
  colonia_id: string | null;
  description_raw: string | null;
  description_redacted: string | null;
  sender_hash: string | null;
  chat_ref: string | null;
  text_expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  decided_at: ColumnType<Date | null, never, Date | string | null>;
  decided_by: string | null;
  decision_reason: string | null;
  incident_id: string | null;
  /** the client's `Idempotency-Key` (migration 008): a retried POST finds the first report */
  client_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/* ---- audit log (006) and targets (007) ---- */

/** The stored row: an entry with its id; area ids as jsonb. */
export interface AuditTable {
  id: string;
  at: Date;
  subject: string;
  role: string;
  name: string;
  kind: 'view' | 'export' | 'login' | 'csrf';
  method: string;
  path: string;
  query: string;
  status: number;
  area_ids: unknown;
  /** the client's address (016); null on older rows */
  ip: string | null;
}

export interface TargetsTable {
  id: number;
  name: string;
  kind: AreaKind;
  area_id: string;
  vintage: number;
  category: string | null;
  baseline_from: string;
  baseline_to: string;
  reduction_pct: number;
  due_month: string;
  created_at: Date;
  created_by: string;
}

/** incidents column holding the area code of `kind` in `vintage` (colonias have one vintage). */
export function areaColumn(kind: AreaKind, vintage: Vintage) {
  if (kind === 'colonia') return 'colonia' as const;
  return `${kind}_${vintage}` as const;
}

export function h3Column(res: H3Resolution) {
  return `h3_${res}` as const;
}

/** H3 cells of one resolution, counted like areas (comparisons for a set of cells). */
export interface CellLevel {
  kind: 'h3';
  res: H3Resolution;
}

/** Where incidents are counted: the areas of a kind in a vintage, or the H3 cells of a resolution. */
export type PlaceLevel = { kind: AreaKind; vintage: Vintage } | CellLevel;

/** incidents column holding the place id at `level` (an area code, or the cell as int8). */
export function placeColumn(level: PlaceLevel) {
  return level.kind === 'h3' ? h3Column(level.res) : areaColumn(level.kind, level.vintage);
}

/** Citizen reports per client IP and fixed window (migration 009): the rate limit shared by every process. */
export interface ReportRateWindowsTable {
  client_ip: string;
  window_start: Date;
  count: number;
}

/** Runs of the background jobs (migration 012): per job and news source, shared by every process. */
export interface JobRunsTable {
  id: Generated<Int8>;
  job: string;
  source: string | null;
  started_at: Timestamp;
  finished_at: Timestamp;
  status: 'ok' | 'failed';
  counts: ColumnType<Record<string, number> | null, unknown, unknown>;
  reason: string | null;
  instance: string;
}

/** Generated secrets kept in the database when several processes share it (migration 009). */
export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: Generated<Date>;
}

/* ---- maintained aggregates (014, db/incidents/aggregates.ts) ---- */

/** Incidents per stored H3 cell (of resolution `res`), month, category and source. */
export interface CellMonthsTable {
  res: number;
  cell: Int8;
  /** first day of the local month */
  month: DateCol;
  category: string;
  source: string;
  source_kind: SourceKind;
  count: number;
  /** sum of the incidents' `record_key` (cell-key publication) */
  key_sum: number;
}

/** Incidents per area, month, category and source; `layer` is the incidents column of the area (`areaColumn`). */
export interface AreaMonthsTable {
  layer: string;
  area_id: string;
  month: DateCol;
  category: string;
  source: string;
  source_kind: SourceKind;
  count: number;
  key_sum: number;
}

/* ---- open-data sync (migration 015) ---- */

export interface SyncResourcesTable {
  /** the source's key in the sources file */
  key: string;
  /** `incidents.source` of its records */
  source: string;
  resource_id: string | null;
  url: string;
  etag: string | null;
  last_modified: string | null;
  size: Int8 | null;
  sha256: string | null;
  rows: number | null;
  import_id: number | null;
  checked_at: Timestamp;
  changed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface SyncRecordsTable {
  source: string;
  record_id: string;
  content_hash: string;
}

export interface SyncRetractionsTable {
  id: Generated<Int8>;
  source: string;
  record_id: string;
  import_id: number;
  retracted_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
