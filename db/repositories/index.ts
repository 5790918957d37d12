/**
 * The store as the API sees it: one repository per concern, each a set of `db/queries` functions
 * with the store already bound. The SQL stays in `db/queries`; this module only binds it, so the
 * server reaches the store through interfaces it can fake in tests, and a query's signature is
 * written once (the repository types are derived from the query functions themselves).
 */
import type { Store } from '../connect.ts';
import { createIncidentRepository, type IncidentRepository } from '../queries/index.ts';
import { createStatsQueries, type StatsQueries } from '../queries/stats.ts';
import { cellMonthCounts } from '../queries/published.ts';
import {
  changeUserRole,
  createInvitation,
  revokeToken,
  credentialsEpoch,
  disableUser,
  findUserForLogin,
  listUsers,
  redeemInvitation,
} from '../queries/accounts.ts';
import {
  claimLoginAttempt,
  loginBlockedForMs,
  purgeLoginAttempts,
  recordLoginAttempt,
  settleLoginAttempt,
} from '../queries/login-attempts.ts';
import { createSession, deleteSession, findSession, purgeExpiredSessions, touchSession } from '../queries/sessions.ts';
import { findToken, issueToken, listTokens } from '../queries/tokens.ts';
import { insertAuditEntries, listAuditEntries, purgeAuditEntries } from '../queries/audit.ts';
import {
  approveReport,
  countHoneypot,
  countReports,
  insertReport,
  listReports,
  mergeReport,
  rejectReport,
  reportByClientKey,
  reportByFolio,
} from '../queries/reports.ts';
import { areaSourceMonths, createTarget, deleteTarget, getTarget, listTargets } from '../queries/targets.ts';
import { patrolCounts } from '../queries/patrol.ts';
import { countReport, countScopedRequest, purgeReportWindows } from '../queries/rate-limit.ts';
import { newsIncidents } from '../queries/news.ts';
import {
  correctNewsIncident,
  detachNewsArticle,
  mergeNewsIncidents,
  rejectNewsIncident,
} from '../queries/news-decisions.ts';
import { latestJobRuns } from '../queries/job-runs.ts';
import { lastImportsBySource } from '../queries/imports.ts';

export type {
  IncidentRepository,
  Area,
  Bbox,
  Period,
  Health,
  IncidentFilter,
  SourceCoverage,
} from '../queries/index.ts';
export type { CellCount, MonthValueTable, StatsQueries, SourceMonths, WindowSum } from '../queries/stats.ts';
export type { User, Invitation, RedeemResult } from '../queries/accounts.ts';
export type { LiveSession } from '../queries/sessions.ts';
export type { LoginLimits } from '../queries/login-attempts.ts';
export type { Role, TokenRecord, TokenListing } from '../queries/tokens.ts';
export type { AuditEntry, AuditKind, AuditItem, AuditFilter } from '../queries/audit.ts';
export type { ReportRow, ReportStatus, NewReport } from '../queries/reports.ts';
export type { TargetRecord, NewTarget } from '../queries/targets.ts';
export type { PatrolCounts, PatrolQuery } from '../queries/patrol.ts';
export type { LatestJobRun } from '../queries/job-runs.ts';
export type { NewsIncident, NewsIncidentQuery, NewsSource } from '../queries/news.ts';
export type { Correction, IncidentFromArticle, StoredArticle } from '../queries/news-decisions.ts';
// Pure helpers and constants of the store's vocabulary that the API shares (no store involved).
export { foldForSearch } from '../queries/index.ts';
export { ROLES } from '../queries/tokens.ts';
export { REPORT_STATUSES } from '../queries/reports.ts';
export { dummyPasswordHash, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, verifyPassword } from '../queries/password.ts';

type StoreHandle = Pick<Store, 'db'>;

/** A query function `(store, ...args) => R` with its store bound: `(...args) => R`. */
export type Bound<F> = F extends (store: StoreHandle, ...args: infer A) => infer R ? (...args: A) => R : never;

/** Binds `store` as the first argument of every function in `queries`. */
function bindStore<Q extends Record<string, (store: StoreHandle, ...args: never[]) => unknown>>(
  store: StoreHandle,
  queries: Q,
): { [K in keyof Q]: Bound<Q[K]> } {
  const bound: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(queries)) bound[name] = (...args: never[]) => query(store, ...args);
  return bound as { [K in keyof Q]: Bound<Q[K]> };
}

const accountQueries = {
  findUserForLogin,
  listUsers,
  disableUser,
  changeUserRole,
  createSession,
  findSession,
  touchSession,
  deleteSession,
  purgeExpiredSessions,
  createInvitation,
  redeemInvitation,
  recordLoginAttempt,
  loginBlockedForMs,
  claimLoginAttempt,
  settleLoginAttempt,
  purgeLoginAttempts,
};
const reportQueries = {
  insert: insertReport,
  byClientKey: reportByClientKey,
  byFolio: reportByFolio,
  list: listReports,
  count: countReports,
  approve: approveReport,
  merge: mergeReport,
  reject: rejectReport,
  countHoneypot,
};
const targetQueries = {
  create: createTarget,
  get: getTarget,
  list: listTargets,
  delete: deleteTarget,
  areaSourceMonths,
};

/** Users, sessions, invitations and login attempts; `credentialsEpoch` moves when access must end at once. */
export type AccountRepository = { [K in keyof typeof accountQueries]: Bound<(typeof accountQueries)[K]> } & {
  credentialsEpoch: typeof credentialsEpoch;
};
/** API bearer tokens (looked up by the token; the store keeps its SHA-256). */
export interface TokenRepository {
  find: Bound<typeof findToken>;
  issue: Bound<typeof issueToken>;
  list: Bound<typeof listTokens>;
  revoke: Bound<typeof revokeToken>;
}
/** The audit log's table: batched inserts, pages newest first, the retention purge. */
export interface AuditRepository {
  insert: Bound<typeof insertAuditEntries>;
  list: Bound<typeof listAuditEntries>;
  purge: Bound<typeof purgeAuditEntries>;
}
/** Citizen reports and their moderation. */
export type ReportRepository = { [K in keyof typeof reportQueries]: Bound<(typeof reportQueries)[K]> };
/** Mesa targets (metas) and the source coverage of an area. */
export type TargetRepository = { [K in keyof typeof targetQueries]: Bound<(typeof targetQueries)[K]> };
/** The patrol sheet's counts of one cuadrante. */
export interface PatrolRepository {
  counts: Bound<typeof patrolCounts>;
}
const newsQueries = {
  incidents: newsIncidents,
  reject: rejectNewsIncident,
  correct: correctNewsIncident,
  detach: detachNewsArticle,
  merge: mergeNewsIncidents,
};
/** News incidents of an area with the articles behind them (detail-level provenance), and moderators' decisions on them. */
export type NewsRepository = { [K in keyof typeof newsQueries]: Bound<(typeof newsQueries)[K]> };
/** The background jobs' run records, as admins read them (the latest run of each source). */
export interface JobRunRepository {
  latest: Bound<typeof latestJobRuns>;
}
/** When each official source was last imported. */
export interface ImportRepository {
  lastBySource: Bound<typeof lastImportsBySource>;
}
/** Per-cell monthly counts, the input of the public (published) hexagons. */
export interface PublishedRepository {
  cellMonthCounts: Bound<typeof cellMonthCounts>;
}

/** Per-client counters of the citizen-report form's rate limit, shared by every process on the store. */
export interface RateLimitRepository {
  countReport: Bound<typeof countReport>;
  countScopedRequest: Bound<typeof countScopedRequest>;
  purgeReportWindows: Bound<typeof purgeReportWindows>;
}

export interface Repositories {
  incidents: IncidentRepository;
  stats: StatsQueries;
  published: PublishedRepository;
  accounts: AccountRepository;
  tokens: TokenRepository;
  audit: AuditRepository;
  reports: ReportRepository;
  targets: TargetRepository;
  patrol: PatrolRepository;
  rateLimits: RateLimitRepository;
  news: NewsRepository;
  jobRuns: JobRunRepository;
  imports: ImportRepository;
}

/**
 * Every repository over one store; `incidents` may be given (a cache or a test double in front of the
 * SQL one). With read replicas (`store.reads`) the read-only aggregates — incidents, stats, published
 * counts — go through the replica routing (db/replicas.ts); every other repository writes or must
 * read its own writes, and stays on the primary.
 */
export function createRepositories(
  store: Pick<Store, 'db' | 'backend' | 'reads'>,
  given: { incidents?: IncidentRepository } = {},
): Repositories {
  const reads = store.reads ? { db: store.reads.db, backend: store.backend } : store;
  return {
    incidents: given.incidents ?? createIncidentRepository(reads),
    stats: createStatsQueries(reads),
    published: bindStore(reads, { cellMonthCounts }),
    accounts: { ...bindStore(store, accountQueries), credentialsEpoch },
    tokens: bindStore(store, { find: findToken, issue: issueToken, list: listTokens, revoke: revokeToken }),
    audit: bindStore(store, { insert: insertAuditEntries, list: listAuditEntries, purge: purgeAuditEntries }),
    reports: bindStore(store, reportQueries),
    targets: bindStore(store, targetQueries),
    patrol: bindStore(store, { counts: patrolCounts }),
    rateLimits: bindStore(store, { countReport, countScopedRequest, purgeReportWindows }),
    news: bindStore(store, newsQueries),
    jobRuns: bindStore(store, { latest: latestJobRuns }),
    imports: bindStore(store, { lastBySource: lastImportsBySource }),
  };
}
