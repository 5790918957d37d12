/** Street corners of Mexico City as INEGI's ATUS crash records place them (`data/streets/intersections.json.gz`, built by `extract.ts`). */
import { readBundledJson } from '../files/index.ts';

/** [street A, street B (A < B), lat, lon, alcaldía cvegeo]. */
export type IntersectionRow = [string, string, number, number, string];

let rows: IntersectionRow[] | undefined;

export function loadIntersections(): IntersectionRow[] {
  return (rows ??= readBundledJson<IntersectionRow[]>('streets/intersections.json.gz'));
}
