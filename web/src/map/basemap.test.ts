import { describe, expect, it } from 'vitest';
import { pmtilesStyle, BASEMAP_SOURCE } from './basemap.ts';
import { LABEL_FONT, LABEL_FONT_BOLD } from './style.ts';

describe('pmtilesStyle', () => {
  const style = pmtilesStyle('/basemap/cdmx.pmtiles', '© OpenStreetMap', 'https://mapa.example.org/#reportar');

  it('reads the archive on the page origin through pmtiles://', () => {
    expect(style.sources[BASEMAP_SOURCE]).toMatchObject({
      type: 'vector',
      url: 'pmtiles://https://mapa.example.org/basemap/cdmx.pmtiles',
      attribution: '© OpenStreetMap',
    });
  });

  it('draws land, water and streets, and labels only with the bundled fonts (no glyph server)', () => {
    const sourceLayers = new Set(style.layers.map((l) => ('source-layer' in l ? l['source-layer'] : undefined)));
    for (const layer of ['earth', 'water', 'roads']) expect(sourceLayers).toContain(layer);
    expect(style.glyphs).toBeUndefined();
    const fonts = new Set(
      style.layers.flatMap(
        (l) =>
          JSON.stringify((l.layout as Record<string, unknown> | undefined)?.['text-font'] ?? []).match(
            /Noto Sans [A-Za-z]+/g,
          ) ?? [],
      ),
    );
    expect([...fonts].every((f) => f === LABEL_FONT || f === LABEL_FONT_BOLD)).toBe(true);
    expect(Object.keys(style['font-faces'] ?? {})).toEqual(expect.arrayContaining([LABEL_FONT, LABEL_FONT_BOLD]));
  });
});
