import {
  type LintFinding,
  type ProductModel,
  compile,
  lintModelSemantics,
  SolverError,
} from '../engine/index.ts';

/**
 * The semantic findings of `madeto lint` for one parsed model (dead and forced values, attributes
 * never relevant, an unsatisfiable model), tagged with its file. A model too large to compile
 * gives one `compile-limit` warning instead.
 */
export function lintSemantics(model: ProductModel, file: string): LintFinding[] {
  try {
    return lintModelSemantics(compile(model)).map((f) => ({ ...f, file }));
  } catch (error) {
    if (!(error instanceof SolverError) || error.code !== 'COMPILE_LIMIT') throw error;
    return [
      { severity: 'warning', code: 'compile-limit', file, path: '$', message: error.message },
    ];
  }
}
