import { describe, expect, it } from 'vitest';
import { applyAction, slideAction } from './keys.ts';
import {
  buildSlides,
  changePeriods,
  clampSlide,
  mapSlideCounts,
  slideHeading,
  trendRange,
  type SlideLabels,
} from './slides.ts';
import { formatCount } from '../lib/format.ts';
import { baselineLabel, progressRows } from './targets.ts';
import { formatP, trendVerdict } from './trend.ts';

const sector = { kind: 'sector' as const, id: 'ABASTO-REFORMA' };
const cuadrante = { kind: 'cuadrante' as const, id: 'P-1.3.8' };

describe('plenary slides', () => {
  it('orders title, per category the semáforo then each area map and trend, and targets last', () => {
    const slides = buildSlides({
      areas: [sector, cuadrante],
      categories: ['robo_transeunte', 'homicidio_doloso'],
      month: '2016-06',
      vintage: '2016',
    });
    expect(slides.map((s) => s.type)).toEqual([
      'title',
      'semaforo',
      'map',
      'trend',
      'map',
      'trend',
      'semaforo',
      'map',
      'trend',
      'map',
      'trend',
      'targets',
    ]);
    expect(slides[4]).toEqual({ type: 'map', area: cuadrante, category: 'robo_transeunte' });
    expect(slides[6]).toEqual({ type: 'semaforo', category: 'homicidio_doloso' });
  });

  it('heads each slide in Spanish with names when known and ids until then', () => {
    const labels: SlideLabels = {
      areaNames: new Map([['sector:ABASTO-REFORMA', 'Abasto-Reforma']]),
      categoryLabels: new Map([['robo_transeunte', 'Robo a transeúnte']]),
    };
    expect(slideHeading({ type: 'title' }, '2016-06', labels)).toBe('Mesa de Seguridad y Justicia: junio de 2016');
    expect(slideHeading({ type: 'semaforo', category: 'robo_transeunte' }, '2016-06', labels)).toBe(
      'Semáforo delictivo: Robo a transeúnte',
    );
    expect(slideHeading({ type: 'map', area: sector, category: 'robo_transeunte' }, '2016-06', labels)).toBe(
      'Sector Abasto-Reforma: Robo a transeúnte',
    );
    expect(slideHeading({ type: 'trend', area: cuadrante, category: 'lesiones' }, '2016-06', labels)).toBe(
      'Tendencia: Cuadrante P-1.3.8, lesiones',
    );
    expect(slideHeading({ type: 'targets' }, '2016-06', labels)).toBe('Avance de las metas');
  });

  it('compares the month with the month before and the same month a year earlier, across a year boundary', () => {
    expect(changePeriods('2016-01')).toEqual({
      previousMonth: { p1: '2015-12-01..2016-01-01', p2: '2016-01-01..2016-02-01' },
      yearEarlier: { p1: '2015-01-01..2015-02-01', p2: '2016-01-01..2016-02-01' },
    });
    // 36 months ending with June 2016: July 2013 … June 2016, half-open
    expect(trendRange('2016-06')).toEqual({ from: '2013-07-01', to: '2016-07-01' });
  });

  it('walks the slides with the keyboard and stays inside 1 … total', () => {
    const key = (k: string, mods = {}) =>
      slideAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
    expect(
      ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'Home', 'End', 'f', 'Escape'].map((k) => key(k)),
    ).toEqual(['next', 'next', 'next', 'previous', 'previous', 'first', 'last', 'fullscreen', 'exit']);
    expect(key('ArrowRight', { ctrlKey: true })).toBeNull();
    expect(key('a')).toBeNull();
    expect(applyAction('next', 5, 5)).toBe(5);
    expect(applyAction('previous', 1, 5)).toBe(1);
    expect(applyAction('next', 2, 5)).toBe(3);
    expect(applyAction('last', 2, 5)).toBe(5);
    expect(applyAction('first', 4, 5)).toBe(1);
    expect(clampSlide(9, 5)).toBe(5);
    expect(clampSlide(0, 5)).toBe(1);
  });

  it('phrases the Mann-Kendall result', () => {
    expect(trendVerdict({ direction: 'down', p: 0.0004, n: 36 }).headline).toBe('Tendencia a la baja');
    expect(trendVerdict({ direction: 'down', p: 0.0004, n: 36 }).p).toBe('< 0.001');
    expect(trendVerdict({ direction: 'none', p: 0.41234, n: 36 }).explanation).toBe(
      'Mann-Kendall: p = 0.412 ≥ 0.05 en 36 meses.',
    );
    expect(formatP(0.0499)).toBe('0.050');
  });

  it('shows the last six months of a target up to the session month', () => {
    const items = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06', '2016-07', '2016-08'].map(
      (month) => ({ month, count: 1, goal: 2, met: true }),
    );
    expect(progressRows({ items }, '2016-07').map((r) => r.month)).toEqual([
      '2016-02',
      '2016-03',
      '2016-04',
      '2016-05',
      '2016-06',
      '2016-07',
    ]);
    // baseline_to is excluded: a 2015 baseline ends in December
    expect(baselineLabel({ baseline_from: '2015-01-01', baseline_to: '2016-01-01' })).toBe('ene 2015 – dic 2015');
    expect(baselineLabel({ baseline_from: '2015-03-01', baseline_to: '2015-04-01' })).toBe('mar 2015');
  });

  it('the map slide says 0 for an area no comparison lists, and "dato reservado" only for a withheld figure', () => {
    // hand-written compare items
    expect(mapSlideCounts(false, null, null)).toEqual({});
    const none = mapSlideCounts(true, null, null);
    expect(none).toEqual({ month: 0, yearEarlier: 0, previousMonth: 0 });
    expect(Object.values(none).map(formatCount)).toEqual(['0', '0', '0']);
    // listed in the month comparison only: the month from it, the year before 0
    expect(mapSlideCounts(true, null, { p1: 4, p2: 7 })).toEqual({ month: 7, yearEarlier: 0, previousMonth: 4 });
    const withheld = mapSlideCounts(true, { p1: null, p2: 5 }, { p1: 0, p2: 5 });
    expect(withheld).toEqual({ month: 5, yearEarlier: null, previousMonth: 0 });
    expect(formatCount(withheld.yearEarlier)).toBe('dato reservado');
  });
});
