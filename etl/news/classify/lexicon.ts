/**
 * The Spanish crime lexicon for news text: patterns over *normalised* text (lower case, accents
 * removed, see `normaliseText`), each with a weight, mapped onto the taxonomy's category ids.
 * Inflections are spelled out in the patterns (asesina/asesinan/asesinado/asesinadas …) rather
 * than stemmed, so that every pattern can be read and tested on its own.
 *
 * Robberies are special: one verb ("robo", "asaltan", "despojaron") is assigned to a category
 * by the context of its sentence (Metro, microbús, taxi, negocio, vehículo …), as the official
 * labels do ("ROBO A PASAJERO A BORDO DEL METRO").
 */
import type { CategoryId } from '../../../core/taxonomy/index.ts';
import { foldLower } from '../../../geo/text/index.ts';

/** Lower case, without diacritics (ñ → n too), whitespace collapsed: the form every pattern reads. */
export function normaliseText(s: string): string {
  return foldLower(s);
}

export interface LexiconRule {
  category: CategoryId;
  pattern: RegExp;
  /** 2 = names the crime outright; 1 = evidence that needs company. */
  weight: number;
}

const r = (category: CategoryId, pattern: RegExp, weight = 2): LexiconRule => ({ category, pattern, weight });

/** Non-robbery categories. Patterns are global so every mention counts. */
export const RULES: readonly LexiconRule[] = [
  r(
    'homicidio_doloso',
    /\b(asesin(a|an|o|aron|ad[oa]s?|ato|atos)|ultim(ad[oa]s?|an|aron)|ejecut(ad[oa]s?|an|aron)|acribillad[oa]s?|(multi)?homicidios?(?! culposo)|mataron|matan)\b/g,
  ),
  // the tabloid register: a body wrapped in a blanket or a bag, "le dieron cuello"
  r(
    'homicidio_doloso',
    /\b(encobijad[oa]s?|embolsad[oa]s?|encintad[oa]s?|le dieron cuello|huellas de violencia)\b/g,
    1.5,
  ),
  r(
    'homicidio_doloso',
    /\b(sin vida|sin signos vitales|perdio la vida|murio|murieron|fallecio|fallecieron|cadaver(es)?)\b/g,
    1.4,
  ),
  r('feminicidio', /\bfeminicidi(o|os)\b/g, 3),
  r(
    'lesiones_arma_fuego',
    /\b(balacera|balaceras|tiroteos?|balead[oa]s?|balean|balearon|a balazos|de balazos|plomazos?|herid[oa]s? (de|por) bala|herid[oa]s? (por|con) (impacto de |disparo de )?arma de fuego|lesionad[oa]s? por arma de fuego|abrieron fuego|disparo e hirio|detonaciones)\b/g,
  ),
  r(
    'lesiones_arma_fuego',
    /\b(balazos?|disparos?|dispararon|disparandole|rafagas?|impactos? de bala|casquillos|heridas? de bala)\b/g,
    1,
  ),
  r(
    'lesiones',
    /\b(lesionad[oa]s?|lesionando|lesiones dolosas|golpead[oa]s?|golpearon|agredid[oa]s? fisicamente|agrediendo fisicamente|apunalad[oa]s?|punaladas?|navajazos?|picad[oa]s?|picotea(n|ron|do)|acuchillad[oa]s?|golpiza|herid[oa]s?)\b/g,
    1,
  ),
  r(
    'secuestro',
    /\b(secuestr(o|os|ar|aron|ad[oa]s?)|levanton|privad[oa]s? de (la|su) libertad|privandol[oa]s? de su libertad|plagio)\b/g,
  ),
  r(
    'extorsion',
    /\b(extorsi(on|ones|onar|onaba|onaban|onadores?|vas?|vos?)|cobros? (de|por) (derecho de )?piso|derecho de piso|cobr(ar|aba|aban|an) (piso|cuotas?)|cobro de cuotas?)\b/g,
  ),
  r(
    'narcomenudeo',
    /\b(narcomenud\w*|narcotienda|venta de drogas?|distribucion de drogas?|droga|drogas|cocaina|marihuana|metanfetamina|envoltorios)\b/g,
  ),
  r(
    'portacion_armas',
    /\b(portacion (ilegal )?de arma|cartuchos?|armas? de fuego (abastecida|cargada|asegurad[oa])|asegura(n|ron) (un |una )?(arma|pistola)s?)\b/g,
    1,
  ),
  r(
    'robo_casa_habitacion',
    /\b(brinca(ndose|ron|r) la barda|ingres(o|aron) a (un|una|su) (domicilio|vivienda|casa)|allanamiento de morada)\b/g,
    1,
  ),
  r('violacion', /\b(violacion|violad[oa]|abuso sexual|abusar sexualmente|agresion sexual)\b/g),
];

/** Robbery words; the sentence around each decides which robbery category it is. */
export const ROBBERY =
  /\b(rob(o|os|ar|aron|ando|ado|ada|ados|aban|an|a|e|en)|asalt(o|os|ar|aron|an|a|ado|ada|ante|antes)|atrac(os?|a|an|aron|ar)|despoj(o|ar|aron|ado|ada)|despojarl[oa]|hurto|carteristas?|ladron(es)?|les? quit(aron|an|o|aban)|bolse(ar|aron|aban)|arrebat(o|a|ar|aron)|desapoderad[oa]|sustraid[oa]|(moto)?(ladron|rat)(es|as)?|motorratas?|farder[oa]s?|le baj(an|aron|o)|les baj(an|aron|o))\b/g;

/** Context → robbery category, most specific first; the first that matches the sentence wins. */
export const ROBBERY_CONTEXT: readonly [CategoryId, RegExp][] = [
  ['robo_metro', /\b(metro(?!bus)|sistema de transporte colectivo|vagon|vagones)\b/],
  [
    'robo_transporte_otro',
    /\b(metrobus|trolebus|rtp|red de transporte de pasajeros|autobus|camion de pasajeros|tren ligero|cablebus|transporte publico)\b/,
  ],
  ['robo_microbus', /\b(microbus|microbuses|combi|pesero)\b/],
  ['robo_taxi', /\b(taxi|taxis|taxista|taxistas)\b/],
  ['robo_cuentahabiente', /\b(cuentahabientes?|cajero automatico|sucursal bancaria|al salir del banco)\b/],
  ['robo_autopartes', /\b(autopartes|espejos laterales|llantas|rines)\b/],
  ['robo_vehiculo', /\b(vehiculos?|automovil(es)?|autos?|camionetas?|motocicletas?|motos?|coches?)\b/],
  ['robo_repartidor', /\b(repartidor(es)?|repartidora)\b/],
  ['robo_transportista', /\b(transportistas?|tractocamion|trailer|mercancia en transito)\b/],
  [
    'robo_negocio',
    /\b(negocios?|tiendas?|comercios?|establecimientos?|tortilleria|farmacia|oxxo|joyeria|restaurante)\b/,
  ],
  ['robo_casa_habitacion', /\b(casa habitacion|domicilio particular|vivienda|brincar(on)? la barda|departamento)\b/],
];

/**
 * Deaths and injuries with no crime behind them: road and work accidents, falls, fires,
 * intoxications, self-harm. Within such a sentence the words of a death or an injury ("murió",
 * "lesionados", even "arrollan y matan") describe the accident, not a homicide or an assault; the
 * police-beat pages report both side by side, with the same verbs.
 */
export const ACCIDENT =
  /\b(atropell\w*|arroll(ad[oa]s?|o|an|aron|ar)|embist\w*|envisti\w*|choc(o|aron|ar|a)|choque|volc(o|aron|adura|ar)|vuelc(a|an)|accidente|percance vial|incidente vial|derrap\w*|perdio el control|cayo (desde|de)|caida (desde|de)|se desplom\w*|incendio|intoxicad[oa]s?|intoxicacion|ahogad[oa]s?|electrocutad[oa]s?|suicid\w*|quitarse la vida|se quito la vida|atent(ar|ara|o) contra su (propia )?vida)\b/;

/** Categories whose words, in an accident's sentence, describe the accident (see `ACCIDENT`). */
export const ACCIDENT_SENSE: ReadonlySet<CategoryId> = new Set(['homicidio_doloso', 'lesiones']);

/** A robbery with no other context is a robbery of a passer-by (the commonest kind in the city). */
export const DEFAULT_ROBBERY: CategoryId = 'robo_transeunte';

/**
 * Negation and hedging that cancel a mention in its sentence (NegEx-style scope: the sentence;
 * Chapman et al., "A Simple Algorithm for Identifying Negated Findings", J. Biomed. Inform. 2001).
 * "presunto" is NOT here: an alleged robbery is still a reported robbery.
 */
export const NEGATION =
  /\b(no fue confirmad[oa]|no ha sido confirmad[oa]|fue descartad[oa]|descarta(n|ron)?|se especulo|no se trato de|no hubo|sin que (hasta \w+ )?hubiera certeza|falsa alarma|desminti\w*)\b/;

export const ATTEMPT =
  /\b(intento de (robo|asalto|secuestro|homicidio|extorsion)|intent(o|aron|aban) (robar|asaltar|despojar|secuestrar|extorsionar)|frustr(o|aron|ar|an)( un| el)? (robo|asalto|secuestro)|tentativa de)\b/;
export const WITHOUT_VIOLENCE = /\bsin violencia\b/;
export const WITH_VIOLENCE =
  /\b(con violencia|armad[oa]s?|arma de fuego|pistola|navaja|cuchillo|amagad[oa]|amagaron|a punta de)\b/;
/**
 * Sentences that recall other cases or give figures: their crime words describe context, not the
 * reported event, and count a quarter.
 */
export const CONTEXT_SENTENCE =
  /(\d+(\.\d+)? ?%|por ciento|primer semestre|en lo que va del ano|investigaciones por|se suma a|casos como|no es la primera vez|recordo que|hecho similar|otro caso|segunda balacera|tambien se registro|ademas del|el pasado \d{1,2} de|cuenta con (\w+ )?ingresos|ingresos (previos )?al sistema)/;

export const ALLEGED = /\b(presunt[oa]s?|presuntamente|probables? responsables?|supuest[oa]s?)\b/;
