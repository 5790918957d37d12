/**
 * Who publishes each source of incidents, in the words a Mesa uses. The ids are the importers'
 * names (`incidents.source`); a source the open-data sync brings in is named by its sources file.
 */
export interface SourceDescription {
  label: string;
  title: string;
  scope: string | null;
}

const KNOWN: Record<string, SourceDescription> = {
  ssc_points: {
    label: 'SSC',
    title: 'SSC/SSP-DF: delitos de alto impacto con ubicación (datos abiertos, depurados por hoyodecrimen.com)',
    scope: null,
  },
  fgj_victimas: {
    label: 'FGJ',
    title: 'FGJ-CDMX: víctimas en carpetas de investigación (datos abiertos)',
    scope: 'Milpa Alta',
  },
  fgj_carpetas: { label: 'FGJ', title: 'FGJ-CDMX: carpetas de investigación (datos abiertos)', scope: null },
  news: { label: 'Prensa', title: 'Notas de prensa geolocalizadas', scope: null },
  citizen: { label: 'Reportes', title: 'Reportes ciudadanos moderados', scope: null },
  chat: { label: 'Chats', title: 'Chats vecinales moderados', scope: null },
};

const BY_KIND: Record<string, string> = {
  official: 'Oficial',
  news: 'Prensa',
  citizen: 'Reportes',
  chat: 'Chats',
};

/** A source's label, title and scope: the sync's own words first, then the known sources, then its kind. */
export function describeSource(id: string, kind: string, synced?: { label: string; title: string }): SourceDescription {
  const known = KNOWN[id];
  if (synced) return { label: synced.label, title: synced.title, scope: known?.scope ?? null };
  return known ?? { label: BY_KIND[kind] ?? id, title: id, scope: null };
}
