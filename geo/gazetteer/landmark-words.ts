/**
 * The words a landmark's name starts with, by kind ("Hospital La Raza", "Mercado de Sonora", "Estadio Azteca").
 * The landmark extract (`reference/landmarks/extract.ts`) uses them to pick landmark stop names out of the GTFS
 * feed; the geocoder uses them as the word that makes a lower-case name a place ("hospital la raza", like
 * "metro chabacano"). Names are compared as `placeWords` (folded, abbreviations spelled out).
 */
import { placeWords } from './place-names.ts';

export type LandmarkKind =
  | 'hospital'
  | 'mercado'
  | 'parque'
  | 'deportivo'
  | 'estadio'
  | 'universidad'
  | 'escuela'
  | 'museo'
  | 'monumento'
  | 'plaza'
  | 'centro_comercial'
  | 'gobierno'
  | 'templo'
  | 'panteon'
  | 'transporte'
  | 'espectaculos';

/** Leading word sequences → kind; longest first when several start alike. */
const STARTS: Array<[string, LandmarkKind]> = [
  ['hospital', 'hospital'],
  ['clinica', 'hospital'],
  ['centro medico', 'hospital'],
  ['cruz roja', 'hospital'],
  ['sanatorio', 'hospital'],
  ['imss', 'hospital'],
  ['issste', 'hospital'],
  ['instituto nacional de cardiologia', 'hospital'],
  ['instituto nacional de especialidades', 'hospital'],
  ['mercado', 'mercado'],
  ['mercados', 'mercado'],
  ['central de abasto', 'mercado'],
  ['central de abastos', 'mercado'],
  ['parque', 'parque'],
  ['jardin', 'parque'],
  ['bosque de chapultepec', 'parque'],
  ['bosque de aragon', 'parque'],
  ['bosque de tlalpan', 'parque'],
  ['bosque de nativitas', 'parque'],
  ['alameda', 'parque'],
  ['viveros de coyoacan', 'parque'],
  ['zoologico', 'parque'],
  ['deportivo', 'deportivo'],
  ['ciudad deportiva', 'deportivo'],
  ['unidad deportiva', 'deportivo'],
  ['velodromo', 'deportivo'],
  ['autodromo', 'deportivo'],
  ['estadio', 'estadio'],
  ['arena', 'espectaculos'],
  ['palacio de los deportes', 'espectaculos'],
  ['auditorio', 'espectaculos'],
  ['teatro', 'espectaculos'],
  ['universidad', 'universidad'],
  ['ciudad universitaria', 'universidad'],
  ['unam', 'universidad'],
  ['uam', 'universidad'],
  ['ipn', 'universidad'],
  ['instituto politecnico', 'universidad'],
  ['facultad', 'universidad'],
  ['tecnologico', 'universidad'],
  ['escuela', 'escuela'],
  ['colegio', 'escuela'],
  ['preparatoria', 'escuela'],
  ['cch', 'escuela'],
  ['conalep', 'escuela'],
  ['vocacional', 'escuela'],
  ['escuela nacional', 'universidad'],
  ['museo', 'museo'],
  ['monumento', 'monumento'],
  ['fuente', 'monumento'],
  ['fuentes', 'monumento'],
  ['glorieta', 'monumento'],
  ['hemiciclo', 'monumento'],
  ['plaza', 'plaza'],
  ['centro comercial', 'centro_comercial'],
  ['perisur', 'centro_comercial'],
  ['galerias', 'centro_comercial'],
  ['walmart', 'centro_comercial'],
  ['soriana', 'centro_comercial'],
  ['chedraui', 'centro_comercial'],
  ['liverpool', 'centro_comercial'],
  ['palacio de hierro', 'centro_comercial'],
  ['bodega aurrera', 'centro_comercial'],
  ['costco', 'centro_comercial'],
  ['secretaria', 'gobierno'],
  ['palacio nacional', 'gobierno'],
  ['palacio de gobierno', 'gobierno'],
  ['tribunal', 'gobierno'],
  ['reclusorio', 'gobierno'],
  ['penitenciaria', 'gobierno'],
  ['senado', 'gobierno'],
  ['camara de diputados', 'gobierno'],
  ['campo militar', 'gobierno'],
  ['torres semarnat', 'gobierno'],
  ['iglesia', 'templo'],
  ['parroquia', 'templo'],
  ['basilica', 'templo'],
  ['catedral', 'templo'],
  ['santuario', 'templo'],
  ['panteon', 'panteon'],
  ['cementerio', 'panteon'],
  ['aeropuerto', 'transporte'],
  ['terminal aerea', 'transporte'],
  ['central de autobuses', 'transporte'],
].sort((a, b) => b[0].length - a[0].length) as Array<[string, LandmarkKind]>;

/** Landmark-like stop names that are streets ("Parque Vía" is an avenue). */
const STREET_NAMES = new Set(['parque via']);
/** Names that are one place although they hold nothing but landmark words. */
const WHOLE_NAMES = new Set([
  'perisur',
  'aeropuerto',
  'ciudad universitaria',
  'centro medico',
  'central de abasto',
  'palacio nacional',
  'alameda',
  'unam',
]);
/** Words that tell no landmark from another ("Hospital General", "Mercado de la colonia"). */
const GENERIC = new Set([
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'y',
  'general',
  'publico',
  'publica',
  'no',
  'numero',
  'sur',
  'norte',
  'oriente',
  'poniente',
  'principal',
  'municipal',
  'colonia',
  'metro',
  'frente',
  'a',
  'al',
  'entrada',
  'puerta',
  'acceso',
  'base',
]);

/** The first words of every landmark start (for the geocoder's "could a landmark start here?"). */
export const LANDMARK_START_WORDS: ReadonlySet<string> = new Set(STARTS.map(([s]) => s.split(' ')[0]!));

/**
 * The kind of landmark a name is, or null. `wholeName`: the whole name must be a landmark start (a colonia
 * called "CIUDAD UNIVERSITARIA" is one; "PARQUE SAN ANDRÉS" is a neighbourhood).
 */
export function landmarkKindOf(name: string, opts: { wholeName?: boolean } = {}): LandmarkKind | null {
  const w = placeWords(name);
  const joined = w.join(' ');
  if (STREET_NAMES.has(joined)) return null;
  for (const [start, kind] of STARTS) {
    if (joined !== start && !joined.startsWith(`${start} `)) continue;
    if (opts.wholeName) return WHOLE_NAMES.has(joined) ? kind : null;
    const rest = w.slice(start.split(' ').length).filter((x) => !GENERIC.has(x) && !/^\d+$/.test(x));
    if (rest.length || WHOLE_NAMES.has(joined) || start.includes(' ')) return kind;
    return null;
  }
  return null;
}
