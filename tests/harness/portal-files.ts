/**
 * Files in the CDMX portal's current carpetas layout, built from REAL rows: the FGJ víctimas records of
 * Milpa Alta bundled in `data/crime/fgj_victimas_milpa_alta_2016_2022.csv.gz`, RE-SHAPED here into the
 * portal's carpetas CSV (one row per carpeta and crime, the first victim row of each). What the víctimas
 * file does not have is filled in, and marked so in every row: `fecha_inicio`/`hora_inicio` repeat the
 * date and hour of the events, `fiscalia`/`agencia` are constants of Milpa Alta, and
 * `unidad_investigacion` is "UI-" + the source's idCarpeta (so rows of different carpetas keep
 * different defining fields, as real ones do). The portal's geo-matched `*_catalogo` names repeat the
 * `*_hecho` text. Coordinates can be written with a decimal comma, as some portal resources do.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { fileURLToPath } from 'node:url';

export const PORTAL_CARPETAS_HEADER = [
  'anio_inicio',
  'mes_inicio',
  'fecha_inicio',
  'hora_inicio',
  'anio_hecho',
  'mes_hecho',
  'fecha_hecho',
  'hora_hecho',
  'delito',
  'categoria_delito',
  'competencia',
  'fiscalia',
  'agencia',
  'unidad_investigacion',
  'colonia_hecho',
  'colonia_catalogo',
  'alcaldia_hecho',
  'alcaldia_catalogo',
  'municipio_hecho',
  'latitud',
  'longitud',
] as const;
export type PortalColumn = (typeof PORTAL_CARPETAS_HEADER)[number];
export type PortalRow = Record<PortalColumn, string>;

const MONTHS = [
  'Enero',
  'Febrero',
  'Marzo',
  'Abril',
  'Mayo',
  'Junio',
  'Julio',
  'Agosto',
  'Septiembre',
  'Octubre',
  'Noviembre',
  'Diciembre',
];
const SOURCE = fileURLToPath(new URL('../../data/crime/fgj_victimas_milpa_alta_2016_2022.csv.gz', import.meta.url));

/** One portal row per distinct (idCarpeta, Delito) of the real víctimas file, in the file's order. */
export function portalCarpetasRows(): PortalRow[] {
  const records = parse(gunzipSync(readFileSync(SOURCE)), { columns: true, bom: true }) as Record<string, string>[];
  const seen = new Set<string>();
  const rows: PortalRow[] = [];
  for (const r of records) {
    const id = r.idCarpeta!.replace(/\.0$/, '');
    const key = `${id}|${r.Delito}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // a few real rows have no date: kept empty, as the portal writes them (the import quarantines them)
    const [d, m, y] = r.Fecha ? r.Fecha.split('/') : ['', '', ''];
    const date = y ? `${y}-${m}-${d}` : '';
    const secs = Math.round(Number(r.Hora));
    const hour =
      Number.isFinite(secs) && r.Hora !== ''
        ? `${String(Math.floor(secs / 3600)).padStart(2, '0')}:${String(Math.floor((secs % 3600) / 60)).padStart(2, '0')}:00`
        : '';
    const month = MONTHS[Number(m) - 1] ?? '';
    rows.push({
      anio_inicio: y!,
      mes_inicio: month,
      fecha_inicio: date,
      hora_inicio: hour,
      anio_hecho: y!,
      mes_hecho: month,
      fecha_hecho: date,
      hora_hecho: hour,
      delito: r.Delito!,
      categoria_delito: r.Categoria!,
      competencia: 'FUERO COMUN',
      fiscalia: 'INVESTIGACIÓN EN MILPA ALTA',
      agencia: 'MIL-1',
      unidad_investigacion: `UI-${id}`,
      colonia_hecho: r.Colonia!,
      colonia_catalogo: r.Colonia!,
      alcaldia_hecho: r.Alcalia!,
      alcaldia_catalogo: r.Alcalia!,
      municipio_hecho: '',
      latitud: r.latitud!,
      longitud: r.longitud!,
    });
  }
  return rows;
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A portal CSV of `rows` (UTF-8, LF); `header` renames or drops columns; `decimalComma` writes "19,18753". */
export function portalCsv(
  rows: readonly PortalRow[],
  opts: { header?: readonly string[]; decimalComma?: boolean } = {},
): Buffer {
  const columns = PORTAL_CARPETAS_HEADER;
  const header = opts.header ?? columns;
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push(
      columns
        .slice(0, header.length)
        .map((c) => quote(opts.decimalComma && (c === 'latitud' || c === 'longitud') ? r[c].replace('.', ',') : r[c]))
        .join(','),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const VICTIMAS = readFileSync(SOURCE);

/**
 * The portal's víctimas file: the real bundled file of Milpa Alta served as the portal spells it
 * (its own header — `idCarpeta, …, Año, Fecha, Hora, …, Alcalia, …` — ids and numbers written as
 * floats, `Hora` in seconds, CRLF line ends), keeping only the rows `keep` accepts (all by default). Its lines are
 * not re-shaped, only filtered.
 */
export function portalVictimasCsv(keep: (fields: Record<string, string>) => boolean = () => true): Buffer {
  const text = gunzipSync(VICTIMAS).toString('utf8');
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
  const names = parse(header!, { bom: true })[0] as string[];
  const kept = lines.filter((line) => {
    const values = (parse(line, { relax_quotes: true })[0] ?? []) as string[];
    return keep(Object.fromEntries(names.map((n, i) => [n, values[i] ?? ''])));
  });
  // the file's own CRLF line ends
  return Buffer.from(`${[header, ...kept].join('\r\n')}\r\n`);
}
