/** The report endpoints (server/reports): POST a report, confirm a typed place, look up a folio. */
import { ApiError, OFFLINE_MESSAGE } from '../api/client.ts';
import type { ReportPayload } from './payload.ts';

export interface UnderstoodPlace {
  lat: number;
  lon: number;
  precision: string;
  alcaldia: string | null;
  colonia: string | null;
  text: string | null;
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init?.headers ?? {}) } });
  } catch {
    throw new ApiError(OFFLINE_MESSAGE, 'network', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error?.message ?? `Error ${response.status}`, body?.error?.code ?? 'http', response.status);
  return body as T;
}

export function submitReport(payload: ReportPayload) {
  return call<{ folio: string; status: string; understood?: { place: UnderstoodPlace } }>('/api/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
}

export function understandPlace(text: string) {
  return call<{ place: UnderstoodPlace }>(`/api/reports/geocode?q=${encodeURIComponent(text)}`);
}

export function reportStatus(folio: string) {
  return call<{ folio: string; status: string }>(`/api/reports/${encodeURIComponent(folio.trim())}`);
}

/** Status words for the reporter. */
export const STATUS_LABELS: Record<string, string> = {
  pending: 'En revisión',
  approved: 'Aprobado: ya cuenta en el mapa',
  merged: 'Unido a un incidente ya registrado',
  rejected: 'No aprobado',
};

/** "station" → words for the confirmation line. */
export const PRECISION_LABELS: Record<string, string> = {
  point: 'punto en el mapa',
  station: 'estación',
  street: 'calle',
  colonia: 'colonia',
  cuadrante: 'cuadrante',
  alcaldia: 'alcaldía',
};
