/**
 * `npm run --silent geocode -- --jsonl` and `npm run --silent geocode -- --text "…"`.
 *
 * JSONL mode: one input line → one output line, in order. Each input is `{"id", "text"}` or
 * `{"id", "colonia", "alcaldia"}`; a malformed line yields `status: "error"` with the reason (and the id
 * when it can be read) and the run goes on. Only JSON goes to stdout; logs go to stderr.
 */
import { createInterface } from 'node:readline';
import { errorOutput, getGeocoder, type GeocodeOutput } from '../../reference/geocoder/index.ts';

type Id = string | number | boolean | null | object;

/** The output object with the contract's key order. */
function line(id: Id, r: GeocodeOutput): string {
  return JSON.stringify({
    id,
    status: r.status,
    lat: r.lat,
    lon: r.lon,
    h3: r.h3,
    precision: r.precision,
    alcaldia: r.alcaldia,
    alcaldia_id: r.alcaldia_id,
    colonia: r.colonia,
    colonia_id: r.colonia_id,
    confidence: r.confidence,
    candidates: r.candidates,
    mentions: r.mentions,
    error: r.error,
  });
}

/** Geocodes one JSONL input line; never throws. */
export function geocodeLine(raw: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    // Salvage the id from a broken line when it is plainly there.
    const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(raw);
    let id: Id = null;
    if (m)
      try {
        id = JSON.parse(m[1]!) as Id;
      } catch {
        id = null;
      }
    return line(id, errorOutput(`invalid JSON: ${(e as Error).message}`));
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return line(null, errorOutput('each line must be a JSON object'));
  }
  const rec = parsed as Record<string, unknown>;
  const id = (rec.id ?? null) as Id;
  try {
    const geocoder = getGeocoder();
    if (typeof rec.text === 'string') return line(id, geocoder.geocodeText(rec.text));
    if ('text' in rec && rec.text !== null && rec.text !== undefined)
      return line(id, errorOutput('"text" must be a string'));
    const colonia = rec.colonia ?? null;
    const alcaldia = rec.alcaldia ?? null;
    if ((colonia !== null && typeof colonia !== 'string') || (alcaldia !== null && typeof alcaldia !== 'string')) {
      return line(id, errorOutput('"colonia" and "alcaldia" must be strings'));
    }
    if (colonia === null && alcaldia === null)
      return line(id, errorOutput('a line needs "text", or "colonia" and/or "alcaldia"'));
    return line(id, geocoder.geocodeStructured({ colonia, alcaldia }));
  } catch (e) {
    return line(id, errorOutput(`geocoding failed: ${(e as Error).message}`));
  }
}

async function runJsonl(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  const out: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  };
  for await (const raw of rl) {
    // Every line gets an answer, a blank one included (readline yields no phantom line after a final newline).
    out.push(geocodeLine(raw));
    n++;
    // Batch the lines of one input chunk, but answer promptly when input arrives line by line.
    if (out.length >= 256) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }
  flush();
  process.stderr.write(`geocode: ${n} lines\n`);
}

function usage(): never {
  process.stderr.write('usage: geocode --jsonl  (JSON lines on stdin)\n       geocode --text "texto"\n');
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--jsonl') return runJsonl();
  if (argv[0] === '--text') {
    if (argv.length < 2) usage();
    process.stdout.write(line(null, getGeocoder().geocodeText(argv.slice(1).join(' '))) + '\n');
    return;
  }
  usage();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`geocode: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
