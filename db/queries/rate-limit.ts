/**
 * The citizen-report rate limit's counter, in the store so that every API process shares it.
 *
 * Fixed windows (the window containing `now`, aligned to multiples of its length): one statement
 * inserts the window's first report or adds one to it and returns the new count — atomic in
 * PostgreSQL (`INSERT … ON CONFLICT … DO UPDATE … RETURNING` takes the row lock), so two processes
 * counting the same IP at once never both see the last free slot.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, ReportRateWindowsTable } from '../schema.ts';

type RateDb = Kysely<Database & { report_rate_windows: ReportRateWindowsTable }>;

/** Start of the fixed window of length `windowMs` that contains `nowMs`. */
export function windowStart(nowMs: number, windowMs: number): number {
  return Math.floor(nowMs / windowMs) * windowMs;
}

/** Counts one more report from `clientIp` in the window starting at `startMs`; returns the window's count, this one included. */
export async function countReport(store: { db: Kysely<Database> }, clientIp: string, startMs: number): Promise<number> {
  const db = store.db as RateDb;
  const row = await db
    .insertInto('report_rate_windows')
    .values({ client_ip: clientIp, window_start: new Date(startMs), count: 1 })
    .onConflict((oc) =>
      oc.columns(['client_ip', 'window_start']).doUpdateSet({ count: sql`report_rate_windows.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Counts one more request of `scope` (e.g. `plenary`) from `clientIp`: the same table, keyed
 * `<scope>:<ip>` so that each limit counts only its own requests (reports use the bare IP).
 */
export async function countScopedRequest(
  store: { db: Kysely<Database> },
  scope: string,
  clientIp: string,
  startMs: number,
): Promise<number> {
  return countReport(store, `${scope}:${clientIp}`, startMs);
}

/** Drops the windows that ended before `beforeMs` (they can no longer refuse anything). */
export async function purgeReportWindows(store: { db: Kysely<Database> }, beforeMs: number): Promise<void> {
  const db = store.db as RateDb;
  await db.deleteFrom('report_rate_windows').where('window_start', '<', new Date(beforeMs)).execute();
}
