import { describe, expect, it } from 'vitest';
import { dataUntilLine, sourceLabel, sourcesLine } from './sources.ts';

describe('slide footer', () => {
  it('names each publisher once, largest source first, and the data date in Spanish', () => {
    const health = {
      ok: true,
      db: 'pglite' as const,
      incidents: 3,
      data_until: '2022-06-30',
      sources: [
        { source: 'ssc_points', source_kind: 'official', incidents: 2, from: '2013-01-01', until: '2016-09-30' },
        { source: 'fgj_victimas', source_kind: 'official', incidents: 1, from: '2016-01-01', until: '2022-06-30' },
        { source: 'citizen', source_kind: 'citizen', incidents: 1, from: '2016-01-01', until: '2016-01-02' },
        { source: 'ssc_other', source_kind: 'official', incidents: 1, from: '2016-01-01', until: '2016-01-02' },
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
