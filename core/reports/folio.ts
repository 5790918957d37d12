/** Folios of citizen reports: what a reporter keeps to follow their report (pure). */

/** RFC 4648 base32 alphabet without padding: 10 characters carry 50 random bits. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const FOLIO_RE = /^MC-[A-Z2-7]{10}$/;

/** A fresh unguessable folio, `MC-` + 10 base32 characters (2^50 possibilities, from the Web Crypto CSPRNG). */
export function newFolio(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(10));
  let out = 'MC-';
  for (const b of bytes) out += BASE32[b & 31];
  return out;
}
