import { useEffect, useMemo, useState } from 'react';
import type { ProductModel } from '../../engine/index.ts';
import { createWorkerClient, EngineWorkerError } from '../worker/createWorkerClient.ts';
import { createLocalClient, type EngineClient } from './EngineClient.ts';
import { createEngineOps } from './engineOps.ts';

/** Models with more solver attributes than this run their engine in a Web Worker by default. */
export const WORKER_THRESHOLD = 60;

/** The engine of one widget instance: compiling, ready, or failed (with the error to show). */
export type EngineState =
  | { status: 'compiling' }
  | { status: 'ready'; client: EngineClient }
  | { status: 'error'; error: Error };

/** Whether `model` is large enough for the worker (`threshold` solver attributes). */
export function wantsWorker(model: ProductModel, threshold: number): boolean {
  return model.attributes.filter((a) => a.type !== 'text').length > threshold;
}

/**
 * Compiles `model` once per model: on the page for small models, in a Web Worker above
 * `threshold` solver attributes (0 forces the worker, `Infinity` keeps it on the page). A model
 * whose diagram passes `maxNodes` answers through the SAT fallback (`createEngineOps`). With
 * `compiled` (the URL of `madeto compile`'s file for this model) the worker loads the diagram
 * instead of compiling it; where no worker can start, the page compiles the model.
 */
export function useEngine(
  model: ProductModel,
  threshold = WORKER_THRESHOLD,
  maxNodes?: number,
  compiled?: string,
): EngineState {
  // a compiled file is fetched and loaded in the worker
  const inWorker = compiled !== undefined || wantsWorker(model, threshold);
  const local = useMemo((): EngineState | undefined => {
    if (inWorker) return undefined;
    try {
      return {
        status: 'ready',
        client: createLocalClient(
          createEngineOps(model, maxNodes === undefined ? {} : { maxNodes }),
        ),
      };
    } catch (error) {
      return { status: 'error', error: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [model, inWorker, maxNodes]);
  const [remote, setRemote] = useState<{ model: ProductModel; state: EngineState }>();
  useEffect(() => {
    if (!inWorker) return;
    let alive = true;
    let client: EngineClient | undefined;
    createWorkerClient(model, maxNodes, compiled).then(
      (c) => {
        client = c;
        if (alive) setRemote({ model, state: { status: 'ready', client: c } });
        else c.dispose();
      },
      (error: unknown) => {
        if (!alive) return;
        const e = error instanceof Error ? error : new Error(String(error));
        // A model the engine rejects (the worker answered with a code) is an error; a worker that
        // could not start (blocked by a content security policy, a script on another origin such
        // as a CDN, no module workers) falls back to the page. Only the worker's own errors count:
        // the browser's refusal is a DOMException, and every DOMException has a numeric `code`.
        if (e instanceof EngineWorkerError && e.code !== undefined)
          return setRemote({ model, state: { status: 'error', error: e } });
        try {
          const c = createLocalClient(
            createEngineOps(model, maxNodes === undefined ? {} : { maxNodes }),
          );
          client = c;
          setRemote({ model, state: { status: 'ready', client: c } });
        } catch (local) {
          setRemote({
            model,
            state: {
              status: 'error',
              error: local instanceof Error ? local : new Error(String(local)),
            },
          });
        }
      },
    );
    return () => {
      alive = false;
      client?.dispose();
    };
  }, [model, inWorker, maxNodes, compiled]);
  if (local) return local;
  return remote?.model === model ? remote.state : { status: 'compiling' };
}
