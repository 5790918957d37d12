/**
 * The moderators' news review (`NewsReview.svelte`), pure: the default months, the choices a
 * merge offers and the one-line summary of an incident. Every decision itself is the API's
 * (`POST /api/news/incidents/{id}/reject|correct|detach|merge`).
 */
import type { NewsIncidents } from '../api/mesa.ts';
import { addMonths, type Month } from '../lib/months.ts';

export type ReviewIncident = NewsIncidents['incidents'][number];

/** The twelve months ending with `today`'s month: news is current, unlike the official files. */
export function defaultReviewMonths(today: Date): { first: Month; last: Month } {
  const last = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
  return { first: addMonths(last, -11), last };
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS;

/**
 * The incidents `incident` may be merged into: every other listed one, those of the same category
 * and the nearest days first — two reports of one event are days apart at most.
 */
export function mergeCandidates(incident: ReviewIncident, listed: readonly ReviewIncident[]): ReviewIncident[] {
  const day = dayNumber(incident.occurred_on);
  return listed
    .filter((other) => other.id !== incident.id)
    .map((other) => ({
      other,
      rank: (other.category === incident.category ? 0 : 1000) + Math.abs(dayNumber(other.occurred_on) - day),
    }))
    .sort((a, b) => a.rank - b.rank || Number(b.other.id) - Number(a.other.id))
    .map(({ other }) => other);
}

/** "4 mar 2024 · Robo a transeúnte · «Asaltan a pasajeros en Pantitlán»" for a merge choice. */
export function incidentSummary(incident: ReviewIncident, categoryLabel: (id: string) => string): string {
  const [y, m, d] = incident.occurred_on.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('es-MX', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const title = incident.sources.find((s) => s.relation === 'origin')?.title ?? incident.sources[0]?.title;
  return [date, categoryLabel(incident.category), title ? `«${title}»` : null].filter(Boolean).join(' · ');
}
