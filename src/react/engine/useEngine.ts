import { useEffect, useMemo, useState } from 'react';
import type { ProductModel } from '../../engine/index.ts';
import { createWorkerClient, EngineWorkerError } from '../worker/createWorkerClient.ts';
import { createLocalClient, type EngineClient } from './EngineClient.ts';
import { pageEngineOps, type EngineOps } from './engineOps.ts';

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

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Compiles `model` once per model: on the page for small models, in a Web Worker above
 * `threshold` solver attributes (0 forces the worker, `Infinity` keeps it on the page). A model
 * whose diagram passes `maxNodes` answers through the SAT fallback: in the worker at once, on the
 * page (small models, or a worker that cannot start) once its code has loaded (`pageEngineOps`),
 * `compiling` until then and an error naming the file if it does not load.
 * With `compiled` (the URL of `madeto compile`'s file for this model) the worker loads the
 * diagram instead of compiling it; where no worker can start, the page compiles the model.
 */
export function useEngine(
  model: ProductModel,
  threshold = WORKER_THRESHOLD,
  maxNodes?: number,
  compiled?: string,
): EngineState {
  // A compiled file is fetched and loaded in the worker.
  const inWorker = compiled !== undefined || wantsWorker(model, threshold);
  const options = maxNodes === undefined ? {} : { maxNodes };
  // The page path: ready at once when the diagram compiles; a promise past the node limit.
  const local = useMemo((): EngineState | Promise<EngineOps> | undefined => {
    if (inWorker) return undefined;
    try {
      const ops = pageEngineOps(model, maxNodes === undefined ? {} : { maxNodes });
      return ops instanceof Promise ? ops : { status: 'ready', client: createLocalClient(ops) };
    } catch (error) {
      return { status: 'error', error: asError(error) };
    }
  }, [model, inWorker, maxNodes]);
  const [remote, setRemote] = useState<{ model: ProductModel; state: EngineState }>();
  useEffect(() => {
    if (!inWorker && !(local instanceof Promise)) return;
    let alive = true;
    let client: EngineClient | undefined;
    const onPage = (ops: Promise<EngineOps>) =>
      ops.then(
        (o) => {
          if (!alive) return;
          client = createLocalClient(o);
          setRemote({ model, state: { status: 'ready', client } });
        },
        (error: unknown) => {
          if (alive) setRemote({ model, state: { status: 'error', error: asError(error) } });
        },
      );
    if (local instanceof Promise) void onPage(local);
    else
      createWorkerClient(model, maxNodes, compiled).then(
        (c) => {
          client = c;
          if (alive) setRemote({ model, state: { status: 'ready', client: c } });
          else c.dispose();
        },
        (error: unknown) => {
          if (!alive) return;
          const e = asError(error);
          // A model the engine rejects (the worker answered with a code) is an error; a worker that
          // could not start (blocked by a content security policy, a script on another origin such
          // as a CDN, no module workers) falls back to the page. Only the worker's own errors
          // count: the browser's refusal is a DOMException, and every DOMException has a numeric
          // `code`.
          if (e instanceof EngineWorkerError && e.code !== undefined)
            return setRemote({ model, state: { status: 'error', error: e } });
          try {
            const ops = pageEngineOps(model, options);
            void onPage(ops instanceof Promise ? ops : Promise.resolve(ops));
          } catch (page) {
            setRemote({ model, state: { status: 'error', error: asError(page) } });
          }
        },
      );
    return () => {
      alive = false;
      client?.dispose();
    };
    // `options` follows `maxNodes`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, inWorker, maxNodes, compiled, local]);
  if (local && !(local instanceof Promise)) return local;
  return remote?.model === model ? remote.state : { status: 'compiling' };
}
