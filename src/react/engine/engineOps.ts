import type { ProductModel, Selection, SelectionValue } from '../../engine/model/types.ts';
import { compile } from '../../engine/solver/compile.ts';
import { domains } from '../../engine/solver/domains.ts';
import type { Domains, Explanation, Repair } from '../../engine/solver/types.ts';
import {
  completeSelection,
  type CompletionObjective,
  type ValueCosts,
} from './completeSelection.ts';
import { explainValue, reconcileSelection, repairValue } from './repairByDomains.ts';

/**
 * The engine calls the widget makes, over one compiled model. The same object answers on the page
 * (small models) and inside the Web Worker (large ones); every answer is plain, cloneable data.
 */
export interface EngineOps {
  /** Number of solver attributes (decides worker or same thread). */
  readonly size: number;
  domains(selection: Selection): Domains;
  explain(selection: Selection, attribute: string, key: string): Explanation;
  repair(selection: Selection, attribute: string, value: SelectionValue, recency: string[]): Repair;
  complete(selection: Selection, objective: CompletionObjective, costs?: ValueCosts): Selection;
  /** Drops the choices of a loaded selection that no longer fit (see `reconcileSelection`). */
  reconcile(selection: Selection, recency: string[]): Repair;
}

/**
 * Compiles `model` once and returns the widget's engine calls over it. Throws the solver's
 * `SolverError` when the model cannot be compiled (shown as the widget's error state).
 *
 * @example
 * const ops = createEngineOps(model);
 * ops.domains({ frame: 'steel' }).top; // { oak: 'available', … }
 */
export function createEngineOps(model: ProductModel): EngineOps {
  const compiled = compile(model);
  return {
    size: compiled.attributes.length,
    domains: (selection) => domains(compiled, selection),
    explain: (selection, attribute, key) => explainValue(compiled, selection, attribute, key),
    repair: (selection, attribute, value, recency) =>
      repairValue(compiled, selection, attribute, value, recency),
    complete: (selection, objective, costs) =>
      completeSelection(compiled, selection, objective, costs),
    reconcile: (selection, recency) => reconcileSelection(compiled, selection, recency),
  };
}
