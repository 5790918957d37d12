/**
 * The store's vocabulary as the API uses it: repository interfaces, row types and the few constants
 * and pure helpers of the store that routes share. Features import these from here, never from
 * `db/`, so the store stays behind the services object (server/services/index.ts builds it).
 */
export type {
  AccountRepository,
  Area,
  AuditEntry,
  AuditFilter,
  AuditItem,
  AuditKind,
  AuditRepository,
  Bbox,
  Health,
  IncidentFilter,
  IncidentRepository,
  Invitation,
  JobRunRepository,
  LatestJobRun,
  LiveSession,
  MonthValueTable,
  NewReport,
  NewTarget,
  PatrolCounts,
  PatrolQuery,
  PatrolRepository,
  Period,
  PublishedRepository,
  RateLimitRepository,
  Repositories,
  CellCount,
  ReportRepository,
  ReportRow,
  ReportStatus,
  Role,
  SourceCoverage,
  SourceMonths,
  StatsQueries,
  TargetRecord,
  TargetRepository,
  TokenRecord,
  TokenRepository,
  User,
  WindowSum,
} from '../../db/repositories/index.ts';
export {
  dummyPasswordHash,
  foldForSearch,
  MAX_PASSWORD_CHARS,
  MIN_PASSWORD_CHARS,
  REPORT_STATUSES,
  ROLES,
  verifyPassword,
} from '../../db/repositories/index.ts';
export { AREA_KINDS, H3_RESOLUTIONS } from '../../db/schema.ts';
export { secretFromEnvValue } from '../../db/secrets.ts';
export type { AreaKind, H3Resolution, PlaceLevel, Vintage } from '../../db/schema.ts';
export { windowStart } from '../../db/queries/rate-limit.ts';
export type { IncidentWriter } from '../../db/incidents/writer.ts';
