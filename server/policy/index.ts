/**
 * The privacy policy (issue 6, item 2): the ONE place that decides what a caller may see. Routes
 * ask it — `hexagonPlan`, `areaPlan`, `publish*` — and never re-implement a rule.
 *
 * Who sees what:
 * - `admin` and `moderador`: every aggregate, exactly (the spine and Mesa contracts keep their numbers).
 * - `mesa` and `enlace`: exact figures for areas inside their territory (an area is inside when its
 *   id, its alcaldía id or — for a cuadrante — its sector id is one of the territory's entries:
 *   alcaldía cvegeo ids or sector ids; routes pass areas through server/shared/territory);
 *   a request that names any area outside it, or every area of a kind, gets the public view.
 *   Hexagons never follow a territory's borders, so they get the public hexagons.
 * - the public (no token): aggregates only, built as described below.
 *
 * Public figures (k-suppression on published monthly values; k = `PUBLIC_MIN_COUNT`, 3 by default):
 * - H3 resolution ≤ 8 (`forbidden_resolution` otherwise); area polygons of every kind.
 * - Date windows are whole months (`month_aligned_required` otherwise).
 * - For each cell or area and calendar month the count is *published* when it is 0 or ≥ k and
 *   *withheld* (null) when it is 1 … k−1. A figure over several months is the SUM of the published
 *   monthly values, `partial: true` when some month was withheld, and null when nothing but
 *   withheld months had incidents. Every public number is therefore a sum of published monthly
 *   numbers: two overlapping windows differ by a sum of published months, never by a withheld one.
 * - Sensitive categories (`SENSITIVE_CATEGORIES`: secuestro, extorsión, violación, feminicidio)
 *   are public only by alcaldía and month, and only for months that ended at least
 *   `SENSITIVE_DELAY_DAYS` (30) days before the reference date — the earlier of the data's last
 *   date and today (old data stays old; live data waits the delay). Later months are withheld.
 *   Asking for one at a finer level (hexagons, colonias, sectores, cuadrantes) → 403 `sensitive_category`.
 * - Without a category filter (= every category) the public gets every NON-sensitive category,
 *   at every level: sensitive figures are public only when asked for by name, by alcaldía.
 *
 * Known limit: suppression is per published table. Differencing along other dimensions —
 * category A against A+B, or hexagons against cuadrantes — is not prevented by this rule.
 */
import { AppError } from '../../core/errors/index.ts';
import { CATEGORY_IDS, SENSITIVE_CATEGORIES } from '../../core/taxonomy/index.ts';
import { addDays, nextMonthStart } from '../../core/time/calendar.ts';
import type { AreaKind } from '../services/ports.ts';
import type { Principal } from '../auth/index.ts';

export const DEFAULT_PUBLIC_MIN_COUNT = 3;
export const DEFAULT_SENSITIVE_DELAY_DAYS = 30;
export const PUBLIC_MAX_RESOLUTION = 8;

export interface PolicyOptions {
  /** k: monthly counts 1 … k−1 are withheld from the public */
  minCount: number;
  /** days after a month's end before its sensitive-category figures are public */
  sensitiveDelayDays: number;
}

/** Options from `createApp` first, then the environment (`PUBLIC_MIN_COUNT`, `SENSITIVE_DELAY_DAYS`), then defaults. */
export function policyOptions(given: Partial<PolicyOptions> = {}, env: NodeJS.ProcessEnv = process.env): PolicyOptions {
  const num = (v: string | undefined, name: string, min: number) => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${v}"`);
    return n;
  };
  const minCount = given.minCount ?? num(env.PUBLIC_MIN_COUNT, 'PUBLIC_MIN_COUNT', 1) ?? DEFAULT_PUBLIC_MIN_COUNT;
  const sensitiveDelayDays = given.sensitiveDelayDays ?? num(env.SENSITIVE_DELAY_DAYS, 'SENSITIVE_DELAY_DAYS', 0) ?? DEFAULT_SENSITIVE_DELAY_DAYS;
  if (!Number.isInteger(minCount) || minCount < 1) throw new Error(`minCount must be an integer ≥ 1, got ${minCount}`);
  return { minCount, sensitiveDelayDays };
}

export type Caller = Principal | null | undefined;

/** admin and moderador see every aggregate exactly. */
export function seesEverything(p: Caller): boolean {
  return p?.role === 'admin' || p?.role === 'moderador';
}

/**
 * The response-cache class of a caller: answers may differ between classes, never within one.
 * `public`, `full` (admin, moderador) or `territory:<role>:<sorted ids>`.
 */
export function visibilityClass(p: Caller): string {
  if (!p) return 'public';
  if (seesEverything(p)) return 'full';
  return `territory:${p.role}:${[...p.territory].sort().join(',')}`;
}

/** An area is inside a territory when its id or its alcaldía id is listed. */
export function insideTerritory(p: Caller, area: { id: string; alcaldia_id: string | null }): boolean {
  if (!p) return false;
  if (seesEverything(p)) return true;
  return p.territory.includes(area.id) || (area.alcaldia_id !== null && p.territory.includes(area.alcaldia_id));
}

/** What a route must compute: the exact figures, or the public ones with these rules. */
export type Plan = { exact: true; categories: readonly string[] | null } | { exact: false; categories: readonly string[]; sensitive: boolean };

function isSensitive(id: string): boolean {
  return (SENSITIVE_CATEGORIES as readonly string[]).includes(id);
}

/** The categories a public answer counts at `level`, or 403 `sensitive_category`. */
export function publicCategories(requested: readonly string[] | null, level: 'hexagon' | AreaKind): { categories: readonly string[]; sensitive: boolean } {
  if (requested === null) return { categories: CATEGORY_IDS.filter((c) => !isSensitive(c)), sensitive: false };
  const sensitive = requested.filter(isSensitive);
  if (sensitive.length && level !== 'alcaldia') {
    throw new AppError('sensitive_category', `${sensitive.join(', ')}: en ${level === 'hexagon' ? 'hexágonos' : level} no es público; pida alcaldías por mes`);
  }
  return { categories: requested, sensitive: sensitive.length > 0 };
}

/** Public windows start and end on the first day of a month. */
export function checkMonthAligned(from: string | undefined, to: string | undefined, label = 'from/to'): void {
  for (const d of [from, to]) {
    if (d !== undefined && !d.endsWith('-01')) throw new AppError('month_aligned_required', `${label}: ${d}`);
  }
}

export function checkPublicResolution(res: number): void {
  if (res > PUBLIC_MAX_RESOLUTION) throw new AppError('forbidden_resolution', `res=${res} (máximo ${PUBLIC_MAX_RESOLUTION} sin token)`);
}

/** Plan for an H3 request: exact for admin/moderador; everyone else gets public hexagons. */
export function hexagonPlan(p: Caller, q: { res: number; categories: readonly string[] | null; windows: readonly { from?: string; to?: string; label?: string }[] }): Plan {
  if (seesEverything(p)) return { exact: true, categories: q.categories };
  checkPublicResolution(q.res);
  for (const w of q.windows) checkMonthAligned(w.from, w.to, w.label);
  return { exact: false, ...publicCategories(q.categories, 'hexagon') };
}

/**
 * Plan for an area request. `areas`: the areas the answer covers, or 'all' (every area of the
 * kind: never inside one territory).
 */
export function areaPlan(
  p: Caller,
  q: { kind: AreaKind; areas: readonly TerritoryArea[] | 'all'; categories: readonly string[] | null; windows: readonly { from?: string; to?: string; label?: string }[] },
): Plan {
  if (seesEverything(p)) return { exact: true, categories: q.categories };
  if (p && q.areas !== 'all' && q.areas.length > 0 && q.areas.every((a) => withinTerritory(p, a))) return { exact: true, categories: q.categories };
  for (const w of q.windows) checkMonthAligned(w.from, w.to, w.label);
  return { exact: false, ...publicCategories(q.categories, q.kind) };
}

/**
 * The first month (`YYYY-MM`) whose sensitive figures are still withheld: a month is released
 * when its end plus `delayDays` is on or before the reference date (the earlier of the data's
 * last date and today).
 */
export function sensitiveEmbargoFrom(dataUntil: string | null, today: string, delayDays: number): string {
  const reference = dataUntil && dataUntil < today ? dataUntil : today;
  const cutoff = addDays(reference, -delayDays); // months ending on or before this are released
  // the month containing `cutoff` ends after it unless cutoff is its last day
  const month = cutoff.slice(0, 7);
  return nextMonthStart(month) === addDays(cutoff, 1) ? nextMonthStart(month).slice(0, 7) : month;
}

/** How public monthly values are published. */
export interface Publication {
  k: number;
  /** months ≥ this (`YYYY-MM`) are withheld whatever their count (sensitive embargo) */
  embargoFrom?: string;
}

/** One month's public value: null (withheld) for 1 … k−1 or an embargoed month, else the count. */
export function publishMonth(month: string, count: number, pub: Publication): number | null {
  if (pub.embargoFrom !== undefined && month >= pub.embargoFrom) return null;
  return count > 0 && count < pub.k ? null : count;
}

export interface PublishedFigure {
  /** sum of the published monthly values; null when every month with incidents was withheld */
  count: number | null;
  /** some month of the window was withheld */
  partial: boolean;
}

/**
 * A public figure over a window: the sum of the published monthly values. `monthly`: the counts
 * per month (months absent count 0); `windowMonths`: every month of the window, so that an
 * embargoed month with no incidents still marks the figure partial.
 */
export function publishTotal(monthly: ReadonlyMap<string, number> | undefined, pub: Publication, windowMonths?: readonly string[]): PublishedFigure {
  let sum = 0;
  let partial = false;
  const months = new Set<string>(monthly?.keys() ?? []);
  for (const m of windowMonths ?? []) months.add(m);
  for (const m of months) {
    const v = publishMonth(m, monthly?.get(m) ?? 0, pub);
    if (v === null) partial = true;
    else sum += v;
  }
  return { count: partial && sum === 0 ? null : sum, partial };
}

/** A dense monthly series with withheld months as null. */
export function publishSeries(series: readonly { period: string; count: number }[], pub: Publication): { period: string; count: number | null }[] {
  return series.map((s) => ({ period: s.period, count: publishMonth(s.period, s.count, pub) }));
}

/** Today's local date in Mexico City (`YYYY-MM-DD`). */
export function todayInCdmx(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'America/Mexico_City' });
}

// --- detail routes (helper "mesa-api": patrol planning, target writes) --------------------------

/** An area as the detail checks see it: a cuadrante also names its sector (territories list sectors). */
export interface TerritoryArea {
  id: string;
  alcaldia_id: string | null;
  /** the sector holding a cuadrante, when known */
  sector_id?: string | null;
}

/**
 * Whether `area` lies in the caller's territory: `insideTerritory`, or — for a cuadrante — its
 * sector is listed (a Mesa whose territory is a sector plans the patrols of that sector's cuadrantes).
 */
export function withinTerritory(p: Caller, area: TerritoryArea): boolean {
  if (insideTerritory(p, area)) return true;
  return Boolean(p && area.sector_id && p.territory.includes(area.sector_id));
}

/**
 * Detail-level data (per-incident hour/day patterns, H3 cells finer than the public ones): admin
 * and moderador always; mesa and enlace only for areas inside their territory; everyone else —
 * the public included — 403 `forbidden`.
 */
export function requireDetail(p: Caller, areas: readonly TerritoryArea[]): void {
  if (seesEverything(p)) return;
  if (p && (p.role === 'mesa' || p.role === 'enlace') && areas.length > 0 && areas.every((a) => withinTerritory(p, a))) return;
  const what = areas.map((a) => a.id).slice(0, 5).join(', ');
  throw new AppError('forbidden', p ? `${what}: fuera del territorio de ${p.role}` : `${what}: solo con acceso de mesa, enlace, moderador o admin`);
}
