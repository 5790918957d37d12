/**
 * The migration that gives stored sector territories their numbering, on both backends: the names
 * come from the store's areas (the bundled boundaries), so the test follows the data.
 */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { createToken, hashToken } from '../queries/tokens.ts';
import { up } from './017_territory_vintage.ts';

describeEachBackend(
  'migration 017: territories by vintage',
  (getStore) => {
    it('qualifies bare sector names (one numbering → that one, both → 2023) and leaves alcaldías, qualified and unknown entries alone', async () => {
      const store = getStore();
      const sectors = async (where: string) =>
        (
          await sql<{ id: string }>`
            select id from areas a where kind = 'sector' and ${sql.raw(where)} order by id limit 1`.execute(store.db)
        ).rows[0]!.id;
      const other = (v: number) =>
        `not exists (select 1 from areas b where b.kind = 'sector' and b.vintage = ${v} and b.id = a.id)`;
      const both = await sectors(`vintage = 2016 and not (${other(2023)})`);
      const only2016 = await sectors(`vintage = 2016 and ${other(2023)}`);
      const only2023 = await sectors(`vintage = 2023 and ${other(2016)}`);
      const alcaldia = (
        await sql<{ id: string }>`select id from areas where kind = 'alcaldia' order by id limit 1`.execute(store.db)
      ).rows[0]!.id;
      const given = [alcaldia, both, only2016, only2023, `2016:${both}`, 'NO-EXISTE'];
      const token = await createToken(store, { role: 'enlace', name: 'legacy', territory: given });
      const read = async () =>
        (
          await sql<{ territory: string[] | string }>`
            select territory from api_tokens where token_sha256 = ${hashToken(token)}`.execute(store.db)
        ).rows[0]!.territory;
      const parse = (t: string[] | string) => (typeof t === 'string' ? (JSON.parse(t) as string[]) : t);
      expect(parse(await read())).toEqual(given); // the migration ran before the row existed

      await up(store.db);
      const expected = [alcaldia, `2023:${both}`, `2016:${only2016}`, `2023:${only2023}`, `2016:${both}`, 'NO-EXISTE'];
      expect(parse(await read())).toEqual(expected);
      await up(store.db); // a second run changes nothing
      expect(parse(await read())).toEqual(expected);
    });
  },
  { contents: 'full' },
);
