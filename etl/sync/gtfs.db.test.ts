/**
 * SEMOVI's GTFS through the sync: the replay serves a zip of the real feed in `../shared/data`
 * with ONE stop renamed by hand (Metro Balbuena's only platform becomes "Ahuizotl", a name no
 * station has), and after the sync the transit extract, the map's transit layer and the gazetteer
 * read the new name; the bundled extract stays the fallback. One backend: the feed writes no
 * incidents, only the sync state and the data version, which the carpetas tests cover on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { SHARED_DATA_DIR } from '../../reference/files/index.ts';
import { getGeocoder } from '../../reference/geocoder/index.ts';
import { loadTransit, useTransitFrom } from '../../reference/transit/index.ts';
import { transitMapFeatures } from '../../reference/transit/map.ts';
import { CkanReplay } from '../../tests/harness/ckan-replay.ts';
import { emptyStore, type TestStore } from '../../tests/harness/stores.ts';
import { SHARED, sharedDataMissing } from '../../tests/support/shared-data.ts';
import { runSync, syncSucceeded, type SourcesFile } from './index.ts';

const FEED = join(SHARED_DATA_DIR, 'transit/semovi_gtfs_2025');
const RENAMED_STOP = '0200L1-BALBUENA';
const NEW_NAME = 'Ahuizotl';
const noFeed = sharedDataMissing([SHARED.gtfs]);

/** The feed's tables, with the one stop renamed (hand-made change), zipped in a folder as some feeds are. */
function renamedFeedZip(): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(FEED)) {
    let text = readFileSync(join(FEED, name), 'utf8');
    if (name === 'stops.txt') {
      const lines = text.split('\n');
      const i = lines.findIndex((l) => l.startsWith(`${RENAMED_STOP},`));
      const fields = lines[i]!.split(',');
      fields[1] = NEW_NAME;
      lines[i] = fields.join(',');
      text = lines.join('\n');
    }
    files[`gtfs/${name}`] = new TextEncoder().encode(text);
  }
  return Buffer.from(zipSync(files));
}

describe.skipIf(noFeed)('etl sync of the GTFS feed', () => {
  const replay = new CkanReplay();
  let store: TestStore;
  let dataDir: string;
  let config: SourcesFile;
  /** the renamed stop's own point, from the feed */
  let stopPoint: { lat: number; lon: number };

  beforeAll(async () => {
    store = await emptyStore('pglite');
    dataDir = mkdtempSync(join(tmpdir(), 'mapa-sync-gtfs-'));
    const base = await replay.start();
    replay.serve('/semovi/gtfs.zip', renamedFeedZip(), 'application/zip');
    config = {
      ckan_base_url: base,
      sources: {
        semovi_gtfs: { kind: 'gtfs', label: 'SEMOVI', title: 'SEMOVI: GTFS', url: `${base}/semovi/gtfs.zip` },
      },
    };
    const row = readFileSync(join(FEED, 'stops.txt'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${RENAMED_STOP},`))!
      .split(',');
    stopPoint = { lat: Number(row[2]), lon: Number(row[3]) };
    useTransitFrom(dataDir);
  });
  afterAll(async () => {
    useTransitFrom(null);
    await replay.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('before any sync the bundled extract is read, and it has no station of the new name', () => {
    expect(loadTransit().stations.some((s) => s.name === NEW_NAME)).toBe(false);
    expect(loadTransit().stations.some((s) => s.stopIds.includes(RENAMED_STOP) && s.name === 'Balbuena')).toBe(true);
    // the gazetteer built now must be replaced after the sync, not kept for the process
    expect(getGeocoder().geocodeText(`Robaron un celular en el Metro ${NEW_NAME}.`).precision).not.toBe('station');
  });

  it('after the sync the gazetteer and the transit layer know the stop by its new name', async () => {
    const summary = await runSync(store, { dataDir, config });
    expect(syncSucceeded(summary)).toBe(true);
    expect(summary.sources[0]).toMatchObject({ key: 'semovi_gtfs', status: 'updated' });
    expect(summary.sources[0]!.transit!.rows['stops.txt']).toBe(
      readFileSync(join(FEED, 'stops.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.trim()).length - 1,
    );

    const station = loadTransit().stations.find((s) => s.stopIds.includes(RENAMED_STOP))!;
    expect(station.name).toBe(NEW_NAME);
    const layer = transitMapFeatures(loadTransit());
    expect(JSON.stringify(layer)).toContain(`"${NEW_NAME}"`);

    const r = getGeocoder().geocodeText(`Robaron un celular en el Metro ${NEW_NAME}.`);
    expect(r).toMatchObject({ status: 'ok', precision: 'station' });
    expect(r.lat).toBeCloseTo(stopPoint.lat, 4);
    expect(r.lon).toBeCloseTo(stopPoint.lon, 4);
  });

  it('a second sync finds the same feed (304) and keeps the synced extract', async () => {
    const summary = await runSync(store, { dataDir, config });
    expect(summary.changed).toBe(false);
    expect(summary.sources[0]!.status).toBe('unchanged');
    expect(replay.requests.at(-1)).toMatchObject({ status: 304 });
    expect(loadTransit().stations.some((s) => s.name === NEW_NAME)).toBe(true);
  });
});
