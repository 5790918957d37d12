/**
 * The resolver on a small hand-made gazetteer (real names and codes, points typed in by hand), so these
 * tests exercise the pure code alone. The full-data tests are in reference/geocoder/index.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../gazetteer/index.ts';
import { createGeocoder, findMentions, statesTwoAlcaldias } from './index.ts';

const gaz = buildGazetteer({
  alcaldias: [
    { id: '09002', name: 'Azcapotzalco', lat: 19.48, lon: -99.18 },
    { id: '09007', name: 'Iztapalapa', lat: 19.35, lon: -99.06 },
    { id: '09013', name: 'Xochimilco', lat: 19.25, lon: -99.1 },
    { id: '09015', name: 'Cuauhtémoc', lat: 19.43, lon: -99.15 },
    { id: '09017', name: 'Venustiano Carranza', lat: 19.43, lon: -99.1 },
    { id: '09010', name: 'Álvaro Obregón', lat: 19.36, lon: -99.22 },
  ],
  colonias: [
    { id: '07-179', name: 'SAN FRANCISCO APOLOCALCO', alcaldiaId: '09007', population: 5665, lat: 19.33, lon: -99.03 },
    { id: '07-087', name: 'GUADALUPE (BARR)', alcaldiaId: '09007', population: 2302, lat: 19.36, lon: -99.09 },
    { id: '13-013', name: 'GUADALUPE', alcaldiaId: '09013', population: 3455, lat: 19.26, lon: -99.1 },
    { id: '02-080', name: 'SAN MARCOS (BARR)', alcaldiaId: '09002', population: 3651, lat: 19.48, lon: -99.19 },
    { id: '13-055', name: 'SAN MARCOS (BARR)', alcaldiaId: '09013', population: 3796, lat: 19.26, lon: -99.11 },
    { id: '15-045', name: 'DOCTORES I', alcaldiaId: '09015', population: 10392, lat: 19.42, lon: -99.14 },
    { id: '15-046', name: 'DOCTORES II', alcaldiaId: '09015', population: 13178, lat: 19.418, lon: -99.15 },
  ],
  stations: [
    { system: 'metro', id: '14216', name: 'Pantitlán', line: '1', lat: 19.4161, lon: -99.0743, alcaldiaId: '09017' },
  ],
  cuadrantes: [],
});
const geocoder = createGeocoder(gaz);

describe('findMentions', () => {
  it('returns typed mentions with exact UTF-16 spans', () => {
    const text = 'Asalto en la colonia San Francisco Apolocalco, Iztapalapa, en las calles Guerrero y Quintana Roo.';
    const m = findMentions(gaz, text);
    expect(m.map((x) => [x.type, x.text, x.start, x.end, x.resolved_id])).toEqual([
      ['colonia', 'San Francisco Apolocalco', 21, 45, '07-179'],
      ['alcaldia', 'Iztapalapa', 47, 57, '09007'],
      ['calle', 'Guerrero', 73, 81, null],
      ['calle', 'Quintana Roo', 84, 96, null],
    ]);
  });
  it('reads a station after "afuera del Metro"', () => {
    const m = findMentions(gaz, 'Robo afuera del Metro Pantitlán');
    expect(m).toContainEqual(
      expect.objectContaining({ type: 'metro', text: 'Pantitlán', start: 22, end: 31, resolved_id: 'metro:14216' }),
    );
  });
  it('takes a street named after an alcaldía as a street', () => {
    const m = findMentions(gaz, 'sobre la avenida Álvaro Obregón, frente a la farmacia');
    expect(m.filter((x) => x.type === 'alcaldia')).toEqual([]);
    expect(m[0]).toMatchObject({ type: 'calle', text: 'Álvaro Obregón' });
  });
  it('marks places outside the city', () => {
    const m = findMentions(gaz, 'Ecatepec, Estado de México.- Un hombre fue asesinado.');
    expect(m.map((x) => [x.type, x.text])).toEqual([
      ['fuera', 'Ecatepec'],
      ['fuera', 'Estado de México'],
    ]);
  });
});

describe('geocodeText', () => {
  it('chooses a street inside a resolved colonia, at the colonia point', () => {
    const r = geocoder.geocodeText(
      'Asalto en las calles Guerrero y Quintana Roo, colonia San Francisco Apolocalco, Iztapalapa.',
    );
    expect(r).toMatchObject({
      status: 'ok',
      precision: 'street',
      colonia_id: '07-179',
      lat: 19.33,
      lon: -99.03,
      alcaldia: 'Iztapalapa',
    });
  });
  it('prefers a station to a colonia', () => {
    expect(geocoder.geocodeText('Robo en la colonia Doctores y luego en el Metro Pantitlán').precision).toBe('station');
  });
  it('disambiguates a colonia name by the alcaldía named beside it', () => {
    expect(geocoder.geocodeText('Robo en la colonia Guadalupe, en Xochimilco').colonia_id).toBe('13-013');
    expect(geocoder.geocodeText('Robo en el barrio Guadalupe, alcaldía Iztapalapa').colonia_id).toBe('07-087');
  });
  it('answers ambiguous, without a point, when nothing decides', () => {
    const r = geocoder.geocodeText('Un asalto en el barrio San Marcos');
    expect(r).toMatchObject({ status: 'ambiguous', lat: null, lon: null });
    expect(r.candidates.map((c) => c.colonia_id).sort()).toEqual(['02-080', '13-055']);
  });
  it('picks the most populous section for a colonia split into sections', () => {
    expect(geocoder.geocodeText('Detenidos en la colonia Doctores').colonia_id).toBe('15-046');
  });
  it('keeps out-of-area texts out of the city', () => {
    for (const t of [
      'Ecatepec, Estado de México.- Asesinan a un hombre en la colonia Guadalupe.',
      'Robo en el municipio de Chalco',
      'La Policía Estatal aseguró un auto sobre la avenida Álvaro Obregón',
    ]) {
      const r = geocoder.geocodeText(t);
      expect(r.status, t).toBe('outside_cdmx');
      expect(r.lat, t).toBeNull();
    }
  });
  it('is not fooled by Edomex plates in a CDMX story', () => {
    expect(
      geocoder.geocodeText('En la alcaldía Cuauhtémoc detuvieron un auto con placas del Estado de México').status,
    ).toBe('ok');
  });
});

describe('geocodeStructured', () => {
  it('matches names within the stated alcaldía', () => {
    expect(geocoder.geocodeStructured({ colonia: 'BARRIO SAN MARCOS', alcaldia: 'XOCHIMILCO' }).colonia_id).toBe(
      '13-055',
    );
    expect(geocoder.geocodeStructured({ colonia: 'SAN MARCOS', alcaldia: 'AZCAPOTZALCO' }).colonia_id).toBe('02-080');
  });
  it('chooses the stated section', () => {
    expect(geocoder.geocodeStructured({ colonia: 'DOCTORES 1A SECCION', alcaldia: 'CUAUHTEMOC' }).colonia_id).toBe(
      '15-045',
    );
  });
  it('reports an unreadable alcaldía without colonia as not found', () => {
    expect(geocoder.geocodeStructured({ colonia: null, alcaldia: 'SIN DATO' }).status).toBe('not_found');
  });
});

describe('geocodeStructured outside the city', () => {
  it('answers outside_cdmx for an Edomex municipality or "fuera de" in the alcaldía field', () => {
    expect(geocoder.geocodeStructured({ colonia: 'CENTRO', alcaldia: 'NEZAHUALCOYOTL' }).status).toBe('outside_cdmx');
    expect(geocoder.geocodeStructured({ colonia: 'CENTRO', alcaldia: 'FUERA DE CDMX' }).status).toBe('outside_cdmx');
    expect(geocoder.geocodeStructured({ colonia: null, alcaldia: 'ZAPOPAN' }).status).toBe('outside_cdmx');
  });
});

describe('statesTwoAlcaldias (hand-written texts)', () => {
  const says = (text: string) => statesTwoAlcaldias(findMentions(gaz, text));
  it('is true when a colonia of one alcaldía is named beside another alcaldía', () => {
    expect(says('Robo en la colonia San Francisco Apolocalco, alcaldía Cuauhtémoc.')).toBe(true);
  });
  it('is false when they agree or only one alcaldía is named', () => {
    expect(says('Robo en la colonia San Francisco Apolocalco, alcaldía Iztapalapa.')).toBe(false);
    expect(says('Robo en Iztapalapa.')).toBe(false);
  });
});
