/// <reference lib="webworker" />
// The engine in a Web Worker: takes the model the page parsed (structured-cloned, not parsed
// again), compiles it once or loads its compiled file (or, past the node limit, encodes it for the
// SAT fallback), then answers the widget's calls, so a click never blocks the page.
import { loadCompiled } from '../engine/loadCompiled.ts';
import { createEngineOps, type EngineOps } from '../engine/engineOps.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';

let ops: EngineOps | undefined;

async function answer(request: EngineRequest): Promise<unknown> {
  if (request.op === 'init') {
    const model = request.model;
    ops = createEngineOps(
      model,
      request.maxNodes === undefined ? {} : { maxNodes: request.maxNodes },
      request.compiled === undefined ? undefined : await loadCompiled(request.compiled, model),
    );
    // Warm the worker's JIT on the hot path before the first click needs it (the diagram's: on the
    // SAT fallback the first call is the expensive one, and it keeps what it learns).
    for (let i = 0; i < (ops.path === 'diagram' ? 8 : 1); i++) ops.domains({});
    return ops.size;
  }
  if (!ops) throw new Error('engine worker: a request arrived before init');
  switch (request.op) {
    case 'domains':
      return ops.domains(request.selection);
    case 'explain':
      return ops.explain(request.selection, request.attribute, request.key);
    case 'repair':
      return ops.repair(request.selection, request.attribute, request.key, request.recency);
    case 'complete':
      return ops.complete(request.selection, request.objective, request.context);
    case 'reconcile':
      return ops.reconcile(request.selection, request.recency);
    default:
      return request satisfies never;
  }
}

// Requests are answered one at a time, in order (init may wait for its compiled file).
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<EngineRequest>) => {
  queue = queue.then(() => respond(event.data));
};

async function respond(request: EngineRequest): Promise<void> {
  let response: EngineResponse;
  try {
    response = { id: request.id, ok: true, result: await answer(request) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as { code?: unknown }).code;
    response = {
      id: request.id,
      ok: false,
      error: { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) },
    };
  }
  (self as unknown as { postMessage: (m: EngineResponse) => void }).postMessage(response);
}
