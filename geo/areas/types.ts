/**
 * Boundary data as the reverse geocoder receives it. `geo/` does no I/O: the ETL
 * (`reference/boundaries`) loads the bundled GeoJSON and hands these structures in.
 */
import type { MultiPolygon, Polygon } from 'geojson';

export type AreaKind = 'alcaldia' | 'colonia' | 'sector' | 'cuadrante';
export const AREA_KINDS: readonly AreaKind[] = ['alcaldia', 'colonia', 'sector', 'cuadrante'];

export type Vintage = 2016 | 2023;
export const VINTAGES: readonly Vintage[] = [2016, 2023];
/** The vintage used when a request names none. */
export const DEFAULT_VINTAGE: Vintage = 2023;

export interface AreaFeature {
  /** alcaldía: INEGI cvegeo ("09002"); colonia: IECM cve_col ("02-001"); cuadrante: nomenclature ("P-1.3.8"); sector: its name. */
  id: string;
  /** Display name (alcaldía with accents; colonia as IECM writes it; cuadrante = its id; sector = its name). */
  name: string;
  /** INEGI cvegeo of the alcaldía the area belongs to ("09002"); for an alcaldía, its own id. */
  alcaldiaId: string | null;
  /** Residents, for rates; null when unknown or 0 (a rate over 0 people is meaningless). */
  population: number | null;
  /** For cuadrantes: the id (name) of their sector in the same vintage. */
  sectorId?: string | null;
  geometry: Polygon | MultiPolygon;
}

export interface BoundarySet {
  kind: AreaKind;
  /** null: one polygon set valid for every vintage (alcaldías, IECM 2019 colonias). */
  vintage: Vintage | null;
  features: AreaFeature[];
}

/** Result of `locate`: one id (or null) per kind and vintage. */
export interface LocatedAreas {
  alcaldia_2016: string | null;
  alcaldia_2023: string | null;
  colonia: string | null;
  cuadrante_2016: string | null;
  sector_2016: string | null;
  cuadrante_2023: string | null;
  sector_2023: string | null;
}
