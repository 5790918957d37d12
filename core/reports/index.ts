/** Citizen reports (pure): folios, and redaction of personal data in their text. */
export { FOLIO_RE, newFolio } from './folio.ts';
export { EMAIL, PHONE, PLATE, redactPersonalData, redactPhones, stripPhones } from './redact.ts';
