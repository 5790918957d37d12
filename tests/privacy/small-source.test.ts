/**
 * The attack on a source's city-wide facts: a store holds the real SSC sample and one lone citizen
 * report (a hand-written example, months after the sample). An attacker with public requests tries
 * to learn that report's count and its day or month from `/api/health`, `/api/sources` and the
 * source months a public series is marked with: overall − the published sources, the dates of the
 * source, the overall last month, the span of a series without a range, the months a series of
 * citizen reports marks as covered, the covered months of a semáforo's baseline, the month the
 * sensitive embargo starts from. Each attack reports what it recovers; expected: nothing. An
 * admin sees the report (so each attack has something to find).
 */
import { beforeAll, expect, it } from 'vitest';
import { describeApi, getJson } from '../support/index.ts';
import { writeSmallSource } from '../support/small-source.ts';

const LONE = { source: 'citizen', kind: 'citizen', day: '2016-03-15', alcaldia: '09015', count: 1 } as const;
const LONE_MONTH = LONE.day.slice(0, 7);

describeApi('privacy attacks on a source of one incident', (ctx) => {
  beforeAll(async () => {
    await writeSmallSource(ctx().store, LONE);
  });

  /** what one attack recovered: the count, or a date naming the report's month or day */
  const recovered: Record<string, string | number | null> = {};

  it('overall − the published per-source counts does not give the count', async () => {
    const [health, sources] = await Promise.all([
      getJson(ctx().publicApp, '/api/health'),
      getJson(ctx().publicApp, '/api/sources'),
    ]);
    const sum = (list: { incidents: number | null }[]) => list.reduce((s, x) => s + (x.incidents ?? 0), 0);
    const viaHealth = health.body.incidents - sum(health.body.sources);
    const viaSources = health.body.incidents - sum(sources.body.sources);
    const lone = (list: { source?: string; id?: string; incidents: number | null }[]) =>
      list.find((x) => (x.source ?? x.id) === LONE.source)?.incidents ?? null;
    recovered['/api/health: its count'] = lone(health.body.sources);
    recovered['/api/sources: its count'] = lone(sources.body.sources);
    recovered['health: overall − sources'] = viaHealth === LONE.count ? viaHealth : null;
    recovered['health − /api/sources'] = viaSources === LONE.count ? viaSources : null;
    // the admin's answer holds the report: the difference is there to be found
    const admin = await getJson(ctx().app, '/api/health');
    expect(admin.body.incidents - health.body.incidents).toBe(LONE.count);
    expect([viaHealth, viaSources]).not.toContain(LONE.count);
    expect([lone(health.body.sources), lone(sources.body.sources)]).toEqual([null, null]);
  });

  it('neither /api/health nor /api/sources dates the report', async () => {
    const texts: string[] = [];
    for (const path of ['/api/health', '/api/sources']) {
      const text = JSON.stringify((await getJson(ctx().publicApp, path)).body);
      recovered[`${path}: its month`] = text.includes(LONE_MONTH) ? LONE_MONTH : null;
      texts.push(text);
    }
    for (const text of texts) expect(text).not.toContain(LONE_MONTH);
    expect(JSON.stringify((await getJson(ctx().app, '/api/health')).body)).toContain(LONE.day);
  });

  it('a public series without a range neither spans nor marks the report month', async () => {
    const url = `/api/areas/alcaldia/${LONE.alcaldia}/series?source=${LONE.kind}`;
    const pub = await getJson(ctx().publicApp, url);
    expect(pub.status).toBe(200);
    const periods = pub.body.series.map((p: { period: string }) => p.period.slice(0, 7));
    recovered['series span'] = periods.includes(LONE_MONTH) || String(pub.body.to) > LONE.day ? LONE_MONTH : null;
    expect(periods).not.toContain(LONE_MONTH);
    expect(pub.body.sources).toEqual([]);
    // the admin's series of the same place runs to the report and marks it covered
    const admin = await getJson(ctx().app, url);
    expect(admin.body.series.at(-1)).toMatchObject({ period: LONE_MONTH, count: LONE.count });
  });

  it("a public series over the report's year marks no month apart from the others", async () => {
    const url = `/api/areas/alcaldia/${LONE.alcaldia}/series?source=${LONE.kind}&from=2016-01-01&to=2017-01-01`;
    const pub = await getJson(ctx().publicApp, url);
    expect(pub.status).toBe(200);
    const marks = new Set(pub.body.series.map((p: { coverage?: string }) => p.coverage ?? 'full'));
    recovered['series coverage marks'] = marks.size > 1 ? LONE_MONTH : null;
    expect([...marks]).toEqual(['none']);
  });

  it("a public semáforo counts none of the report's months as covered", async () => {
    // month 2016-06: its 36 baseline months (2013-06 … 2016-05) hold the sample's months and the report's
    const sampleMonths = new Set(ctx().sample.rows.map((r) => r.date.slice(0, 7)));
    const url = `/api/semaforo?kind=alcaldia&ids=${LONE.alcaldia}&month=2016-06`;
    const pub = await getJson(ctx().publicApp, url);
    expect(pub.status).toBe(200);
    const months = pub.body.items[0].baseline_months;
    recovered['semáforo baseline months'] = months === sampleMonths.size + 1 ? LONE_MONTH : null;
    expect(months).toBe(sampleMonths.size);
    expect((await getJson(ctx().app, url)).body.items[0].baseline_months).toBe(sampleMonths.size + 1);
  });

  it("the sensitive embargo of a public answer does not move with the report's day", async () => {
    const lastDay = ctx()
      .sample.rows.map((r) => r.date)
      .sort()
      .at(-1)!;
    // independent of server/policy: months that ended at least 30 days before the last day are released
    const firstWithheld = (day: string) => {
      const cutoff = new Date(Date.parse(`${day}T00:00:00Z`) - 30 * 86_400_000);
      const next = new Date(cutoff.getTime() + 86_400_000);
      return next.getUTCDate() === 1 ? next.toISOString().slice(0, 7) : cutoff.toISOString().slice(0, 7);
    };
    const res = await getJson(
      ctx().publicApp,
      `/api/rank?kind=alcaldia&category=violacion&from=2015-05-01&to=2015-06-01`,
    );
    expect(res.status).toBe(200);
    recovered['sensitive embargo'] = res.body.embargo_from === firstWithheld(LONE.day) ? LONE_MONTH : null;
    expect(res.body.embargo_from).toBe(firstWithheld(lastDay));
  });

  it('reports what each attack recovered (expected: nothing)', () => {
    console.log(`small-source attacks [${ctx().backend}]:`, recovered);
    expect(Object.values(recovered).filter((v) => v !== null)).toEqual([]);
  });
});
