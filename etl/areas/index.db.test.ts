import { expect, it } from 'vitest';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { readBundledJson } from '../../reference/files/index.ts';
import { importAreas } from './index.ts';

type FC = { features: { properties: Record<string, unknown> }[] };
const colonias = readBundledJson<FC>('boundaries/colonias.geojson.gz').features.map((f) => f.properties);

describeEachBackend(
  'areas',
  (getStore) => {
    it('writes every area of both vintages, alcaldías and colonias once per vintage, idempotently', async () => {
      const { db } = getStore();
      const counts = async () =>
        Object.fromEntries(
          (
            await db
              .selectFrom('areas')
              .select(['kind', 'vintage', (eb) => eb.fn.countAll().as('n')])
              .groupBy(['kind', 'vintage'])
              .execute()
          ).map((r) => [`${r.kind}:${r.vintage}`, Number(r.n)]),
        );
      await importAreas(getStore());
      const expected = {
        'alcaldia:2016': 16,
        'alcaldia:2023': 16,
        'colonia:2016': 1814,
        'colonia:2023': 1814,
        'cuadrante:2016': 847,
        'cuadrante:2023': 847,
        'sector:2016': 72,
        'sector:2023': 72,
      };
      expect(await counts()).toEqual(expected);
      await importAreas(getStore());
      expect(await counts()).toEqual(expected);
    });

    it('carries names, alcaldía ids and populations from the boundary files', async () => {
      const { db } = getStore();
      await importAreas(getStore());
      const aguilera = colonias.find((c) => c.cve_col === '02-001')!;
      const row = await db
        .selectFrom('areas')
        .selectAll()
        .where('kind', '=', 'colonia')
        .where('vintage', '=', 2023)
        .where('id', '=', '02-001')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        name: aguilera.colonia,
        alcaldia_id: '09002',
        population: Number(aguilera.poblacion),
      });
      // An alcaldía's population is the sum of its colonias'.
      const milpaAlta = colonias
        .filter((c) => c.cvegeo_alc === '09009')
        .reduce((s, c) => s + Number(c.poblacion ?? 0), 0);
      const alc = await db
        .selectFrom('areas')
        .selectAll()
        .where('kind', '=', 'alcaldia')
        .where('vintage', '=', 2016)
        .where('id', '=', '09009')
        .executeTakeFirstOrThrow();
      expect(alc).toMatchObject({ name: 'Milpa Alta', alcaldia_id: '09009', population: milpaAlta });
    });
  },
  { contents: 'empty' },
);
