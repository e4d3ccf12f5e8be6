import type { ProductModel, Selection } from '../model/types.ts';
import { compile, type CompiledModel, type CompileOptions } from '../solver/compile.ts';
import { complete } from '../solver/complete.ts';
import { count } from '../solver/count.ts';
import { hasValidCompletion } from '../solver/hasValidCompletion.ts';
import { domains } from '../solver/domains.ts';
import { SolverError } from '../solver/SolverError.ts';
import { explain } from '../solver/explain.ts';
import { repair } from '../solver/repair.ts';
import type { Domains, Explanation, Repair, Violation } from '../solver/types.ts';
import { validate } from '../solver/validate.ts';
import { reconcileSelection, reconcileWith } from '../solver/reconcileSelection.ts';
import { assumptionsOf, selectionLevels } from './satSelection.ts';
import { encodeModel, type SatEncoding } from './encodeModel.ts';
import { satComplete } from './satComplete.ts';
import { satCount } from './satCount.ts';
import { satDomains } from './satDomains.ts';
import { satExplain } from './satExplain.ts';
import { satRepair } from './satRepair.ts';

/**
 * The exact engine of one model, whichever back end answers: `diagram` (the compiled decision
 * diagram) or `sat` (the SAT fallback, used when the diagram does not compile within limits).
 * Both give the same answers (see `satRepair` for ties between equally near repairs); `count` on
 * `sat` enumerates, and throws `COUNT_UNAVAILABLE` when that is out of reach.
 */
export interface ConfiguratorEngine {
  kind: 'diagram' | 'sat';
  model: ProductModel;
  /** The compiled diagram (`diagram` only). */
  compiled: CompiledModel | undefined;
  domains(selection: Selection): Domains;
  complete(selection: Selection): Selection;
  validate(selection: Selection): Violation[];
  /** Why `attribute = value` cannot join the selection (see `explain`). */
  explain(selection: Selection, attribute: string, value: string): Explanation;
  /** The nearest valid selection with `attribute = value` (see `repair`). */
  repair(
    selection: Selection,
    attribute: string,
    value: string,
    recency?: readonly string[],
  ): Repair;
  /** Whether the selection extends to at least one valid configuration. */
  feasible(selection: Selection): boolean;
  /** Drops the choices of a loaded selection that no longer fit (see `reconcileSelection`). */
  reconcile(selection: Selection, recency?: readonly string[]): Repair;
  /** Valid configurations extending the selection (on `sat`: `COUNT_UNAVAILABLE` past a budget). */
  count(selection: Selection): bigint;
}

/**
 * Never refuses a model: compiles it to a decision diagram, and when that stops with
 * `COMPILE_LIMIT` answers through the SAT fallback (`encodeModel`) instead. Other errors pass.
 *
 * @example
 * const engine = createConfiguratorEngine(parseModel(json));
 * engine.kind; // 'diagram' (or 'sat' for a model past the node limit)
 * engine.domains({ frame: 'steel' });
 */
export function createConfiguratorEngine(
  model: ProductModel,
  options: CompileOptions = {},
): ConfiguratorEngine {
  let compiled: CompiledModel;
  try {
    compiled = compile(model, options);
  } catch (error) {
    if (!(error instanceof SolverError) || error.code !== 'COMPILE_LIMIT') throw error;
    return satFallbackEngine(model);
  }
  return diagramEngine(compiled);
}

/**
 * The SAT fallback's engine of a model (the `sat` path), without trying the diagram first: for a
 * caller that already met `COMPILE_LIMIT` (the widget's page path, which loads this separately).
 *
 * @example
 * satFallbackEngine(parseModel(json)).domains({ frame: 'steel' });
 */
export function satFallbackEngine(model: ProductModel): ConfiguratorEngine {
  return satEngine(encodeModel(model));
}

/**
 * The engine of a model already compiled (e.g. read from a compiled file): the `diagram` path.
 *
 * @example
 * diagramEngine(deserializeCompiled(json, model)).domains({});
 */
export function diagramEngine(compiled: CompiledModel): ConfiguratorEngine {
  return {
    kind: 'diagram',
    model: compiled.model,
    compiled,
    domains: (selection) => domains(compiled, selection),
    complete: (selection) => complete(compiled, selection),
    validate: (selection) => validate(compiled, selection),
    explain: (selection, attribute, value) => explain(compiled, selection, attribute, value),
    repair: (selection, attribute, value, recency) =>
      repair(compiled, selection, attribute, value, recency),
    count: (selection) => count(compiled, selection),
    feasible: (selection) => hasValidCompletion(compiled, selection),
    reconcile: (selection, recency) => reconcileSelection(compiled, selection, recency),
  };
}

function satEngine(enc: SatEncoding): ConfiguratorEngine {
  const feasible = (selection: Selection) =>
    enc.solver.solve(assumptionsOf(enc, selectionLevels(enc, selection))) === 'sat';
  return {
    kind: 'sat',
    model: enc.model,
    compiled: undefined,
    domains: (selection) => satDomains(enc, selection),
    complete: (selection) => satComplete(enc, selection),
    validate: (selection) => validate(enc.model, selection),
    explain: (selection, attribute, value) => satExplain(enc, selection, attribute, value),
    repair: (selection, attribute, value, recency) =>
      satRepair(enc, selection, attribute, value, recency),
    count: (selection) => satCount(enc, selection),
    feasible,
    reconcile: (selection, recency) =>
      reconcileWith((id) => enc.byId.has(id), feasible, selection, recency),
  };
}
