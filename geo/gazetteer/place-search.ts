/**
 * The search box's index of landmarks and street corners, on the geocoder's normaliser (`place-names`):
 * landmark names by prefix and typo (MiniSearch: the last word may be unfinished, words of 6+ letters forgive
 * an edit within 20 % of their length), corners by two street names joined as people write them
 * ("insurgentes y félix cuevas", "eje central esquina con victoria"), looked up like the geocoder looks them up.
 */
import MiniSearch from 'minisearch';
import { fuzzyFor, placeWords, searchName } from './place-names.ts';
import { pairKey, streetKey } from './street-names.ts';
import type { CornerEntry, LandmarkEntry } from './entries.ts';

export type PlaceHit =
  | { type: 'landmark'; landmark: LandmarkEntry; score: number; exact: boolean }
  | { type: 'corner'; name: string; lat: number; lon: number; alcaldiaId: string; score: number; exact: boolean };

const CORNER_JOIN = /\s+(?:y|e|esquina con|esquina|esq\.?|con)\s+/;

export class PlaceSearch {
  private readonly index = new MiniSearch<{ id: number; name: string }>({
    fields: ['name'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
  });

  constructor(
    private readonly landmarks: readonly LandmarkEntry[],
    private readonly corners: ReadonlyMap<string, readonly CornerEntry[]>,
  ) {
    this.index.addAll(landmarks.map((l, id) => ({ id, name: placeWords(l.name).join(' ') })));
  }

  /** Landmarks and corners the query may mean, best first. */
  search(query: string, limit = 10): PlaceHit[] {
    const name = searchName(query);
    const out: PlaceHit[] = [];
    const parts = name.split(CORNER_JOIN);
    if (parts.length === 2) {
      const key = pairKey(streetKey(parts[0]!), streetKey(parts[1]!));
      // One result per alcaldía: a name pair repeated across the city is listed in each.
      const byAlcaldia = new Map<string, CornerEntry[]>();
      for (const c of this.corners.get(key) ?? [])
        byAlcaldia.set(c.alcaldiaId, [...(byAlcaldia.get(c.alcaldiaId) ?? []), c]);
      for (const [alcaldiaId, cs] of byAlcaldia) {
        const best = cs.find((c) => c.source !== 'stop') ?? cs[0]!;
        out.push({
          type: 'corner',
          name: `${best.a} y ${best.b}`,
          lat: best.lat,
          lon: best.lon,
          alcaldiaId,
          score: 100,
          exact: true,
        });
      }
    }
    const words = name.split(' ').filter(Boolean);
    if (!words.length || name.length < 3) return out.slice(0, limit);
    const hits = this.index.search(words.join(' '), {
      combineWith: 'AND',
      prefix: (_t, i, terms) => i === terms.length - 1,
      fuzzy: fuzzyFor,
    });
    for (const h of hits.slice(0, limit)) {
      const landmark = this.landmarks[h.id as number]!;
      out.push({
        type: 'landmark',
        landmark,
        score: h.score,
        exact: placeWords(landmark.name).join(' ') === words.join(' '),
      });
    }
    return out.slice(0, limit);
  }
}
