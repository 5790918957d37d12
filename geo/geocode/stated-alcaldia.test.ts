/**
 * An alcaldía written beside a colonia constrains which colonia is meant, on the real gazetteer.
 * Expected answers are read here from data/boundaries/colonias.geojson.gz (the IECM catalogue), not
 * from the geocoder: "Santo Domingo" is an exact colonia name in one alcaldía and part of longer names
 * ("PEDREGAL DE STO DOMINGO I…IX", "MOLINO DE SANTO DOMINGO") in others.
 */
import { describe, expect, it } from 'vitest';
import { readBundledJson } from '../../reference/files/index.ts';
import { getGeocoder } from '../../reference/geocoder/index.ts';

interface ColoniaProps {
  cve_col: string;
  colonia: string;
  alcaldia: string;
  cvegeo_alc: string;
}
const features = readBundledJson<{ features: { properties: ColoniaProps }[] }>(
  'boundaries/colonias.geojson.gz',
).features.map((f) => f.properties);
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
/** IECM abbreviates "SANTO" as "STO" in some names. */
const saysSantoDomingo = (name: string) => /\b(SANTO|STO)\s+DOMINGO\b/.test(plain(name));
const santoDomingo = features.filter((p) => saysSantoDomingo(p.colonia));
const alcaldiaCode = (name: string) => {
  const codes = new Set(features.filter((p) => plain(p.alcaldia) === plain(name)).map((p) => p.cvegeo_alc));
  expect(codes.size).toBe(1);
  return [...codes][0]!;
};
const santoDomingoIn = (alcaldia: string) =>
  santoDomingo.filter((p) => p.cvegeo_alc === alcaldiaCode(alcaldia)).map((p) => p.cve_col);

const g = getGeocoder();

describe('an alcaldía stated beside a colonia', () => {
  it('the data really has Santo Domingo colonias in several alcaldías, one named exactly so elsewhere', () => {
    expect(new Set(santoDomingo.map((p) => p.cvegeo_alc)).size).toBeGreaterThanOrEqual(3);
    expect(santoDomingoIn('Coyoacán').length).toBeGreaterThan(1);
    const exact = features.filter((p) => plain(p.colonia).replace(/\s*\(.*\)$/, '') === 'SANTO DOMINGO');
    expect(exact.map((p) => p.cvegeo_alc)).not.toContain(alcaldiaCode('Coyoacán'));
  });

  it.each([
    'Asaltan a un repartidor en la colonia Santo Domingo, Coyoacán.',
    'Robo a transeúnte en la colonia Santo Domingo, en Coyoacán, la noche del sábado.',
    'Balacera en la colonia Santo Domingo, alcaldía Coyoacán.',
    'En Coyoacán, en la colonia Santo Domingo, vecinos retuvieron a un presunto ladrón.',
  ])('places "%s" in a Coyoacán Santo Domingo colonia', (text) => {
    const r = g.geocodeText(text);
    expect(r.status).toBe('ok');
    expect(r.alcaldia_id).toBe(alcaldiaCode('Coyoacán'));
    expect(santoDomingoIn('Coyoacán')).toContain(r.colonia_id);
    expect(r.mentions.find((m) => m.type === 'colonia')?.resolved_id).toBe(r.colonia_id);
  });

  it('keeps the exact name where the stated alcaldía has it, and a match in a third alcaldía', () => {
    const azca = g.geocodeText('Asalto en la colonia Santo Domingo, Azcapotzalco.');
    expect(azca.alcaldia_id).toBe(alcaldiaCode('Azcapotzalco'));
    expect(santoDomingoIn('Azcapotzalco')).toContain(azca.colonia_id);
    const ao = g.geocodeText('Asalto en la colonia Santo Domingo, Álvaro Obregón.');
    expect(ao.alcaldia_id).toBe(alcaldiaCode('Álvaro Obregón'));
    expect(santoDomingoIn('Álvaro Obregón')).toContain(ao.colonia_id);
  });

  it('does not let an alcaldía far from the colonia decide it', () => {
    // The alcaldía is in another sentence about something else: no constraint, the exact name stands.
    const text =
      'Asalto en la colonia Santo Domingo. Por otra parte, la alcaldía Coyoacán inauguró un parque ayer por la tarde.';
    const colonia = g.geocodeText(text).mentions.find((m) => m.type === 'colonia');
    const exact = features
      .filter((p) => plain(p.colonia).replace(/\s*\(.*\)$/, '') === 'SANTO DOMINGO')
      .map((p) => p.cve_col);
    expect(exact).toContain(colonia?.resolved_id);
  });
});
