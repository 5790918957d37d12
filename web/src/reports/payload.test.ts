import { describe, expect, it } from 'vitest';
import { buildReportPayload, todayInCdmx, type ReportFields } from './payload.ts';

const NOW = new Date('2024-06-01T03:00:00Z'); // 31 May, 21:00 in Mexico City (UTC−6)
const BASE: ReportFields = {
  category: 'robo_transeunte',
  date: '2024-05-30',
  hour: '21',
  point: { lat: 19.4326, lon: -99.1332 },
  placeText: '',
  placeConfirmed: false,
  description: '  Me quitaron el celular ',
  consent: true,
  website: '',
};

describe('buildReportPayload', () => {
  it('builds the body the API expects', () => {
    expect(buildReportPayload(BASE, NOW)).toEqual({
      payload: {
        category: 'robo_transeunte',
        date: '2024-05-30',
        hour: 21,
        where: { lat: 19.4326, lon: -99.1332 },
        description: 'Me quitaron el celular',
        consent: true,
      },
    });
  });

  it('uses the typed place only once confirmed', () => {
    const typed = { ...BASE, point: null, placeText: 'Metro Pino Suárez' };
    expect(buildReportPayload(typed, NOW)).toEqual({ error: 'Confirme el lugar que entendimos antes de enviar.' });
    expect(buildReportPayload({ ...typed, placeConfirmed: true }, NOW)).toMatchObject({
      payload: { where: { text: 'Metro Pino Suárez' } },
    });
  });

  it('refuses what the server would refuse', () => {
    expect(buildReportPayload({ ...BASE, consent: false }, NOW)).toHaveProperty('error');
    expect(buildReportPayload({ ...BASE, category: '' }, NOW)).toHaveProperty('error');
    expect(buildReportPayload({ ...BASE, date: '2024-06-01' }, NOW)).toEqual({
      error: 'La fecha no puede ser futura.',
    });
    expect(buildReportPayload({ ...BASE, hour: '24' }, NOW)).toHaveProperty('error');
    expect(buildReportPayload({ ...BASE, point: null }, NOW)).toHaveProperty('error');
  });

  it('passes the honeypot on, so the server can discard the report', () => {
    expect(buildReportPayload({ ...BASE, website: 'x' }, NOW)).toMatchObject({ payload: { website: 'x' } });
  });
});

describe('todayInCdmx', () => {
  it('is the Mexico City date, not the UTC one', () => {
    expect(todayInCdmx(NOW)).toBe('2024-05-31');
  });
});
