/**
 * Fixed name lists of Mexico City: the variants people write for the 16 alcaldías, the phrases that
 * state the city as the setting, and popular names of areas mapped to their colonias (places outside
 * the city: ./outside-places.ts). Names are written plainly; they are folded and tokenised when the
 * gazetteer is built.
 */

/** Variants per alcaldía cvegeo (the official name is added from the boundary data). */
export const ALCALDIA_VARIANTS: Record<string, string[]> = {
  '09002': ['Azcapotzalco', 'Azcapo'],
  '09003': ['Coyoacán'],
  '09004': ['Cuajimalpa de Morelos', 'Cuajimalpa'],
  '09005': ['Gustavo A. Madero', 'Gustavo A Madero', 'Gustavo Adolfo Madero', 'GAM', 'G.A.M.', 'Gustavo Madero'],
  '09006': ['Iztacalco'],
  '09007': ['Iztapalapa', 'Ixtapalapa'],
  '09008': ['La Magdalena Contreras', 'Magdalena Contreras', 'Contreras'],
  '09009': ['Milpa Alta'],
  '09010': ['Álvaro Obregón', 'Alvaro Obregon', 'A. Obregón'],
  '09011': ['Tláhuac'],
  '09012': ['Tlalpan'],
  '09013': ['Xochimilco'],
  '09014': ['Benito Juárez'],
  '09015': ['Cuauhtémoc'],
  '09016': ['Miguel Hidalgo'],
  '09017': ['Venustiano Carranza'],
};

/**
 * Alcaldías named after people or sharing a name with streets, Metro stations or historic centres.
 * A bare mention of these ("avenida Álvaro Obregón", "Metro Hidalgo", "Benito Juárez" the airport)
 * only counts as the alcaldía with a trigger word (alcaldía, delegación, demarcación) or right after
 * "en" ("en Cuauhtémoc"); others count whenever they appear unless a street word precedes them.
 */
export const PERSON_NAMED_ALCALDIAS = new Set(['09010', '09014', '09015', '09016', '09017']);

/** Phrases that, when present, make Mexico City the stated setting (used to break ties). */
export const CDMX_CUES = [
  'Ciudad de México',
  'CDMX',
  'capital del país',
  'capitalino',
  'capitalina',
  'SSC',
  'FGJCDMX',
  'C5',
];

/**
 * Popular names of areas that are not IECM colonia names, mapped to the colonia(s) they mean:
 * [name as written, alcaldía cvegeo, IECM core name (all its sections)].
 */
export const LANDMARK_COLONIAS: Array<[string, string, string]> = [
  ['Centro Histórico', '09015', 'centro'],
  ['Tepito', '09015', 'morelos'],
  ['Zona Rosa', '09015', 'juarez'],
  ['Tlatelolco', '09015', 'nonoalco tlatelolco'],
  ['Ciudad Universitaria', '09003', 'ciudad universitaria'],
  ['Centro de Coyoacán', '09003', 'villa coyoacan'],
  ['Centro de Tlalpan', '09012', 'tlalpan centro'],
  ['Centro de Xochimilco', '09013', 'xochimilco'],
];
