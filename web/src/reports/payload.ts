/**
 * The citizen-report form's data (pure): what the reporter filled in → the JSON body of
 * `POST /api/reports`, or a Spanish message saying what is missing. The server checks everything
 * again (server/reports/validate.ts); these checks only spare a round trip.
 */

export interface ReportFields {
  category: string;
  date: string;
  /** '' when the reporter does not know the hour */
  hour: string;
  /** a point picked on the map, or null */
  point: { lat: number; lon: number } | null;
  /** the place as typed (used when no point was picked), after the reporter confirmed it */
  placeText: string;
  placeConfirmed: boolean;
  description: string;
  consent: boolean;
  /** the honeypot, bound to a field people never see */
  website: string;
}

export interface ReportPayload {
  category: string;
  date: string;
  hour?: number;
  where: { lat: number; lon: number } | { text: string };
  description?: string;
  consent: true;
  website?: string;
}

export const MAX_DESCRIPTION = 2000;

const localDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Mexico_City',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Mexico City (YYYY-MM-DD): the latest date the form accepts. */
export function todayInCdmx(now: Date = new Date()): string {
  return localDate.format(now);
}

export function buildReportPayload(
  f: ReportFields,
  now: Date = new Date(),
): { payload: ReportPayload } | { error: string } {
  if (!f.category) return { error: 'Elija qué pasó.' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) return { error: 'Indique la fecha.' };
  if (f.date > todayInCdmx(now)) return { error: 'La fecha no puede ser futura.' };
  let hour: number | undefined;
  if (f.hour !== '') {
    hour = Number(f.hour);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) return { error: 'La hora debe estar entre 0 y 23.' };
  }
  let where: ReportPayload['where'];
  if (f.point) where = { lat: f.point.lat, lon: f.point.lon };
  else if (f.placeText.trim().length >= 3 && f.placeConfirmed) where = { text: f.placeText.trim() };
  else if (f.placeText.trim().length >= 3) return { error: 'Confirme el lugar que entendimos antes de enviar.' };
  else return { error: 'Indique dónde: elija un punto en el mapa o escriba una colonia, calle o estación.' };
  const description = f.description.trim();
  if (description.length > MAX_DESCRIPTION)
    return { error: `La descripción admite hasta ${MAX_DESCRIPTION} caracteres.` };
  if (!f.consent) return { error: 'Para enviar el reporte necesitamos su consentimiento.' };
  return {
    payload: {
      category: f.category,
      date: f.date,
      ...(hour !== undefined ? { hour } : {}),
      where,
      ...(description ? { description } : {}),
      consent: true,
      ...(f.website ? { website: f.website } : {}),
    },
  };
}
