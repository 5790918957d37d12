/** The report endpoints (server/reports): POST a report, confirm a typed place, look up a folio. */
import { ApiError, csrfHeaders, OFFLINE_MESSAGE } from '../api/client.ts';
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
  if (!response.ok)
    throw new ApiError(
      body?.error?.message ?? `Error ${response.status}`,
      body?.error?.code ?? 'http',
      response.status,
    );
  return body as T;
}

let lastAttempt: { body: string; key: string } | null = null;

/**
 * The `Idempotency-Key` of a submission: the same key while the same report is retried (after a
 * lost answer the server returns the first folio instead of storing it twice), a new one otherwise.
 */
export function idempotencyKeyFor(body: string): string {
  if (lastAttempt?.body !== body) lastAttempt = { body, key: crypto.randomUUID() };
  return lastAttempt.key;
}

export function submitReport(payload: ReportPayload) {
  const body = JSON.stringify(payload);
  return call<{ folio: string; status: string; understood?: { place: UnderstoodPlace } }>('/api/reports', {
    method: 'POST',
    // a logged-in browser's POST carries its session's CSRF token (server/auth)
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKeyFor(body), ...csrfHeaders() },
    body,
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
