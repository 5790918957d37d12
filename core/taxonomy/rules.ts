/**
 * Label → category rules, applied in order to a normalised label (accents stripped, upper case,
 * single spaces, "TENTATIVA DE" already removed). The first rule that matches wins, so specific
 * rules come before general ones (Metro before transeúnte, autopartes before vehículo …).
 *
 * Sources of the vocabulary: the 19 SSC labels of `crime/ssc_crime_points_2013_2016.csv`, the `Delito` and
 * `Categoria` values of the FGJ-CDMX "víctimas/carpetas de investigación" catalogue (every value seen in the
 * Milpa Alta file, plus the high-impact `Categoria` buckets the FGJ publishes for the whole city).
 */
import { foldUpper } from '../../geo/text/index.ts';
import type { CategoryId } from './categories.ts';

/** Accents stripped, upper case, whitespace collapsed: "Robo a transeúnte  en vía pública" → "ROBO A TRANSEUNTE EN VIA PUBLICA". */
export function normaliseLabel(label: string): string {
  return foldUpper(label);
}

type Rule = readonly [CategoryId, (label: string) => boolean];
const re = (pattern: RegExp) => (label: string) => pattern.test(label);

/** A robbery label: "ROBO …", or a compound whose robbery part names the object ("PRIV. ILEGAL DE LA LIB. Y ROBO DE VEHICULO"). */
const isRobbery = (l: string) => /^ROBO\b/.test(l) || /\bY ROBO DE\b/.test(l);
const robbery = (pattern: RegExp) => (l: string) => isRobbery(l) && pattern.test(l);

export const RULES: readonly Rule[] = [
  // Feminicide before homicide: FGJ files "FEMINICIDIO …" under the bucket "HOMICIDIO DOLOSO".
  ['feminicidio', re(/\bFEMINICIDIO\b/)],
  // Intentional homicide only: "HOMICIDIO CULPOSO …" (traffic, negligence) is not doloso and falls to `otros`.
  ['homicidio_doloso', (l) => /^HOMICIDIOS?\b/.test(l) && !/\bCULPOS[OA]S?\b/.test(l)],
  // SSC "LESIONES POR ARMA DE FUEGO"; FGJ "LESIONES INTENCIONALES POR ARMA DE FUEGO", bucket "LESIONES DOLOSAS POR DISPARO DE ARMA DE FUEGO".
  ['lesiones_arma_fuego', (l) => /^LESIONES\b/.test(l) && !/\bCULPOS/.test(l) && /\b(ARMA DE FUEGO|DISPARO)\b/.test(l)],
  // Intentional injuries ("INTENCIONALES", "DOLOSAS"); "LESIONES CULPOSAS …" are negligent → `otros`.
  ['lesiones', (l) => /^LESIONES( (INTENCIONALES|DOLOSAS)\b.*)?$/.test(l)],
  // "VIOLACION", "VIOLACION EQUIPARADA …", "VIOLACION TUMULTUARIA" — but not "VIOLACION DE LA INTIMIDAD" (privacy).
  ['violacion', (l) => /^VIOLACION\b/.test(l) && !/^VIOLACION DE\b/.test(l)],
  // "SECUESTRO", "PLAGIO O SECUESTRO", "SECUESTRO EXPRESS …". "PRIVACION DE LA LIBERTAD PERSONAL" is a different crime.
  ['secuestro', re(/\bSECUESTRO\b/)],
  ['extorsion', re(/^EXTORSION\b/)],
  ['narcomenudeo', re(/\bNARCOMENUDEO\b/)],
  // "PORTACION DE ARMA DE FUEGO", "PORTACION, FABRICACION E IMPORTACION DE OBJETOS APTOS PARA AGREDIR".
  ['portacion_armas', (l) => /^PORTACION\b/.test(l) && /\b(ARMAS?|OBJETOS APTOS PARA AGREDIR)\b/.test(l)],

  // Robberies, most specific first. Public transport: SSC "ROBO A BORDO DE METRO/MICROBUS/TAXI",
  // FGJ "ROBO A PASAJERO A BORDO DE …". \bMETRO\b does not match METROBUS.
  ['robo_metro', robbery(/\bMETRO\b/)],
  ['robo_microbus', robbery(/\b(MICROBUS|PESERO|COLECTIVO)\b/)],
  // Includes FGJ "ROBO A TRANSEUNTE CONDUCTOR DE TAXI" and "… A BORDO DE TAXI PUBLICO Y PRIVADO".
  ['robo_taxi', robbery(/\bTAXIS?\b/)],
  // Any other public transport (Metrobús, trolebús, RTP, tren ligero, Cablebús, autobús …), and "A BORDO DE TRANSPORTE PUBLICO".
  // "ROBO A PASAJERO / CONDUCTOR DE VEHICULO" (occupants of a private car) is not public transport: `otros`.
  [
    'robo_transporte_otro',
    robbery(
      /\b(TRANSPORTE PUBLICO|METROBUS|TROLEBUS|RTP|AUTOBUS|TREN LIGERO|TREN SUBURBANO|CABLEBUS|ECOBUS)\b|^ROBO A PASAJERO (A BORDO|EN)\b/,
    ),
  ],
  // "ROBO A CUENTAHABIENTE …", FGJ "ROBO A TRANSEUNTE SALIENDO DEL BANCO / DEL CAJERO".
  ['robo_cuentahabiente', robbery(/\bCUENTAHABIENTE\b|\bSALIENDO DEL (BANCO|CAJERO)\b/)],
  ['robo_repartidor', robbery(/\bREPARTIDOR\b/)],
  ['robo_transportista', robbery(/\bTRANSPORTISTA\b|\bCONTENEDORES DE TRAILERS\b|\bMERCANCIA EN CONTENEDORES\b/)],
  ['robo_casa_habitacion', robbery(/\bCASA HABITACION\b/)],
  // Before negocio: "ROBO A TRANSEUNTE EN NEGOCIO" is a robbery of a person.
  ['robo_transeunte', robbery(/\bTRANSEUNTE\b/)],
  ['robo_negocio', robbery(/^ROBO A NEGOCIO\b|\bDENTRO DE NEGOCIOS\b/)],
  // Before vehículo: parts and plates of a car are autopartes; objects inside a car are not (`otros`).
  ['robo_autopartes', robbery(/\b(AUTOPARTES|ACCESORIOS DE AUTO|PLACAS? DE AUTOMOVIL)\b/)],
  // Motor vehicles incl. motorcycles ("ROBO DE VEHICULO AUTOMOTOR", "… DE SERVICIO PARTICULAR/PUBLICO", "ROBO DE MOTOCICLETA",
  // FGJ's bucket "ROBO DE VEHICULO CON Y SIN VIOLENCIA"); not a bicycle ("VEHICULO DE PEDALES"), not "OBJETOS DEL INTERIOR DE UN VEHICULO".
  ['robo_vehiculo', (l) => /\bROBO DE (VEHICULOS?|MOTOCICLETAS?)\b/.test(l) && !/\bVEHICULO DE PEDALES\b/.test(l)],
];
