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
    expect(dataUntilLine(health)).toBe('Datos al 30 de junio de 2022');
    expect(dataUntilLine(null)).toBe('Datos al —');
    expect(sourceLabel('mystery_feed')).toBe('mystery_feed');
  });
});
