import { loadOptimiser, type OptimalCompletion } from './loadOptimiser.ts';
import { loadSatFallback } from './loadSatFallback.ts';
import {
  type ProductModel,
  type Selection,
  type CompileOptions,
  type ConfiguratorEngine,
  compile,
  createConfiguratorEngine,
  diagramEngine,
  FALSE,
  optimalCompletion,
  SolverError,
  type Domains,
  type Explanation,
  type Pricing,
  type Repair,
  type Snapshot,
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
  /** Which exact back end answers: the decision diagram, or the SAT fallback past its limit. */
  readonly path: ConfiguratorEngine['kind'];
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
  /**
   * Loads what `complete(…, objective)` needs before it is called (the page's "Cheapest" /
   * "Fastest" search, `loadOptimiser`); absent where everything is loaded (the worker).
   */
  prepare?(objective: CompletionObjective): Promise<void>;
}

/**
 * Compiles `model` once and returns the widget's engine calls over it (`domains`, `explain`,
 * `repair`, `complete`, `reconcile`). A model whose diagram passes the node limit (`options`;
 * `DEFAULT_MAX_NODES` by default) answers through the SAT fallback with the same, exact answers
 * (`createConfiguratorEngine`), except the `cheapest` and `fastest` completions, which need the
 * diagram and throw `OBJECTIVE_UNAVAILABLE` there. An already compiled `engine` (e.g. from a
 * compiled file) is used as it is. Throws `UNSATISFIABLE` when no configuration is valid (shown as
 * the widget's error state).
 *
 * @example
 * const ops = createEngineOps(model);
 * ops.domains({ frame: 'steel' }).top; // { oak: 'available', … }
 */
export function createEngineOps(
  model: ProductModel,
  options: CompileOptions = {},
  prepared?: ConfiguratorEngine,
): EngineOps {
  return opsOf(
    model,
    prepared ?? createConfiguratorEngine(model, options),
    () => optimalCompletion,
  );
}

/**
 * The page's engine calls (`useEngine` off the worker): the decision diagram when it compiles
 * within `options`' node limit, returned at once; past it (`COMPILE_LIMIT`) a promise of the SAT
 * fallback's, whose code the page loads only then (`loadSatFallback`: a dynamic import, in the
 * embed its own file `madeto-sat.<hash>.js`), so that the shop app does not carry it. Other
 * errors throw (`UNSATISFIABLE`, a model error); a fallback that does not load rejects.
 *
 * @example
 * const ops = pageEngineOps(model);
 * const ready = ops instanceof Promise ? await ops : ops;
 */
export function pageEngineOps(
  model: ProductModel,
  options: CompileOptions = {},
): EngineOps | Promise<EngineOps> {
  let engine: ConfiguratorEngine;
  try {
    engine = diagramEngine(compile(model, options));
  } catch (error) {
    if (!(error instanceof SolverError) || error.code !== 'COMPILE_LIMIT') throw error;
    return loadSatFallback().then((satFallbackEngine) =>
      opsOf(model, satFallbackEngine(model), () => undefined),
    );
  }
  // The "Cheapest" / "Fastest" search is its own file in the embed: loaded on the first press
  // (and prefetched by the widget at idle, `prepare`), so the first load does not carry it.
  let optimal: OptimalCompletion | undefined;
  return {
    ...opsOf(model, engine, () => optimal),
    prepare: async (objective) => {
      if (objective !== 'defaults') optimal ??= await loadOptimiser();
    },
  };
}

/**
 * The widget's engine calls over one engine (either path); `optimal` is the "Cheapest" /
 * "Fastest" search once loaded (`undefined` before `prepare`, and on the SAT fallback).
 */
function opsOf(
  model: ProductModel,
  engine: ConfiguratorEngine,
  optimal: () => OptimalCompletion | undefined,
): EngineOps {
  // A model whose constraints contradict each other has no valid build at all: every value would
  // show as impossible. Say so (the widget's error state; the embed's madeto-error code engine).
  if (engine.compiled ? engine.compiled.root === FALSE : !engine.feasible({}))
    throw new SolverError(
      'UNSATISFIABLE',
      `no configuration of ${model.id} is valid: its constraints contradict each other (madeto lint names them)`,
      '$.constraints',
    );
  const compiled = engine.compiled;
  return {
    size: engine.model.attributes.filter((a) => a.type !== 'text').length,
    path: engine.kind,
    domains: (selection) => engine.domains(selection),
    explain: (selection, attribute, key) => engine.explain(selection, attribute, key),
    repair: (selection, attribute, key, recency) =>
      engine.repair(selection, attribute, key, recency),
    complete: (selection, objective, context) => {
      if (objective === 'defaults') return engine.complete(selection);
      if (!compiled)
        throw new SolverError(
          'OBJECTIVE_UNAVAILABLE',
          `the ${objective} completion needs the decision diagram, and ${model.id} is too big to compile: it answers through the SAT fallback`,
          '$.objective',
        );
      const search = optimal();
      if (!search)
        throw new Error(`the ${objective} completion is not loaded yet (call prepare first)`);
      return search({
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
      }).selection;
    },
    reconcile: (selection, recency) => engine.reconcile(selection, recency),
  };
}
