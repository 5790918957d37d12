/**
 * Regression guard for the geocoder on the hand-written citizen tuning set (tests/fixtures/geocode/
 * citizen.ts, labels looked up in the data files, never from the geocoder): the targets for
 * citizen reports must hold on it, so a change that loses them fails CI. The held-out texts and the real
 * news are scored by `npm run eval:geocode`, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { getGeocoder } from '../reference/geocoder/index.ts';
import { greatCircleDistance } from 'h3-js';
import { CITIZEN_HELD_OUT, CITIZEN_TUNING } from '../tests/fixtures/geocode/citizen.ts';
import { alcaldia, colonia, corner, station, type LabelRef } from '../tests/fixtures/geocode/labels.ts';
import { citizenSet } from './geocode.ts';
import { scoreSet } from './geocode-score.ts';

describe('citizen tuning set', () => {
  const g = getGeocoder();
  const score = scoreSet(citizenSet(CITIZEN_TUNING), g.geocodeText, g.reverse);
  const failures = score.failures.map((f) => `${f.id} ${f.status} ${f.why}`).join('\n');

  it('has at least 150 hand-written texts in all, 30 % of them held out', () => {
    const all = CITIZEN_TUNING.length + CITIZEN_HELD_OUT.length;
    expect(all).toBeGreaterThanOrEqual(150);
    expect(CITIZEN_HELD_OUT.length / all).toBeCloseTo(0.3, 1);
    expect(new Set([...CITIZEN_TUNING, ...CITIZEN_HELD_OUT].map((t) => t.id)).size).toBe(all);
  });

  it('places at least 60 % of the texts with a labelled point within 1.5 km', () => {
    expect(score.within.hits / score.within.of, failures).toBeGreaterThanOrEqual(0.6);
  });

  it('answers not_found for at most 25 % of the texts', () => {
    expect(score.notFound.hits / score.notFound.of, failures).toBeLessThanOrEqual(0.25);
  });

  it('never answers ok outside the alcaldía a text states', () => {
    expect(score.statedViolations, failures).toBe(0);
  });

  it('is right at least 90 % of the time when confidence is 0.8 or more', () => {
    expect(score.confident.of).toBeGreaterThan(0);
    expect(score.confident.hits / score.confident.of, failures).toBeGreaterThanOrEqual(0.9);
  });
});

/** Hand-written examples of each failure class; the expected place is looked up in the data (labels.ts). */
describe('failure classes of the citizen register', () => {
  const g = getGeocoder();
  const km = (text: string, where: LabelRef) => {
    const r = g.geocodeText(text);
    const p = where.resolve().points[0]!;
    return r.lat === null || r.lon === null ? Infinity : greatCircleDistance([r.lat, r.lon], [p.lat, p.lon], 'km');
  };

  it('places a corner written in lower case, without "calle" or capitals', () => {
    expect(
      km('me asaltaron en insurgentes sur esquina con rio mixcoac', corner('Insurgentes Sur', 'Rio Mixcoac')),
    ).toBeLessThan(0.3);
    expect(
      km('choque en eje central y 16 de septiembre', corner('Eje Central Lazaro Cardenas', '16 de Septiembre')),
    ).toBeLessThan(0.3);
  });

  it('reads a lower-case alcaldía or Estado de México place after "en", "por", "la", not a street of that name', () => {
    expect(g.geocodeText('en la gam asaltaron a mi vecino').alcaldia_id).toBe(
      alcaldia('Gustavo A. Madero').resolve().alcaldia_id,
    );
    expect(g.geocodeText('por xochimilco robaron una moto').alcaldia_id).toBe(
      alcaldia('Xochimilco').resolve().alcaldia_id,
    );
    expect(g.geocodeText('en tlalnepantla asaltaron un camion').status).toBe('outside_cdmx');
    // Lower-case names that also mean a CDMX colonia or a phrase are not taken as outside the city.
    expect(g.geocodeText('vivo en morelos, cerca de tepito, me robaron el celular').status).not.toBe('outside_cdmx');
    expect(g.geocodeText('asaltaron a mi tio en la paz del parque').status).not.toBe('outside_cdmx');
    // "tlalpan" here is the street of a corner, not the alcaldía (the corner lies in Coyoacán).
    expect(
      km('en calzada de tlalpan y taxqueña asaltaron a un señor', corner('Calzada de Tlalpan', 'Taxqueña')),
    ).toBeLessThan(0.3);
  });

  it('takes "bajando en X" as station X in a text about riding a line', () => {
    expect(
      km('en el vagon de la linea 7 direccion el rosario, bajando en polanco me robaron', station('Polanco')),
    ).toBeLessThan(0.3);
  });

  it('matches street names without the axis number or title the data writes ("euzkaro" = "Eje 4 Norte Euzkaro")', () => {
    expect(
      km('asaltaron a un señor en insurgentes norte y euzkaro', corner('Insurgentes Norte', 'Euzkaro')),
    ).toBeLessThan(0.3);
    expect(
      km(
        'robo en ignacio zaragoza esquina con telecomunicaciones',
        corner('General Ignacio Zaragoza', 'Telecomunicaciones'),
      ),
    ).toBeLessThan(0.3);
  });

  it('reads "colonia del valle" in lower case as the Del Valle sections (IECM drops the "del")', () => {
    expect(colonia('Del Valle').resolve().colonia_ids).toContain(
      g.geocodeText('colonia del valle, se robaron las llantas de un auto').colonia_id,
    );
  });

  it('takes a dateline "X, Méx.," as Estado de México (hand-written dateline)', () => {
    expect(
      g.geocodeText(
        'Choque en la autopista: LA PAZ, Méx., 31 de octubre.- Una mujer murió en la colonia Emiliano Zapata de este municipio.',
      ).status,
    ).toBe('outside_cdmx');
  });
});
