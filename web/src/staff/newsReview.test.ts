import { describe, expect, it } from 'vitest';
import { defaultReviewMonths, incidentSummary, mergeCandidates, type ReviewIncident } from './newsReview.ts';

// hand-written incidents in the API's shape
const incident = (id: string, occurred_on: string, category: string, title: string | null = null): ReviewIncident => ({
  id,
  occurred_on,
  category,
  location_precision: 'station',
  lat: 19.4,
  lon: -99.1,
  colonia_id: null,
  alcaldia_id: '09017',
  sources: [
    {
      article_id: `a${id}`,
      outlet: 'Diario',
      title,
      url: `https://diario.example.mx/${id}`,
      published_at: null,
      relation: 'origin',
      precision: 'station',
      confidence: 0.8,
      placing_sentence: null,
    },
  ],
});

describe('defaultReviewMonths', () => {
  it('is the twelve months ending with the current one, across a year boundary', () => {
    expect(defaultReviewMonths(new Date(2026, 11, 6))).toEqual({ first: '2026-01', last: '2026-12' });
    expect(defaultReviewMonths(new Date(2026, 0, 31))).toEqual({ first: '2025-02', last: '2026-01' });
  });
});

describe('mergeCandidates', () => {
  const listed = [
    incident('1', '2024-03-04', 'robo_transeunte'),
    incident('2', '2024-03-05', 'robo_transeunte'),
    incident('3', '2024-03-04', 'homicidio_doloso'),
    incident('4', '2024-02-01', 'robo_transeunte'),
    incident('5', '2024-03-03', 'robo_transeunte'),
  ];
  it('offers every other incident, same category and nearest day first, never the incident itself', () => {
    expect(mergeCandidates(listed[0], listed).map((i) => i.id)).toEqual(['5', '2', '4', '3']);
  });
  it('offers nothing when the incident is alone', () => {
    expect(mergeCandidates(listed[0], [listed[0]])).toEqual([]);
  });
});

describe('incidentSummary', () => {
  it('reads date, category and the first note’s headline', () => {
    const text = incidentSummary(incident('1', '2024-03-04', 'robo_transeunte', 'Asaltan en Pantitlán'), (id) =>
      id === 'robo_transeunte' ? 'Robo a transeúnte' : id,
    );
    expect(text).toMatch(/^4 mar\.? 2024 · Robo a transeúnte · «Asaltan en Pantitlán»$/);
  });
  it('leaves the headline out when no note has one', () => {
    expect(incidentSummary(incident('1', '2024-03-04', 'lesiones'), (id) => id)).toMatch(/^4 mar\.? 2024 · lesiones$/);
  });
});
