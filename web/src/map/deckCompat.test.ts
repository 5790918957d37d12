import { describe, expect, it } from 'vitest';
import { exposeTransformForDeck } from './deckCompat.ts';

describe('exposeTransformForDeck', () => {
  it('forwards to the camera’s transform, following it when the camera replaces it', () => {
    const camera = { transform: { height: 600 } };
    const map = { _camera: camera } as { _camera: typeof camera; transform?: { height: number } };
    expect(exposeTransformForDeck(map)).toBe(true);
    expect(map.transform?.height).toBe(600);
    camera.transform = { height: 800 };
    expect(map.transform?.height).toBe(800);
  });

  it('leaves a map that has its own transform alone', () => {
    const own = { height: 1 };
    const map = { transform: own, _camera: { transform: { height: 2 } } };
    expect(exposeTransformForDeck(map)).toBe(true);
    expect(map.transform).toBe(own);
  });

  it('says no when there is nothing to forward to', () => {
    expect(exposeTransformForDeck({})).toBe(false);
  });
});
