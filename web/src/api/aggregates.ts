/**
 * Response types of the aggregate answers (hotspot cells, comparisons) that the map calls
 * (./client.ts) and the Mesa calls (./mesa.ts) both use, as the contract describes them. Public
 * answers (no token) withhold small counts: `count` null = "menos de k" (dato reservado).
 */
import type { ApiAnswer } from './contract.ts';

export type Hotspots = ApiAnswer<'/api/hotspots'>;
export type HotspotCell = Hotspots['cells'][number];
export type Comparison = ApiAnswer<'/api/compare'>;
export type CompareItem = Comparison['items'][number];
