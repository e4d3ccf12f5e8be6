/** Codes of the solver's exceptions (programmer errors and inputs the solver cannot read). */
export type SolverErrorCode =
  | 'COMPILE_LIMIT'
  | 'UNKNOWN_ATTRIBUTE'
  | 'UNKNOWN_VALUE'
  | 'VALUE_IMPOSSIBLE'
  | 'UNSATISFIABLE'
  | 'BAD_COMPILED'
  | 'COUNT_UNAVAILABLE'
  | 'OBJECTIVE_UNAVAILABLE';

/**
 * Thrown by the solver for input it cannot work with: a diagram past its node limit, a count too
 * large for the SAT fallback to enumerate, a selection
 * naming an unknown attribute or value (use `validate` to get those as data), a damaged compiled
 * file. `path` says where (an attribute id, a JSON path).
 *
 * @example
 * try { compile(model, { maxNodes: 1000 }); } catch (e) { if (e instanceof SolverError) e.code; }
 */
export class SolverError extends Error {
  constructor(
    readonly code: SolverErrorCode,
    message: string,
    readonly path: string,
    readonly details: Record<string, number> = {},
  ) {
    super(`${path}: ${message}`);
    this.name = 'SolverError';
  }
}
