/**
 * The one error type of `geo/stats`. `geo/` may not import `core/errors`, so it carries the
 * catalogue code as a plain string; the API layer maps it to `AppError(code, message)`.
 */
export class StatsInputError extends RangeError {
  readonly code = 'invalid_parameter' as const;
  constructor(message: string) {
    super(message);
    this.name = 'StatsInputError';
  }
}

/** Throws unless every value is a finite number (NaN, ±Infinity and non-numbers are rejected). */
export function assertFiniteSeries(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new StatsInputError(`${what}: value ${i} is not a finite number (${String(v)})`);
    }
  }
}
