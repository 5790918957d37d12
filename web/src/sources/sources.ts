/**
 * The "cifra negra" view: the same area and period counted by each source kind
 * — official records against news, citizen reports and community chats — so a Mesa sees where
 * reports exceed denuncias. Pure helpers over `/api/compare` answers (one per source filter).
 */
import type { SourceKind } from '../api/client.ts';

export const SOURCE_KINDS: readonly SourceKind[] = ['official', 'news', 'citizen', 'chat'];

export const SOURCE_LABELS: Record<SourceKind, string> = {
  official: 'Oficial (SSC, FGJ)',
  news: 'Noticias',
  citizen: 'Reportes ciudadanos',
  chat: 'Chats vecinales',
};

/** Non-official sources, counted together against the official one. */
export const REPORT_SOURCES: readonly SourceKind[] = ['news', 'citizen', 'chat'];

export interface AreaCount {
  id: string;
  name: string;
  /** null = withheld by the privacy rule */
  count: number | null;
}

export interface ExcessRow {
  id: string;
  name: string;
  official: number | null;
  reports: number;
  /** reports − official (official withheld counts as fewer than `minCount`) */
  excess: number;
}

/**
 * Areas where news + citizen + chat reports outnumber official records, largest excess first.
 * A withheld official count means 1 … minCount−1 records: the excess is reckoned against
 * minCount − 1, the most it could be, so an area is never listed on a guess.
 */
export function reportsExceedingOfficial(
  official: readonly AreaCount[],
  reports: readonly AreaCount[],
  minCount = 3,
  limit = 15,
): ExcessRow[] {
  const officialById = new Map(official.map((a) => [a.id, a.count] as const));
  const rows: ExcessRow[] = [];
  for (const area of reports) {
    if (area.count === null || area.count === 0) continue;
    const o = officialById.has(area.id) ? officialById.get(area.id)! : 0;
    const excess = area.count - (o === null ? minCount - 1 : o);
    if (excess > 0) rows.push({ id: area.id, name: area.name, official: o, reports: area.count, excess });
  }
  return rows.sort((a, b) => b.excess - a.excess || a.name.localeCompare(b.name, 'es')).slice(0, limit);
}

/** Sum of published counts; `withheld` says how many areas had a withheld figure (null): left out of the sum. */
export function sumCounts(areas: readonly AreaCount[]): { total: number; withheld: number } {
  let total = 0;
  let withheld = 0;
  for (const a of areas) {
    if (a.count === null) withheld++;
    else total += a.count;
  }
  return { total, withheld };
}

/** Bar widths (0–100 %) of each source's count, relative to the largest. */
export function barWidths(counts: Record<SourceKind, number>): Record<SourceKind, number> {
  const max = Math.max(0, ...Object.values(counts));
  const out = {} as Record<SourceKind, number>;
  for (const kind of SOURCE_KINDS) out[kind] = max > 0 ? (counts[kind] / max) * 100 : 0;
  return out;
}
