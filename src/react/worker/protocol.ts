import type { ProductModel, Selection } from '../../engine/index.ts';
import type { CompletionContext, CompletionObjective } from '../engine/engineOps.ts';

/** A request to the engine worker; `id` pairs it with its answer. */
export type EngineRequest = { id: number } & (
  | {
      op: 'init';
      /**
       * The model the page parsed (structured-cloned: plain data), so the worker does not parse
       * it again (on BR4CP big that was about half a second of CPU of the worker's load).
       */
      model: ProductModel;
      /** The diagram's node limit (past it the SAT fallback answers); absent: the default. */
      maxNodes?: number;
      /** A compiled file of this model to load instead of compiling (its URL; JSON or binary). */
      compiled?: string;
    }
  | { op: 'domains'; selection: Selection }
  | { op: 'explain'; selection: Selection; attribute: string; key: string }
  | {
      op: 'repair';
      selection: Selection;
      attribute: string;
      key: string;
      recency: string[];
    }
  | {
      op: 'complete';
      selection: Selection;
      objective: CompletionObjective;
      /** Carries the parsed pricing and snapshot (structured-cloned) for cheapest / fastest. */
      context?: CompletionContext;
    }
  | { op: 'reconcile'; selection: Selection; recency: string[] }
);

/** The worker's answer: the result, or the error's name, code and message. */
export type EngineResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };
