/**
 * The FGJ's monthly spreadsheets through the sync: a listing page (HTML) in the replay links one
 * `.xlsx` per month; each is a HAND-MADE workbook in the published layout built from real FGJ rows
 * (tests/harness/fgj-spreadsheet.ts), one month with longitude/latitude and one with UTM 14N metres.
 * Expected figures come from those rows and the project's taxonomy, never from the sync.
 * The tests run in order: each starts from the store the previous one left.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { classifyLabel } from '../../core/taxonomy/index.ts';
import { CkanReplay } from '../../tests/harness/ckan-replay.ts';
import { carpetaIdOf, fgjMonthlyXlsx } from '../../tests/harness/fgj-spreadsheet.ts';
import { portalCarpetasRows, type PortalRow } from '../../tests/harness/portal-files.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { runSync, syncSucceeded, type SourcesFile } from './index.ts';

const LISTING = '/transparencia/incidencia/carpetas-mensuales/';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const rowsOf = (month: string) => portalCarpetasRows().filter((r) => r.fecha_hecho.startsWith(month));
const MAY = rowsOf('2022-05');
const JUNE = rowsOf('2022-06');
// the spreadsheets have no category column: the crime label alone classifies a row
const isIncident = (r: PortalRow) => {
  const c = classifyLabel(r.delito);
  return !c.nonCrime && c.category !== null;
};
// a few real labels are themselves garbled ("DAÃ<U+0091>O"): the record id holds the taxonomy's repaired label
const recordId = (r: PortalRow) => `${carpetaIdOf(r)}|${classifyLabel(r.delito).label}`;
/** hand-made garbling: the first May row's label as the FGJ's UTF-8-read-as-Latin-1 exports spell it */
const GARBLED = MAY.find((r) => isIncident(r) && /[ÁÉÍÓÚÑ]/.test(r.delito))!;
const mojibake = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

const listingPage = (files: string[]) =>
  Buffer.from(
    `<!doctype html><html lang="es"><body><h1>Carpetas de investigación por mes</h1><ul>${files
      .map((f) => `<li><a href="archivos/${f}">${f}</a></li>`)
      .join('')}<li><a href="archivos/aviso_de_privacidad.pdf">Aviso</a></li></ul></body></html>`,
  );

describeEachBackend(
  'etl sync of the FGJ monthly spreadsheets',
  (getStore) => {
    const replay = new CkanReplay();
    let dataDir: string;
    let config: SourcesFile;
    const points = async () => {
      const rows = await getStore()
        .db.selectFrom('incidents')
        .select(['source_record_id', 'lat', 'lon', 'original_label'])
        .where('source', '=', 'fgj_mensual')
        .execute();
      return new Map(rows.map((r) => [r.source_record_id, r]));
    };

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'mapa-sync-xlsx-'));
      const base = await replay.start();
      config = {
        ckan_base_url: base,
        sources: {
          fgj_mensual: {
            kind: 'listing',
            label: 'FGJ',
            title: 'FGJ-CDMX: carpetas del mes',
            url: `${base}${LISTING}`,
            file_matches: '^carpetas_\\d{4}_\\d{2}\\.xlsx$',
            format: 'fgj_mensual',
          },
        },
      };
      const may = await fgjMonthlyXlsx(MAY, {
        coordinates: 'degrees',
        hourAs: 'text',
        label: (r) => (r === GARBLED ? mojibake(r.delito) : r.delito),
      });
      replay.serve(`${LISTING}archivos/carpetas_2022_05.xlsx`, may, XLSX);
      replay.serve(LISTING, listingPage(['carpetas_2022_05.xlsx']), 'text/html; charset=utf-8');
    });
    afterAll(async () => {
      await replay.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('the first listed month imports with its longitude/latitude and its garbled labels repaired', async () => {
      const summary = await runSync(getStore(), { dataDir, config });
      expect(syncSucceeded(summary)).toBe(true);
      const [s] = summary.sources;
      expect(s!.status).toBe('updated');
      expect(s!.files!.map((f) => f.name)).toEqual(['carpetas_2022_05.xlsx']);
      expect(s!.files![0]!.import).toMatchObject({
        rows: MAY.length,
        inserted: MAY.filter(isIncident).length,
        quarantined: 0,
        first_month: '2022-05',
        last_month: '2022-05',
      });
      const stored = await points();
      expect(stored.size).toBe(MAY.filter(isIncident).length);
      for (const r of MAY.filter(isIncident)) {
        const x = stored.get(recordId(r));
        expect(x, recordId(r)).toBeDefined();
        if (r.latitud === '') expect(x!.lat).toBeNull();
        else expect([Number(x!.lat), Number(x!.lon)]).toEqual([Number(r.latitud), Number(r.longitud)]);
      }
      expect(stored.get(recordId(GARBLED))!.original_label).toBe(GARBLED.delito);
    });

    it('a new month on the listing, in UTM metres, is the only file fetched and lands on the same points', async () => {
      replay.serve(
        `${LISTING}archivos/carpetas_2022_06.xlsx`,
        await fgjMonthlyXlsx(JUNE, { coordinates: 'utm14n' }),
        XLSX,
      );
      replay.serve(LISTING, listingPage(['carpetas_2022_05.xlsx', 'carpetas_2022_06.xlsx']), 'text/html');
      const summary = await runSync(getStore(), { dataDir, config });
      const [s] = summary.sources;
      expect(s!.files!.map((f) => [f.name, f.status])).toEqual([
        ['carpetas_2022_05.xlsx', 'unchanged'],
        ['carpetas_2022_06.xlsx', 'updated'],
      ]);
      expect(s!.files![0]!.downloaded_bytes).toBe(0);
      expect(s!.files![1]!.import).toMatchObject({ inserted: JUNE.filter(isIncident).length, retracted: 0 });
      const stored = await points();
      expect(stored.size).toBe(MAY.filter(isIncident).length + JUNE.filter(isIncident).length);
      let located = 0;
      for (const r of JUNE.filter(isIncident)) {
        const x = stored.get(recordId(r))!;
        if (r.latitud === '') continue;
        located++;
        // metres rounded to 0.1 m in the file: back within 1e-5° (about a metre) of the real point
        expect(Math.abs(Number(x.lat) - Number(r.latitud))).toBeLessThan(1e-5);
        expect(Math.abs(Number(x.lon) - Number(r.longitud))).toBeLessThan(1e-5);
      }
      expect(located).toBeGreaterThan(0);
    });

    it('a second sync of the listing changes nothing', async () => {
      const before = await getStore()
        .db.selectFrom('incidents')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      const summary = await runSync(getStore(), { dataDir, config });
      expect(summary.changed).toBe(false);
      expect(summary.sources[0]!.files!.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);
      const after = await getStore()
        .db.selectFrom('incidents')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('the same months taken from a folder (--from-dir DIR, files in DIR/<key>/) are recognised as applied', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mapa-sync-xlsx-dir-'));
      try {
        mkdirSync(join(dir, 'fgj_mensual'));
        for (const name of ['carpetas_2022_05.xlsx', 'carpetas_2022_06.xlsx'])
          copyFileSync(join(dataDir, 'sync', 'fgj_mensual', name), join(dir, 'fgj_mensual', name));
        const summary = await runSync(getStore(), { dataDir, config, fromDir: dir });
        expect(syncSucceeded(summary)).toBe(true);
        expect(summary.sources[0]!.files!.map((f) => [f.name, f.status, f.reason])).toEqual([
          ['carpetas_2022_05.xlsx', 'unchanged', 'archivo idéntico al último aplicado'],
          ['carpetas_2022_06.xlsx', 'unchanged', 'archivo idéntico al último aplicado'],
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
  { contents: 'empty' },
);
