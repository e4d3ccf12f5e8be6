import {
  type ProductModel,
  type Selection,
  compile,
  complete,
  domains,
  explain,
  FALSE,
  optimalCompletion,
  repair,
  SolverError,
  type Domains,
  type Explanation,
  type Pricing,
  type Repair,
  type Snapshot,
  reconcileSelection,
} from '../../engine/index.ts';

/** How "Complete for me" chooses: model defaults, the lowest total, the earliest delivery. */
export type CompletionObjective = 'defaults' | 'cheapest' | 'fastest';

/**
 * What a completion by objective is computed with: the line's quantity, the widget's one clock
 * (`now`, and the plant's calendar day `date` as the pricing date), and the parsed pricing and
 * snapshot (plain data, so the Web Worker receives them with the call). `cheapest` needs
 * `pricing` and `currency`; `fastest` needs `snapshot` (and breaks ties by price with `pricing`).
 */
export interface CompletionContext {
  quantity: number;
  now: string;
  date: string;
  currency?: string | undefined;
  customerId?: string | undefined;
  pricing?: Pricing | undefined;
  snapshot?: Snapshot | undefined;
}

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
  /** `defaults` as the solver's `complete`; `cheapest` / `fastest` exactly (`optimalCompletion`). */
  complete(
    selection: Selection,
    objective: CompletionObjective,
    context?: CompletionContext,
  ): Selection;
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
    complete: (selection, objective, context) =>
      objective === 'defaults'
        ? complete(compiled, selection)
        : optimalCompletion({
            compiled,
            selection,
            objective,
            quantity: context?.quantity ?? 1,
            ...(context?.pricing &&
              context.currency !== undefined && {
                pricing: {
                  pricing: context.pricing,
                  currency: context.currency,
                  date: context.date,
                  customerId: context.customerId,
                },
              }),
            ...(context?.snapshot && {
              availability: { snapshot: context.snapshot, now: context.now },
            }),
          }).selection,
    reconcile: (selection, recency) => reconcileSelection(compiled, selection, recency),
  };
}
