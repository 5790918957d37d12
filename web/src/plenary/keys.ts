/**
 * Keyboard navigation of the plenary slides, as a pure key → action table: →, PageDown and Space
 * go forward (presentation clickers send PageDown/PageUp), ←/PageUp back, Home/End to the ends,
 * F toggles full screen and Esc leaves.
 */
export type SlideAction = 'next' | 'previous' | 'first' | 'last' | 'fullscreen' | 'exit';

const KEY_ACTIONS: Record<string, SlideAction> = {
  ArrowRight: 'next',
  PageDown: 'next',
  ' ': 'next',
  Spacebar: 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  f: 'fullscreen',
  F: 'fullscreen',
  Escape: 'exit',
  Esc: 'exit',
};

/** The action of a key press, or null (modifier combinations are left to the browser). */
export function slideAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): SlideAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return KEY_ACTIONS[event.key] ?? null;
}

/** The slide (1-based) an action leads to. */
export function applyAction(action: SlideAction, slide: number, total: number): number {
  switch (action) {
    case 'next':
      return Math.min(slide + 1, total);
    case 'previous':
      return Math.max(slide - 1, 1);
    case 'first':
      return 1;
    case 'last':
      return total;
    default:
      return slide;
  }
}
