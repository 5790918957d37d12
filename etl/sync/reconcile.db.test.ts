/**
 * The bundled Milpa Alta víctimas file, loaded as on first start (`importOfficialFile`, not by the
 * sync), then a carpetas sync over part of its years: each month must count one FGJ source. The
 * replay serves a carpetas file re-shaped from the same real rows (tests/harness/portal-files.ts);
 * the expected monthly counts are computed here from that file's own rows and the project's
 * taxonomy, never from the sync.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { classifyLabel } from '../../core/taxonomy/index.ts';
import { CkanReplay } from '../../tests/harness/ckan-replay.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { portalCarpetasRows, portalCsv, portalVictimasCsv } from '../../tests/harness/portal-files.ts';
import { createAdminApp, getJson } from '../../tests/support/index.ts';
import { BUNDLED_CRIME_FILES } from '../bundled.ts';
import { importOfficialFile } from '../official/index.ts';
import { runCommand } from '../../cli/index.ts';
import { runSync } from './index.ts';

const CARPETAS = 'carpetas-de-investigacion-fgj-de-la-ciudad-de-mexico';
/** the carpetas file starts here: earlier months are the víctimas file's alone */
const CARPETAS_FROM = '2019-01';
const MILPA_ALTA = '09009';
const VICTIMAS_FILE = BUNDLED_CRIME_FILES.find((f) => f.format === 'fgj_victimas')!.path;

const carpetasRows = portalCarpetasRows().filter((r) => r.fecha_hecho >= `${CARPETAS_FROM}-01`);
/** The carpetas file's incidents of Milpa Alta per month, from its own rows (crimes only). */
const carpetasByMonth = new Map<string, number>();
for (const r of carpetasRows) {
  const c = classifyLabel(r.delito, r.categoria_delito);
  if (c.nonCrime || c.category === null || r.alcaldia_catalogo.toUpperCase() !== 'MILPA ALTA') continue;
  const month = r.fecha_hecho.slice(0, 7);
  carpetasByMonth.set(month, (carpetasByMonth.get(month) ?? 0) + 1);
}
const lastCarpetasMonth = [...carpetasByMonth.keys()].sort().at(-1)!;

describeEachBackend(
  'reconciling hand-imported víctimas rows with a carpetas sync',
  (getStore) => {
    const replay = new CkanReplay();
    let dataDir: string;
    let base: string;
    const sync = () =>
      runSync(getStore(), {
        dataDir,
        config: {
          ckan_base_url: base,
          sources: {
            fgj_carpetas: {
              kind: 'ckan',
              label: 'FGJ',
              title: 'FGJ-CDMX: carpetas',
              dataset: CARPETAS,
              resource: { format: 'CSV', pick: 'largest' },
              format: 'fgj_carpetas',
            },
          },
        },
      });
    /** Milpa Alta's incidents per source and month. */
    const milpaAlta = async () => {
      const rows = await getStore()
        .db.selectFrom('incidents')
        .select([
          'source',
          sql<string>`to_char(occurred_on, 'YYYY-MM')`.as('month'),
          sql<number>`count(*)::int`.as('n'),
        ])
        .where('alcaldia_2023', '=', MILPA_ALTA)
        .where('source', 'in', ['fgj_victimas', 'fgj_carpetas'])
        .groupBy(['source', sql`to_char(occurred_on, 'YYYY-MM')`])
        .execute();
      const by = { fgj_victimas: new Map<string, number>(), fgj_carpetas: new Map<string, number>() };
      for (const r of rows) by[r.source as keyof typeof by].set(r.month, Number(r.n));
      return by;
    };
    const inCarpetasMonths = (month: string) => month >= CARPETAS_FROM && month <= lastCarpetasMonth;
    let before: Awaited<ReturnType<typeof milpaAlta>>;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'mapa-sync-reconcile-'));
      base = await replay.start();
      replay.publish(CARPETAS, [{ id: 'car-1', name: 'carpetas.csv', format: 'CSV', body: portalCsv(carpetasRows) }]);
      // as the first start loads it: the bundled file through the plain official import
      await importOfficialFile(getStore(), VICTIMAS_FILE, { format: 'fgj_victimas' });
      before = await milpaAlta();
    });
    afterAll(async () => {
      await replay.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('after the carpetas sync, each Milpa Alta month of the carpetas file counts that file’s rows alone', async () => {
      // the víctimas rows do cover those months before the sync: the double count the rule removes
      const doubled = [...before.fgj_victimas.keys()].filter(inCarpetasMonths);
      expect(doubled.length).toBeGreaterThan(0);

      const summary = await sync();
      expect(summary.sources[0]).toMatchObject({ status: 'updated' });
      const retracted = doubled.reduce((n, m) => n + before.fgj_victimas.get(m)!, 0);
      expect(summary.superseded).toEqual([
        { source: 'fgj_victimas', retracted, first_month: CARPETAS_FROM, last_month: lastCarpetasMonth },
      ]);
      expect(summary.changed).toBe(true);

      const after = await milpaAlta();
      const months = new Set([...carpetasByMonth.keys(), ...after.fgj_carpetas.keys(), ...after.fgj_victimas.keys()]);
      for (const month of [...months].filter(inCarpetasMonths).sort()) {
        const total = (after.fgj_carpetas.get(month) ?? 0) + (after.fgj_victimas.get(month) ?? 0);
        expect({ month, total }).toEqual({ month, total: carpetasByMonth.get(month) ?? 0 });
      }
      // the months before the carpetas file keep their víctimas incidents, untouched
      const earlier = [...before.fgj_victimas].filter(([m]) => m < CARPETAS_FROM);
      expect(earlier.length).toBeGreaterThan(0);
      expect([...after.fgj_victimas].sort()).toEqual(earlier.sort());
    });

    it('each retraction is recorded against the carpetas import that supersedes it', async () => {
      const rows = await getStore()
        .db.selectFrom('sync_retractions as r')
        .innerJoin('imports as i', 'i.id', 'r.import_id')
        .select(['r.source', 'i.source as by', sql<number>`count(*)::int`.as('n')])
        .groupBy(['r.source', 'i.source'])
        .execute();
      const retracted = [...before.fgj_victimas].filter(([m]) => inCarpetasMonths(m)).reduce((n, [, c]) => n + c, 0);
      expect(rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
        { source: 'fgj_victimas', by: 'fgj_carpetas', n: retracted },
      ]);
    });

    it('/api/sources says which source covers which months', async () => {
      const { body } = await getJson(createAdminApp({ store: getStore() }), '/api/sources');
      const months = (id: string) => {
        const s = body.sources.find((x: { id: string }) => x.id === id);
        return s && [s.first_month, s.last_month];
      };
      const carpetasFirst = [...carpetasByMonth.keys()].sort()[0]!;
      expect(months('fgj_carpetas')).toEqual([carpetasFirst, lastCarpetasMonth]);
      const victimasMonths = [...before.fgj_victimas.keys()].filter((m) => m < CARPETAS_FROM).sort();
      expect(months('fgj_victimas')).toEqual([victimasMonths[0], victimasMonths.at(-1)]);
    });

    it('a víctimas file imported by hand after the sync is reconciled by the import command itself', async () => {
      const counts = await milpaAlta();
      // the same real rows from 2019 on, in the portal's spelling: other bytes, so not skipped as already imported
      const file = join(dataDir, 'victimas_desde_2019.csv');
      writeFileSync(
        file,
        portalVictimasCsv((r) => (r.Fecha ?? '').slice(6) >= CARPETAS_FROM.slice(0, 4)),
      );
      const out: string[] = [];
      const io = { stdout: (s: string) => out.push(s), stderr: () => {} };
      expect(await runCommand(['import', file, '--format', 'fgj_victimas'], { store: getStore(), io })).toBe(0);
      const printed = JSON.parse(out.join(''));
      const retracted = [...before.fgj_victimas].filter(([m]) => inCarpetasMonths(m)).reduce((n, [, c]) => n + c, 0);
      // the import brought the superseded records back, and the same command retracted them again
      expect(printed.inserted).toBeGreaterThanOrEqual(retracted);
      expect(printed.superseded).toEqual([
        { source: 'fgj_victimas', retracted, first_month: CARPETAS_FROM, last_month: lastCarpetasMonth },
      ]);
      expect(await milpaAlta()).toEqual(counts);
    });

    it('a second sync finds nothing to reconcile and changes nothing', async () => {
      const summary = await sync();
      expect(summary).toMatchObject({ changed: false, superseded: [] });
    });
  },
  { contents: 'empty' },
);
