/**
 * Fixed name lists: the variants people write for the 16 alcaldías, and places outside Mexico City
 * (the 125 municipalities of the Estado de México, the 31 states, and their capitals and large cities).
 * Names are written plainly; they are folded and tokenised when the gazetteer is built.
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

/** The 125 municipalities of the Estado de México (INEGI catalogue names). */
export const EDOMEX_MUNICIPALITIES = [
  'Acambay', 'Acolman', 'Aculco', 'Almoloya de Alquisiras', 'Almoloya de Juárez', 'Almoloya del Río', 'Amanalco',
  'Amatepec', 'Amecameca', 'Apaxco', 'Atenco', 'Atizapán', 'Atizapán de Zaragoza', 'Atlacomulco', 'Atlautla',
  'Axapusco', 'Ayapango', 'Calimaya', 'Capulhuac', 'Coacalco', 'Coacalco de Berriozábal', 'Coatepec Harinas',
  'Cocotitlán', 'Coyotepec', 'Cuautitlán', 'Cuautitlán Izcalli', 'Chalco', 'Valle de Chalco', 'Valle de Chalco Solidaridad',
  'Chapa de Mota', 'Chapultepec de Morelos', 'Chiautla', 'Chicoloapan', 'Chiconcuac', 'Chimalhuacán', 'Donato Guerra',
  'Ecatepec', 'Ecatepec de Morelos', 'Ecatzingo', 'Huehuetoca', 'Hueypoxtla', 'Huixquilucan', 'Isidro Fabela',
  'Ixtapaluca', 'Ixtapan de la Sal', 'Ixtapan del Oro', 'Ixtlahuaca', 'Xalatlaco', 'Jaltenco', 'Jilotepec',
  'Jilotzingo', 'Jiquipilco', 'Jocotitlán', 'Joquicingo', 'Juchitepec', 'Lerma', 'Malinalco', 'Melchor Ocampo',
  'Metepec', 'Mexicaltzingo', 'Morelos', 'Naucalpan', 'Naucalpan de Juárez', 'Nezahualcóyotl', 'Ciudad Nezahualcóyotl',
  'Neza', 'Nextlalpan', 'Nicolás Romero', 'Nopaltepec', 'Ocoyoacac', 'Ocuilan', 'El Oro', 'Otumba', 'Otzoloapan',
  'Otzolotepec', 'Ozumba', 'Papalotla', 'La Paz', 'Polotitlán', 'Rayón', 'San Antonio la Isla', 'San Felipe del Progreso',
  'San Martín de las Pirámides', 'San Mateo Atenco', 'San Simón de Guerrero', 'Santo Tomás de los Plátanos',
  'Soyaniquilpan de Juárez', 'Sultepec', 'Tecámac', 'Tejupilco', 'Temamatla', 'Temascalapa', 'Temascalcingo',
  'Temascaltepec', 'Temoaya', 'Tenancingo', 'Tenango del Aire', 'Tenango del Valle', 'Teoloyucan', 'Teotihuacán',
  'Tepetlaoxtoc', 'Tepetlixpa', 'Tepotzotlán', 'Tequixquiac', 'Texcaltitlán', 'Texcalyacac', 'Texcoco', 'Tezoyuca',
  'Tianguistenco', 'Timilpan', 'Tlalmanalco', 'Tlalnepantla', 'Tlalnepantla de Baz', 'Tlatlaya', 'Toluca',
  'Toluca de Lerdo', 'Tonatico', 'Tultepec', 'Tultitlán', 'Valle de Bravo', 'Villa de Allende', 'Villa del Carbón',
  'Villa Guerrero', 'Villa Victoria', 'Xonacatlán', 'Zacazonapan', 'Zacualpan', 'Zinacantepec', 'Zumpahuacán',
  'Zumpango', 'Cuautitlán México', 'Luvianos', 'San José del Rincón', 'Tonanitla', 'Ciudad Azteca', 'Santa Clara Coatitla',
  'Los Reyes La Paz', 'Los Reyes Acaquilpan', 'Satélite', 'Ciudad Satélite', 'Izcalli', 'Ojo de Agua', 'San Vicente Chicoloapan',
];

/**
 * Municipality names that are also common words or Mexico City place names; they count as outside the
 * city only after "municipio de" or next to "Estado de México"/"Edomex" ("colonia Morelos" is in CDMX,
 * "la paz" is a common noun, "El Oro", "Lerma" are streets).
 */
export const EDOMEX_AMBIGUOUS = new Set([
  'morelos', 'la paz', 'el oro', 'lerma', 'rayon', 'melchor ocampo', 'chalco', 'isidro fabela', 'donato guerra',
  'villa guerrero', 'villa victoria', 'papalotla', 'atenco', 'chiautla', 'satelite', 'ojo de agua', 'metepec',
  'otumba', 'toluca', 'texcoco', 'tecamac', 'izcalli', 'ocuilan', 'capulhuac', 'jaltenco', 'coyotepec',
  'santa clara coatitla', 'los reyes la paz', 'san mateo atenco', 'valle de bravo', 'ciudad azteca', 'juchitepec',
]);

/** States of Mexico other than CDMX, with their usual short forms. */
export const STATES = [
  'Estado de México', 'Edomex', 'Edo. Méx.', 'Edo Mex', 'Aguascalientes', 'Baja California', 'Baja California Sur', 'Campeche',
  'Chiapas', 'Chihuahua', 'Coahuila', 'Colima', 'Durango', 'Guanajuato', 'Guerrero', 'Hidalgo', 'Jalisco', 'Michoacán',
  'Morelos', 'Nayarit', 'Nuevo León', 'Oaxaca', 'Puebla', 'Querétaro', 'Quintana Roo', 'San Luis Potosí', 'Sinaloa',
  'Sonora', 'Tabasco', 'Tamaulipas', 'Tlaxcala', 'Veracruz', 'Yucatán', 'Zacatecas',
];

/**
 * State names that are also CDMX street or colonia names ("calles Guerrero y Quintana Roo", "colonia
 * Guerrero", "Puebla" the street, "Metro Hidalgo"): they mark a place outside the city only as
 * "estado de X", "X (state abbreviation)" style phrases or after a city of that state.
 */
export const STATES_AMBIGUOUS = new Set([
  'guerrero', 'hidalgo', 'morelos', 'puebla', 'quintana roo', 'veracruz', 'tlaxcala', 'tabasco', 'durango',
  'campeche', 'chihuahua', 'colima', 'sonora', 'oaxaca', 'yucatan', 'zacatecas', 'nayarit', 'coahuila',
  'aguascalientes', 'tamaulipas', 'sinaloa', 'jalisco', 'chiapas', 'michoacan', 'queretaro', 'guanajuato',
  'baja california', 'nuevo leon', 'san luis potosi', 'baja california sur',
]);

/** State capitals and other large cities outside CDMX (names that are not also CDMX streets/colonias). */
export const OUTSIDE_CITIES = [
  'Guadalajara', 'Zapopan', 'Tlaquepaque', 'Tonalá', 'Puerto Vallarta', 'Monterrey', 'San Pedro Garza García', 'Apodaca',
  'Guadalupe Nuevo León', 'Escobedo', 'Pachuca', 'Tulancingo', 'Cuernavaca', 'Jiutepec', 'Cuautla', 'Temixco',
  'Culiacán', 'Mazatlán', 'Los Mochis', 'Hermosillo', 'Ciudad Obregón', 'Nogales', 'Tijuana', 'Mexicali', 'Ensenada',
  'La Paz Baja California Sur', 'Los Cabos', 'Cabo San Lucas', 'Chihuahua capital', 'Ciudad Juárez', 'Saltillo', 'Torreón',
  'Monclova', 'Piedras Negras', 'Durango capital', 'Gómez Palacio', 'Zacatecas capital', 'Fresnillo', 'San Luis Potosí capital',
  'Aguascalientes capital', 'León', 'Irapuato', 'Celaya', 'Salamanca', 'Querétaro capital', 'Santiago de Querétaro',
  'Morelia', 'Uruapan', 'Zamora', 'Apatzingán', 'Tepic', 'Colima capital', 'Manzanillo', 'Tlaxcala capital', 'Apizaco',
  'Xalapa', 'Jalapa', 'Coatzacoalcos', 'Poza Rica', 'Córdoba Veracruz', 'Orizaba', 'Boca del Río', 'Villahermosa',
  'Tuxtla Gutiérrez', 'Tapachula', 'San Cristóbal de las Casas', 'Oaxaca de Juárez', 'Juchitán', 'Salina Cruz',
  'Chilpancingo de los Bravo', 'Acapulco', 'Iguala', 'Zihuatanejo', 'Taxco', 'Mérida', 'Cancún', 'Playa del Carmen',
  'Chetumal', 'Tulum', 'Campeche capital', 'Ciudad del Carmen', 'Reynosa', 'Matamoros Tamaulipas', 'Nuevo Laredo',
  'Tampico', 'Ciudad Victoria', 'Tehuacán', 'San Martín Texmelucan', 'Atlixco', 'Cholula', 'San Andrés Cholula',
  'Huauchinango', 'Tula de Allende', 'Tizayuca', 'Mineral de la Reforma', 'Celaya', 'Silao', 'Lagos de Moreno',
];

/**
 * Cities that are also street names in Mexico City (the Roma, Condesa and Hipódromo streets are named
 * after cities): they count as outside only with context ("en Culiacán", "Mazatlán, Sinaloa", a dateline).
 */
export const CITIES_AMBIGUOUS = new Set([
  'leon', 'salamanca', 'tampico', 'manzanillo', 'orizaba', 'merida', 'acapulco', 'monterrey', 'zamora', 'celaya',
  'tehuacan', 'morelia', 'culiacan', 'mazatlan', 'tepic', 'saltillo', 'cuernavaca', 'guadalajara', 'toluca', 'cordoba',
  'jalapa', 'xalapa', 'tuxpan', 'irapuato', 'nogales', 'hermosillo', 'tijuana', 'ensenada', 'apatzingan', 'uruapan', 'colima',
  'silao', 'iguala', 'taxco', 'cholula', 'atlixco', 'pachuca', 'tulancingo', 'cuautla', 'apizaco', 'tlaquepaque', 'zapopan',
]);

/**
 * Institutions and phrases that only exist outside Mexico City (CDMX has alcaldías, not municipios;
 * its police is the SSC, its prosecutor the FGJCDMX). They tip the balance when no CDMX place is named.
 */
export const OUTSIDE_CUES = [
  'Policía Municipal', 'Policía Estatal', 'Policía Estatal Preventiva', 'Fiscalía General del Estado', 'FGJEM',
  'Fiscalía del Estado', 'presidencia municipal', 'presidente municipal', 'ayuntamiento', 'cabecera municipal',
  'gobierno estatal', 'Secretaría de Seguridad del Estado', 'Guardia Estatal', 'Policía Ministerial del Estado',
  'mexiquense', 'mexiquenses', 'Fiscalía mexiquense', 'policías municipales', 'regiomontana', 'regiomontano',
];

/** Phrases that, when present, make Mexico City the stated setting (used to break ties). */
export const CDMX_CUES = ['Ciudad de México', 'CDMX', 'capital del país', 'capitalino', 'capitalina', 'SSC', 'FGJCDMX', 'C5'];

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
