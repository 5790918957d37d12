/**
 * The offline base style: a plain background, no tiles. The boundary layers drawn on top of it
 * ARE the base map, so the map works with no internet. Labels are drawn from a font file bundled
 * with the app (Noto Sans, OFL, from @fontsource/noto-sans) through the style's `font-faces`
 * property: MapLibre rasterises the glyphs locally with TinySDF instead of fetching glyph PBFs.
 *
 * An online basemap can be configured at build time with `VITE_BASEMAP_STYLE` (a MapLibre style
 * URL); the app then draws its layers over that style.
 */
import type { StyleSpecification } from 'maplibre-gl';
import notoSansLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import notoSansLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import notoSansLatinBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';

export const LABEL_FONT = 'Noto Sans Regular';
export const LABEL_FONT_BOLD = 'Noto Sans Bold';

export const BACKGROUND_COLOR = '#eef0ec';

export const FONT_FACES: NonNullable<StyleSpecification['font-faces']> = {
  [LABEL_FONT]: [
    { url: notoSansLatin, 'unicode-range': ['U+0000-00FF', 'U+2000-206F', 'U+20AC'] },
    { url: notoSansLatinExt, 'unicode-range': ['U+0100-024F'] },
  ],
  [LABEL_FONT_BOLD]: notoSansLatinBold,
};

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Mapa Común (sin conexión)',
    'font-faces': FONT_FACES,
    sources: {},
    // No background layer: the canvas stays transparent so the hexagon canvas can sit under it;
    // the page behind the map paints BACKGROUND_COLOR (see BaseMap).
    layers: [],
  };
}

/** The configured online basemap style URL, if any. */
export function configuredBasemap(): string | null {
  const url = import.meta.env.VITE_BASEMAP_STYLE as string | undefined;
  return url && url.trim() ? url.trim() : null;
}
