/** GTFS stop names split into the places they name (shared by the landmark extract and the geocoder's corners). */
import { collapseSpaces } from '../../geo/text/index.ts';

/** A stop name's parts: "Ciudad Universitaria - Estadio C.U." → both; "Parque Lira y Av. Observatorio" → both. */
export function stopNameParts(name: string): string[] {
  return collapseSpaces(name)
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+-\s+|\s+y\s+(?=[A-ZÁÉÍÓÚÑ])/)
    .map((p) =>
      collapseSpaces(p)
        .replace(/\s+[a-z]$/, '')
        .replace(/[.,]$/, ''),
    )
    .filter(Boolean);
}
