/**
 * Declarative column mappings, one per official export format. A new export of a known layout
 * (another alcaldía's FGJ file, a newer SSC dump) imports through the same pipeline without code
 * changes; a new layout needs only a new entry here.
 *
 * A column is named by one header or by a list of alternatives (the first one present in the file's
 * header is used), because the FGJ renamed columns between releases (`colonia_hecho` / `colonia_catalogo`).
 */
import type { DateFormat, HourFormat } from '../../core/time/index.ts';

export type Column = string | readonly string[];

export interface FormatMapping {
  /** The format id given on the command line and stored as `incidents.source`. */
  id: FormatId;
  description: string;
  /** Columns composing the source record id, joined with "|". Numbers written as floats ("8325024.0") lose the ".0". */
  recordId: readonly Column[];
  /**
   * For files without the record id columns: the defining columns of a derived identity (hash of
   * these fields + ordinal among identical ones, see identity.ts). Used only when `recordId` is absent.
   */
  derivedIdentity?: readonly Column[];
  date: { column: Column; format: DateFormat };
  hour?: { column: Column; format: HourFormat };
  /** The specific label (SSC `crime`, FGJ `Delito`) and an optional coarser bucket tried after it (FGJ `Categoria`). */
  label: Column;
  secondaryLabel?: Column;
  lat: Column;
  lon: Column;
  /**
   * 'degrees' (default): `lat`/`lon` are latitude and longitude. 'xy': `lon` is an X and `lat` a Y
   * column that may be degrees or UTM 14N metres, told apart by their ranges (coordinates.ts).
   */
  coordinates?: 'degrees' | 'xy';
  /** Areas the record itself names: kept, rather than re-derived from the point. */
  stated?: {
    /** a 2016 cuadrante id ("N-1.1.18"); its 2016 sector and alcaldía come from the SSC lookup. */
    cuadrante2016?: Column;
    /** free-text colonia and alcaldía names, resolved by the structured geocoder. */
    colonia?: Column;
    alcaldia?: Column;
  };
  /**
   * 'victims': the file has one row per victim; rows sharing a record id are one incident whose
   * `victims` is the number of distinct rows (exact duplicate rows collapse into one).
   */
  collapse?: 'victims';
  /** Cell values that mean "no value" besides the empty string. */
  missing: readonly string[];
}

export const FORMAT_IDS = ['ssc_points', 'fgj_victimas', 'fgj_victimas_cdmx', 'fgj_carpetas', 'fgj_mensual'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

const FGJ_VICTIMAS: FormatMapping = {
  id: 'fgj_victimas',
  description:
    'FGJ-CDMX: víctimas en carpetas de investigación (idCarpeta, Fecha, Hora, Delito, Categoria, Colonia, Alcalia, latitud, longitud)',
  recordId: ['idCarpeta', 'Delito'],
  date: { column: 'Fecha', format: 'dd/mm/yyyy' },
  hour: { column: 'Hora', format: 'seconds' },
  label: 'Delito',
  secondaryLabel: 'Categoria',
  lat: 'latitud',
  lon: 'longitud',
  stated: { colonia: 'Colonia', alcaldia: ['Alcalia', 'Alcaldia', 'alcaldia_hecho'] },
  collapse: 'victims',
  missing: ['NA', 'NULL', 'nan'],
};

export const FORMATS: Record<FormatId, FormatMapping> = {
  /** SSC (police) crime points 2013–2016: one row = one incident keyed by `id`. */
  ssc_points: {
    id: 'ssc_points',
    description: 'SSC: puntos de delitos de alto impacto (cuadrante, crime, date, hour, lat, long, id)',
    recordId: ['id'],
    date: { column: 'date', format: 'yyyy-mm-dd' },
    hour: { column: 'hour', format: 'hh:mm' },
    label: 'crime',
    lat: 'lat',
    lon: 'long',
    stated: { cuadrante2016: 'cuadrante' },
    missing: ['NA', '(NO ESPECIFICADO)'],
  },
  /**
   * FGJ-CDMX "víctimas en carpetas de investigación": one row per victim; an incident is one
   * (idCarpeta, Delito). `Fecha` is dd/mm/yyyy, `Hora` seconds since midnight.
   */
  fgj_victimas: FGJ_VICTIMAS,
  /**
   * The same víctimas layout as the portal publishes it for the whole city. Its own source id, so the
   * bundled Milpa Alta file (`fgj_victimas`, scoped to that alcaldía in the source catalogue) and the
   * city-wide file are each described, scoped and reconciled as what they are.
   */
  fgj_victimas_cdmx: {
    ...FGJ_VICTIMAS,
    id: 'fgj_victimas_cdmx',
    description: FGJ_VICTIMAS.description.replace('FGJ-CDMX:', 'FGJ-CDMX, toda la ciudad:'),
  },

  /**
   * FGJ-CDMX "carpetas de investigación": one row per carpeta and crime, with `fecha_hecho`
   * (yyyy-mm-dd) and `hora_hecho` (hh:mm[:ss]). Older exports carry `idCarpeta`; the portal's current
   * CSV has none (its CKAN `_id` is a row number that changes between publications, so it is not an
   * id): its rows get a derived identity. The portal's geo-matched `*_catalogo` names are preferred
   * to the `*_hecho` text; `categoria_delito` is the current name of `categoria`.
   */
  fgj_carpetas: {
    id: 'fgj_carpetas',
    description:
      'FGJ-CDMX: carpetas de investigación (fecha_inicio, hora_inicio, fecha_hecho, hora_hecho, delito, categoria_delito, fiscalia, agencia, unidad_investigacion, colonia_*, alcaldia_*, latitud, longitud)',
    recordId: [['idCarpeta', 'id_carpeta'], 'delito'],
    derivedIdentity: ['fecha_inicio', 'hora_inicio', 'fiscalia', 'agencia', 'unidad_investigacion', 'delito'],
    date: { column: 'fecha_hecho', format: 'yyyy-mm-dd' },
    hour: { column: 'hora_hecho', format: 'hh:mm' },
    label: 'delito',
    secondaryLabel: ['categoria_delito', 'categoria'],
    lat: 'latitud',
    lon: 'longitud',
    stated: { colonia: ['colonia_catalogo', 'colonia_hecho'], alcaldia: ['alcaldia_catalogo', 'alcaldia_hecho'] },
    collapse: 'victims',
    missing: ['NA', 'NULL', 'nan'],
  },
  /**
   * FGJ-CDMX monthly spreadsheets of its transparency site (since 2025, `.xlsx`, read by
   * etl/sync/xlsx.ts): one row per carpeta (`ID_CI`) and crime. `COORD X`/`COORD Y` are longitude and
   * latitude in some months and UTM 14N metres in others; dates and hours are spreadsheet cells,
   * which the reader writes as yyyy-mm-dd and hh:mm:ss.
   */
  fgj_mensual: {
    id: 'fgj_mensual',
    description:
      'FGJ-CDMX: carpetas del mes, hoja de cálculo (ID_CI, FECHA DE LOS HECHOS, HORA, MODALIDAD - DELITO, COLONIA, ALCALDÍA, COORD X, COORD Y)',
    recordId: ['ID_CI', 'MODALIDAD - DELITO'],
    date: { column: 'FECHA DE LOS HECHOS', format: 'yyyy-mm-dd' },
    hour: { column: 'HORA', format: 'hh:mm' },
    label: 'MODALIDAD - DELITO',
    lat: 'COORD Y',
    lon: 'COORD X',
    coordinates: 'xy',
    stated: { colonia: 'COLONIA', alcaldia: ['ALCALDÍA', 'ALCALDIA'] },
    missing: ['NA', 'NULL', 'nan', 'N/A', 'SIN DATO'],
  },
};

export function isFormatId(id: string): id is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(id);
}
