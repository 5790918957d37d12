/**
 * Response types of the aggregate answers (hotspot cells, comparisons) that the map calls
 * (./client.ts) and the Mesa calls (./mesa.ts) both use.
 */

/** Public answers (no token) withhold small counts: `count` null = "menos de k" (dato reservado). */
export interface HotspotCell {
  h3: string;
  count: number | null;
  /** some month of the period was withheld: the count is the sum of the published months */
  partial?: boolean;
}

export interface Hotspots {
  res: number;
  /** k of the public view (counts 1 … k−1 are withheld); absent for detailed answers */
  min_count?: number;
  cells: HotspotCell[];
}

export interface CompareItem {
  id: string;
  name: string;
  p1: number | null;
  p2: number | null;
  diff: number | null;
  partial_p1?: boolean;
  partial_p2?: boolean;
  pct: number | null;
  population: number | null;
  rate_p1: number | null;
  rate_p2: number | null;
}

export interface Comparison {
  items: CompareItem[];
}
