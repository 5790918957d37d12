/**
 * Pure statistics for the Mesa views: semáforo, period comparisons, Mann-Kendall trend,
 * Getis-Ord Gi* with FDR on H3, emerging hot spots and the Predictive Accuracy Index.
 * No I/O: data come in as arguments. Bad input throws `StatsInputError` (code `invalid_parameter`).
 */
export { StatsInputError } from './errors.ts';
export * from './normal/index.ts';
export * from './months/index.ts';
export * from './compare/index.ts';
export * from './semaforo/index.ts';
export * from './mann-kendall/index.ts';
export * from './fdr/index.ts';
export * from './study-area/index.ts';
export * from './gistar/index.ts';
export * from './emerging/index.ts';
export * from './pai/index.ts';
export * from './targets/index.ts';
