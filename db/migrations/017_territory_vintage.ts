/**
 * Territories name a sector of ONE numbering: `<vintage>:<sector>` ("2023:ALPES"), as
 * reference/boundaries/territory.ts writes them. Sector names are reused by the 2016 and 2023
 * numberings for different streets, so a bare name matched both polygons. Stored bare names become:
 * - the numbering that has the name, when only one does;
 * - 2023 when both do: the admin screen, the only place that showed a numbering, listed such a name
 *   once, labelled 2023; and naming one polygon instead of two only ever narrows what an account sees.
 * A bare name the store's areas do not know stays as it is and matches nothing (the policy compares
 * qualified sectors only); alcaldías (cvegeo) and qualified entries are left alone.
 * A territory written through postgres.js may be a JSON string holding the array (the readers of
 * db/queries parse both forms): it is read either way and written back as an array.
 */
import { sql, type Kysely } from 'kysely';

const TABLES = ['users', 'invitations', 'api_tokens'] as const;
/** The stored territory as a jsonb array, whether it was stored as one or as a string holding one. */
const ARRAY = sql.raw(
  `(case jsonb_typeof(territory) when 'string' then (territory #>> '{}')::jsonb else territory end)`,
);

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`
      update ${sql.table(table)} set territory = (
        select coalesce(jsonb_agg(to_jsonb(
          case
            when e ~ '^[0-9]{4}:' or e ~ '^[0-9]{5}$' then e
            when exists (select 1 from areas where kind = 'sector' and vintage = 2023 and id = e) then '2023:' || e
            when exists (select 1 from areas where kind = 'sector' and vintage = 2016 and id = e) then '2016:' || e
            else e
          end) order by n), '[]'::jsonb)
        from jsonb_array_elements_text(${ARRAY}) with ordinality as t(e, n))
      where jsonb_array_length(${ARRAY}) > 0`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`
      update ${sql.table(table)} set territory = (
        select coalesce(jsonb_agg(to_jsonb(regexp_replace(e, '^[0-9]{4}:', '')) order by n), '[]'::jsonb)
        from jsonb_array_elements_text(${ARRAY}) with ordinality as t(e, n))
      where jsonb_array_length(${ARRAY}) > 0`.execute(db);
  }
}
