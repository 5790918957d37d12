/**
 * Reading and filtering place ids at any `PlaceLevel`: area codes are stored as they are shown;
 * H3 cells are int8 columns shown as h3-js hex strings. Every query that counts per place (series,
 * comparisons, monthly counts) goes through these two helpers so cells and areas share one SQL.
 */
import { sql, type RawBuilder } from 'kysely';
import { h3ToBigInt } from '../../geo/h3/index.ts';
import type { PlaceLevel } from '../schema.ts';

/**
 * The place id as the API shows it — the area code, or the cell's lower-case hex — of the `place`
 * column of the aggregated rows (`./aggregated.ts` `placeMonthRows`).
 */
export function placeIdExpr(level: PlaceLevel): RawBuilder<string> {
  return level.kind === 'h3' ? sql<string>`to_hex(place)` : sql<string>`place`;
}

/**
 * Ids as the column stores them, for `where … in`: cells as int8 decimal strings (a hex id that
 * is not a cell throws: routes validate ids before they reach the store). An empty list becomes
 * one value no row has, so `in` stays valid SQL.
 */
export function placeDbIds(level: PlaceLevel, ids: readonly string[]): string[] {
  if (ids.length === 0) return level.kind === 'h3' ? ['0'] : [''];
  return level.kind === 'h3' ? ids.map((id) => h3ToBigInt(id).toString()) : [...ids];
}
