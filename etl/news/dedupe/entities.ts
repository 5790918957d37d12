/**
 * Distinctive named entities of a crime report, pure: what lets two outlets' write-ups of one event be
 * recognised when their words (and often their placement) differ.
 *
 * Mexican crime reporting names suspects and victims with the initial of the surname withheld,
 * "Brandon Ulises 'N'" or "Brandon Ulises N." (a convention of the prosecutors' press releases that
 * every outlet copies), names criminal groups ("La Unión Tepito", "célula de Los Rodolfos"), and
 * describes vehicles by make and model ("camioneta Nissan Urvan blanca"), often with plates, and
 * places the event at a corner that each outlet may name in either order. Those
 * strings are rare across events and stable across outlets, unlike the prose around them: an
 * entity-overlap cue in the spirit of cross-document event coreference (Bagga and Baldwin, 1998).
 */
import { fold } from '../../../geo/text/index.ts';

export type EntityKind = 'person' | 'group' | 'vehicle' | 'plate' | 'corner';

export interface NamedEntity {
  kind: EntityKind;
  /** Folded key ("person:brandon ulises"). */
  key: string;
  /** Words in the name: a single common first name is weak evidence on its own. */
  words: number;
}

const NAME_WORD = '[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+';
/** "Brandon Ulises 'N'", "Brandon Ulises “N”", "Brandon Ulises N." — the withheld surname marker. */
const PERSON_N = new RegExp(
  `((?:${NAME_WORD}\\s+){0,2}${NAME_WORD})\\s*(?:["'“”‘’«»]\\s*N\\s*["'“”‘’«»]|N\\.)(?![\\p{L}])`,
  'gu',
);
/** Words that precede a name but are not part of it. */
const NOT_NAME = new Set([
  'el',
  'la',
  'los',
  'las',
  'de',
  'del',
  'un',
  'una',
  'a',
  'al',
  'y',
  'e',
  'o',
  'que',
  'con',
  'en',
  'por',
  'joven',
  'hombre',
  'mujer',
  'senor',
  'senora',
  'sujeto',
  'detenido',
  'detenida',
  'identificado',
  'identificada',
  'como',
  'alias',
]);

const GROUP = new RegExp(
  `(?:grupo|c[eé]lula|c[aá]rtel|banda|organizaci[oó]n)(?:\\s+delictiva)?\\s+(?:de\\s+)?((?:(?:La|Los|Las|El|del|de)\\s+)?${NAME_WORD}(?:\\s+(?:${NAME_WORD}|de|del))*)`,
  'gu',
);
const KNOWN_GROUP =
  /\b(La Uni[oó]n(?: Tepito)?|Fuerza Anti[- ]?Uni[oó]n|C[aá]rtel de Tl[aá]huac|Los Rodolfos|Cartel Jalisco Nueva Generaci[oó]n|CJNG)\b/gu;

const VEHICLE_NOUN =
  '(?:auto(?:m[oó]vil)?|veh[ií]culo|camioneta|motocicleta|moto|taxi|cami[oó]n|tr[aá]iler|coche|carro|unidad)';
const VEHICLE = new RegExp(
  `${VEHICLE_NOUN}\\s+(?:de\\s+la\\s+)?(?:marca\\s+)?([A-Z][A-Za-z]+)(?:,?\\s+(?:tipo|modelo|l[ií]nea)?\\s*([A-Z][A-Za-z0-9]+))?`,
  'gu',
);
/**
 * The commonest makes on the city's streets, recognised without a vehicle noun before them ("desde
 * un Chevrolet Aveo blanco"), the way colloquial reports name a car.
 */
const KNOWN_MAKE = new RegExp(
  `\\b(Nissan|Chevrolet|Volkswagen|Ford|Toyota|Honda|Mazda|Kia|Hyundai|Seat|Dodge|Renault|Suzuki|Mitsubishi|Jeep|BMW|Audi|Mercedes|Peugeot|Chrysler|Italika|Tesla|BYD|MG)(?:\\s+([A-Z][A-Za-z0-9]+))?`,
  'gu',
);
/** Capitalised words after a vehicle noun that are not makes ("un auto Con…", "taxi de la CDMX"). */
const NOT_MAKE = new Set([
  'con',
  'en',
  'que',
  'del',
  'de',
  'la',
  'el',
  'cdmx',
  'rtp',
  'metro',
  'metrobus',
  'sobre',
  'por',
  'para',
]);
/** "en la esquina de Tenochtitlan y Jesús Carranza", "el cruce de Jesús Carranza y Tenochtitlan": a corner, either order. */
const STREET = `(?:(?:Av\\.?|Avenida|Calle|Calzada|Eje)\\s+)?${NAME_WORD}(?:\\s+(?:${NAME_WORD}|de|del|la|los|las))*?`;
const CORNER = new RegExp(
  `(?:esquina de|cruce de|intersecci[oó]n de)\\s+(${STREET})\\s+(?:y|con)\\s+(${STREET})(?=[,.;]|\\s+(?:en|cuando|a|de|del|con|donde|frente)\\b)`,
  'gu',
);
const PLATE = /\bplacas?\s+(?:de\s+circulaci[oó]n\s+)?([A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4}(?:[- ]?[A-Z0-9]{1,3})?)\b/gu;

function nameKey(raw: string): string[] {
  const words = fold(raw).split(/\s+/).filter(Boolean);
  while (words.length && NOT_NAME.has(words[0]!)) words.shift();
  return words;
}

/** The distinctive entities of a text, deduplicated by key. */
export function namedEntities(text: string): NamedEntity[] {
  const out = new Map<string, NamedEntity>();
  const add = (kind: EntityKind, words: string[]) => {
    if (words.length === 0) return;
    const key = `${kind}:${words.join(' ')}`;
    if (!out.has(key)) out.set(key, { kind, key, words: words.length });
  };
  for (const m of text.matchAll(PERSON_N)) add('person', nameKey(m[1]!));
  for (const m of text.matchAll(GROUP)) add('group', fold(m[1]!).split(/\s+/));
  for (const m of text.matchAll(KNOWN_GROUP)) add('group', fold(m[1]!).split(/\s+/));
  for (const m of [...text.matchAll(VEHICLE), ...text.matchAll(KNOWN_MAKE)]) {
    const make = fold(m[1]!);
    if (NOT_MAKE.has(make) || make.length < 3) continue;
    const model = m[2] && !NOT_MAKE.has(fold(m[2])) ? fold(m[2]) : null;
    add('vehicle', model ? [make, model] : [make]);
  }
  for (const m of text.matchAll(CORNER)) add('corner', [fold(m[1]!), fold(m[2]!)].sort());
  for (const m of text.matchAll(PLATE)) add('plate', [m[1]!.replace(/[- ]/g, '').toLowerCase()]);
  return [...out.values()];
}

/**
 * The text with criminal groups' names blanked out (same length, so offsets still point into the
 * original): "La Unión Tepito", "Cártel de Tláhuac" name an organisation, not where the event was, and
 * a geocoder reading them would place an arrest in Gustavo A. Madero in the colonia Morelos.
 */
export function withoutOrganisationNames(text: string): string {
  let out = text;
  const blank = (start: number, end: number) => {
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  };
  for (const m of text.matchAll(GROUP)) blank(m.index! + m[0].length - m[1]!.length, m.index! + m[0].length);
  for (const m of text.matchAll(KNOWN_GROUP)) blank(m.index!, m.index! + m[0].length);
  return out;
}

/**
 * Whether two entity lists share a distinctive one: a plate, a group, a make-and-model, or a person
 * named with at least two words. A one-word name ("Juan 'N'") or a bare make ("Nissan") is common
 * across a city's week of crime news and counts only when `weakToo` (the caller has other agreement).
 */
export function shareDistinctiveEntity(a: readonly NamedEntity[], b: readonly NamedEntity[], weakToo = false): boolean {
  const keys = new Set(b.map((e) => e.key));
  return a.some((e) => {
    if (!keys.has(e.key)) return false;
    if (e.kind === 'plate' || e.kind === 'group' || e.kind === 'corner') return true;
    return e.words >= 2 || weakToo;
  });
}
