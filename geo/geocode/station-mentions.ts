/**
 * Station mentions as riders write them: "Metro Pantitlán", "metro chabacano" (lower case: the trigger word
 * decides), "Metro Raza" (article optional), "Mb Nuevo León", "estación Hidalgo de la línea verde",
 * "transbordo en Pino Suárez", "trolebús Perisur", typos ("metro garibaldy", through MiniSearch). A station
 * named after "rumbo a" / "dirección" / "hacia" is the direction of travel (a line's terminal), never the
 * place: its words are consumed and no mention is made.
 */
import type { Gazetteer, StationEntry, StationSystem, TextWords, TrieMatch } from '../gazetteer/index.ts';

/** Words that name a system, and the system. "tren" alone means the Tren Ligero only with "ligero". */
const SYSTEM_WORDS = new Map<string, StationSystem>([
  ['metro', 'metro'],
  ['metrobus', 'metrobus'],
  ['mb', 'metrobus'],
  ['trolebus', 'trolebus'],
  ['trole', 'trolebus'],
  ['cablebus', 'cablebus'],
  ['ligero', 'tren_ligero'],
  ['suburbano', 'suburbano'],
  ['insurgente', 'interurbano'],
  ['interurbano', 'interurbano'],
]);
/** Words that introduce a station (besides the system words). */
const PLACE_TRIGGERS = new Set(['estacion', 'estaciones', 'transbordo', 'transbordar', 'tren']);
/**
 * Getting on or off ("bajando en polanco", "me subí en zapata") names a station only in a text about riding
 * a line (`TRANSIT_CONTEXT`); elsewhere these verbs precede streets and colonias.
 */
const BOARDING_TRIGGERS = new Set([
  'bajando',
  'bajar',
  'baje',
  'bajandome',
  'bajarme',
  'subiendo',
  'subir',
  'subi',
  'subirme',
  'llegando',
]);
const TRANSIT_CONTEXT = [
  'metro',
  'vagon',
  'linea',
  'estacion',
  'anden',
  'metrobus',
  'transbordo',
  'rumbo a',
  'direccion',
];
/** Words that introduce the direction of travel. */
const DIRECTION_TRIGGERS = new Set(['rumbo', 'direccion', 'hacia', 'sentido']);
export const STATION_START_WORDS = new Set([
  ...SYSTEM_WORDS.keys(),
  ...PLACE_TRIGGERS,
  ...BOARDING_TRIGGERS,
  ...DIRECTION_TRIGGERS,
]);
/** Words between a trigger and the name ("estación del Metro", "transbordo en", "rumbo a la"). */
const SKIP = new Set([
  'del',
  'de',
  'la',
  'el',
  'en',
  'a',
  'al',
  'sistema',
  'stc',
  'con',
  'ligero',
  'linea',
  ...SYSTEM_WORDS.keys(),
]);
/** Systems whose stop names are street names: only with their own system word ("trolebús Hidalgo"). */
const STREET_NAMED = new Set<StationSystem>(['trolebus', 'rtp', 'corredor', 'pumabus']);

/**
 * Metro line colours as Mexicans name them → lines. "verde" alone is line 3 (verde olivo) or 8: the station
 * named with it decides.
 */
export const METRO_LINE_COLOURS: ReadonlyArray<[string[], string[]]> = [
  [['verde', 'olivo'], ['3']],
  [['verde', 'gris'], ['B']],
  [['azul', 'cielo'], ['4']],
  [['rosa'], ['1']],
  [['azul'], ['2']],
  [['cian'], ['4']],
  [['turquesa'], ['4']],
  [['amarilla'], ['5']],
  [['roja'], ['6']],
  [['naranja'], ['7']],
  [['verde'], ['3', '8']],
  [['cafe'], ['9']],
  [['morada'], ['A']],
  [['gris'], ['B']],
  [['dorada'], ['12']],
];

/** The lines "línea N" / "línea <colour>" at word k names (null when k is no line phrase). */
export function linesAt(tw: TextWords, k: number): string[] | null {
  if (tw.words[k]?.text !== 'linea' || !tw.words[k + 1]) return null;
  for (const [colour, lines] of METRO_LINE_COLOURS)
    if (colour.every((c, x) => tw.words[k + 1 + x]?.text === c)) return lines;
  const w = tw.words[k + 1]!.text;
  return /^(\d{1,2}|a|b)$/.test(w) ? [w.toUpperCase().replace(/^0/, '')] : null;
}

/** The longest station name starting at one of words from..to (articles may sit in between), exact or typo-tolerant. */
function stationNameAt(
  gaz: Gazetteer,
  tw: TextWords,
  from: number,
  to: number,
  fuzzy: boolean,
): TrieMatch<StationEntry> | null {
  let best: TrieMatch<StationEntry> | null = null;
  for (let j = from; j <= to && j < tw.words.length; j++) {
    const m = gaz.stations.longestAt(tw, j);
    if (m && (!best || m.to > best.to)) best = m;
  }
  if (best || !fuzzy) return best;
  // Typos: the next 1–3 words, longest first, each word of 6+ letters allowed a small edit distance.
  const j = to;
  for (let len = 3; len >= 1; len--) {
    const ws = tw.words.slice(j, j + len);
    if (ws.length < len || ws.some((_, x) => x > 0 && tw.breakBefore[j + x])) continue;
    if (!ws.some((w) => w.text.length >= 6)) continue;
    const hits = gaz.stationsFuzzy.search(ws.map((w) => w.text));
    if (hits.length) return { from: j, to: j + len, values: hits };
  }
  return null;
}

export interface StationFinding {
  /** Where the caller continues. */
  next: number;
  /** The mention, or null when the words named a direction of travel (consumed, no place). */
  mention: { text: string; start: number; end: number; station: StationEntry } | null;
}

/** A station mention introduced by the trigger word at i, or null when no station follows. */
export function stationMentionAt(
  gaz: Gazetteer,
  tw: TextWords,
  i: number,
  docSays: (w: string) => boolean,
): StationFinding | null {
  const n = tw.words.length;
  const word = tw.words[i]!.text;
  let system: StationSystem | null = SYSTEM_WORDS.get(word) ?? null;
  const direction = DIRECTION_TRIGGERS.has(word);
  if (word === 'tren' && !['ligero', 'suburbano', 'el'].includes(tw.words[i + 1]?.text ?? '')) return null;
  if (BOARDING_TRIGGERS.has(word) && !TRANSIT_CONTEXT.some(docSays)) return null;
  let j = i + 1;
  let lines: string[] | null = null;
  while (j < n && SKIP.has(tw.words[j]!.text) && !tw.breakBefore[j]) {
    const l = linesAt(tw, j);
    if (l) {
      lines = l;
      j += 2 + (tw.words[j + 2] && ['olivo', 'gris', 'cielo'].includes(tw.words[j + 2]!.text) ? 1 : 0);
      continue;
    }
    system = SYSTEM_WORDS.get(tw.words[j]!.text) ?? system;
    j++;
  }
  if (j >= n || tw.breakBefore[j]) return null;
  // Typos are forgiven after a system word or "estación" only: "hacia"/"tren" precede too many other words.
  const m = stationNameAt(gaz, tw, i + 1, j, SYSTEM_WORDS.has(word) || word === 'estacion');
  if (!m) return null;
  let cands = m.values.filter((c) => !STREET_NAMED.has(c.system) || c.system === system);
  if (!cands.length) return null;
  if (direction) return { next: m.to, mention: null };
  // "de la Línea 1" / "línea verde" right after the name picks the line (and with it the system).
  for (let k = m.to; k < Math.min(n, m.to + 5) && !lines; k++) lines = linesAt(tw, k);
  system ??=
    docSays('metrobus') && !docSays(' metro ')
      ? 'metrobus'
      : cands.some((c) => c.system === 'metro')
        ? 'metro'
        : cands[0]!.system;
  if (lines) {
    const byLine = cands.filter((c) => lines!.includes(c.line.toUpperCase().replace(/^LINEA\s*/, '')));
    if (byLine.length) cands = byLine;
  }
  const bySystem = cands.filter((c) => c.system === system);
  const station = (bySystem.length ? bySystem : cands)[0]!;
  const start = tw.words[m.from]!.start;
  const end = tw.words[m.to - 1]!.end;
  return { next: m.to, mention: { text: tw.text.slice(start, end), start, end, station } };
}
