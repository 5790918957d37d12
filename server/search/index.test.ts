import { expect, it } from 'vitest';
import { describeApi, getJson } from '../../tests/support/index.ts';

describeApi('GET /api/search', (ctx) => {
  it('finds an alcaldía by name regardless of accents and case, exact match first', async () => {
    const { app } = ctx();
    for (const q of ['coyoacan', 'Coyoacán', 'COYOACAN']) {
      const { status, body } = await getJson(app, `/api/search?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(body.results[0]).toEqual({
        type: 'alcaldia',
        id: '09003',
        name: 'Coyoacán',
        vintage: expect.any(Number),
        alcaldia_id: '09003',
      });
      // the alcaldía is listed once even though it serves both vintages
      expect(body.results.filter((r: { type: string }) => r.type === 'alcaldia')).toHaveLength(1);
    }
  });

  it('finds Metro stations, one result per station with all its lines', async () => {
    const { body } = await getJson(ctx().app, `/api/search?q=${encodeURIComponent('pino suarez')}`);
    const station = body.results.find(
      (r: { type: string; system?: string }) => r.type === 'station' && r.system === 'metro',
    );
    expect(station).toMatchObject({
      name: expect.stringMatching(/^Pino Su[aá]rez$/),
      lines: expect.arrayContaining(['1', '2']),
    });
    expect(station.lat).toBeCloseTo(19.425, 2);
  });

  // Hand-written queries as people type them; the expected names are the GTFS stop names and IECM colonia names.
  it.each([
    ['metro hidalgo', 'station', /^Hidalgo$/],
    ['estación hidalgo', 'station', /^Hidalgo$/],
    ['garibaldy', 'station', /^Garibaldi/],
    ['col doctores', 'colonia', /^DOCTORES I/],
    ['Narvarte Poniente', 'colonia', /^NARVARTE I/],
  ])('reads %s as a place name', async (q, type, name) => {
    const { status, body } = await getJson(ctx().app, `/api/search?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.results.some((r: { type: string; name: string }) => r.type === type && name.test(r.name))).toBe(true);
  });

  // Hand-written queries; expected names are the INEGI corner names and the GTFS stop names the landmarks come from.
  it('finds a street corner written as "X y Y", named as INEGI names the two streets', async () => {
    const { body } = await getJson(ctx().app, `/api/search?q=${encodeURIComponent('tlalpan y pirineos')}`);
    expect(body.results[0]).toMatchObject({
      type: 'corner',
      name: 'CALZADA DE TLALPAN y PIRINEOS',
      alcaldia_id: '09014',
    });
    expect(body.results[0].lat).toBeCloseTo(19.3615, 3);
  });

  it.each([
    ['hospital la raza', /^Hospital La Raza$/],
    ['estadio azt', /^Estadio Azteca$/],
    ['mercado de sonorra', /^Mercado de Sonora$/],
  ])('finds the landmark %s by prefix or typo', async (q, name) => {
    const { status, body } = await getJson(ctx().app, `/api/search?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.results.some((r: { type: string; name: string }) => r.type === 'landmark' && name.test(r.name))).toBe(
      true,
    );
  });

  it('finds colonias and cuadrantes by id', async () => {
    const { app } = ctx();
    expect((await getJson(app, '/api/search?q=02-001')).body.results[0]).toMatchObject({
      type: 'colonia',
      id: '02-001',
      name: 'AGUILERA',
    });
    const { body } = await getJson(app, '/api/search?q=C-1.1.1');
    expect(
      body.results
        .filter((r: { id: string }) => r.id === 'C-1.1.1')
        .map((r: { vintage: number }) => r.vintage)
        .sort(),
    ).toEqual([2016, 2023]);
  });

  it('treats LIKE wildcards in the query as text', async () => {
    const { status, body } = await getJson(ctx().app, '/api/search?q=%25%25');
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
  });

  it.each([
    ['', 'invalid_query'],
    ['q=a', 'invalid_query'],
    ['q=%20%20a%20', 'invalid_query'],
    [`q=${'x'.repeat(101)}`, 'invalid_query'],
    ['q=roma&limit=0', 'invalid_parameter'],
    ['q=roma&limit=51', 'invalid_parameter'],
  ])('?%s → 400 %s', async (query, code) => {
    const res = await getJson(ctx().app, `/api/search?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});
