import { describe, expect, it } from 'vitest';
import {
  agendaProblems,
  hashQuery,
  isPlenaryHash,
  parseAreas,
  parseLocation,
  plenaryHash,
  serializeAreas,
  serializeLocation,
} from './agenda.ts';

describe('plenary agenda in the URL', () => {
  it('parses areas, categories, month, vintage, slide and print from the hash query', () => {
    const location = parseLocation(
      'areas=sector:ABASTO-REFORMA,cuadrante:P-1.3.8&categories=robo_transeunte,homicidio_doloso&month=2016-06&vintage=2016&slide=3&print=1',
    );
    expect(location).toEqual({
      agenda: {
        areas: [
          { kind: 'sector', id: 'ABASTO-REFORMA' },
          { kind: 'cuadrante', id: 'P-1.3.8' },
        ],
        categories: ['robo_transeunte', 'homicidio_doloso'],
        month: '2016-06',
        vintage: '2016',
      },
      slide: 3,
      print: true,
    });
  });

  it('keeps ids holding commas, colons and spaces through a round trip', () => {
    const areas = [
      { kind: 'colonia' as const, id: 'A, B: C' },
      { kind: 'sector' as const, id: 'SAN ÁNGEL' },
    ];
    expect(serializeAreas(areas)).toBe('colonia:A%2C%20B%3A%20C,sector:SAN%20%C3%81NGEL');
    const query = serializeLocation({
      agenda: { areas, categories: ['robo_transeunte'], month: '2016-06', vintage: '2023' },
      slide: 2,
      print: false,
    });
    expect(parseLocation(query).agenda.areas).toEqual(areas);
    expect(parseLocation(query).slide).toBe(2);
  });

  it('drops malformed entries instead of failing: unknown kinds, bad months, slide 0, repeated areas', () => {
    const location = parseLocation(
      'areas=planeta:X,sector:,sector:A,sector:A,:B&categories=Robo!,robo_transeunte&month=2016-13&vintage=1999&slide=0',
    );
    expect(location.agenda).toEqual({
      areas: [{ kind: 'sector', id: 'A' }],
      categories: ['robo_transeunte'],
      month: null,
      vintage: '2023',
    });
    expect(location.slide).toBe(1);
    expect(location.print).toBe(false);
    expect(parseAreas('sector%3AABASTO-REFORMA')).toEqual([{ kind: 'sector', id: 'ABASTO-REFORMA' }]);
  });

  it('recognises the hash route and takes its query', () => {
    expect(isPlenaryHash('#plenaria')).toBe(true);
    expect(isPlenaryHash('#plenaria?month=2016-06')).toBe(true);
    expect(isPlenaryHash('#plenariax')).toBe(false);
    expect(isPlenaryHash('#acerca')).toBe(false);
    expect(hashQuery('#plenaria?month=2016-06&slide=2')).toBe('month=2016-06&slide=2');
    expect(hashQuery('#plenaria')).toBe('');
    expect(
      plenaryHash({
        agenda: { areas: [{ kind: 'sector', id: 'X' }], categories: [], month: null, vintage: '2016' },
        slide: 1,
        print: false,
      }),
    ).toBe('#plenaria?areas=sector:X&vintage=2016');
  });

  it('says in Spanish what an incomplete agenda lacks', () => {
    expect(agendaProblems({ areas: [], categories: [], month: null, vintage: '2023' })).toEqual([
      'Elija al menos un área.',
      'Elija al menos una categoría.',
      'Elija el mes (AAAA-MM).',
    ]);
    expect(
      agendaProblems({
        areas: [{ kind: 'sector', id: 'X' }],
        categories: ['robo_transeunte'],
        month: '2016-06',
        vintage: '2023',
      }),
    ).toEqual([]);
  });
});
