import { describe, expect, it } from 'vitest';
import { getGeocoder } from '../../../reference/geocoder/index.ts';
import { classifyArticle } from '../classify/index.ts';
import { readNewsSample, type SampleArticle } from '../../../tests/support/news/sample-labels.ts';
import { rewrittenHeadline, secondOutletReport, trimmedCopy } from '../../../tests/support/news/derived.ts';
import {
  compareEvents,
  contentVector,
  distanceKm,
  estimateContainment,
  estimateJaccard,
  isSameStory,
  minhash,
  samePlace,
  shingles,
  type EventDescriptor,
} from './index.ts';
import { SHARED, sharedDataMissing } from '../../../tests/support/shared-data.ts';

/** the news sample is not in the repository */
const noSample = sharedDataMissing([SHARED.newsSample]);

const sample = noSample ? [] : readNewsSample();
const byId = (id: string) => sample.find((a) => a.id === id)!;
const publishedOf = (date: string | null) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null);

/** What the pipeline derives from an article: classification + geocode → event descriptor. */
function describeArticle(
  title: string,
  text: string,
  published: string | null,
  dateOverride?: string,
): EventDescriptor {
  const c = classifyArticle({ title, text, publishedAt: published });
  const g = getGeocoder().geocodeText(`${title}\n${text.slice(0, 1500)}`);
  return {
    date: dateOverride ?? c.when?.date ?? published ?? '1970-01-01',
    categories: c.categories,
    place: { lat: g.lat, lon: g.lon, colonia_id: g.colonia_id, alcaldia_id: g.alcaldia_id, precision: g.precision },
    vector: contentVector(`${title}\n${text}`),
  };
}
const describeSample = (a: SampleArticle, date?: string) => describeArticle('', a.text, publishedOf(a.date), date);

describe('shingles and MinHash', () => {
  it('makes word 5-grams of the normalised text', () => {
    expect([...shingles('El robo, en la colonia Roma.')]).toEqual(['el robo en la colonia', 'robo en la colonia roma']);
  });

  it.skipIf(noSample)('estimates the Jaccard similarity of real texts close to the exact value', () => {
    const a = byId('pg-6df88f779e').text;
    const b = trimmedCopy(byId('pg-6df88f779e'), 0.5).text;
    const sa = shingles(a);
    const sb = shingles(b);
    const exact = [...sa].filter((s) => sb.has(s)).length / new Set([...sa, ...sb]).size;
    // 128 hashes: standard error sqrt(J(1-J)/128) ≈ 0.044; allow 3 of them.
    expect(Math.abs(estimateJaccard(minhash(a), minhash(b)) - exact)).toBeLessThan(0.14);
  });
});

describe.skipIf(noSample)('same story (near-duplicate bodies), on derived copies of real articles', () => {
  it('recognises the same body under a rewritten headline', () => {
    const a = byId('pg-10903c1c42');
    const copy = rewrittenHeadline(a, 'Caen dos extorsionadores de comerciantes del Centro');
    expect(isSameStory(minhash(a.text), minhash(copy.text))).toBe(true);
  });

  it.each(sample.map((a) => a.id))('recognises a trimmed copy of %s', (id) => {
    const a = byId(id);
    expect(estimateContainment(minhash(a.text), minhash(trimmedCopy(a).text))).toBeGreaterThanOrEqual(0.7);
  });

  it('never takes two different real articles for the same story', () => {
    const sigs = sample.map((a) => minhash(a.text));
    const pairs: string[] = [];
    for (let i = 0; i < sample.length; i++)
      for (let j = i + 1; j < sample.length; j++)
        if (isSameStory(sigs[i]!, sigs[j]!)) pairs.push(`${sample[i]!.id}~${sample[j]!.id}`);
    expect(pairs).toEqual([]);
  });
});

describe.skipIf(noSample)('same event reported by several outlets', () => {
  it.each(['pg-6df88f779e', 'pg-4b7eeca0dc'])('merges a hand-written second-outlet report with %s', (id) => {
    const a = byId(id);
    const second = secondOutletReport(a);
    const cmp = compareEvents(describeSample(a), describeArticle(second.title, second.text, publishedOf(a.date)));
    expect(cmp).toMatchObject({ same: true, place: true, sharedCategory: true });
    expect(cmp.days).toBeLessThanOrEqual(1);
  });

  it('keeps the 24 different real events apart, even if they all had happened on the same day', () => {
    const day = '2025-10-08';
    const events = sample.map((a) => describeSample(a, day));
    const merged: string[] = [];
    for (let i = 0; i < events.length; i++) {
      for (let j = i + 1; j < events.length; j++)
        if (compareEvents(events[i]!, events[j]!).same) merged.push(`${sample[i]!.id}~${sample[j]!.id}`);
    }
    expect(merged).toEqual([]);
  });

  it('does not merge the two Gustavo A. Madero shootings (other colonia, other day)', () => {
    const cmp = compareEvents(
      describeSample(byId('pg-6df88f779e')),
      describeSample(byId('pg-6e37320142'), '2022-05-15'),
    );
    expect(cmp.same).toBe(false);
    expect(cmp.place).toBe(false);
  });

  it('does not merge a second-outlet report with a different event of the same category', () => {
    const second = secondOutletReport(byId('pg-4b7eeca0dc'));
    const other = byId('pg-53edfedf34'); // a man shot dead in Ecatepec, the same day
    expect(
      compareEvents(describeArticle(second.title, second.text, '2025-10-20'), describeSample(other, '2025-10-20')).same,
    ).toBe(false);
  });
});

describe('samePlace', () => {
  const p = (lat: number, lon: number, colonia: string | null, alcaldia: string, precision: string) => ({
    lat,
    lon,
    colonia_id: colonia,
    alcaldia_id: alcaldia,
    precision,
  });
  it('uses the same colonia, a distance within 1 km, or an alcaldía-only report inside the same alcaldía', () => {
    // Zócalo (19.4326, -99.1332) to Bellas Artes (19.4352, -99.1412): about 0.9 km.
    expect(distanceKm(19.4326, -99.1332, 19.4352, -99.1412)).toBeGreaterThan(0.8);
    expect(distanceKm(19.4326, -99.1332, 19.4352, -99.1412)).toBeLessThan(1);
    expect(samePlace(p(19.4326, -99.1332, 'A', '015', 'street'), p(19.4352, -99.1412, 'B', '015', 'station'))).toBe(
      true,
    );
    expect(samePlace(p(19.4326, -99.1332, 'A', '015', 'street'), p(19.45, -99.1332, 'B', '015', 'street'))).toBe(false);
    expect(samePlace(p(19.4326, -99.1332, 'A', '015', 'street'), p(19.45, -99.1332, null, '015', 'alcaldia'))).toBe(
      true,
    );
    expect(samePlace(p(19.4326, -99.1332, 'A', '015', 'street'), p(19.45, -99.1332, null, '007', 'alcaldia'))).toBe(
      false,
    );
  });
});

describe('an unplaced report and crime-class neighbours (hand-written descriptors)', () => {
  const placed = { lat: 19.4236, lon: -99.1633, colonia_id: '15-008', alcaldia_id: '09015', precision: 'station' };
  const nowhere = { lat: null, lon: null, colonia_id: null, alcaldia_id: null, precision: null };
  const wire = contentVector(
    'Tres hombres armados asaltaron a los pasajeros de una unidad del Metrobús de la Línea 1 a la altura de la estación Nuevo León y se llevaron celulares y carteras',
  );
  const tabloid = contentVector(
    'Tres sujetos con pistolas se subieron a un camión de la Línea 1 y a la altura de Nuevo León bolsearon a los pasajeros: celulares y carteras',
  );
  const other = contentVector(
    'Una mujer denunció que le quitaron la bolsa en un puesto de tacos; el ladrón huyó corriendo',
  );
  const on = (
    vector: Map<string, number>,
    place: typeof placed | typeof nowhere,
    categories: string[],
  ): EventDescriptor => ({ date: '2024-03-20', categories, place, vector });

  it('joins an unplaced report with close wording and a neighbouring crime class (robbery on a bus ~ robbery of a passer-by)', () => {
    expect(
      compareEvents(on(tabloid, nowhere, ['robo_transeunte']), on(wire, placed, ['robo_transporte_otro'])).same,
    ).toBe(true);
  });

  it('keeps an unplaced report with other wording apart, even on the same day and class', () => {
    expect(
      compareEvents(on(other, nowhere, ['robo_transeunte']), on(wire, placed, ['robo_transporte_otro'])).same,
    ).toBe(false);
  });

  it('does not treat unrelated classes as neighbours', () => {
    expect(
      compareEvents(on(tabloid, nowhere, ['homicidio_doloso']), on(wire, placed, ['robo_transporte_otro'])).same,
    ).toBe(false);
  });
});
