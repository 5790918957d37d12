/**
 * Who is logged in, for the whole page: checked once at start (`GET /api/session`), set by the
 * login and invitation pages, cleared by "Salir". Keeps the client's CSRF token in step.
 */
import { setCsrfToken, type Session, type SessionUser } from '../api/client.ts';
import { accountApi } from './api.ts';

class AccountSession {
  user = $state<SessionUser | null>(null);
  /** false until the first session check answered (the badge waits, so it does not flash "Entrar") */
  checked = $state(false);

  apply(session: Session): void {
    this.user = session.user ?? null;
    setCsrfToken(session.user ? session.csrf_token : undefined);
    this.checked = true;
  }

  async refresh(): Promise<void> {
    try {
      this.apply(await accountApi.session());
    } catch {
      this.apply({ user: null });
    }
  }

  async login(email: string, password: string): Promise<void> {
    this.apply(await accountApi.login(email, password));
  }

  async acceptInvitation(token: string, name: string, password: string): Promise<void> {
    this.apply(await accountApi.acceptInvitation(token, name, password));
  }

  async logout(): Promise<void> {
    await accountApi.logout();
    this.apply({ user: null });
  }
}

export const account = new AccountSession();

/**
 * Back to the map, reloaded: every figure on screen was fetched as the previous caller (public or
 * logged in) and must be fetched again with the new credentials. The map's view stays in the query.
 */
export function reloadMap(): void {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  window.location.reload();
}
