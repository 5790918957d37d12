/**
 * The open-data sync against a local replay of the portal (tests/harness/ckan-replay.ts) serving
 * files in the portal's carpetas layout built from the real bundled FGJ rows of Milpa Alta
 * (tests/harness/portal-files.ts, re-shaped and labelled there). Expected counts come from those
 * rows and the project's taxonomy, never from the sync: a row is an incident unless the taxonomy
 * calls its label a non-crime or gives it no category, or it has no date (a few real rows).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { classifyLabel } from '../../core/taxonomy/index.ts';
import { CkanReplay } from '../../tests/harness/ckan-replay.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import {
  PORTAL_CARPETAS_HEADER,
  portalCarpetasRows,
  portalCsv,
  type PortalRow,
} from '../../tests/harness/portal-files.ts';
import { runSync, syncSucceeded, type SourcesFile } from './index.ts';

const DATASET = 'carpetas-de-investigacion-fgj-de-la-ciudad-de-mexico';
const ROWS = portalCarpetasRows();
const isIncident = (r: PortalRow) => {
  const c = classifyLabel(r.delito, r.categoria_delito);
  return /^\d{4}-\d{2}-\d{2}$/.test(r.fecha_hecho) && !c.nonCrime && c.category !== null;
};
const BEFORE_JUNE = ROWS.filter((r) => r.fecha_hecho < '2022-06-01');
const incidentsOf = (rows: readonly PortalRow[]) => rows.filter(isIncident).length;

describeEachBackend(
  'etl sync against the portal replay',
  (getStore) => {
    const replay = new CkanReplay();
    let dataDir: string;
    let config: SourcesFile;
    let publication = 0;
    const publish = (body: Buffer) => {
      publication++;
      // each publication gets a new resource id, as the portal does
      replay.publish(DATASET, [
        {
          id: `dict-${publication}`,
          name: 'diccionario_carpetas.csv',
          format: 'CSV',
          body: Buffer.from('columna,descripcion\n'),
        },
        { id: `res-${publication}`, name: `carpetas_acumulado_${publication}.csv`, format: 'CSV', body },
      ]);
    };
    const sync = () => runSync(getStore(), { dataDir, config });
    const stored = async () => {
      const r = await getStore()
        .db.selectFrom('incidents')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('source', '=', 'fgj_carpetas')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    };
    const dataVersion = async () =>
      (
        await getStore()
          .db.selectFrom('meta')
          .select('value')
          .where('key', '=', 'data_version')
          .executeTakeFirstOrThrow()
      ).value;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'mapa-sync-'));
      const base = await replay.start();
      config = {
        ckan_base_url: base,
        sources: {
          fgj_carpetas: {
            kind: 'ckan',
            label: 'FGJ',
            title: 'FGJ-CDMX: carpetas',
            dataset: DATASET,
            resource: { format: 'CSV', pick: 'largest' },
            format: 'fgj_carpetas',
          },
        },
      };
    });
    afterAll(async () => {
      await replay.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('first sync imports every carpeta of the publication, coordinates written with a decimal comma included', async () => {
      publish(portalCsv(BEFORE_JUNE, { decimalComma: true }));
      const summary = await sync();
      expect(syncSucceeded(summary)).toBe(true);
      const [s] = summary.sources;
      expect(s).toMatchObject({ key: 'fgj_carpetas', status: 'updated', resource_id: 'res-1' });
      expect(s!.import).toMatchObject({
        rows: BEFORE_JUNE.length,
        inserted: incidentsOf(BEFORE_JUNE),
        updated: 0,
        retracted: 0,
        quarantined: BEFORE_JUNE.filter((r) => r.fecha_hecho === '').length,
        last_month: '2022-05',
      });
      expect(await stored()).toBe(incidentsOf(BEFORE_JUNE));
      // every row with coordinates keeps its point although they were written "19,18753"
      const withPoint = BEFORE_JUNE.filter((r) => isIncident(r) && r.latitud !== '' && r.longitud !== '').length;
      const points = await getStore()
        .db.selectFrom('incidents')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('source', '=', 'fgj_carpetas')
        .where('lat', 'is not', null)
        .executeTakeFirstOrThrow();
      expect(Number(points.n)).toBe(withPoint);
    });

    it('a second sync finds nothing new (the portal answers 304) and changes nothing', async () => {
      const version = await dataVersion();
      const summary = await sync();
      expect(summary.changed).toBe(false);
      expect(summary.sources[0]).toMatchObject({ status: 'unchanged', downloaded_bytes: 0 });
      expect(replay.requests.at(-1)).toMatchObject({ status: 304 });
      expect(await dataVersion()).toBe(version);
      expect(await stored()).toBe(incidentsOf(BEFORE_JUNE));
    });

    it('a new publication with a month appended inserts only that month', async () => {
      publish(portalCsv(ROWS, { decimalComma: true }));
      const [s] = (await sync()).sources;
      expect(s!.status).toBe('updated');
      expect(s!.import).toMatchObject({
        inserted: incidentsOf(ROWS) - incidentsOf(BEFORE_JUNE),
        updated: 0,
        retracted: 0,
        unchanged: incidentsOf(BEFORE_JUNE),
        last_month: '2022-06',
      });
      expect(await stored()).toBe(incidentsOf(ROWS));
    });

    it('a revised past record is updated in place and a withdrawn one retracted and recorded', async () => {
      // hand-made revision of real rows: the FGJ corrects the date and place of one carpeta and withdraws another
      const revised = ROWS.filter(isIncident)[10]!;
      const withdrawn = ROWS.filter(isIncident)[20]!;
      const rows = ROWS.filter((r) => r !== withdrawn).map((r) =>
        r === revised
          ? {
              ...r,
              fecha_hecho: '2020-02-29',
              anio_hecho: '2020',
              mes_hecho: 'Febrero',
              latitud: '19.19188',
              longitud: '-99.02108',
            }
          : r,
      );
      publish(portalCsv(rows));
      const [s] = (await sync()).sources;
      expect(s!.import).toMatchObject({ inserted: 0, updated: 1, retracted: 1 });
      expect(await stored()).toBe(incidentsOf(ROWS) - 1);
      const byDay = await getStore()
        .db.selectFrom('incidents')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('source', '=', 'fgj_carpetas')
        .where('original_label', '=', revised.delito)
        .where(sql<string>`to_char(occurred_on, 'YYYY-MM-DD')`, '=', '2020-02-29')
        .executeTakeFirstOrThrow();
      const sameDayInSource = ROWS.filter(
        (r) => isIncident(r) && r.delito === revised.delito && r.fecha_hecho === '2020-02-29',
      ).length;
      expect(Number(byDay.n)).toBe(sameDayInSource + 1);
      const retractions = await getStore()
        .db.selectFrom('sync_retractions')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(retractions.n)).toBe(1);
    });

    it('a publication whose header changed is refused with a clear error and nothing imported', async () => {
      const version = await dataVersion();
      const before = await stored();
      publish(portalCsv(ROWS, { header: PORTAL_CARPETAS_HEADER.map((c) => (c === 'latitud' ? 'lat' : c)) }));
      const summary = await sync();
      expect(syncSucceeded(summary)).toBe(false);
      expect(summary.sources[0]!.error).toMatchObject({ code: 'header_changed' });
      expect(summary.sources[0]!.error!.message).toContain('latitud');
      expect(await stored()).toBe(before);
      expect(await dataVersion()).toBe(version);
    });

    it('a truncated download imports nothing, and the next sync resumes it with a byte range', async () => {
      const body = portalCsv(ROWS);
      publish(body);
      replay.breakNextDownload(Math.floor(body.length / 2));
      const before = await stored();
      const broken = await sync();
      expect(broken.sources[0]!.error).toMatchObject({ code: 'download_incomplete' });
      expect(await stored()).toBe(before);

      const resumed = await sync();
      expect(resumed.sources[0]!.status).toBe('updated');
      expect(resumed.sources[0]!.resumed_from).toBeGreaterThan(0);
      expect(replay.requests.some((r) => r.status === 206)).toBe(true);
      // the full publication again: the withdrawn record is back, the revised one restored
      expect(resumed.sources[0]!.import).toMatchObject({ inserted: 1, updated: 1, retracted: 0 });
      expect(await stored()).toBe(incidentsOf(ROWS));
    });

    it('the server killed in the middle of a download leaves nothing partial; the next sync completes', async () => {
      publish(portalCsv(BEFORE_JUNE));
      replay.breakNextDownload(4096, true);
      const version = await dataVersion();
      const killed = await sync();
      expect(syncSucceeded(killed)).toBe(false);
      expect(await stored()).toBe(incidentsOf(ROWS));
      expect(await dataVersion()).toBe(version);

      await replay.start();
      const after = await sync();
      expect(after.sources[0]!.import).toMatchObject({
        inserted: 0,
        updated: 0,
        retracted: incidentsOf(ROWS) - incidentsOf(BEFORE_JUNE),
      });
      expect(await stored()).toBe(incidentsOf(BEFORE_JUNE));
    });
  },
  { contents: 'empty' },
);
