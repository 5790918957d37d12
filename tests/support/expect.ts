/**
 * Independent expectations for API tests, computed from the raw SSC CSV rows with hand-written
 * filters (the SSC labels of each category, spelled out here rather than taken from the taxonomy).
 */
import type { SscRow } from './fixture.ts';

/** SSC labels per category id, as the police file writes them (C.V. and S.V. together). */
export const SSC_LABELS: Record<string, readonly string[]> = {
  robo_transeunte: ['ROBO A TRANSEUNTE C.V.', 'ROBO A TRANSEUNTE S.V.'],
  robo_vehiculo: ['ROBO DE VEHICULO AUTOMOTOR C.V.', 'ROBO DE VEHICULO AUTOMOTOR S.V.'],
  robo_negocio: ['ROBO A NEGOCIO C.V.'],
  robo_repartidor: ['ROBO A REPARTIDOR C.V.', 'ROBO A REPARTIDOR S.V.'],
  robo_casa_habitacion: ['ROBO A CASA HABITACION C.V.'],
  robo_cuentahabiente: ['ROBO A CUENTAHABIENTE C.V.'],
  robo_transportista: ['ROBO A TRANSPORTISTA C.V.', 'ROBO A TRANSPORTISTA S.V.'],
  robo_metro: ['ROBO A BORDO DE METRO C.V.', 'ROBO A BORDO DE METRO S.V.'],
  robo_microbus: ['ROBO A BORDO DE MICROBUS C.V.', 'ROBO A BORDO DE MICROBUS S.V.'],
  robo_taxi: ['ROBO A BORDO DE TAXI C.V.'],
  homicidio_doloso: ['HOMICIDIO DOLOSO'],
  lesiones_arma_fuego: ['LESIONES POR ARMA DE FUEGO'],
  violacion: ['VIOLACION'],
};

export function rowsWhere(
  rows: readonly SscRow[],
  f: { from?: string; to?: string; categories?: readonly string[]; cuadrante?: string },
): SscRow[] {
  const labels = f.categories ? new Set(f.categories.flatMap((c) => SSC_LABELS[c] ?? [])) : undefined;
  return rows.filter(
    (r) =>
      (!f.from || r.date >= f.from) &&
      (!f.to || r.date < f.to) &&
      (!labels || labels.has(r.crime)) &&
      (!f.cuadrante || r.cuadrante === f.cuadrante),
  );
}

/** Counts per key, as a plain object. */
export function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}
