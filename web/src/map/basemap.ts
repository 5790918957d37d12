/**
 * The self-hosted street basemap: a PMTiles archive served by the app (`BASEMAP_PMTILES`, see
 * `/api/basemap`), read by MapLibre through the `pmtiles://` protocol one byte range at a time, and
 * drawn with the Protomaps basemap layers (OpenStreetMap's streets, parks, water, place names) in
 * their light flavour, labelled in Spanish with the app's bundled font — nothing is fetched from
 * another origin, so the Content-Security-Policy stays self-only.
 */
import { addProtocol, type StyleSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { layers, namedFlavor } from '@protomaps/basemaps';
import { FONT_FACES, LABEL_FONT, LABEL_FONT_BOLD } from './style.ts';

export const BASEMAP_SOURCE = 'calles';

let registered = false;
/** MapLibre learns `pmtiles://` once per page. */
function registerPmtiles(): void {
  if (registered) return;
  addProtocol('pmtiles', new Protocol().tile);
  registered = true;
}

/** The map style over the archive at `archiveUrl` (absolute or relative to the page). */
export function pmtilesStyle(archiveUrl: string, attribution: string, base = location.href): StyleSpecification {
  registerPmtiles();
  const flavor = { ...namedFlavor('light'), regular: LABEL_FONT, bold: LABEL_FONT_BOLD, italic: LABEL_FONT };
  return {
    version: 8,
    name: 'Mapa Común (calles)',
    'font-faces': FONT_FACES,
    sources: {
      [BASEMAP_SOURCE]: { type: 'vector', url: `pmtiles://${new URL(archiveUrl, base).href}`, attribution },
    },
    layers: layers(BASEMAP_SOURCE, flavor, { lang: 'es' }),
  };
}
