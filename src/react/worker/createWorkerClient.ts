import type { ProductModel, Selection, Domains, Explanation, Repair } from '../../engine/index.ts';
import type { EngineClient } from '../engine/EngineClient.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Call = EngineRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/** An error answered by the worker, with the engine's code when it had one. */
export class EngineWorkerError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'EngineWorkerError';
  }
}

/**
 * Starts the engine worker for `model` and resolves once it has compiled it (past `maxNodes`:
 * once the SAT fallback is ready; with `compiled`, the URL of a compiled file, once it is loaded). Calls are answered in order; `dispose` terminates the worker
 * and rejects what is still pending.
 */
export async function createWorkerClient(
  model: ProductModel,
  maxNodes?: number,
  compiled?: string,
): Promise<EngineClient> {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const response = event.data;
    const p = pending.get(response.id);
    if (!p) return;
    pending.delete(response.id);
    if (response.ok) p.resolve(response.result);
    else p.reject(new EngineWorkerError(response.error.message, response.error.code));
  };
  worker.onerror = (event) => {
    const error = new EngineWorkerError(`engine worker failed: ${event.message}`);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const call = <T>(request: Call) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  try {
    await call<number>({
      op: 'init',
      model,
      ...(maxNodes !== undefined && { maxNodes }),
      ...(compiled !== undefined && { compiled: new URL(compiled, location.href).href }),
    });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return {
    mode: 'worker',
    domains: (selection) => call<Domains>({ op: 'domains', selection }),
    explain: (selection, attribute, key) =>
      call<Explanation>({ op: 'explain', selection, attribute, key }),
    repair: (selection, attribute, key, recency) =>
      call<Repair>({ op: 'repair', selection, attribute, key, recency }),
    complete: (selection, objective, context) =>
      call<Selection>({ op: 'complete', selection, objective, ...(context ? { context } : {}) }),
    reconcile: (selection, recency) => call<Repair>({ op: 'reconcile', selection, recency }),
    dispose: () => {
      worker.terminate();
      const error = new EngineWorkerError('engine worker stopped');
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    },
  };
}
