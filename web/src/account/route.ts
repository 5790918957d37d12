/**
 * The account pages' hash routes: `#entrar` (log in) and `#invitacion=<token>` (accept an
 * invitation link an admin sent). Pure: parsing and labels only, tested beside it.
 */

export type AccountRoute = { view: 'entrar' } | { view: 'invitacion'; token: string };

/** Invitation tokens are base64url (server/accounts); anything else is not one. */
const TOKEN_RE = /^[A-Za-z0-9_-]{16,200}$/;

export function parseAccountHash(hash: string): AccountRoute | null {
  if (hash === '#entrar') return { view: 'entrar' };
  const m = /^#invitacion=(.*)$/.exec(hash);
  if (!m) return null;
  let token: string;
  try {
    token = decodeURIComponent(m[1]);
  } catch {
    return { view: 'invitacion', token: '' };
  }
  return { view: 'invitacion', token: TOKEN_RE.test(token) ? token : '' };
}

/** Role names as people say them (the API's role ids stay Spanish identifiers). */
export const ROLE_LABELS: Record<string, string> = {
  mesa: 'Mesa de Seguridad',
  enlace: 'Enlace policial',
  moderador: 'Moderación',
  admin: 'Administración',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

/**
 * The lockout line: the server's Spanish message plus when to try again, from `Retry-After`
 * (seconds), rounded up to whole minutes.
 */
export function lockoutMessage(message: string, retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) return message;
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `${message}. Podrá intentarlo de nuevo en ${minutes === 1 ? '1 minuto' : `${minutes} minutos`}.`;
}
