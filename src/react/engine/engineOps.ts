import {
  type ProductModel,
  type Selection,
  compile,
  complete,
  domains,
  explain,
  FALSE,
  repair,
  SolverError,
  type Domains,
  type Explanation,
  type Repair,
  reconcileSelection,
} from '../../engine/index.ts';

/** How "Complete for me" chooses: model defaults, the lowest price delta, the shortest lead time. */
export type CompletionObjective = 'defaults' | 'cheapest' | 'fastest';

/** Per attribute and value key, a cost to minimise (a price delta, extra days); lower is better. */
export type ValueCosts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * The engine calls the widget makes, over one compiled model. The same object answers on the page
 * (small models) and inside the Web Worker (large ones); every answer is plain, cloneable data.
 * Values are value keys as in `Domains` (ids, `String(n)`, `'true'`/`'false'`).
 */
export interface EngineOps {
  /** Number of solver attributes. */
  readonly size: number;
  domains(selection: Selection): Domains;
  explain(selection: Selection, attribute: string, key: string): Explanation;
  /** `recency`: attribute ids, oldest first (the newest choice is kept first). */
  repair(selection: Selection, attribute: string, key: string, recency: string[]): Repair;
  complete(selection: Selection, objective: CompletionObjective, costs?: ValueCosts): Selection;
  /** Drops the choices of a loaded selection that no longer fit (see `reconcileSelection`). */
  reconcile(selection: Selection, recency: string[]): Repair;
}

/**
 * Compiles `model` once and returns the widget's engine calls over it (the solver's `domains`,
 * `explain`, `repair`, `complete`). Throws the solver's `SolverError` when the model cannot be
 * compiled, and `UNSATISFIABLE` when no configuration is valid (both shown as the widget's error
 * state).
 *
 * @example
 * const ops = createEngineOps(model);
 * ops.domains({ frame: 'steel' }).top; // { oak: 'available', … }
 */
export function createEngineOps(model: ProductModel): EngineOps {
  const compiled = compile(model);
  // A model whose constraints contradict each other has no valid build at all: every value would
  // show as impossible. Say so (the widget's error state; the embed's madeto-error code engine).
  if (compiled.root === FALSE)
    throw new SolverError(
      'UNSATISFIABLE',
      `no configuration of ${model.id} is valid: its constraints contradict each other (madeto lint names them)`,
      '$.constraints',
    );
  return {
    size: compiled.attributes.length,
    domains: (selection) => domains(compiled, selection),
    explain: (selection, attribute, key) => explain(compiled, selection, attribute, key),
    repair: (selection, attribute, key, recency) =>
      repair(compiled, selection, attribute, key, recency),
    complete: (selection, objective, costs = {}) =>
      complete(
        compiled,
        selection,
        objective === 'defaults'
          ? { kind: 'defaults' }
          : { kind: 'cost', cost: (attribute, key) => costs[attribute]?.[key] ?? 0 },
      ),
    reconcile: (selection, recency) => reconcileSelection(compiled, selection, recency),
  };
}
