/**
 * One source row → one normalised incident (or the reason it is quarantined, or "not a crime").
 * Everything per-row lives here: validation, classification, time zone, and which areas the record
 * states; the store's incident writer derives the point's areas and H3 cells.
 */
import { classifyLabel, repairMojibake, type CategoryId, type Classification } from '../../core/taxonomy/index.ts';
import type { ErrorCode } from '../../core/errors/index.ts';
import type { IncidentAreas, LocationPrecision, NormalisedIncident } from '../../core/incident/index.ts';
import type { ReverseGeocoder } from '../../geo/areas/index.ts';
import type { Column, FormatMapping } from './mappings.ts';
import { isoDate, localToUtc, parseDate, parseTime } from '../../core/time/index.ts';
import { DerivedIdentity } from './identity.ts';
import { pointFromXY } from './coordinates.ts';

/** A normalised incident of an official file, and whether a taxonomy rule mapped its label. */
export interface OfficialIncident extends NormalisedIncident {
  category: CategoryId;
  /** false when the label fell to `otros` without a rule (reported as unmapped). */
  mapped: boolean;
}

export type RowOutcome =
  | { kind: 'incident'; incident: OfficialIncident }
  | { kind: 'non_crime' }
  | {
      kind: 'quarantine';
      reason: Extract<ErrorCode, 'missing_date' | 'missing_category' | 'malformed_row'>;
      detail: string;
    };

/** What the row normaliser needs besides the row: lookups and geocoders, loaded once per import. */
export interface RowContext {
  reverse: ReverseGeocoder;
  cuadrante2016: Map<string, { sector: string; alcaldiaId: string }>;
  /** free-text alcaldía name → INEGI id, or null. */
  alcaldiaId(name: string): string | null;
  /** Structured geocoder for rows without a usable point: colonia (IECM id) and alcaldía, or null. */
  placeColonia(
    colonia: string,
    alcaldia: string | null,
  ): { coloniaId: string | null; alcaldiaId: string | null } | null;
}

/** Column positions of a mapping in one file's header (-1 when absent). */
export interface ResolvedColumns {
  recordId: number[];
  /** the defining columns of a derived identity, when the file lacks the record id columns (else null) */
  derivedIdentity: number[] | null;
  date: number;
  hour: number;
  label: number;
  secondaryLabel: number;
  lat: number;
  lon: number;
  cuadrante2016: number;
  colonia: number;
  alcaldia: number;
}

function indexOf(header: string[], col: Column | undefined): number {
  if (col === undefined) return -1;
  for (const name of typeof col === 'string' ? [col] : col) {
    const i = header.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

const show = (col: Column) => (typeof col === 'string' ? col : col.join('|'));

/** Positions of the mapping's columns; lists the required ones that the header lacks. */
export function resolveColumns(
  mapping: FormatMapping,
  header: string[],
): { columns: ResolvedColumns; missing: string[] } {
  const h = header.map((c) => c.trim());
  const recordId = mapping.recordId.map((c) => indexOf(h, c));
  const defining = mapping.derivedIdentity?.map((c) => indexOf(h, c));
  const derive = recordId.some((i) => i < 0) && defining !== undefined && defining.every((i) => i >= 0);
  const columns: ResolvedColumns = {
    recordId,
    derivedIdentity: derive ? defining : null,
    date: indexOf(h, mapping.date.column),
    hour: indexOf(h, mapping.hour?.column),
    label: indexOf(h, mapping.label),
    secondaryLabel: indexOf(h, mapping.secondaryLabel),
    lat: indexOf(h, mapping.lat),
    lon: indexOf(h, mapping.lon),
    cuadrante2016: indexOf(h, mapping.stated?.cuadrante2016),
    colonia: indexOf(h, mapping.stated?.colonia),
    alcaldia: indexOf(h, mapping.stated?.alcaldia),
  };
  const missing: string[] = [];
  if (!derive) mapping.recordId.forEach((c, i) => columns.recordId[i] < 0 && missing.push(show(c)));
  if (columns.date < 0) missing.push(show(mapping.date.column));
  if (columns.label < 0) missing.push(show(mapping.label));
  if (columns.lat < 0) missing.push(show(mapping.lat));
  if (columns.lon < 0) missing.push(show(mapping.lon));
  return { columns, missing };
}

/** "8325024.0" → "8325024": the FGJ exports write integers as floats. */
const integerText = (v: string) => (/^-?\d+\.0+$/.test(v) ? v.slice(0, v.indexOf('.')) : v);

/** A coordinate, also written with a decimal comma as some portal resources do ("19,4326"). */
export function parseCoordinate(text: string): number {
  return Number.parseFloat(text.includes(',') && !text.includes('.') ? text.replace(',', '.') : text);
}

export class RowNormaliser {
  private readonly missing: Set<string>;
  private readonly identity: DerivedIdentity | null;
  constructor(
    private readonly mapping: FormatMapping,
    private readonly cols: ResolvedColumns,
    private readonly ctx: RowContext,
  ) {
    this.missing = new Set(['', ...mapping.missing]);
    this.identity = cols.derivedIdentity ? new DerivedIdentity() : null;
  }

  /** Whether record ids are derived (every row is its own record: nothing to collapse by id). */
  get derivesIdentity(): boolean {
    return this.identity !== null;
  }

  /** Labels repeat (19 distinct in 132k SSC rows): classify each distinct pair once. */
  private readonly classified = new Map<string, Classification>();
  private classify(label: string, secondary: string): Classification {
    const key = `${label}\u0000${secondary}`;
    let c = this.classified.get(key);
    if (!c) this.classified.set(key, (c = classifyLabel(label, secondary)));
    return c;
  }

  private cell(fields: string[], i: number): string {
    if (i < 0) return '';
    const v = (fields[i] ?? '').trim();
    return this.missing.has(v) ? '' : v;
  }

  normalise(fields: string[]): RowOutcome {
    const { mapping, cols, ctx } = this;
    // Every row takes its ordinal, whatever its fate, so a row quarantined today shifts no identity.
    const derivedId =
      this.identity && cols.derivedIdentity
        ? this.identity.next(cols.derivedIdentity.map((i) => this.cell(fields, i)))
        : null;
    const cls = this.classify(this.cell(fields, cols.label), this.cell(fields, cols.secondaryLabel));
    if (cls.nonCrime) return { kind: 'non_crime' };

    const date = parseDate(this.cell(fields, cols.date), mapping.date.format);
    if (!date)
      return { kind: 'quarantine', reason: 'missing_date', detail: JSON.stringify(this.cell(fields, cols.date)) };
    if (cls.category === null)
      return { kind: 'quarantine', reason: 'missing_category', detail: 'sin etiqueta de delito' };

    const idParts = derivedId
      ? [derivedId]
      : cols.recordId.map((i) => integerText(repairMojibake(this.cell(fields, i))));
    if (idParts[0] === '') return { kind: 'quarantine', reason: 'malformed_row', detail: 'sin identificador' };

    const time = mapping.hour && cols.hour >= 0 ? parseTime(this.cell(fields, cols.hour), mapping.hour.format) : null;

    // Location: a point counts only inside the city; otherwise the areas the record names.
    let lat = parseCoordinate(this.cell(fields, cols.lat));
    let lon = parseCoordinate(this.cell(fields, cols.lon));
    if (mapping.coordinates === 'xy') {
      const p = pointFromXY(lon, lat);
      [lat, lon] = p ? [p.lat, p.lon] : [Number.NaN, Number.NaN];
    }
    const hasPoint = Number.isFinite(lat) && Number.isFinite(lon) && !(lat === 0 && lon === 0);
    const located = hasPoint && ctx.reverse.inCity(lat, lon);
    // Areas the record states replace the point's (the writer applies them over the located ones).
    const stated: Partial<IncidentAreas> = {};
    let precision: LocationPrecision = located ? 'point' : 'none';

    const statedAlcaldiaText = this.cell(fields, cols.alcaldia);
    const statedAlcaldia = statedAlcaldiaText ? ctx.alcaldiaId(repairMojibake(statedAlcaldiaText)) : null;
    if (statedAlcaldia) {
      stated.alcaldia2016 = stated.alcaldia2023 = statedAlcaldia;
      if (!located) precision = 'alcaldia';
    }
    const statedColonia = this.cell(fields, cols.colonia);
    if (!located && statedColonia) {
      const placed = ctx.placeColonia(
        repairMojibake(statedColonia),
        statedAlcaldiaText ? repairMojibake(statedAlcaldiaText) : null,
      );
      if (placed?.coloniaId) {
        stated.colonia = placed.coloniaId;
        precision = 'colonia';
      }
      if (placed?.alcaldiaId && !statedAlcaldia) {
        stated.alcaldia2016 = stated.alcaldia2023 = placed.alcaldiaId;
        if (precision === 'none') precision = 'alcaldia';
      }
    }
    const cuadrante = this.cell(fields, cols.cuadrante2016);
    const info = cuadrante ? ctx.cuadrante2016.get(cuadrante) : undefined;
    if (cols.cuadrante2016 >= 0 && !info) {
      // The record's own cuadrante column says "(NO ESPECIFICADO)": the police did not attribute it to
      // a 2016 cuadrante, so neither do we (the SSC's monthly per-cuadrante counts leave these rows out
      // too); the 2016 alcaldía still follows from the point.
      stated.cuadrante2016 = null;
      stated.sector2016 = null;
    }
    if (info) {
      // The SSC record names its 2016 cuadrante: its 2016 sector and alcaldía follow from it, not from the point.
      stated.cuadrante2016 = cuadrante;
      stated.sector2016 = info.sector;
      stated.alcaldia2016 = info.alcaldiaId;
      if (!located) {
        stated.alcaldia2023 = info.alcaldiaId; // alcaldía polygons did not change between vintages
        precision = 'cuadrante';
      }
    }

    return {
      kind: 'incident',
      incident: {
        sourceKind: 'official',
        source: mapping.id,
        sourceRecordId: idParts.join('|'),
        occurredOn: isoDate(date),
        hour: time ? time.hour : null,
        occurredAt: time ? localToUtc(date, time).toISOString() : null,
        timePrecision: time ? 'hour' : 'date',
        category: cls.category,
        violence: cls.violence,
        attempt: cls.attempt,
        originalLabel: cls.label,
        victims: 1,
        point: hasPoint ? { lat, lon } : null,
        placedAtPoint: located,
        locationPrecision: precision,
        statedAreas: stated,
        provenance: null,
        mapped: cls.mapped,
      },
    };
  }
}
