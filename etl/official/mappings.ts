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
  date: { column: Column; format: DateFormat };
  hour?: { column: Column; format: HourFormat };
  /** The specific label (SSC `crime`, FGJ `Delito`) and an optional coarser bucket tried after it (FGJ `Categoria`). */
  label: Column;
  secondaryLabel?: Column;
  lat: Column;
  lon: Column;
  /** Areas the record itself names: kept, rather than re-derived from the point (issue 2, item 5). */
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

export const FORMAT_IDS = ['ssc_points', 'fgj_victimas', 'fgj_carpetas'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

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
  fgj_victimas: {
    id: 'fgj_victimas',
    description: 'FGJ-CDMX: víctimas en carpetas de investigación (idCarpeta, Fecha, Hora, Delito, Categoria, Colonia, Alcalia, latitud, longitud)',
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
  },
  /**
   * FGJ-CDMX "carpetas de investigación" (current layout): one row per carpeta and crime, with
   * `fecha_hecho` (yyyy-mm-dd) and `hora_hecho` (hh:mm[:ss]).
   */
  fgj_carpetas: {
    id: 'fgj_carpetas',
    description: 'FGJ-CDMX: carpetas de investigación (fecha_hecho, hora_hecho, delito, categoria, colonia_*, alcaldia_*, latitud, longitud)',
    recordId: [['idCarpeta', 'id_carpeta', 'id', '_id'], 'delito'],
    date: { column: 'fecha_hecho', format: 'yyyy-mm-dd' },
    hour: { column: 'hora_hecho', format: 'hh:mm' },
    label: 'delito',
    secondaryLabel: 'categoria',
    lat: 'latitud',
    lon: 'longitud',
    stated: { colonia: ['colonia_hecho', 'colonia_catalogo'], alcaldia: ['alcaldia_hecho', 'alcaldia_catalogo'] },
    collapse: 'victims',
    missing: ['NA', 'NULL', 'nan'],
  },
};

export function isFormatId(id: string): id is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(id);
}
