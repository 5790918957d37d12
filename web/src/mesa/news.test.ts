import { describe, expect, it } from 'vitest';
import { hostOf, placementLabel, RELATION_LABELS } from './news.ts';

describe('news provenance words', () => {
  it('names every relation the API sends', () => {
    expect(Object.keys(RELATION_LABELS).sort()).toEqual(['origin', 'same_event', 'same_story']);
  });

  it('says how an article was placed, with the confidence as a whole percentage', () => {
    expect(placementLabel({ precision: 'intersection', confidence: 0.749 })).toBe(
      'ubicada por esquina (confianza 75 %)',
    );
    expect(placementLabel({ precision: 'colonia', confidence: null })).toBe('ubicada por colonia');
    expect(placementLabel({ precision: null, confidence: null })).toBeNull();
  });

  it('shows the host of a link', () => {
    expect(hostOf('https://www.ejemplo.mx/nota/1')).toBe('ejemplo.mx');
    expect(hostOf('no es url')).toBe('no es url');
  });
});
