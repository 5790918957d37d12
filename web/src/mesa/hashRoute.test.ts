import { describe, expect, it } from 'vitest';
import { formatMonthPeriod, hashFor, parseDateParam, parseHashRoute, parseMonthPeriod } from './hashRoute.ts';

describe('hash routes', () => {
  it('parses a route with its parameters', () => {
    const route = parseHashRoute('#patrullaje?cuadrante=P-1.3.8&from=2016-01-01&to=2016-07-01');
    expect(route?.name).toBe('patrullaje');
    expect(route?.params.get('cuadrante')).toBe('P-1.3.8');
    expect(route?.params.get('to')).toBe('2016-07-01');
  });

  it('accepts a bare route and rejects unknown hashes', () => {
    expect(parseHashRoute('#fuentes')?.name).toBe('fuentes');
    expect(parseHashRoute('#fuentes')?.params.size).toBe(0);
    expect(parseHashRoute('#acerca')).toBeNull();
    expect(parseHashRoute('')).toBeNull();
    expect(parseHashRoute('#comparar2?a=1')).toBeNull();
  });

  it('round-trips through hashFor, leaving empty values out', () => {
    const hash = hashFor('comparar', {
      a: '2015-01..2015-06',
      b: '2016-01..2016-06',
      modo: null,
      cat: 'robo_a,robo_b',
    });
    expect(hash).toBe('#comparar?a=2015-01..2015-06&b=2016-01..2016-06&cat=robo_a,robo_b');
    const route = parseHashRoute(hash)!;
    expect(route.params.get('cat')).toBe('robo_a,robo_b');
    expect(hashFor('fuentes')).toBe('#fuentes');
  });

  it('parses inclusive month periods and refuses malformed or reversed ones', () => {
    expect(parseMonthPeriod('2015-01..2015-06')).toEqual({ first: '2015-01', last: '2015-06' });
    expect(parseMonthPeriod('2015-06..2015-01')).toBeNull();
    expect(parseMonthPeriod('2015-13..2016-01')).toBeNull();
    expect(parseMonthPeriod('2015-01')).toBeNull();
    expect(parseMonthPeriod(null)).toBeNull();
    expect(formatMonthPeriod({ first: '2015-01', last: '2015-06' })).toBe('2015-01..2015-06');
  });

  it('accepts only YYYY-MM-DD dates', () => {
    expect(parseDateParam('2016-01-01')).toBe('2016-01-01');
    expect(parseDateParam('2016-1-1')).toBeNull();
    expect(parseDateParam('2016-02-40')).toBeNull();
    expect(parseDateParam(undefined)).toBeNull();
  });
});
