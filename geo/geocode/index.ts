/**
 * Free-text and structured geocoding over a prebuilt gazetteer. Pure: returns result objects without
 * the H3 cell (the ETL adds it), does no I/O.
 *
 * Free text: mentions are weighed as evidence for alcaldías (and for "outside the city"); the
 * alcaldía with most evidence anchors the result, and the most specific mention consistent with it is
 * chosen: station > street inside a resolved colonia > colonia > cuadrante > alcaldía.
 */
import { alcaldiaIdFor, words, type ColoniaEntry, type Gazetteer } from '../gazetteer/index.ts';
import { findMentions, type Mention } from './mentions.ts';
import { decideColonia, idfWeights, rankColonias, type IdfWeights } from './structured.ts';
import { constrainToStatedAlcaldia } from './stated-alcaldia.ts';
import { findCorner, findCornerInWords, metres } from './corners.ts';
import { findAvenuePoint } from './avenues.ts';
import { maskPlates } from './plates.ts';

/** Places of one landmark name farther apart than this are different landmarks ("Hospital General"). */
const SAME_LANDMARK_M = 1000;

export { findMentions, type Mention, type MentionType } from './mentions.ts';
export { rankColonias, decideColonia, idfWeights, nameSimilarity } from './structured.ts';

export type Status = 'ok' | 'ambiguous' | 'outside_cdmx' | 'not_found' | 'error';
export type Precision =
  'station' | 'landmark' | 'stop' | 'intersection' | 'street' | 'colonia' | 'cuadrante' | 'alcaldia';

export interface Candidate {
  colonia_id: string;
  colonia: string;
  alcaldia: string;
}
export interface PublicMention {
  text: string;
  start: number;
  end: number;
  type: Mention['type'];
  resolved_id: string | null;
}

/** The CLI's result object minus `id` and `h3`. */
export interface GeocodeResult {
  status: Status;
  lat: number | null;
  lon: number | null;
  precision: Precision | null;
  alcaldia: string | null;
  alcaldia_id: string | null;
  colonia: string | null;
  colonia_id: string | null;
  confidence: number | null;
  candidates: Candidate[];
  mentions: PublicMention[];
  error: string | null;
}

/** An alcaldía field that names a municipality or state outside the city ("NEZAHUALCOYOTL", "FUERA DE CDMX"). */
function isOutsidePlace(gaz: Gazetteer, raw: string): boolean {
  const w = words(raw);
  if (w.includes('fuera') || w.includes('foraneo')) return true;
  for (let i = 0; i < w.length; i++) {
    const hit = gaz.outside.get(w.slice(i));
    if (hit.some((p) => p.kind !== 'cue')) return true;
  }
  const all = gaz.outside.get(w);
  return all.some((p) => p.kind !== 'cue');
}

/**
 * Whether the text places the event in two alcaldías at once (an alcaldía named beside a colonia of
 * another one, "Colonia Obrera alcaldía Benito Juárez"): a contradiction makes any point weaker evidence.
 */
export function statesTwoAlcaldias(found: readonly Mention[]): boolean {
  const firm = new Set<string>();
  for (const m of found) {
    if (m.type === 'alcaldia' && m.alcaldiaId) firm.add(m.alcaldiaId);
    const alcs = new Set(m.type === 'colonia' && m.triggered ? (m.colonias ?? []).map((c) => c.alcaldiaId) : []);
    if (alcs.size === 1) firm.add([...alcs][0]!);
  }
  return firm.size > 1;
}

export function emptyResult(status: Status, extra: Partial<GeocodeResult> = {}): GeocodeResult {
  return {
    status,
    lat: null,
    lon: null,
    precision: null,
    alcaldia: null,
    alcaldia_id: null,
    colonia: null,
    colonia_id: null,
    confidence: null,
    candidates: [],
    mentions: [],
    error: null,
    ...extra,
  };
}

const round2 = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;

export interface Geocoder {
  geocodeText(text: string): GeocodeResult;
  geocodeStructured(input: { colonia?: string | null; alcaldia?: string | null }): GeocodeResult;
}

export function createGeocoder(gaz: Gazetteer): Geocoder {
  const idf: IdfWeights = idfWeights(gaz.colonias);
  const structuredCache = new Map<string, GeocodeResult>();

  const alcaldiaName = (id: string) => gaz.alcaldias.get(id)?.name ?? null;
  const candidate = (c: ColoniaEntry): Candidate => ({
    colonia_id: c.id,
    colonia: c.name,
    alcaldia: alcaldiaName(c.alcaldiaId) ?? '',
  });
  const atColonia = (
    c: ColoniaEntry,
    precision: Precision,
    confidence: number,
    mentions: PublicMention[],
  ): GeocodeResult =>
    emptyResult('ok', {
      lat: c.lat,
      lon: c.lon,
      precision,
      alcaldia: alcaldiaName(c.alcaldiaId),
      alcaldia_id: c.alcaldiaId,
      colonia: c.name,
      colonia_id: c.id,
      confidence: round2(confidence),
      mentions,
    });
  const atAlcaldia = (id: string, confidence: number, mentions: PublicMention[]): GeocodeResult => {
    const a = gaz.alcaldias.get(id)!;
    return emptyResult('ok', {
      lat: a.lat,
      lon: a.lon,
      precision: 'alcaldia',
      alcaldia: a.name,
      alcaldia_id: a.id,
      confidence: round2(confidence),
      mentions,
    });
  };

  function geocodeStructured(input: { colonia?: string | null; alcaldia?: string | null }): GeocodeResult {
    const key = `${input.colonia ?? ''}\u0000${input.alcaldia ?? ''}`;
    const hit = structuredCache.get(key);
    if (hit) return structuredClone(hit);
    const result = structuredUncached(input);
    if (structuredCache.size < 50_000) structuredCache.set(key, result);
    return structuredClone(result);
  }

  function structuredUncached(input: { colonia?: string | null; alcaldia?: string | null }): GeocodeResult {
    const alcaldiaId = alcaldiaIdFor(gaz, input.alcaldia ?? null);
    const coloniaText = (input.colonia ?? '').trim();
    if (input.alcaldia && !alcaldiaId && isOutsidePlace(gaz, input.alcaldia))
      return emptyResult('outside_cdmx', { confidence: 0.9 });
    if (input.alcaldia && !alcaldiaId && !coloniaText) return emptyResult('not_found');
    if (coloniaText) {
      const decision = decideColonia(rankColonias(gaz, idf, coloniaText, alcaldiaId));
      if (decision.kind === 'colonia')
        return atColonia(decision.colonia, 'colonia', decision.confidence * (alcaldiaId ? 1 : 0.85), []);
      if (decision.kind === 'ambiguous') {
        // No point, but the alcaldía is still known when it was stated or all candidates share it.
        const alcs = new Set(decision.candidates.map((c) => c.alcaldiaId));
        const alc = alcaldiaId ?? (alcs.size === 1 ? [...alcs][0]! : null);
        return emptyResult('ambiguous', {
          candidates: decision.candidates.map(candidate),
          confidence: 0.2,
          alcaldia: alc ? alcaldiaName(alc) : null,
          alcaldia_id: alc,
        });
      }
    }
    // The colonia could not be matched within the stated alcaldía: the alcaldía is still a place. (Searching
    // the whole city for the name was tried and lost accuracy: "La Guadalupita" of Milpa Alta is not
    // Xochimilco's "LA GUADALUPITA (BARR)"; the stated alcaldía is the more reliable field.)
    if (alcaldiaId) return atAlcaldia(alcaldiaId, coloniaText ? 0.35 : 0.5, []);
    return emptyResult('not_found');
  }

  function geocodeText(written: string): GeocodeResult {
    // A plate ("taxi con placas A12-345") names a vehicle: its digits are no street number, cuadrante or name.
    const text = maskPlates(written);
    // An alcaldía written beside a colonia decides which colonia of that name is meant (stated-alcaldia.ts).
    const found = constrainToStatedAlcaldia(gaz, idf, findMentions(gaz, text), text);
    const mentions: PublicMention[] = found.map(({ text: t, start, end, type, resolved_id }) => ({
      text: t,
      start,
      end,
      type,
      resolved_id,
    }));
    const len = Math.max(1, text.length);
    // Earlier mentions weigh more: news leads with where it happened.
    const early = (m: Mention) => 1 + 0.5 * (1 - m.start / len);

    // The alcaldías the text states ("alcaldía X", or a colonia named after a trigger): corners and landmarks
    // outside them are other places of the same name.
    const stated = new Set([
      ...found.filter((m) => m.type === 'alcaldia' && m.alcaldiaId).map((m) => m.alcaldiaId!),
      ...found
        .filter((m) => m.type === 'colonia' && m.triggered && m.colonias?.length)
        .flatMap((m) => m.colonias!.map((c) => c.alcaldiaId)),
    ]);
    for (const m of found)
      if (m.landmarks && stated.size)
        m.landmarks = m.landmarks.filter((l) => l.alcaldiaId === null || stated.has(l.alcaldiaId));
    const score = new Map<string, number>();
    const add = (id: string, w: number) => score.set(id, (score.get(id) ?? 0) + w);
    let outsideScore = 0;
    let firstOutside = Infinity;
    let firstCdmx = Infinity;
    const strongAlcaldia = new Set<string>();
    for (const m of found) {
      if (m.type === 'alcaldia' && m.alcaldiaId) {
        add(m.alcaldiaId, (m.triggered ? 2 : 1) * early(m));
        if (m.triggered) strongAlcaldia.add(m.alcaldiaId);
        firstCdmx = Math.min(firstCdmx, m.start);
      } else if (m.station) {
        if (m.station.alcaldiaId) {
          add(m.station.alcaldiaId, 2 * early(m));
          firstCdmx = Math.min(firstCdmx, m.start);
        } else {
          outsideScore += 2;
          firstOutside = Math.min(firstOutside, m.start);
        }
      } else if (m.landmarks?.length) {
        const alcs = new Set(m.landmarks.map((l) => l.alcaldiaId));
        if (alcs.has(null) && alcs.size === 1) {
          outsideScore += 2;
          firstOutside = Math.min(firstOutside, m.start);
        } else {
          for (const a of alcs) if (a) add(a, (2 / alcs.size) * early(m));
          if (alcs.size === 1) firstCdmx = Math.min(firstCdmx, m.start);
        }
      } else if ((m.type === 'colonia' || m.type === 'lugar') && m.colonias?.length) {
        const alcs = new Set(m.colonias.map((c) => c.alcaldiaId));
        for (const a of alcs) add(a, ((m.triggered ? 1.5 : 0.6) / alcs.size) * early(m));
        if (alcs.size === 1) firstCdmx = Math.min(firstCdmx, m.start);
      } else if ((m.type === 'cuadrante' || m.type === 'sector') && m.alcaldiaId) {
        add(m.alcaldiaId, 1.5 * early(m));
        firstCdmx = Math.min(firstCdmx, m.start);
      } else if (m.type === 'fuera' && m.outside) {
        const k = m.outside.kind;
        // A city that is also a CDMX street name counts less than an unambiguous municipality.
        const w = k === 'cue' ? 1 : k === 'estado' ? (m.triggered ? 1.5 : 1) : m.outside.ambiguous ? 1.5 : 2;
        outsideScore += w * early(m);
        if (k !== 'cue') firstOutside = Math.min(firstOutside, m.start);
      }
    }
    // A corner of two named streets (corners.ts) or an avenue with a reference (avenues.ts), inside the stated alcaldía.
    // A text that states several alcaldías leads with its event's: later ones are often other stories
    // ("… se suma el hecho ocurrido en la colonia Roma, alcaldía Cuauhtémoc"), so corners are sought in
    // the first stated alcaldía only.
    const lead = found.find((m) => m.type === 'alcaldia' && m.alcaldiaId)?.alcaldiaId;
    const cornerScope = lead && statesTwoAlcaldias(found) ? new Set([lead]) : stated;
    const corner = found.some((m) => m.station?.alcaldiaId)
      ? null
      : (findCorner(gaz, text, found, cornerScope) ??
        findAvenuePoint(gaz, text, found, cornerScope) ??
        findCornerInWords(gaz, text, cornerScope));
    // Streets that cross in the city are CDMX evidence ("entre Victoria y Ayuntamiento" names no town hall).
    if (corner) add(corner.alcaldiaId, 2);
    const ranked = [...score].sort((a, b) => b[1] - a[1]);
    const cdmxScore = ranked.reduce((s, [, v]) => s + v, 0);

    if (
      outsideScore > 0 &&
      (outsideScore >= cdmxScore || (firstOutside < firstCdmx && outsideScore * 2 >= cdmxScore))
    ) {
      const conf = outsideScore / (outsideScore + cdmxScore);
      return emptyResult('outside_cdmx', { confidence: round2(0.5 + 0.5 * conf), mentions });
    }
    if (corner) {
      return emptyResult('ok', {
        lat: corner.lat,
        lon: corner.lon,
        precision: corner.precision,
        alcaldia: alcaldiaName(corner.alcaldiaId),
        alcaldia_id: corner.alcaldiaId,
        confidence: round2(
          (!stated.size ? 0.75 : statesTwoAlcaldias(found) ? 0.7 : 0.85) * (corner.precision === 'street' ? 0.9 : 1),
        ),
        mentions,
      });
    }
    if (!ranked.length) return emptyResult('not_found', { mentions });

    const [anchor, best] = ranked[0]!;
    const second = ranked[1]?.[1] ?? 0;
    const share = best / cdmxScore;

    // A colonia name found in several alcaldías with nothing else to choose between them.
    if (second >= best * 0.95 && !strongAlcaldia.size) {
      const tied = new Set(ranked.filter(([, v]) => v >= best * 0.95).map(([id]) => id));
      const cands = found.flatMap((m) => m.colonias ?? []).filter((c) => tied.has(c.alcaldiaId));
      if (cands.length > 1 && !found.some((m) => m.station?.alcaldiaId)) {
        return emptyResult('ambiguous', {
          candidates: [...new Set(cands)].slice(0, 10).map(candidate),
          confidence: 0.2,
          mentions,
        });
      }
    }

    const station = found.find((m) => m.station?.alcaldiaId === anchor);
    if (station?.station) {
      const s = station.station;
      const colonia = found.find(
        (m) => m.type === 'colonia' && m.colonias?.length === 1 && m.colonias[0]!.alcaldiaId === anchor,
      )?.colonias?.[0];
      return emptyResult('ok', {
        lat: s.lat,
        lon: s.lon,
        precision: 'station',
        alcaldia: alcaldiaName(anchor),
        alcaldia_id: anchor,
        colonia: colonia?.name ?? null,
        colonia_id: colonia?.id ?? null,
        confidence: round2(0.9 * (0.6 + 0.4 * share)),
        mentions,
      });
    }

    // A landmark of the anchor alcaldía: its point, when the name's places in that alcaldía are one place.
    for (const m of found) {
      const inAnchor = m.landmarks?.filter((l) => l.alcaldiaId === anchor) ?? [];
      if (!inAnchor.length || inAnchor.some((l) => metres(l, inAnchor[0]!) > SAME_LANDMARK_M)) continue;
      const l = inAnchor[0]!;
      const mi = found.indexOf(m);
      if (mentions[mi]) mentions[mi]!.resolved_id = l.id;
      const colonia = found.find(
        (c) => c.type === 'colonia' && c.colonias?.length === 1 && c.colonias[0]!.alcaldiaId === anchor,
      )?.colonias?.[0];
      return emptyResult('ok', {
        lat: l.lat,
        lon: l.lon,
        precision: 'landmark',
        alcaldia: alcaldiaName(anchor),
        alcaldia_id: anchor,
        colonia: colonia?.name ?? null,
        colonia_id: colonia?.id ?? null,
        confidence: round2(0.85 * (0.6 + 0.4 * share)),
        mentions,
      });
    }

    for (const m of found) {
      if (!m.colonias?.length) continue;
      const inAnchor = m.colonias.filter((c) => c.alcaldiaId === anchor);
      if (!inAnchor.length) continue;
      const keys = new Set(inAnchor.map((c) => c.parsed.core.join(' ')));
      const chosen = inAnchor.reduce((a, b) => (b.population > a.population ? b : a));
      let conf = m.triggered ? 0.8 : 0.6;
      if (strongAlcaldia.has(anchor) || score.size === 1) conf += 0.1;
      if (inAnchor.length > 1) conf *= keys.size > 1 ? 0.6 : 0.8;
      conf *= 0.6 + 0.4 * share;
      // A named street near the colonia: precision "street", still located at the colonia's point.
      const street = found.some((s) => s.type === 'calle' && Math.abs(s.start - m.start) < 300);
      // The mention that decided the result names the colonia chosen for it.
      const mi = found.indexOf(m);
      if (mentions[mi] && mentions[mi]!.resolved_id === null) mentions[mi]!.resolved_id = chosen.id;
      return atColonia(chosen, street ? 'street' : 'colonia', conf + (street ? 0.03 : 0), mentions);
    }

    const cuadrante = found.find((m) => m.cuadrante && m.alcaldiaId === anchor);
    if (cuadrante?.cuadrante) {
      const q = cuadrante.cuadrante;
      return emptyResult('ok', {
        lat: q.lat,
        lon: q.lon,
        precision: 'cuadrante',
        alcaldia: alcaldiaName(anchor),
        alcaldia_id: anchor,
        confidence: round2(0.7 * (0.6 + 0.4 * share)),
        mentions,
      });
    }
    return atAlcaldia(anchor, (strongAlcaldia.has(anchor) ? 0.55 : 0.4) * (0.6 + 0.4 * share), mentions);
  }

  return { geocodeText, geocodeStructured };
}
