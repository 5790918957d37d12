/** The import report: what happened to every row of a file (stored in `imports.report`, printed by the CLI). */

export interface ImportReport {
  status: 'done' | 'already_imported';
  import_id: number | null;
  source: string;
  file: string;
  sha256: string;
  /** data rows read (header and blank lines excluded) = incident rows + non_crimes + quarantined. */
  rows: number;
  /** incidents in the file (after collapsing victims); inserted + already_present. */
  incidents: number;
  inserted: number;
  /** incidents whose (source, source_record_id) was already stored. */
  already_present: number;
  /** rows that joined an incident as one more victim (víctimas format). */
  merged_rows: number;
  /** rows identical to an earlier row of the same incident (collapsed, not counted as victims). */
  duplicate_rows: number;
  victims: number;
  quarantined: number;
  quarantine_reasons: Record<string, number>;
  /** incidents without a point inside the city (missing coordinates or outside): in area series, not on hexagons. */
  unlocated: number;
  /** rows that are "HECHO NO DELICTIVO": not incidents. */
  non_crimes: number;
  /** incidents in `otros` (= by_category.otros), and the labels that no rule mapped. */
  otros: number;
  unmapped_labels: Record<string, number>;
  by_category: Record<string, number>;
  data_changed: boolean;
  seconds: number;
  rows_per_second: number;
}

export function emptyReport(source: string, file: string, sha256: string): ImportReport {
  return {
    status: 'done',
    import_id: null,
    source,
    file,
    sha256,
    rows: 0,
    incidents: 0,
    inserted: 0,
    already_present: 0,
    merged_rows: 0,
    duplicate_rows: 0,
    victims: 0,
    quarantined: 0,
    quarantine_reasons: {},
    unlocated: 0,
    non_crimes: 0,
    otros: 0,
    unmapped_labels: {},
    by_category: {},
    data_changed: false,
    seconds: 0,
    rows_per_second: 0,
  };
}

export function finishReport(report: ImportReport, startedMs: number): void {
  report.otros = report.by_category.otros ?? 0;
  report.seconds = Math.round(performance.now() - startedMs) / 1000;
  report.rows_per_second = report.seconds > 0 ? Math.round(report.rows / report.seconds) : 0;
}
