/**
 * The geocoder on the real gazetteer. Expected ids were read from data/boundaries/colonias.geojson.gz,
 * data/stations/metro_stations.geojson.gz and the INEGI alcaldía codes by hand; texts are written here.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { getGeocoder } from './index.ts';
import { HANDWRITTEN } from '../../tests/fixtures/geocode/handwritten.ts';

const g = getGeocoder();
const spanText = (text: string, m: { start: number; end: number }) => text.slice(m.start, m.end);

describe('mentions and spans', () => {
  it('finds colonia, streets and alcaldía with UTF-16 spans, end exclusive', () => {
    const text =
      'Asaltan a una mujer en las calles Guerrero y Quintana Roo, colonia San Francisco Apolocalco, alcaldía Iztapalapa.';
    const r = g.geocodeText(text);
    const byType = (t: string) => r.mentions.filter((m) => m.type === t);
    expect(byType('calle').map((m) => m.text)).toEqual(['Guerrero', 'Quintana Roo']);
    expect(byType('colonia')).toEqual([
      {
        text: 'San Francisco Apolocalco',
        start: text.indexOf('San Francisco'),
        end: text.indexOf(', alcaldía'),
        type: 'colonia',
        resolved_id: '07-179',
      },
    ]);
    expect(byType('alcaldia')).toEqual([
      {
        text: 'Iztapalapa',
        start: text.indexOf('Iztapalapa'),
        end: text.indexOf('Iztapalapa') + 10,
        type: 'alcaldia',
        resolved_id: '09007',
      },
    ]);
    for (const m of r.mentions) expect(spanText(text, m)).toBe(m.text);
    expect(r).toMatchObject({
      status: 'ok',
      precision: 'street',
      colonia_id: '07-179',
      alcaldia_id: '09007',
      alcaldia: 'Iztapalapa',
    });
  });

  it('counts offsets in UTF-16 code units (an emoji before the mention is two units)', () => {
    const text = '🚨🚨 Robo en la colonia Tlalpan Centro';
    const m = g.geocodeText(text).mentions.find((x) => x.type === 'colonia')!;
    expect(m.start).toBe(text.indexOf('Tlalpan'));
    expect(m.start).toBe(24);
    expect(m).toMatchObject({ text: 'Tlalpan Centro', resolved_id: '12-177' });
  });

  it('gives the deciding colonia mention the id of the colonia chosen among its sections', () => {
    const r = g.geocodeText('Detienen a dos en la colonia Doctores.');
    const m = r.mentions.find((x) => x.type === 'colonia')!;
    expect(['15-045', '15-046', '15-047', '15-048', '15-049']).toContain(m.resolved_id);
    expect(m.resolved_id).toBe(r.colonia_id);
  });
  it('reads "Col." and alcaldía variants (GAM, delegación)', () => {
    const r = g.geocodeText('Balacera en Col. Lindavista, en la GAM.');
    expect(r.alcaldia_id).toBe('09005');
    expect(['05-225', '05-226']).toContain(r.colonia_id); // Lindavista I or II
    expect(g.geocodeText('Robo en la delegación Magdalena Contreras').alcaldia_id).toBe('09008');
    expect(g.geocodeText('Detienen a dos en Alvaro Obregon, delegacion Alvaro Obregon').alcaldia_id).toBe('09010');
  });
});

describe('common writing patterns', () => {
  it('reads "colonia Del Valle, Benito Juárez" (leading preposition, person-named alcaldía after a comma)', () => {
    const r = g.geocodeText('Asaltan a una mujer en la colonia Del Valle, Benito Juárez.');
    expect(r.alcaldia_id).toBe('09014');
    expect(r.mentions.map((m) => [m.type, m.text])).toEqual([
      ['colonia', 'Del Valle'],
      ['alcaldia', 'Benito Juárez'],
    ]);
    expect(r.colonia).toMatch(/^DEL VALLE [IV]+$/);
  });
  it('does not take a person-named alcaldía alone as a place ("Benito Juárez" the president)', () => {
    expect(g.geocodeText('El legado de Benito Juárez fue recordado ayer.').status).toBe('not_found');
  });
});

describe('stations', () => {
  it('places "Metro X" at the station', () => {
    const r = g.geocodeText('Robaron un celular en el Metro Pantitlán.');
    expect(r).toMatchObject({ status: 'ok', precision: 'station', alcaldia_id: '09017' });
    expect(r.mentions.find((m) => m.type === 'metro')?.resolved_id).toMatch(/^metro:(14216|14214|14226|14215)$/);
    expect(r.lat).toBeCloseTo(19.416, 2);
  });
  it('names the colonia holding the station (checked with turf, an independent point-in-polygon)', () => {
    const r = g.geocodeText('Robaron un celular en el Metro Hidalgo.');
    expect(r.colonia_id).not.toBeNull();
    const feature = g.reverse.feature('colonia', null, r.colonia_id!)!;
    expect(booleanPointInPolygon([r.lon!, r.lat!], feature.geometry)).toBe(true);
  });
  it('uses "de la Línea N" to pick the line', () => {
    const r = g.geocodeText('Detenido en la estación Hidalgo de la Línea 3 del Metro.');
    expect(r.mentions.find((m) => m.type === 'metro')?.resolved_id).toBe('metro:14168');
  });
  it('resolves Metrobús stations to metrobus:<linea>:<nombre>', () => {
    const r = g.geocodeText('Asalto en la estación Chilpancingo de la Línea 1 del Metrobús.');
    expect(r.mentions.find((m) => m.type === 'metrobus')?.resolved_id).toBe('metrobus:Linea 1:Chilpancingo');
    expect(r.precision).toBe('station');
  });
});

describe('resolution', () => {
  it('uses the alcaldía to pick among colonias of the same name', () => {
    expect(g.geocodeText('Robo en la colonia Guadalupe, alcaldía Xochimilco').colonia_id).toBe('13-013');
    expect(g.geocodeText('Robo en el barrio Guadalupe, Iztapalapa').colonia_id).toBe('07-087');
  });
  it('reports ambiguous with candidates when nothing picks the alcaldía', () => {
    const r = g.geocodeText('Un asalto ocurrió en el barrio San Marcos.');
    expect(r.status).toBe('ambiguous');
    expect(r.lat).toBeNull();
    expect(r.candidates.map((c) => c.colonia_id).sort()).toEqual(expect.arrayContaining(['02-080', '13-055']));
  });
  it('falls back to the alcaldía when no colonia is named', () => {
    const r = g.geocodeText('Dos muertos en un ataque en la alcaldía Tláhuac.');
    expect(r).toMatchObject({ status: 'ok', precision: 'alcaldia', alcaldia_id: '09011', colonia_id: null });
    expect(g.reverse.areaAt('alcaldia', null, r.lat!, r.lon!)).toBe('09011');
  });
  it('finds nothing in a text without places', () => {
    expect(g.geocodeText('El gobierno presentó un plan de seguridad.').status).toBe('not_found');
  });
  it('gives confidence in [0, 1], higher for a colonia than for an alcaldía alone', () => {
    const a = g.geocodeText('Robo en la alcaldía Tlalpan.').confidence!;
    const c = g.geocodeText('Robo en la colonia Tlalpan Centro, alcaldía Tlalpan.').confidence!;
    expect(a).toBeGreaterThan(0);
    expect(c).toBeLessThanOrEqual(1);
    expect(c).toBeGreaterThan(a);
  });
});

describe('outside Mexico City', () => {
  it('never places a hand-written out-of-area text inside the city', () => {
    for (const ex of HANDWRITTEN.filter((e) => !e.in_cdmx)) {
      const r = g.geocodeText(ex.text);
      expect(r.status, ex.id).toBe('outside_cdmx');
      expect(r.lat, ex.id).toBeNull();
    }
  });
  it('does not read "avenida Álvaro Obregón" or "calle Iztapalapa" as the alcaldía', () => {
    const r = g.geocodeText('Abandonan un auto sobre la avenida Álvaro Obregón, frente a una farmacia.');
    expect(r.alcaldia_id).toBeNull();
    expect(r.mentions.find((m) => m.text === 'Álvaro Obregón')?.type).toBe('calle');
    expect(g.geocodeText('Robo de auto en la calle Iztapalapa').alcaldia_id).toBeNull();
  });
  it('tells Roma/Condesa streets named after cities from the cities', () => {
    expect(g.geocodeText('Asalto en la esquina de Mérida y Orizaba, colonia Roma Norte').alcaldia_id).toBe('09015');
    expect(g.geocodeText('Robo en Mazatlán y Tamaulipas, colonia Condesa, alcaldía Cuauhtémoc')).toMatchObject({
      status: 'ok',
      alcaldia_id: '09015',
      colonia_id: '15-008',
    });
    expect(g.geocodeText('Balacera en Culiacán deja tres muertos').status).toBe('outside_cdmx');
    expect(g.geocodeText('Mazatlán, Sinaloa.- Detienen a dos por robo').status).toBe('outside_cdmx');
  });
  it('keeps a CDMX event that only mentions Edomex plates', () => {
    const ex = HANDWRITTEN.find((e) => e.id === 'hw-in-02')!;
    expect(g.geocodeText(ex.text)).toMatchObject({ status: 'ok', alcaldia_id: '09015' });
  });
});

describe('structured records', () => {
  it('maps FGJ barrio names to the IECM pueblo named in the parenthesis', () => {
    expect(
      g.geocodeStructured({ colonia: 'SAN MIGUEL (SAN PABLO OZTOTEPEC)', alcaldia: 'MILPA ALTA' }).colonia_id,
    ).toBe('09-008');
    expect(
      g.geocodeStructured({ colonia: 'CRUZTITLA (SAN ANTONIO TECOMITL)', alcaldia: 'MILPA ALTA' }).colonia_id,
    ).toBe('09-002');
  });
  it('handles containment, sections and mojibake', () => {
    expect(
      g.geocodeStructured({ colonia: 'SAN SALVADOR CUAUHTENCO SECCION III', alcaldia: 'MILPA ALTA' }).colonia_id,
    ).toBe('09-010');
    expect(
      g.geocodeStructured({ colonia: 'SAN JERÃ\u0093NIMO MIACATLÃ\u0081N', alcaldia: 'MILPA ALTA' }).colonia_id,
    ).toBe('09-005');
    expect(
      g.geocodeStructured({ colonia: 'OLIVAR DEL CONDE 2A. SECCION II', alcaldia: 'ALVARO OBREGON' }).colonia_id,
    ).toBe('10-255');
  });
  it('resolves alcaldía variants', () => {
    for (const [name, id] of [
      ['GUSTAVO A MADERO', '09005'],
      ['CUAJIMALPA', '09004'],
      ['MAGDALENA CONTRERAS', '09008'],
      ['Álvaro Obregón', '09010'],
      ['delegación Benito Juárez', '09014'],
    ]) {
      expect(g.geocodeStructured({ colonia: null, alcaldia: name }).alcaldia_id, name).toBe(id);
    }
  });
  it('falls back to the alcaldía for an unknown colonia', () => {
    expect(g.geocodeStructured({ colonia: 'La Guadalupita', alcaldia: 'MILPA ALTA' })).toMatchObject({
      status: 'ok',
      precision: 'alcaldia',
      alcaldia_id: '09009',
      colonia_id: null,
    });
  });
  it('reports ambiguous for a name found in several alcaldías when none is given', () => {
    const r = g.geocodeStructured({ colonia: 'SAN MARCOS (BARR)', alcaldia: null });
    expect(r.status).toBe('ambiguous');
    expect(r.candidates.map((c) => c.colonia_id)).toEqual(expect.arrayContaining(['02-080', '13-055']));
  });
});
