/**
 * A source of very few incidents next to the sample (tests/support/fixture.ts): a lone approved
 * citizen report, a one-off chat import — the case whose count and day the public must not learn.
 * The incidents are placed by their alcaldía only (no point, so no hexagon): what they add to the
 * store is exactly one row each of `source`, on `day`.
 */
import type { Store } from '../../db/connect.ts';
import { IncidentWriter } from '../../db/incidents/writer.ts';
import type { NormalisedIncident, SourceKind } from '../../core/incident/index.ts';

export interface SmallSource {
  source: string;
  kind: SourceKind;
  /** `YYYY-MM-DD` of every incident */
  day: string;
  /** cvegeo of the alcaldía they are counted in */
  alcaldia: string;
  count: number;
}

/** Writes `count` incidents of `source` (bumps the data version, as every write does). */
export async function writeSmallSource(store: Pick<Store, 'db'>, s: SmallSource): Promise<void> {
  const incidents = Array.from({ length: s.count }, (_, i): NormalisedIncident => ({
    sourceKind: s.kind,
    source: s.source,
    sourceRecordId: `${s.source}-${i + 1}`,
    occurredOn: s.day,
    hour: null,
    occurredAt: null,
    timePrecision: 'date',
    category: 'robo_transeunte',
    violence: null,
    attempt: false,
    originalLabel: 'robo a transeúnte',
    victims: 1,
    point: null,
    placedAtPoint: false,
    locationPrecision: 'alcaldia',
    namedAreas: { alcaldia: s.alcaldia, colonia: null },
    provenance: null,
  }));
  // no incident has a point: the placer is never asked
  const writer = new IncidentWriter({
    locate: () => {
      throw new Error('writeSmallSource: incidents without a point are never located');
    },
  });
  await writer.write(store.db, { insert: incidents });
}
