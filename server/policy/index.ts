/**
 * The privacy policy: the ONE place that decides what a caller may see. Routes
 * ask it — `hexagonPlan`, `areaPlan`, `publish*` — and never re-implement a rule.
 *
 * Who sees what:
 * - `admin` and `moderador`: every aggregate, exactly (the spine and Mesa contracts keep their numbers).
 * - `mesa` and `enlace`: exact figures for areas inside their territory (an area is inside when its
 *   alcaldía or — for a sector or a cuadrante — its sector of the requested numbering is one of the
 *   territory's entries: alcaldía cvegeo ids or `<vintage>:<sector>`; routes pass areas through
 *   server/shared/territory). A sector name of 2016 and the same name of 2023 are different
 *   streets: a territory naming one gets the public view of the other;
 *   a request that names any area outside it, or every area of a kind, gets the public view.
 *   Hexagons never follow a territory's borders, so they get the public hexagons.
 * - the public (no token): aggregates only, built as described below.
 *
 * Public figures (k = `PUBLIC_MIN_COUNT`, 3 by default):
 * - H3 resolution ≤ 8 (`forbidden_resolution` otherwise); area polygons of every kind.
 * - Date windows are whole months (`month_aligned_required` otherwise).
 * - Every cell or area and calendar month (for the categories asked) is *published* through the
 *   cell-key method (./cell-key.ts, docs/privacy.md): its figure is a fixed function of its count
 *   and of the sum of its incidents' record keys — never 1 … k−1 (small counts become 0 or ≥ k),
 *   small bounded unbiased noise elsewhere, the same figure in every answer that publishes the
 *   same incidents. A figure over several months is the SUM of the published monthly values. Any
 *   difference of public figures (other categories, category groups, children of a parent area,
 *   finer hexagons, overlapping windows) is therefore a difference of perturbed figures with
 *   independent noise, never an exact withheld count.
 * - `PUBLIC_DISCLOSURE` chooses it: `cell-key` (the default), or `suppression` — the former rule
 *   (counts 1 … k−1 withheld as null, others exact), which differencing undoes; tests/privacy
 *   measures both.
 * - Sensitive categories (`SENSITIVE_CATEGORIES`: secuestro, extorsión, violación, feminicidio)
 *   are public only by alcaldía and month, and only for months that ended at least
 *   `SENSITIVE_DELAY_DAYS` (30) days before the reference date — the earlier of the data's last
 *   date and today (old data stays old; live data waits the delay). Later months are withheld.
 *   Asking for one at a finer level (hexagons, colonias, sectores, cuadrantes) → 403 `sensitive_category`.
 * - Without a category filter (= every category) the public gets every NON-sensitive category,
 *   at every level: sensitive figures are public only when asked for by name, by alcaldía.
 * - Each source's city-wide facts (`/api/health`, `/api/sources`, the months a public answer counts
 *   as covered): months, never days; no count below k, no months for a source of k or fewer; an
 *   overall count that is the sum of the published ones (./sources.ts).
 */
import { AppError } from '../../core/errors/index.ts';
import { CATEGORY_IDS, SENSITIVE_CATEGORIES } from '../../core/taxonomy/index.ts';
import { addDays, nextMonthStart } from '../../core/time/calendar.ts';
import type { AreaKind, CellCount, MonthValueTable, WindowSum } from '../services/ports.ts';
import { KEY_RANGE, perturb, sharedNoiseFrom } from './cell-key.ts';
import type { Principal } from '../auth/index.ts';

export const DEFAULT_PUBLIC_MIN_COUNT = 3;
export const DEFAULT_SENSITIVE_DELAY_DAYS = 30;
export const PUBLIC_MAX_RESOLUTION = 8;

/** How public monthly values are protected: the cell-key method, or (to measure attacks) plain suppression. */
export type DisclosureRule = 'cell-key' | 'suppression';
export const DISCLOSURE_RULES: readonly DisclosureRule[] = ['cell-key', 'suppression'];

export interface PolicyOptions {
  /** k: monthly counts 1 … k−1 are never published */
  minCount: number;
  disclosure: DisclosureRule;
  /** days after a month's end before its sensitive-category figures are public */
  sensitiveDelayDays: number;
}

/** Options from `createApp` first, then the environment (`PUBLIC_MIN_COUNT`, `SENSITIVE_DELAY_DAYS`, `PUBLIC_DISCLOSURE`), then defaults. */
export function policyOptions(given: Partial<PolicyOptions> = {}, env: NodeJS.ProcessEnv = process.env): PolicyOptions {
  const num = (v: string | undefined, name: string, min: number) => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${v}"`);
    return n;
  };
  const minCount = given.minCount ?? num(env.PUBLIC_MIN_COUNT, 'PUBLIC_MIN_COUNT', 1) ?? DEFAULT_PUBLIC_MIN_COUNT;
  const sensitiveDelayDays =
    given.sensitiveDelayDays ??
    num(env.SENSITIVE_DELAY_DAYS, 'SENSITIVE_DELAY_DAYS', 0) ??
    DEFAULT_SENSITIVE_DELAY_DAYS;
  if (!Number.isInteger(minCount) || minCount < 1) throw new Error(`minCount must be an integer ≥ 1, got ${minCount}`);
  const disclosure = given.disclosure ?? ((env.PUBLIC_DISCLOSURE || 'cell-key') as DisclosureRule);
  if (!DISCLOSURE_RULES.includes(disclosure))
    throw new Error(`PUBLIC_DISCLOSURE must be one of ${DISCLOSURE_RULES.join(', ')}, got "${disclosure}"`);
  return { minCount, sensitiveDelayDays, disclosure };
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

/**
 * An area is inside a territory when its alcaldía (an alcaldía's own id) or its vintage-qualified
 * sector is listed. The area's bare id is never compared: a sector's name is the same in both
 * numberings, and the territory names one of them.
 */
export function insideTerritory(p: Caller, area: TerritoryArea): boolean {
  if (!p) return false;
  if (seesEverything(p)) return true;
  if (area.alcaldia_id !== null && p.territory.includes(area.alcaldia_id)) return true;
  return Boolean(area.sector_id && p.territory.includes(area.sector_id));
}

/** What a route must compute: the exact figures, or the public ones with these rules. */
export type Plan =
  | { exact: true; categories: readonly string[] | null }
  | { exact: false; categories: readonly string[]; sensitive: boolean };

function isSensitive(id: string): boolean {
  return (SENSITIVE_CATEGORIES as readonly string[]).includes(id);
}

/** The categories a public answer counts at `level`, or 403 `sensitive_category`. */
export function publicCategories(
  requested: readonly string[] | null,
  level: 'hexagon' | AreaKind,
): { categories: readonly string[]; sensitive: boolean } {
  if (requested === null) return { categories: CATEGORY_IDS.filter((c) => !isSensitive(c)), sensitive: false };
  const sensitive = requested.filter(isSensitive);
  if (sensitive.length && level !== 'alcaldia') {
    throw new AppError(
      'sensitive_category',
      `${sensitive.join(', ')}: en ${level === 'hexagon' ? 'hexágonos' : level} no es público; pida alcaldías por mes`,
    );
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
  if (res > PUBLIC_MAX_RESOLUTION)
    throw new AppError('forbidden_resolution', `res=${res} (máximo ${PUBLIC_MAX_RESOLUTION} sin token)`);
}

/** Plan for an H3 request: exact for admin/moderador; everyone else gets public hexagons. */
export function hexagonPlan(
  p: Caller,
  q: {
    res: number;
    categories: readonly string[] | null;
    windows: readonly { from?: string; to?: string; label?: string }[];
  },
): Plan {
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
  q: {
    kind: AreaKind;
    areas: readonly TerritoryArea[] | 'all';
    categories: readonly string[] | null;
    windows: readonly { from?: string; to?: string; label?: string }[];
  },
): Plan {
  if (seesEverything(p)) return { exact: true, categories: q.categories };
  if (p && q.areas !== 'all' && q.areas.length > 0 && q.areas.every((a) => withinTerritory(p, a)))
    return { exact: true, categories: q.categories };
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
  /** absent: the cell-key method */
  rule?: DisclosureRule;
  /** months ≥ this (`YYYY-MM`) are withheld whatever their count (sensitive embargo) */
  embargoFrom?: string;
}

/**
 * One month's public value: null for an embargoed month; under the cell-key method the perturbed
 * count (./cell-key.ts: never 1 … k−1); under suppression null for 1 … k−1, else the count.
 */
export function publishMonth(month: string, cell: CellCount | undefined, pub: Publication): number | null {
  if (pub.embargoFrom !== undefined && month >= pub.embargoFrom) return null;
  const count = cell?.count ?? 0;
  if (pub.rule === 'suppression') return count > 0 && count < pub.k ? null : count;
  return perturb(count, cell?.keySum ?? 0, pub.k);
}

export interface PublishedFigure {
  /** sum of the published monthly values; null when every month with incidents was withheld */
  count: number | null;
  /** some month of the window was withheld */
  partial: boolean;
}

/**
 * A public figure over a window: the sum of the published monthly values. `monthly`: the counts
 * per month (months absent count 0); `windowMonths`: every month of the window (months of
 * `monthly` outside it are left out), so that an embargoed month with no incidents still marks the
 * figure partial; without it, the months of `monthly`.
 */
export function publishTotal(
  monthly: ReadonlyMap<string, CellCount> | undefined,
  pub: Publication,
  windowMonths?: readonly string[],
): PublishedFigure {
  let sum = 0;
  let partial = false;
  for (const m of windowMonths ?? monthly?.keys() ?? []) {
    const v = publishMonth(m, monthly?.get(m), pub);
    if (v === null) partial = true;
    else sum += v;
  }
  return windowFigure(sum, partial);
}

/** A window's figure from its sum of published values: null when something was withheld and nothing shows. */
function windowFigure(sum: number, partial: boolean): PublishedFigure {
  return { count: partial && sum === 0 ? null : sum, partial };
}

/** Tables by rule and k: built once (a few thousand `publishMonth` calls), not per request. */
const publicationTables = new Map<string, MonthValueTable>();

/**
 * `publishMonth` as a table the store applies to every place-month in SQL (db/queries/stats.ts
 * `windowSumsByArea`), so long windows over many places are summed in the database and not row by
 * row on the event loop. Every entry is read off `publishMonth` itself; counts from `cap` on rely
 * on the rule publishing n as n plus a noise of the key alone (the cell-key method's shared row;
 * suppression publishes them as they are), which server/policy tests check against `publishMonth`.
 */
export function publicationTable(pub: Publication): MonthValueTable {
  const rule = pub.rule ?? 'cell-key';
  let table = publicationTables.get(`${rule}:${pub.k}`);
  if (!table) {
    const cap = rule === 'suppression' ? pub.k : sharedNoiseFrom(pub.k);
    const valueOf = (n: number, key: number) => publishMonth('', { count: n, keySum: key }, { k: pub.k, rule });
    const small: (number | null)[] = [];
    for (let n = 0; n < cap; n++) for (let key = 0; key < KEY_RANGE; key++) small.push(valueOf(n, key));
    const shift = Array.from({ length: KEY_RANGE }, (_, key) => valueOf(cap, key)! - cap);
    publicationTables.set(`${rule}:${pub.k}`, (table = { keyRange: KEY_RANGE, cap, small, shift }));
  }
  return pub.embargoFrom ? { ...table, withheldFrom: pub.embargoFrom } : table;
}

/**
 * The public figure of a window from the store's sum of its published months (`publicationTable`),
 * equal to `publishTotal` over the same months: an embargoed month of the window withholds even
 * where the place had no incidents.
 */
export function publishWindowSum(
  summed: WindowSum | undefined,
  pub: Publication,
  windowMonths: readonly string[],
): PublishedFigure {
  const embargoed = pub.embargoFrom !== undefined && windowMonths.some((m) => m >= pub.embargoFrom!);
  return windowFigure(summed?.sum ?? 0, embargoed || Boolean(summed?.withheld));
}

/** The exact counts of monthly cells (detail access: no perturbation). */
export function exactCounts(monthly: ReadonlyMap<string, CellCount> | undefined): Map<string, number> {
  return new Map([...(monthly ?? [])].map(([m, c]) => [m, c.count]));
}

/** A dense monthly series over `months` (withheld months null); months absent from `monthly` had no incidents. */
export function publishSeries(
  months: readonly string[],
  monthly: ReadonlyMap<string, CellCount> | undefined,
  pub: Publication,
): { period: string; count: number | null }[] {
  return months.map((period) => ({ period, count: publishMonth(period, monthly?.get(period), pub) }));
}

/** Today's local date in Mexico City (`YYYY-MM-DD`). */
export function todayInCdmx(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'America/Mexico_City' });
}

// --- detail routes (helper "mesa-api": patrol planning, target writes) --------------------------

/**
 * An area as the territory checks see it (server/shared/territory builds it): its alcaldía — an
 * alcaldía's own id — and, for a sector or a cuadrante, its sector in the requested numbering.
 */
export interface TerritoryArea {
  id: string;
  alcaldia_id: string | null;
  /** `<vintage>:<sector>`: a sector itself, or the sector holding a cuadrante, when known */
  sector_id?: string | null;
}

/**
 * Whether `area` lies in the caller's territory (`insideTerritory`): a Mesa whose territory is a
 * sector plans the patrols of that sector's cuadrantes, of that numbering only.
 */
export function withinTerritory(p: Caller, area: TerritoryArea): boolean {
  return insideTerritory(p, area);
}

/**
 * Detail-level data (per-incident hour/day patterns, H3 cells finer than the public ones): admin
 * and moderador always; mesa and enlace only for areas inside their territory; everyone else —
 * the public included — 403 `forbidden`.
 */
export function requireDetail(p: Caller, areas: readonly TerritoryArea[]): void {
  if (seesEverything(p)) return;
  if (p && (p.role === 'mesa' || p.role === 'enlace') && areas.length > 0 && areas.every((a) => withinTerritory(p, a)))
    return;
  const what = areas
    .map((a) => a.id)
    .slice(0, 5)
    .join(', ');
  throw new AppError(
    'forbidden',
    p ? `${what}: fuera del territorio de ${p.role}` : `${what}: solo con acceso de mesa, enlace, moderador o admin`,
  );
}
