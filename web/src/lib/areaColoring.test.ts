import { describe, expect, it } from 'vitest';
import {
  areaClasses,
  areaColoring,
  areaFill,
  publishedMonthsNote,
  sensitiveChosen,
  sensitiveExplanation,
  ZERO_COLOR,
} from './areaColoring.ts';
import { WITHHELD_COLOR } from './colorScale.ts';
import type { CategoryGroup } from '../api/client.ts';

/** hand-written: two groups of the taxonomy's shape, one sensitive category */
const GROUPS: CategoryGroup[] = [
  {
    id: 'robo',
    label: 'Robo',
    categories: [{ id: 'robo_transeunte', label: 'Robo a transeúnte', group: 'robo', sensitive: false }],
  },
  {
    id: 'violencia',
    label: 'Violencia',
    categories: [
      { id: 'lesiones', label: 'Lesiones', group: 'violencia', sensitive: false },
      { id: 'violacion', label: 'Violación', group: 'violencia', sensitive: true },
    ],
  },
];

describe('area colouring', () => {
  it('finds the sensitive categories ticked', () => {
    expect(sensitiveChosen(['robo_transeunte', 'violacion'], GROUPS).map((c) => c.id)).toEqual(['violacion']);
    expect(sensitiveChosen(['lesiones'], GROUPS)).toEqual([]);
  });

  it('a sensitive category locks the public (and mesa, enlace) to alcaldías; admin and moderador keep their choice', () => {
    const sensitive = sensitiveChosen(['violacion'], GROUPS);
    for (const role of [null, 'mesa', 'enlace']) {
      expect(areaColoring({ colorBy: 'hexagons', layer: 'cuadrante', sensitive, role })).toEqual({
        areas: true,
        kind: 'alcaldia',
        lockedBySensitive: true,
      });
    }
    expect(areaColoring({ colorBy: 'hexagons', layer: 'cuadrante', sensitive, role: 'admin' })).toEqual({
      areas: false,
      kind: 'cuadrante',
      lockedBySensitive: false,
    });
    expect(areaColoring({ colorBy: 'areas', layer: 'colonia', sensitive, role: 'moderador' })).toEqual({
      areas: true,
      kind: 'colonia',
      lockedBySensitive: false,
    });
  });

  it('"Áreas" colours the chosen boundary layer; hexagons as a layer fall back to alcaldías', () => {
    expect(areaColoring({ colorBy: 'areas', layer: 'cuadrante', sensitive: [], role: null })).toMatchObject({
      areas: true,
      kind: 'cuadrante',
    });
    expect(areaColoring({ colorBy: 'areas', layer: 'h3', sensitive: [], role: null })).toMatchObject({
      areas: true,
      kind: 'alcaldia',
    });
    expect(areaColoring({ colorBy: 'hexagons', layer: 'h3', sensitive: [], role: null })).toMatchObject({
      areas: false,
      kind: 'h3',
    });
  });

  it('explains in Spanish, singular and plural', () => {
    expect(sensitiveExplanation(['Violación'], 30)).toBe(
      'Violación es una categoría sensible: para proteger a las víctimas, el mapa público la muestra solo por alcaldía y mes, nunca por colonia, cuadrante ni hexágono, y cada mes se publica 30 días después de terminar.',
    );
    expect(sensitiveExplanation(['Violación', 'Secuestro', 'Extorsión'], null)).toMatch(
      /^Violación, Secuestro y Extorsión son categorías sensibles: .*hexágono\.$/,
    );
  });

  it('says which months of the period are shown', () => {
    const period = { first: '2016-01', last: '2016-06' };
    expect(publishedMonthsNote(period, null)).toBeNull();
    expect(publishedMonthsNote(period, '2022-11')).toBe(
      'Se muestran todos los meses del periodo (ene 2016 – jun 2016).',
    );
    expect(publishedMonthsNote(period, '2016-04')).toBe(
      'Se muestran ene 2016 – mar 2016; desde abr 2016 los datos aún no se publican.',
    );
    expect(publishedMonthsNote(period, '2016-01')).toMatch(/^Ningún mes del periodo/);
  });

  it('classes start at the publication threshold; 0 and withheld have their own colours', () => {
    const classes = areaClasses([0, null, 3, 40, 400], 3);
    expect(classes[0].min).toBe(3);
    expect(classes[classes.length - 1].max).toBe(400);
    expect(areaFill(0, classes)).toEqual(ZERO_COLOR);
    expect(areaFill(null, classes)).toEqual(WITHHELD_COLOR);
    expect(areaFill(400, classes)).toEqual(classes[classes.length - 1].color);
  });
});
