/**
 * The word patterns `findMentions` (mentions.ts) looks for: trigger phrases for stations, alcaldías,
 * colonias, streets and landmarks, and the small helpers that walk a run of words after a trigger.
 * Split from mentions.ts to keep each file short; no behaviour of its own.
 */
import { ordinalValue, type Gazetteer, type TextWords } from '../gazetteer/index.ts';
import { STATION_START_WORDS } from './station-mentions.ts';

export const STATION_TRIGGERS = new Set(['metro', 'metrobus', 'estacion', 'estaciones']);
export const STATION_SKIP = new Set(['del', 'de', 'la', 'el', 'metro', 'metrobus', 'sistema', 'stc']);
export const ALCALDIA_TRIGGERS = new Set(['alcaldia', 'delegacion', 'demarcacion', 'alcaldias', 'delegaciones']);
const COLONIA_TRIGGERS: string[][] = [
  ['unidad', 'habitacional'],
  ['unidad', 'hab'],
  ['u', 'hab'],
  ['u', 'h'],
  ['uh'],
  ['conjunto', 'habitacional'],
  ['colonias'],
  ['colonia'],
  ['col'],
  ['barrio'],
  ['fraccionamiento'],
  ['fracc'],
  ['pueblo', 'de'],
  ['pueblo'],
  ['residencial'],
];
/** The settlement kind a colonia trigger names (first word of the trigger → canonical kind). */
export const TRIGGER_KINDS = new Map([
  ['unidad', 'u_hab'],
  ['u', 'u_hab'],
  ['uh', 'u_hab'],
  ['conjunto', 'conj_hab'],
  ['barrio', 'barrio'],
  ['fraccionamiento', 'fracc'],
  ['fracc', 'fracc'],
  ['pueblo', 'pueblo'],
  ['residencial', 'residencial'],
]);
/** Words that make a following alcaldía name part of a street ("Ermita Iztapalapa"). */
export const STREET_PREFIX_WORDS = new Set(['ermita']);
const STREET_TRIGGERS: string[][] = [
  ['cruce', 'de', 'las', 'calles'],
  ['cruce', 'de', 'las', 'avenidas'],
  ['cruce', 'de', 'la', 'avenida'],
  ['cruce', 'de'],
  ['esquina', 'con'],
  ['esquina', 'de'],
  ['esq'],
  ['calles', 'de'],
  ['calle', 'de'],
  ['calles'],
  ['calle'],
  ['avenidas'],
  ['avenida'],
  ['av'],
  ['avs'],
  ['calzada', 'de'],
  ['calzada'],
  ['calz'],
  ['boulevard'],
  ['blvd'],
  ['bulevar'],
  ['carretera'],
  ['autopista'],
  ['privada'],
  ['cerrada'],
  ['sobre'],
  ['andador'],
  ['callejon'],
  ['prolongacion'],
  ['circuito'],
  ['eje'],
  ['periferico'],
  ['viaducto'],
];
/** Street triggers that are part of the street's name ("Eje 3 Sur", "Circuito Interior", "Periférico Sur"). */
export const NAME_PART_TRIGGERS = new Set([
  'eje',
  'circuito',
  'periferico',
  'viaducto',
  'prolongacion',
  'carretera',
  'autopista',
  'calzada',
]);
const PLACE_TRIGGERS: string[][] = [
  ['a', 'la', 'altura', 'de', 'la'],
  ['a', 'la', 'altura', 'del'],
  ['a', 'la', 'altura', 'de'],
  ['frente', 'al'],
  ['frente', 'a', 'la'],
  ['frente', 'a'],
  ['cerca', 'del'],
  ['cerca', 'de', 'la'],
  ['cerca', 'de'],
  ['afuera', 'del'],
  ['afuera', 'de'],
  ['inmediaciones', 'del'],
  ['inmediaciones', 'de', 'la'],
  ['inmediaciones', 'de'],
];
/** Words that end a captured name ("colonia Roma de la CDMX"). */
const RUN_STOPS = new Set(['cdmx', 'alcaldia', 'delegacion', 'municipio', 'edomex', 'ciudad']);
export const NAME_CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'el']);
export const STREET_JOINERS = new Set(['y', 'e', 'con', 'esquina']);
const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii']);
/** First words of every trigger pattern above. */
const TRIGGER_START_WORDS = new Set<string>([
  ...STATION_TRIGGERS,
  ...STATION_START_WORDS,
  ...ALCALDIA_TRIGGERS,
  'sector',
  ...[...COLONIA_TRIGGERS, ...STREET_TRIGGERS, ...PLACE_TRIGGERS].map((s) => s[0]!),
]);
export const CUADRANTE_RE = /\b([A-Za-z]{1,3})-(\d{1,2})\.(\d{1,2})\.(\d{1,2})\b/g;

/** Trigger phrases indexed by their first word, longest first, so each text word costs one map lookup. */
type SeqIndex = Map<string, string[][]>;
function indexSeqs(seqs: string[][]): SeqIndex {
  const m: SeqIndex = new Map();
  for (const s of seqs) {
    if (!m.has(s[0]!)) m.set(s[0]!, []);
    m.get(s[0]!)!.push(s);
  }
  for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  return m;
}
export const COLONIA_INDEX = indexSeqs(COLONIA_TRIGGERS);
export const STREET_INDEX = indexSeqs(STREET_TRIGGERS);
export const PLACE_INDEX = indexSeqs(PLACE_TRIGGERS);

export function seqAt(tw: TextWords, i: number, index: SeqIndex): number {
  const seqs = index.get(tw.words[i]!.text);
  if (!seqs) return 0;
  for (const seq of seqs) {
    let ok = true;
    for (let k = 1; k < seq.length; k++) {
      if (tw.words[i + k]?.text !== seq[k] || tw.breakBefore[i + k]) {
        ok = false;
        break;
      }
    }
    if (ok) return seq.length;
  }
  return 0;
}

/** A run of capitalised words (connectors and numbers allowed inside) starting at word i; returns its end. */
export function capitalisedRun(tw: TextWords, i: number, max = 6): number {
  let j = i;
  let last = i;
  while (j < tw.words.length && j - i < max) {
    if (j > i && tw.breakBefore[j]) break;
    const w = tw.words[j]!;
    if (RUN_STOPS.has(w.text) && j > i) break;
    if (w.capitalised) last = j + 1;
    else if (!(NAME_CONNECTORS.has(w.text) && j > i)) break;
    j++;
  }
  return last;
}

/** "X y Y" / "X esquina Y" right after a name: the name is one of two crossing streets. */
export function intersectionAfter(tw: TextWords, j: number): boolean {
  const w = tw.words[j];
  if (!w || tw.breakBefore[j]) return false;
  return (
    (w.text === 'y' || w.text === 'e' || w.text === 'esquina' || w.text === 'esq') &&
    (tw.words[j + 1]?.capitalised ?? false)
  );
}

/** End of a name that may start with connectors ("Calzada de Tlalpan", "Eje 3 Sur"); `j` when none. */
export function nameAfter(tw: TextWords, j: number): number {
  let k = j;
  while (k < j + 2 && k < tw.words.length && NAME_CONNECTORS.has(tw.words[k]!.text) && !tw.breakBefore[k]) k++;
  if (k < tw.words.length && tw.breakBefore[k]) return j;
  const end = capitalisedRun(tw, k);
  return end > k ? end : j;
}

export const span = (tw: TextWords, from: number, to: number) => ({
  start: tw.words[from]!.start,
  end: tw.words[to - 1]!.end,
  text: tw.text.slice(tw.words[from]!.start, tw.words[to - 1]!.end),
});

/** Section words right after a colonia name ("Zona Escolar II", "Emiliano Zapata 2a sección"). */
export function sectionAfter(tw: TextWords, j: number): { value: number; next: number } | null {
  const w = tw.words[j];
  if (!w || tw.breakBefore[j]) return null;
  if (ROMAN.has(w.text) && w.capitalised)
    return { value: ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'].indexOf(w.text) + 1, next: j + 1 };
  const v = ordinalValue(w.text);
  if (v !== null && tw.words[j + 1]?.text.startsWith('secc')) return { value: v, next: j + 2 };
  return null;
}

/** Trigger words plus the gazetteer's name-start words, one set per gazetteer. */
const startWordCache = new WeakMap<Gazetteer, Set<string>>();
export function startWordsOf(gaz: Gazetteer): Set<string> {
  let set = startWordCache.get(gaz);
  if (!set) startWordCache.set(gaz, (set = new Set([...TRIGGER_START_WORDS, ...gaz.startWords])));
  return set;
}
