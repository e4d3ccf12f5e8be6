import type { Domains, Explanation, Repair, Selection } from '../engine/index.ts';

/** How "Complete for me" chooses: model defaults, the lowest total price, the earliest delivery. */
export type CompletionObjective = 'defaults' | 'cheapest' | 'fastest';

/** What the session knows when it asks for a completion: the line's quantity and its clock. */
export interface CompletionContext {
  quantity: number;
  /** The session's instant (ISO-8601), the `now` of a promise. */
  now: string;
  /** The plant's calendar day of `now`, the pricing date. */
  date: string;
}

/**
 * The engine calls a session makes, over one compiled model, possibly answered elsewhere (a Web
 * Worker for big models): every call returns a promise of plain, cloneable data. `domainsNow`,
 * when present, answers on the spot so small models render without a frame of delay. Values are
 * value keys as in `Domains` (ids, `String(n)`, `'true'`/`'false'`).
 */
export interface EnginePort {
  readonly domainsNow?: ((selection: Selection) => Domains) | undefined;
  domains(selection: Selection): Promise<Domains>;
  explain(selection: Selection, attribute: string, key: string): Promise<Explanation>;
  /** `recency`: attribute ids, oldest first (the newest choices are kept first). */
  repair(selection: Selection, attribute: string, key: string, recency: string[]): Promise<Repair>;
  complete(
    selection: Selection,
    objective: CompletionObjective,
    context: CompletionContext,
  ): Promise<Selection>;
  /** Drops the choices of a loaded selection that no longer fit together. */
  reconcile(selection: Selection, recency: string[]): Promise<Repair>;
}
