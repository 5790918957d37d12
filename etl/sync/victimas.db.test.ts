/**
 * The víctimas file through the sync, and how it is reconciled with the carpetas file (reconcile.ts):
 * one incident per carpeta and crime with its victims counted, never one per victim, and no month
 * counted by both FGJ sources. The replay serves the real bundled víctimas file of Milpa Alta as the
 * portal spells it (rows filtered, not re-shaped) and a carpetas file re-shaped from the same rows
 * (tests/harness/portal-files.ts). Expected figures are computed here from the file's own rows and
 * the project's taxonomy, never from the sync.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { classifyLabel } from '../../core/taxonomy/index.ts';
import { CkanReplay } from '../../tests/harness/ckan-replay.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import {
  PORTAL_CARPETAS_HEADER,
  portalCarpetasRows,
  portalCsv,
  portalVictimasCsv,
  type PortalRow,
} from '../../tests/harness/portal-files.ts';
import { runSync, syncSucceeded, type SourcesFile } from './index.ts';

const CARPETAS = 'carpetas-de-investigacion-fgj-de-la-ciudad-de-mexico';
const VICTIMAS = 'victimas-en-carpetas-de-investigacion-fgj';
/** the carpetas file starts in this month: earlier months only the víctimas file has */
const CARPETAS_FROM = '2021-01';

const victimasFile = portalVictimasCsv();

/** The víctimas file's incidents, by record id: month and distinct victim rows, computed from its lines. */
function victimasIncidents(file: Buffer): Map<string, { month: string; rows: Set<string> }> {
  const [header, ...lines] = file
    .toString('utf8')
    .split('\r\n')
    .filter((l) => l !== '');
  const names = (parse(header!) as string[][])[0]!;
  const groups = new Map<string, { month: string; rows: Set<string> }>();
  for (const line of lines) {
    const values = (parse(line, { relax_quotes: true }) as string[][])[0]!;
    const r = Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']));
    const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(r.Fecha!);
    const c = classifyLabel(r.Delito, r.Categoria);
    if (!date || c.nonCrime || c.category === null) continue;
    const id = `${r.idCarpeta!.replace(/\.0$/, '')}|${r.Delito}`;
    const group = groups.get(id) ?? { month: `${date[3]}-${date[2]}`, rows: new Set<string>() };
    group.rows.add(line);
    groups.set(id, group);
  }
  return groups;
}

const ALL = victimasIncidents(victimasFile);
const victimsOf = (groups: Iterable<{ rows: Set<string> }>) => [...groups].reduce((n, g) => n + g.rows.size, 0);
const carpetasRows = portalCarpetasRows().filter((r) => r.fecha_hecho >= `${CARPETAS_FROM}-01`);
const carpetasIncidents = (rows: readonly PortalRow[]) =>
  rows.filter((r) => {
    const c = classifyLabel(r.delito, r.categoria_delito);
    return !c.nonCrime && c.category !== null;
  }).length;

describeEachBackend(
  'etl sync of the víctimas file',
  (getStore) => {
    const replay = new CkanReplay();
    let dataDir: string;
    let base: string;
    const victimasSource = {
      kind: 'ckan' as const,
      label: 'FGJ',
      title: 'FGJ-CDMX: víctimas',
      dataset: VICTIMAS,
      resource: { format: 'CSV', pick: 'largest' as const },
      format: 'fgj_victimas_cdmx' as const,
      defer_to: 'fgj_carpetas' as const,
    };
    const carpetasSource = {
      kind: 'ckan' as const,
      label: 'FGJ',
      title: 'FGJ-CDMX: carpetas',
      dataset: CARPETAS,
      resource: { format: 'CSV', pick: 'largest' as const },
      format: 'fgj_carpetas' as const,
    };
    const sync = (sources: SourcesFile['sources']) =>
      runSync(getStore(), { dataDir, config: { ckan_base_url: base, sources } });
    const bySource = async () => {
      const rows = await getStore()
        .db.selectFrom('incidents')
        .select(['source', sql<number>`count(*)::int`.as('n'), sql<number>`sum(victims)::int`.as('victims')])
        .groupBy('source')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.source, { n: Number(r.n), victims: Number(r.victims) }]));
    };

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'mapa-sync-victimas-'));
      base = await replay.start();
      replay.publish(VICTIMAS, [{ id: 'vic-1', name: 'victimas_acumulado.csv', format: 'CSV', body: victimasFile }]);
    });
    afterAll(async () => {
      await replay.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('while the carpetas source it defers to fails, the víctimas file waits: nothing imported', async () => {
      // a carpetas publication with a renamed column: refused, so its months are unknown in this run
      const header = PORTAL_CARPETAS_HEADER.map((c) => (c === 'latitud' ? 'lat' : c));
      replay.publish(CARPETAS, [
        { id: 'car-1', name: 'carpetas.csv', format: 'CSV', body: portalCsv(carpetasRows, { header }) },
      ]);
      const summary = await sync({ fgj_victimas_cdmx: victimasSource, fgj_carpetas: carpetasSource });
      expect(summary.sources.map((s) => [s.key, s.status])).toEqual([
        ['fgj_carpetas', 'failed'],
        ['fgj_victimas_cdmx', 'skipped'],
      ]);
      expect(summary.changed).toBe(false);
      expect(await bySource()).toEqual({});
    });

    it('a víctimas file alone gives one incident per carpeta and crime, with its victims counted', async () => {
      const summary = await sync({ fgj_victimas_cdmx: victimasSource });
      expect(syncSucceeded(summary)).toBe(true);
      const [s] = summary.sources;
      expect(s!.import).toMatchObject({ inserted: ALL.size, deferred_rows: 0, deferred_to: null });
      expect(await bySource()).toEqual({ fgj_victimas_cdmx: { n: ALL.size, victims: victimsOf(ALL.values()) } });
      // a file with several victims per carpeta: counting rows would have counted more
      expect(victimsOf(ALL.values())).toBeGreaterThan(ALL.size);
    });

    it('once the carpetas file is synced, its months are its own and the víctimas incidents of them are retracted', async () => {
      replay.publish(CARPETAS, [{ id: 'car-1', name: 'carpetas.csv', format: 'CSV', body: portalCsv(carpetasRows) }]);
      const summary = await sync({ fgj_victimas_cdmx: victimasSource, fgj_carpetas: carpetasSource });
      expect(summary.sources.map((s) => s.error ?? null)).toEqual([null, null]);
      expect(syncSucceeded(summary)).toBe(true);
      const lastCarpetasMonth = carpetasRows
        .map((r) => r.fecha_hecho.slice(0, 7))
        .sort()
        .at(-1)!;
      const covered = [...ALL.values()].filter((g) => g.month >= CARPETAS_FROM && g.month <= lastCarpetasMonth);
      const kept = [...ALL.values()].filter((g) => !covered.includes(g));
      const victimas = summary.sources.find((s) => s.key === 'fgj_victimas_cdmx')!;
      // the víctimas file did not change (304): it is applied again because the carpetas months did
      expect(victimas.import).toMatchObject({
        retracted: covered.length,
        inserted: 0,
        deferred_to: { source: 'fgj_carpetas', first: CARPETAS_FROM, last: lastCarpetasMonth },
      });
      expect(await bySource()).toEqual({
        fgj_carpetas: { n: carpetasIncidents(carpetasRows), victims: carpetasIncidents(carpetasRows) },
        fgj_victimas_cdmx: { n: kept.length, victims: victimsOf(kept) },
      });
      const doubled = await getStore()
        .db.selectFrom('incidents')
        .select(sql<string>`to_char(occurred_on, 'YYYY-MM')`.as('month'))
        .where('source', 'in', ['fgj_carpetas', 'fgj_victimas_cdmx'])
        .groupBy(sql`to_char(occurred_on, 'YYYY-MM')`)
        .having(sql`count(distinct source)`, '>', 1)
        .execute();
      expect(doubled).toEqual([]);
    });

    it('a second sync of both finds nothing new and changes nothing', async () => {
      const before = await bySource();
      const summary = await sync({ fgj_victimas_cdmx: victimasSource, fgj_carpetas: carpetasSource });
      expect(summary.changed).toBe(false);
      expect(summary.sources.map((s) => s.status)).toEqual(['unchanged', 'unchanged']);
      expect(await bySource()).toEqual(before);
    });
  },
  { contents: 'empty' },
);
