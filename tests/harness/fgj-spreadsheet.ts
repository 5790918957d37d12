/**
 * HAND-MADE spreadsheets in the published layout of the FGJ's monthly files (transparency site,
 * since 2025): no real one exists here, so this builds one with exceljs's writer from REAL rows — the
 * portal-layout rows of `portal-files.ts`, themselves re-shaped from the bundled FGJ víctimas file of
 * Milpa Alta. Columns `ID_CI, FECHA DE LOS HECHOS, HORA, MODALIDAD - DELITO, COLONIA, ALCALDÍA,
 * COORD X, COORD Y`; `ID_CI` is the source's idCarpeta (a number cell), the date a date cell, the
 * hour a time cell or text, and the coordinates either longitude/latitude or UTM 14N metres
 * (EPSG:32614, converted here with proj4 and rounded to the decimetre, as a GIS export would).
 */
import ExcelJS from 'exceljs';
import proj4 from 'proj4';
import type { PortalRow } from './portal-files.ts';

export const FGJ_MONTHLY_HEADER = [
  'ID_CI',
  'FECHA DE LOS HECHOS',
  'HORA',
  'MODALIDAD - DELITO',
  'COLONIA',
  'ALCALDÍA',
  'COORD X',
  'COORD Y',
] as const;

const toUtm14n = proj4('WGS84', '+proj=utm +zone=14 +datum=WGS84 +units=m +no_defs');

export interface MonthlyOptions {
  coordinates: 'degrees' | 'utm14n';
  /** HORA as a time cell (default) or as text "hh:mm" */
  hourAs?: 'time' | 'text';
  /** the crime label to write for a row (default its `delito`): lets a test garble one */
  label?: (r: PortalRow) => string;
}

/** The carpeta id of a portal row (its `unidad_investigacion` is "UI-" + the source's idCarpeta). */
export const carpetaIdOf = (r: PortalRow) => r.unidad_investigacion.replace(/^UI-/, '');

export async function fgjMonthlyXlsx(rows: readonly PortalRow[], opts: MonthlyOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Carpetas');
  sheet.addRow([...FGJ_MONTHLY_HEADER]);
  for (const r of rows) {
    const [y, m, d] = r.fecha_hecho.split('-').map(Number);
    const [hh, mm] = r.hora_hecho ? r.hora_hecho.split(':').map(Number) : [NaN, NaN];
    const hasHour = Number.isFinite(hh) && Number.isFinite(mm);
    let x: number | null = null;
    let yCoord: number | null = null;
    if (r.latitud !== '' && r.longitud !== '') {
      const [lon, lat] = [Number(r.longitud), Number(r.latitud)];
      if (opts.coordinates === 'degrees') [x, yCoord] = [lon, lat];
      else {
        const [e, n] = toUtm14n.forward([lon, lat]);
        [x, yCoord] = [Math.round(e! * 10) / 10, Math.round(n! * 10) / 10];
      }
    }
    const row = sheet.addRow([
      Number(carpetaIdOf(r)),
      new Date(Date.UTC(y!, m! - 1, d!)),
      !hasHour ? null : opts.hourAs === 'text' ? r.hora_hecho.slice(0, 5) : new Date(Date.UTC(1899, 11, 30, hh, mm)),
      opts.label ? opts.label(r) : r.delito,
      r.colonia_hecho,
      r.alcaldia_hecho,
      x,
      yCoord,
    ]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    if (opts.hourAs !== 'text') row.getCell(3).numFmt = 'hh:mm';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
