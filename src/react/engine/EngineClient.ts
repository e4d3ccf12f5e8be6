import type { Selection, Domains, Explanation, Repair } from '../../engine/index.ts';
import type { CompletionContext, CompletionObjective } from './engineOps.ts';
import type { EngineOps } from './engineOps.ts';

/** Where the engine runs for a widget instance. */
export type EngineMode = 'same-thread' | 'worker';

/**
 * The widget's asynchronous view of the engine, the same whether it runs on the page or in a
 * Web Worker. `domainsNow` exists only on the page, so small models render without a frame of
 * delay.
 */
export interface EngineClient {
  readonly mode: EngineMode;
  readonly domainsNow?: (selection: Selection) => Domains;
  domains(selection: Selection): Promise<Domains>;
  explain(selection: Selection, attribute: string, key: string): Promise<Explanation>;
  repair(selection: Selection, attribute: string, key: string, recency: string[]): Promise<Repair>;
  complete(
    selection: Selection,
    objective: CompletionObjective,
    context?: CompletionContext,
  ): Promise<Selection>;
  reconcile(selection: Selection, recency: string[]): Promise<Repair>;
  /**
   * Fetches what `complete(…, objective)` needs ahead of the press (the page's "Cheapest" /
   * "Fastest" search); absent where everything is loaded.
   */
  prepare?(objective: CompletionObjective): Promise<void>;
  dispose(): void;
}

/** An engine client that answers on the page, over already compiled `ops`. */
export function createLocalClient(ops: EngineOps): EngineClient {
  const run = <T>(f: () => T) =>
    new Promise<T>((resolve, reject) => {
      try {
        resolve(f());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  return {
    mode: 'same-thread',
    domainsNow: (s) => ops.domains(s),
    domains: (s) => run(() => ops.domains(s)),
    explain: (s, a, k) => run(() => ops.explain(s, a, k)),
    repair: (s, a, v, r) => run(() => ops.repair(s, a, v, r)),
    complete: (s, o, c) =>
      ops.prepare
        ? ops.prepare(o).then(() => ops.complete(s, o, c))
        : run(() => ops.complete(s, o, c)),
    reconcile: (s, r) => run(() => ops.reconcile(s, r)),
    ...(ops.prepare && { prepare: ops.prepare }),
    dispose: () => {},
  };
}
