import { describe, expect, it } from 'vitest';
import { dataUntilLine, sourceLabel, sourcesLine } from './sources.ts';

/** A hand-written `/api/health` source as an admin sees it (days and months). */
function held(source: string, source_kind: string, incidents: number, from: string, until: string) {
  const last_month_complete =
    new Date(`${until}T00:00:00Z`).getUTCMonth() !== new Date(`${until}T24:00:00Z`).getUTCMonth();
  const dates = { first_month: from.slice(0, 7), last_month: until.slice(0, 7), last_month_complete, from, until };
  return { source, source_kind, incidents, ...dates, withheld: false };
}

describe('slide footer', () => {
  it('names each publisher once, largest source first, and the data date in Spanish', () => {
    const health = {
      ok: true,
      db: 'pglite' as const,
      incidents: 3,
      data_until: '2022-06-30',
      data_until_month: '2022-06',
      sources: [
        held('ssc_points', 'official', 2, '2013-01-01', '2016-09-30'),
        held('fgj_victimas', 'official', 1, '2016-01-01', '2022-06-30'),
        held('citizen', 'citizen', 1, '2016-01-01', '2016-01-02'),
        held('ssc_other', 'official', 1, '2016-01-01', '2016-01-02'),
      ],
    };
    expect(sourcesLine(health)).toBe(
      'Fuentes: SSC/SSP-DF (datos abiertos); FGJ-CDMX (datos abiertos); reportes ciudadanos moderados',
    );
    // the largest source's last day, not the small FGJ file's later one
    expect(dataUntilLine(health)).toBe('Datos al 30 de septiembre de 2016');
    expect(dataUntilLine(null)).toBe('Datos al —');
    expect(sourceLabel('mystery_feed')).toBe('mystery_feed');
  });

  it('gives the public the month of the largest source, never a withheld source’s', () => {
    // hand-written public answer: months only, the small source withheld
    const health = {
      ok: true,
      db: 'pglite' as const,
      incidents: 2,
      data_until: null,
      data_until_month: '2016-09',
      sources: [
        { ...held('ssc_points', 'official', 2, '2013-01-01', '2016-09-30'), from: null, until: null },
        {
          source: 'citizen',
          source_kind: 'citizen',
          incidents: null,
          first_month: null,
          last_month: null,
          last_month_complete: null,
          from: null,
          until: null,
          withheld: true,
        },
      ],
    };
    expect(dataUntilLine(health)).toBe('Datos al mes de septiembre de 2016');
  });

  it('names each source with its months when /api/sources answered', () => {
    const status = (id: string, label: string, scope: string | null, first: string, last: string) => ({
      id,
      kind: 'official' as const,
      label,
      title: '',
      scope,
      incidents: 10,
      first_month: first,
      last_month: last,
      first_day: null,
      last_day: null,
      last_import: null,
      sync: null,
    });
    expect(
      sourcesLine(null, [
        status('fgj_victimas', 'FGJ', 'Milpa Alta', '2016-01', '2022-06'),
        status('ssc_points', 'SSC', null, '2013-01', '2016-09'),
      ]),
    ).toBe('Fuentes: SSC: datos de ene 2013 a sep 2016 · FGJ (Milpa Alta): datos de ene 2016 a jun 2022');
  });
});
