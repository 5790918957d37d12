/**
 * Scores free-text geocoding against labelled texts (the project's geocoding evaluation): the share placed
 * within 1.5 km of the labelled point, in the right colonia and the right alcaldía, the `not_found` and
 * false-`ok` shares, and a calibration table (confidence bucket → share of answers that are right).
 *
 * "Right" is defined as: an `ok` answer is right when it is in the labelled alcaldía and, where the
 * label has a point or a colonia, within 1.5 km of the point or in the colonia; an `outside_cdmx` answer is
 * right when the event is outside the city. A false `ok` is an `ok` answer outside the city's event, in
 * another alcaldía, or more than 1.5 km from the labelled point(s) — the "confidently wrong" answers.
 */
import { greatCircleDistance } from 'h3-js';
import type { ReverseGeocoder } from '../geo/areas/index.ts';
import type { GeocodeResult } from '../geo/geocode/index.ts';
import type { PlaceLabel } from '../tests/fixtures/geocode/labels.ts';

export interface ScoredText {
  id: string;
  text: string;
  label: PlaceLabel;
  /** The text names the alcaldía of the event: an `ok` elsewhere breaks the "never outside a stated alcaldía" rule. */
  states_alcaldia: boolean;
}

export const NEAR_KM = 1.5;

/** Upper bounds of the calibration buckets (a confidence c falls in the first bucket with c < bound). */
export const CONFIDENCE_BUCKETS = [0.2, 0.4, 0.6, 0.8, 0.9, 1.0001] as const;

export interface Share {
  hits: number;
  of: number;
}

export interface SetScore {
  n: number;
  within: Share;
  colonia: Share;
  alcaldia: Share;
  outside: Share;
  notFound: Share;
  falseOk: Share;
  /** `ok` answers in another alcaldía than the one the text states. */
  statedViolations: number;
  /** Points inside the city for events outside it. */
  pointsForOutside: number;
  /** Per bucket of `CONFIDENCE_BUCKETS`: answers (ok / outside_cdmx) and how many were right. */
  calibration: Share[];
  /** Answers with confidence ≥ 0.8 and how many were right. */
  confident: Share;
  failures: Array<{ id: string; status: string; why: string }>;
}

/** Counts one labelled case of a share, and whether the answer got it right. */
function tally(share: Share, right: boolean): void {
  share.of++;
  if (right) share.hits++;
}

/** Distance in km from the answer's point to the nearest labelled point; null without both. */
function distanceKm(r: GeocodeResult, label: PlaceLabel): number | null {
  if (r.lat === null || r.lon === null || !label.points.length) return null;
  return Math.min(...label.points.map((p) => greatCircleDistance([r.lat!, r.lon!], [p.lat, p.lon], 'km')));
}

/** The colonia of the answer: the one it names, else (for point precisions) the polygon holding its point. */
function answerColonia(r: GeocodeResult, reverse: ReverseGeocoder): string | null {
  if (r.colonia_id) return r.colonia_id;
  if (
    r.lat === null ||
    r.lon === null ||
    r.precision === 'alcaldia' ||
    r.precision === 'colonia' ||
    r.precision === 'cuadrante'
  )
    return null;
  return reverse.areaAt('colonia', null, r.lat, r.lon);
}

export function scoreSet(
  items: ScoredText[],
  geocode: (text: string) => GeocodeResult,
  reverse: ReverseGeocoder,
): SetScore {
  const share = (): Share => ({ hits: 0, of: 0 });
  const s: SetScore = {
    n: items.length,
    within: share(),
    colonia: share(),
    alcaldia: share(),
    outside: share(),
    notFound: share(),
    falseOk: share(),
    statedViolations: 0,
    pointsForOutside: 0,
    calibration: CONFIDENCE_BUCKETS.map(share),
    confident: share(),
    failures: [],
  };
  for (const it of items) {
    const r = geocode(it.text);
    const L = it.label;
    const dist = distanceKm(r, L);
    const near = dist !== null && dist <= NEAR_KM;
    const col = answerColonia(r, reverse);
    const rightColonia = col !== null && L.colonia_ids.includes(col);
    const rightAlcaldia = L.alcaldia_id !== null && r.alcaldia_id === L.alcaldia_id;
    s.notFound.of++;
    s.falseOk.of++;
    if (r.status === 'not_found') s.notFound.hits++;
    if (L.in_cdmx) {
      if (L.points.length) tally(s.within, near);
      if (L.colonia_ids.length) tally(s.colonia, rightColonia);
      if (L.alcaldia_id) tally(s.alcaldia, rightAlcaldia);
    } else {
      s.outside.of++;
      if (r.status === 'outside_cdmx') s.outside.hits++;
      if (r.lat !== null && r.lon !== null && reverse.inCity(r.lat, r.lon)) s.pointsForOutside++;
    }
    let right = false;
    let falseOk = false;
    if (r.status === 'outside_cdmx') right = !L.in_cdmx;
    else if (r.status === 'ok') {
      const placeKnown = L.points.length > 0 || L.colonia_ids.length > 0;
      right = L.in_cdmx && (L.alcaldia_id === null || rightAlcaldia) && (!placeKnown || near || rightColonia);
      falseOk =
        !L.in_cdmx || (L.alcaldia_id !== null && !rightAlcaldia) || (dist !== null && dist > NEAR_KM && !rightColonia);
      if (it.states_alcaldia && !rightAlcaldia) s.statedViolations++;
    }
    if (falseOk) s.falseOk.hits++;
    if ((r.status === 'ok' || r.status === 'outside_cdmx') && r.confidence !== null) {
      const b = CONFIDENCE_BUCKETS.findIndex((bound) => r.confidence! < bound);
      s.calibration[b]!.of++;
      if (right) s.calibration[b]!.hits++;
      if (r.confidence >= 0.8) tally(s.confident, right);
    }
    if (!right) {
      const got =
        r.status === 'ok'
          ? `${r.precision} ${r.alcaldia ?? ''} ${r.colonia ?? ''}${dist !== null ? ` ${dist.toFixed(1)} km` : ''} c=${r.confidence}`
          : '';
      s.failures.push({ id: it.id, status: r.status, why: `${L.source} → ${got}`.trim() });
    }
  }
  return s;
}

export const pct = ({ hits, of }: Share): string =>
  of === 0 ? 'n/a' : `${((100 * hits) / of).toFixed(1)} % (${hits}/${of})`;
