/** Days of the week as the patrol sheet and its exports label them (ISO order, Monday first). */

/** Row labels of the heat table (es-MX), row 0 first. */
export const DAY_LABELS = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'] as const;
