import { describe, expect, it } from 'vitest';
import { defaultShareableState, parseUrlState, serializeUrlState } from './urlState.ts';

describe('URL map state', () => {
  it('round-trips every field', () => {
    const state = {
      center: [-99.1661, 19.4216] as [number, number],
      zoom: 13.25,
      categories: ['robo_transeunte', 'robo_transporte_publico'],
      period: { first: '2015-10', last: '2016-09' },
      layer: 'cuadrante' as const,
      vintage: '2016' as const,
      selected: 'P-1.3.8',
      hexMode: 'emerging' as const,
      colorBy: 'areas' as const,
    };
    const query = serializeUrlState(state);
    expect(query).toContain('hx=emerging');
    expect(query).toContain('color=areas');
    expect(query).toContain('sel=P-1.3.8');
    expect(query).toContain('cat=robo_transeunte,robo_transporte_publico');
    expect(parseUrlState(`?${query}`)).toEqual(state);
  });

  it('falls back to defaults for malformed values', () => {
    const parsed = parseUrlState('?c=abc&z=99&p=2016-13..2016-01&layer=manzana&v=1999&cat=DROP%20TABLE&color=pink');
    const defaults = defaultShareableState();
    expect(parsed).toEqual({ ...defaults, categories: [] });
  });

  it('keeps a selected H3 hexagon (layer=h3) and drops a selection that is not a cell', () => {
    const state = { ...defaultShareableState(), layer: 'h3' as const, selected: '884995b845fffff' };
    const query = serializeUrlState(state);
    expect(query).toContain('layer=h3&v=2023&sel=884995b845fffff');
    expect(parseUrlState(`?${query}`)).toEqual(state);
    expect(parseUrlState('?layer=h3&sel=P-1.3.8')).toMatchObject({ layer: 'h3', selected: null });
    expect(parseUrlState('?layer=h3&sel=884995B845FFFFF').selected).toBeNull();
  });

  it('rejects a period whose end precedes its start', () => {
    expect(parseUrlState('?p=2016-09..2016-01').period).toBeNull();
    expect(parseUrlState('?p=2016-01..2016-09').period).toEqual({ first: '2016-01', last: '2016-09' });
  });
});
