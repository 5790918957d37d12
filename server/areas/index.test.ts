import { expect, it } from 'vitest';
import { loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { describeApi, getJson, SAMPLE_FROM, SAMPLE_TO } from '../../tests/support/index.ts';
import { countBy, rowsWhere } from '../../tests/support/expect.ts';

describeApi('GET /api/areas/{kind}/{id}/series', (ctx) => {
  /** The 2016 cuadrante with the most vehicle thefts in the sample. */
  function busiestCuadrante() {
    const known = loadCuadrante2016Lookup(); // the sample also names '(NO ESPECIFICADO)'
    const rows = rowsWhere(ctx().sample.rows, { categories: ['robo_vehiculo'] }).filter((r) => known.has(r.cuadrante));
    return Object.entries(countBy(rows, (r) => r.cuadrante)).sort((a, b) => b[1] - a[1])[0][0];
  }

  it('equals, month by month, the SSC rows of a 2016 cuadrante and category (C.V. and S.V. together), zeros included', async () => {
    const { app, sample } = ctx();
    const id = busiestCuadrante();
    const { status, body } = await getJson(
      app,
      `/api/areas/cuadrante/${id}/series?vintage=2016&category=robo_vehiculo&from=2015-01-01&to=2015-10-01`,
    );
    expect(status).toBe(200);
    const byMonth = countBy(rowsWhere(sample.rows, { cuadrante: id, categories: ['robo_vehiculo'] }), (r) =>
      r.date.slice(0, 7),
    );
    const months = ['2015-01', '2015-02', '2015-03', '2015-04', '2015-05', '2015-06', '2015-07', '2015-08', '2015-09'];
    // the store holds the sample only: months outside its first … last month have no data (not zero)
    const days = sample.rows.map((r) => r.date).sort();
    const [first, last] = [days[0]!.slice(0, 7), days.at(-1)!.slice(0, 7)];
    expect(body.series).toEqual(
      months.map((period) =>
        period < first || period > last ? { period, coverage: 'none' } : { period, count: byMonth[period] ?? 0 },
      ),
    );
    expect(body.sources).toEqual([{ source: 'ssc_points', kind: 'official', first_month: first, last_month: last }]);
    expect(body).toMatchObject({ kind: 'cuadrante', id, vintage: 2016, category: 'robo_vehiculo', interval: 'month' });
  });

  it('serves a sector named with spaces (URL-encoded), summing its 2016 cuadrantes', async () => {
    const { app, sample } = ctx();
    const lookup = loadCuadrante2016Lookup();
    const withSpace = ctx()
      .sample.rows.map((r) => lookup.get(r.cuadrante)?.sector)
      .filter((s): s is string => !!s && s.includes(' '));
    const sector = Object.entries(countBy(withSpace, (s) => s)).sort((a, b) => b[1] - a[1])[0][0];
    const { status, body } = await getJson(
      app,
      `/api/areas/sector/${encodeURIComponent(sector)}/series?vintage=2016&from=${SAMPLE_FROM}&to=${SAMPLE_TO}`,
    );
    expect(status).toBe(200);
    const rows = sample.rows.filter((r) => lookup.get(r.cuadrante)?.sector === sector);
    expect(body.series).toEqual(
      Object.entries(countBy(rows, (r) => r.date.slice(0, 7)))
        .sort()
        .map(([period, count]) => ({ period, count })),
    );
  });

  it('without from/to spans the months of the data', async () => {
    const { app } = ctx();
    const { body } = await getJson(app, `/api/areas/cuadrante/${busiestCuadrante()}/series?vintage=2016`);
    expect(body.series.map((p: { period: string }) => p.period)).toEqual(['2015-05', '2015-06', '2015-07']);
    expect(body.from).toBe('2015-05-01');
    expect(body.to).toBe('2015-08-01');
  });

  it('finds alcaldías and colonias (one boundary set) under either vintage', async () => {
    const { app } = ctx();
    for (const path of ['alcaldia/09003', 'colonia/02-001']) {
      const a = await getJson(app, `/api/areas/${path}/series?vintage=2016&from=2015-06-01&to=2015-07-01`);
      const b = await getJson(app, `/api/areas/${path}/series?from=2015-06-01&to=2015-07-01`);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.name).toBe(b.body.name);
      // colonias have one column; an alcaldía's 2016 incidents follow the stated cuadrante, 2023 the point
      if (path.startsWith('colonia')) expect(a.body.series).toEqual(b.body.series);
    }
  });

  it('counts an alcaldía (2016) as the rows whose cuadrante lies in it', async () => {
    const { app, sample } = ctx();
    const lookup = loadCuadrante2016Lookup();
    const { body } = await getJson(
      app,
      `/api/areas/alcaldia/09003/series?vintage=2016&from=2015-06-01&to=2015-07-01&category=homicidio_doloso`,
    );
    const n = rowsWhere(sample.rows, { from: '2015-06-01', to: '2015-07-01', categories: ['homicidio_doloso'] }).filter(
      (r) => lookup.get(r.cuadrante)?.alcaldiaId === '09003',
    ).length;
    expect(body.series).toEqual([{ period: '2015-06', count: n }]);
  });

  it.each([
    ['/api/areas/cuadrante/Z-9.9.99/series', 404, 'unknown_area'],
    ['/api/areas/cuadrante/C-1.3.19/series?vintage=2023', 404, 'unknown_area'],
    ['/api/areas/municipio/09003/series', 400, 'invalid_kind'],
    ['/api/areas/alcaldia/09003/series?vintage=2020', 400, 'invalid_vintage'],
    ['/api/areas/alcaldia/09003/series?interval=week', 400, 'invalid_parameter'],
    ['/api/areas/alcaldia/09003/series?from=2015-13-01', 400, 'invalid_date'],
    ['/api/areas/alcaldia/09003/series?from=2015-07-01&to=2015-06-01', 400, 'invalid_range'],
    ['/api/areas/alcaldia/09003/series?category=x', 400, 'invalid_category'],
  ])('%s → %i %s', async (path, status, code) => {
    const res = await getJson(ctx().app, path);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});
