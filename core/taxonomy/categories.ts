/**
 * The canonical categories and their groups: the taxonomy's vocabulary, in its own module so the
 * label rules (./rules.ts) and the taxonomy's functions (./index.ts) both build on it.
 */

export const GROUP_IDS = ['robo', 'robo_transporte_publico', 'violencia', 'otros_delitos'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

export interface CategoryDef {
  id: string;
  /** Spanish (es-MX) label for the UI. */
  label: string;
  /** The most specific group, for grouping in the UI's category filter. */
  group: GroupId;
  /** Every group the category belongs to (robo_metro is in `robo_transporte_publico` and in `robo`). */
  groups: readonly GroupId[];
  /** Access-restricted in views for the public (issue on access rules builds on this). */
  sensitive: boolean;
}

const cat = (id: string, label: string, group: GroupId, sensitive = false): CategoryDef => ({
  id,
  label,
  group,
  groups: group === 'robo_transporte_publico' ? ['robo_transporte_publico', 'robo'] : [group],
  sensitive,
});

/** The canonical categories, in display order. Ids are stable: they are stored in `incidents.category`. */
export const CATEGORIES = [
  cat('robo_transeunte', 'Robo a transeúnte', 'robo'),
  cat('robo_vehiculo', 'Robo de vehículo', 'robo'),
  cat('robo_autopartes', 'Robo de autopartes', 'robo'),
  cat('robo_negocio', 'Robo a negocio', 'robo'),
  cat('robo_casa_habitacion', 'Robo a casa habitación', 'robo'),
  cat('robo_repartidor', 'Robo a repartidor', 'robo'),
  cat('robo_transportista', 'Robo a transportista', 'robo'),
  cat('robo_cuentahabiente', 'Robo a cuentahabiente', 'robo'),
  cat('robo_metro', 'Robo a bordo del Metro', 'robo_transporte_publico'),
  cat('robo_microbus', 'Robo a bordo de microbús', 'robo_transporte_publico'),
  cat('robo_taxi', 'Robo a bordo de taxi', 'robo_transporte_publico'),
  cat('robo_transporte_otro', 'Robo en otro transporte público', 'robo_transporte_publico'),
  cat('homicidio_doloso', 'Homicidio doloso', 'violencia'),
  cat('lesiones_arma_fuego', 'Lesiones por arma de fuego', 'violencia'),
  cat('lesiones', 'Lesiones dolosas', 'violencia'),
  cat('violacion', 'Violación', 'violencia', true),
  cat('secuestro', 'Secuestro', 'violencia', true),
  cat('extorsion', 'Extorsión', 'violencia', true),
  cat('feminicidio', 'Feminicidio', 'violencia', true),
  cat('narcomenudeo', 'Narcomenudeo', 'otros_delitos'),
  cat('portacion_armas', 'Portación de armas', 'otros_delitos'),
  cat('otros', 'Otros delitos', 'otros_delitos'),
] as const satisfies readonly CategoryDef[];

export type CategoryId = (typeof CATEGORIES)[number]['id'];
export const CATEGORY_IDS: readonly CategoryId[] = CATEGORIES.map((c) => c.id);
