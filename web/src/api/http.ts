/**
 * How the web app talks to the API: JSON GETs and POST/DELETEs whose every failure becomes an
 * `ApiError` with a Spanish message fit to show as is (the server's own `{error: {code, message}}`
 * when it sent one, "No se pudo conectar con el servidor" when it could not be reached), the
 * session's CSRF token, and the query helpers shared by the map and Mesa clients.
 */
import type { PlaceKind } from '../state/urlState.ts';
import { PUBLIC_MAX_RESOLUTION } from '../lib/h3Resolution.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export const OFFLINE_MESSAGE = 'No se pudo conectar con el servidor';

/**
 * The CSRF token of a logged-in browser session (web/src/account sets it after login or a session
 * check, clears it on logout). The session cookie itself goes with every same-origin request; a
 * state-changing request must also carry this token in `X-CSRF-Token`.
 */
let sessionCsrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  sessionCsrfToken = token;
}
/** `{x-csrf-token}` when logged in, else nothing: spread it into POST/PUT/PATCH/DELETE headers. */
export function csrfHeaders(): Record<string, string> {
  return sessionCsrfToken ? { 'x-csrf-token': sessionCsrfToken } : {};
}

/**
 * GET requests started before anyone asked for them (`prefetch`), by URL: the first `getJson` of the
 * same URL takes the answer instead of asking again. Only the first: later ones ask the server.
 */
const prefetched = new Map<string, Promise<unknown>>();
let prefetching = false;

/**
 * Runs `request` (a call of the API client) so that its GETs start now and their answers wait for the
 * app's first identical request: the URL comes from the same code either way, so a different view
 * simply asks again. For the map's first answers, requested while the map's code is still downloading.
 */
export function prefetch<T>(request: () => Promise<T>): Promise<T> {
  prefetching = true;
  try {
    const answer = request();
    answer.catch(() => {}); // nobody may ever take it: not an unhandled rejection
    return answer;
  } finally {
    prefetching = false;
  }
}

/** A waiting answer for `signal`'s request: an abort rejects with the AbortError fetch would give. */
function takeAnswer<T>(answer: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return answer;
  if (signal.aborted) return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function getJson<T>(
  path: string,
  params: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, value);
  const url = query.size ? `${path}?${query.toString().replaceAll('%2C', ',')}` : path;
  if (prefetching) {
    const answer = fetchJson<T>(url);
    prefetched.set(url, answer);
    return answer;
  }
  const early = prefetched.get(url) as Promise<T> | undefined;
  if (early) {
    prefetched.delete(url);
    return takeAnswer(early, signal);
  }
  return fetchJson<T>(url, signal);
}

async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(OFFLINE_MESSAGE, 'network', 0);
  }
  // an abort while the body is still arriving is an abort, not a bad answer: callers ignore AbortErrors,
  // and a stale "invalid response" from a superseded request must not reach the screen
  const body = await response.json().catch((error: Error) => {
    if (signal?.aborted || error.name === 'AbortError') throw error;
    return null;
  });
  if (!response.ok) {
    const apiError = body?.error;
    throw new ApiError(
      apiError?.message ?? (response.status >= 500 ? OFFLINE_MESSAGE : `Error ${response.status}`),
      apiError?.code ?? 'http',
      response.status,
    );
  }
  if (body === null) throw new ApiError('Respuesta no válida del servidor', 'invalid_json', response.status);
  return body as T;
}

export async function sendJson<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  csrfToken?: string,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfToken ?? sessionCsrfToken; // the logged-in session's, unless given
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(OFFLINE_MESSAGE, 'network', 0);
  }
  const parsed = await response.json().catch(() => null);
  if (!response.ok) {
    const apiError = parsed?.error;
    throw new ApiError(apiError?.message ?? `Error ${response.status}`, apiError?.code ?? 'http', response.status);
  }
  return parsed as T;
}

export interface Filters {
  from?: string;
  to?: string;
  category?: string;
}

/**
 * `kind` and `ids` for the place endpoints; H3 cells without ids need `res`: the public map's
 * finest resolution (every cell with incidents at the resolution the public may see).
 */
export function placeParams(kind: PlaceKind, ids: readonly string[]): Record<string, string | undefined> {
  return {
    kind,
    ids: ids.join(','),
    res: kind === 'h3' && ids.length === 0 ? String(PUBLIC_MAX_RESOLUTION) : undefined,
  };
}
