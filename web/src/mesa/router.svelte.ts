/**
 * The one reactive hash route of the Mesa views (`#comparar`, `#patrullaje`, `#fuentes`). Views
 * update their own parameters with `replace` (no history flood, as the map's URL state) and
 * leave with `close`; the map's query string is always kept.
 */
import { hashFor, parseHashRoute, type HashRoute, type MesaRouteName } from './hashRoute.ts';

class MesaRouter {
  route = $state<HashRoute | null>(parseHashRoute(typeof window === 'undefined' ? '' : window.location.hash));
  /** Bumped by outside changes only: views read their parameters once, and remount on these. */
  generation = $state(0);

  /** Called on `hashchange` (links, back button, hand-edited URL). */
  sync(): void {
    this.route = parseHashRoute(window.location.hash);
    this.generation++;
  }

  /** Rewrites the current route's parameters in the URL without a history entry. */
  replace(name: MesaRouteName, params: Record<string, string | null | undefined>): void {
    const hash = hashFor(name, params);
    if (hash === window.location.hash) return;
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
    // Same view: only the URL changes. Writing `route` here would wake every reader of the route
    // from inside the view's own effects.
    if (this.route?.name !== name) this.route = parseHashRoute(hash);
  }

  close(): void {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    this.route = null;
  }

  /** The hash the map's URL effect must keep (empty when no Mesa view is open). */
  get hash(): string {
    return this.route ? window.location.hash : '';
  }
}

export const mesaRouter = new MesaRouter();
