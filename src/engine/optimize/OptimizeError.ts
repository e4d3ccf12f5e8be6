/**
 * Thrown by `optimalCompletion` for input it cannot optimise with: an objective without the data
 * it needs (`cheapest` without pricing, `fastest` without availability), or a quantity that is
 * not a whole number from 1 to 1,000,000. `path` names the input field.
 *
 * @example
 * try { optimalCompletion({ …, objective: 'fastest' }); } catch (e) { if (e instanceof OptimizeError) e.path; } // '$.availability'
 */
export class OptimizeError extends Error {
  readonly code = 'OBJECTIVE_INPUT_INVALID';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'OptimizeError';
  }
}
