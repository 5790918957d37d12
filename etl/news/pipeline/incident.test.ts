import { describe, expect, it } from 'vitest';
import { getGeocoder } from '../../../reference/geocoder/index.ts';
import { classifyArticle } from '../classify/index.ts';
import { incidentValues } from '../../../db/incidents/columns.ts';
import { placeIncident } from '../../../db/incidents/placement.ts';
import { eventIdFor, newsIncident, placingSentence, PLACING_SENTENCE_CHARS } from './incident.ts';
import { outsideCityCue } from './process.ts';

const g = getGeocoder();

function rowFor(text: string, publishedAt = '2025-10-08T19:40:00-06:00') {
  const classification = classifyArticle({ title: null, text, publishedAt });
  const geocode = g.geocodeText(text);
  // the stored row: the normalised incident as the store's writer places it
  const incident = newsIncident({
    canonicalUrl: 'https://x.example/a',
    title: 'T',
    publishedAt,
    fetchedAt: '2025-10-09T01:00:00Z',
    classification,
    geocode,
  });
  return { geocode, row: incidentValues(incident, placeIncident(incident, g.reverse)) };
}

describe('newsIncident: placement and H3 by geocoder precision', () => {
  it('a street placement gets its point, areas and H3 cells at every resolution', () => {
    const { geocode, row } = rowFor(
      'Asesinan a un hombre en la calle Norte 76, colonia Emiliano Zapata, alcaldía Gustavo A. Madero.',
    );
    expect(geocode.precision).toBe('street');
    expect(row).toMatchObject({
      location_precision: 'street',
      alcaldia_2023: '09005',
      lat: geocode.lat,
      lon: geocode.lon,
    });
    expect([row.h3_6, row.h3_9, row.h3_11].every((c) => c !== null)).toBe(true);
  });

  it('a colonia placement gets H3 cells only at resolutions 6–8', () => {
    const { geocode, row } = rowFor('Asesinan a un hombre en la colonia Lomas de Capula, alcaldía Álvaro Obregón.');
    expect(geocode.precision).toBe('colonia');
    expect(row.colonia).toBe(geocode.colonia_id);
    expect([row.h3_6, row.h3_7, row.h3_8].every((c) => c !== null)).toBe(true);
    expect([row.h3_9, row.h3_10, row.h3_11]).toEqual([null, null, null]);
  });

  it('an alcaldía placement has no point and no H3 cell, only the alcaldía', () => {
    const { geocode, row } = rowFor('Asesinan a un hombre en la alcaldía Tláhuac.');
    expect(geocode.precision).toBe('alcaldia');
    expect(row).toMatchObject({
      location_precision: 'alcaldia',
      lat: null,
      lon: null,
      colonia: null,
      h3_6: null,
      h3_9: null,
      alcaldia_2023: geocode.alcaldia_id,
    });
  });

  it('dates the event from the text against the publication date, in local time', () => {
    // "la noche del lunes", published Wednesday 2025-10-08 → Monday 2025-10-06; 21:45 local = 03:45Z next day.
    const { row } = rowFor(
      'La noche del lunes, alrededor de las 9:45 de la noche, asesinan a un hombre en la alcaldía Tláhuac.',
    );
    expect(row).toMatchObject({
      occurred_on: '2025-10-06',
      dow: 1,
      hour: 21,
      time_precision: 'hour',
      occurred_at: '2025-10-07T03:45:00.000Z',
      month: '2025-10-01',
    });
  });

  it('gives a stable event id', () => {
    expect(eventIdFor('https://x.example/a')).toBe(eventIdFor('https://x.example/a'));
    expect(eventIdFor('https://x.example/a')).not.toBe(eventIdFor('https://x.example/b'));
  });
});

describe('outsideCityCue', () => {
  const geocode = (t: string) => g.geocodeText(t);
  it.each([
    ['https://hidalgo.quadratin.com.mx/sucesos/x/', 'regional_edition'],
    ['https://lasillarota.com/hidalgo/estado/2025/10/15/x.html', 'regional_edition'],
    ['https://lajornadahidalgo.com/x/', 'regional_edition'],
    ['https://www.eluniversal.com.mx/metropoli/x/', null],
    ['https://www.eluniversal.com.mx/metropoli/miguel-hidalgo-robo/', null],
  ])('%s → %s', (url, cue) => {
    expect(outsideCityCue(url, 'Texto sin lugar.', geocode)).toBe(cue);
  });

  it('reads a dateline naming a place outside the city', () => {
    expect(
      outsideCityCue(
        'https://x.example/a',
        'Ecatepec, Estado de México, 20 de octubre de 2025.- Un hombre fue asesinado.',
        geocode,
      ),
    ).toBe('dateline');
    expect(outsideCityCue('https://x.example/a', 'Ciudad de México.- Un hombre fue asesinado.', geocode)).toBeNull();
  });
});

describe('placingSentence', () => {
  // Hand-written text; mention offsets counted by hand.
  const text =
    'Asaltan tienda\nDos hombres armados entraron a una tienda. El robo ocurrió en la colonia Doctores, alcaldía Cuauhtémoc. Huyeron a pie.';
  const at = (needle: string, resolved: string | null = 'x') => ({
    start: text.indexOf(needle),
    end: text.indexOf(needle) + needle.length,
    resolved_id: resolved,
  });

  it('quotes the sentence holding the first resolved mention, not its neighbours', () => {
    expect(placingSentence(text, [at('tienda', null), at('colonia Doctores')])).toBe(
      'El robo ocurrió en la colonia Doctores, alcaldía Cuauhtémoc.',
    );
  });

  it('stops at a line break (the headline is its own sentence) and answers null without mentions', () => {
    expect(placingSentence(text, [at('Asaltan tienda')])).toBe('Asaltan tienda');
    expect(placingSentence(text, [])).toBeNull();
  });

  it('never quotes more than one short sentence', () => {
    const long = `En ${'la calle larga '.repeat(40)}de la colonia Roma.`;
    const s = placingSentence(long, [
      { start: long.indexOf('colonia Roma'), end: long.indexOf('colonia Roma') + 12, resolved_id: 'r' },
    ])!;
    expect(s.length).toBe(PLACING_SENTENCE_CHARS);
    expect(s.endsWith('…')).toBe(true);
  });
});
