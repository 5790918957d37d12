/**
 * The account endpoints (server/accounts): session check, log in, log out, accept an invitation.
 * Same-origin requests: the browser sends and stores the HttpOnly `mc_session` cookie itself; the
 * page only keeps the CSRF token (web/src/api/client.ts `setCsrfToken`).
 */
import { ApiError, csrfHeaders, OFFLINE_MESSAGE, type Session } from '../api/client.ts';

/** An API failure plus `Retry-After` (seconds) when the server sent one (429 lockout). */
export class AccountError extends ApiError {
  constructor(
    message: string,
    code: string,
    status: number,
    readonly retryAfter: number | null,
  ) {
    super(message, code, status);
  }
}

async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...(method === 'GET' ? {} : csrfHeaders()) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new AccountError(OFFLINE_MESSAGE, 'network', 0, null);
  }
  const parsed = await response.json().catch(() => null);
  if (!response.ok) {
    const retry = response.headers.get('retry-after');
    throw new AccountError(
      parsed?.error?.message ?? (response.status >= 500 ? OFFLINE_MESSAGE : `Error ${response.status}`),
      parsed?.error?.code ?? 'http',
      response.status,
      retry === null ? null : Number(retry),
    );
  }
  return parsed as T;
}

export const accountApi = {
  session: () => call<Session>('GET', '/api/session'),
  login: (email: string, password: string) => call<Session>('POST', '/api/session', { email, password }),
  logout: () => call<Session>('DELETE', '/api/session'),
  acceptInvitation: (token: string, name: string, password: string) =>
    call<Session>('POST', '/api/invitations/accept', { token, name, password }),
};
