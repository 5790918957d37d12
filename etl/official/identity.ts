/**
 * A stable record identity for exports that carry no record id: the CDMX portal's carpetas CSV has
 * only CKAN's `_id`, a row number that changes with every publication, so it cannot say which row of
 * a new publication is which row of the last one.
 *
 * The identity is a hash of the row's *defining* fields — the ones that describe when and where the
 * carpeta was opened and for which crime (`fecha_inicio, hora_inicio, fiscalia, agencia,
 * unidad_investigacion, delito`), which the prosecutor fixes when the carpeta is opened — followed by
 * the row's ordinal among the rows with the same hash in this publication (file order), so two
 * carpetas opened in the same minute by the same unit for the same crime stay two records.
 *
 * How a revised record is recognised: the FGJ revises what it learns later — the date and hour of the
 * events, the place (coordinates, colonia, alcaldía as geo-matched by the portal), the category. None
 * of those is a defining field, so the revised row hashes to the same identity and the sync sees the
 * same record with other content (compared through a hash of the normalised incident, etl/sync) and
 * updates it. Defining fields are compared folded (mojibake repaired, accents, case and spacing
 * ignored), so a publication that only fixes an encoding keeps every identity. What the identity
 * cannot follow is a change of a defining field (a carpeta re-filed under another crime): that record
 * is retracted and a new one inserted, which keeps every count right.
 */
import { createHash } from 'node:crypto';
import { foldUpper, repairMojibake } from '../../geo/text/index.ts';

export class DerivedIdentity {
  /** identities handed out so far in this publication, by hash */
  private readonly seen = new Map<string, number>();

  /** The identity of the next row whose defining fields are `values` (in the mapping's order). */
  next(values: readonly string[]): string {
    const key = definingHash(values);
    const ordinal = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, ordinal);
    return `${key}.${ordinal}`;
  }
}

/** 128 bits of SHA-256 over the folded defining fields, base64url (22 characters). */
export function definingHash(values: readonly string[]): string {
  const text = values.map((v) => foldUpper(repairMojibake(v))).join('\u001f');
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
