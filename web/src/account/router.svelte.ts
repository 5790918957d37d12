/** The reactive account route (`#entrar`, `#invitacion=…`), synced on `hashchange` by AccountRoutes. */
import { parseAccountHash, type AccountRoute } from './route.ts';

class AccountRouter {
  route = $state<AccountRoute | null>(parseAccountHash(typeof window === 'undefined' ? '' : window.location.hash));

  sync(): void {
    this.route = parseAccountHash(window.location.hash);
  }

  close(): void {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    this.route = null;
  }

  /** The hash the map's URL effect must keep while an account page is open. */
  get hash(): string {
    return this.route ? window.location.hash : '';
  }
}

export const accountRouter = new AccountRouter();
