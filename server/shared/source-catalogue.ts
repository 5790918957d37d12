/**
 * Who publishes each source of incidents, in the words a Mesa uses. The ids are the importers'
 * names (`incidents.source`); a source the open-data sync brings in is named by its sources file.
 */
export interface SourceDescription {
  label: string;
  title: string;
  /** the part of the city the source publishes, in words; null: the whole city */
  scope: string | null;
  /** that part as an alcaldía id (cvegeo), when it is one: places elsewhere get no data from it */
  scopeAlcaldia?: string;
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
    scopeAlcaldia: '09009',
  },
  // its own label: once both FGJ sources hold months, the map names them apart
  fgj_victimas_cdmx: {
    label: 'FGJ víctimas',
    title: 'FGJ-CDMX: víctimas en carpetas de investigación, toda la ciudad (datos abiertos)',
    scope: null,
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

/** The alcaldía a source is limited to (its published scope), or null when it covers the whole city. */
export function sourceScopeAlcaldia(id: string): string | null {
  return KNOWN[id]?.scopeAlcaldia ?? null;
}
