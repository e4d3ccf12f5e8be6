import { startTransition, useEffect, useRef, useState } from 'react';
import type { Attribute } from '../../engine/index.ts';
import type {
  ConfiguratorPanelContext,
  ValueExtras,
  ValueExtrasFn,
} from '../engine/valueExtras.ts';

/** The extras of one value as the widget shows them; `pending` while they are for an older state. */
export interface ExtrasReading {
  extras: ValueExtras | undefined;
  pending: boolean;
}

/** Reads the extras of a value (`Domains` key) of an attribute. */
export type ExtrasOf = (attribute: Attribute, key: string) => ExtrasReading;

/** The keys the widget shows extras for: every value of a choice or multi, a boolean's "true". */
export function extrasKeys(attribute: Attribute): readonly string[] {
  switch (attribute.type) {
    case 'choice':
    case 'multi':
      return attribute.values.map((v) => v.id);
    case 'boolean':
      return ['true'];
    case 'number':
    case 'text':
      return [];
    default:
      return attribute satisfies never;
  }
}

interface Deadline {
  timeRemaining(): number;
}

/**
 * Runs `task` when the page is idle after the next paint (`requestIdleCallback`; where a browser
 * has none, a task after the next animation frame with an 8 ms budget). Returns a cancel.
 */
function whenIdle(task: (deadline: Deadline) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      const end = performance.now() + 8;
      task({ timeRemaining: () => Math.max(0, end - performance.now()) });
    }, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** What is on screen: per attribute, the extras of its values and the state they belong to. */
type Shown = ReadonlyMap<
  string,
  { context: ConfiguratorPanelContext; byKey: ReadonlyMap<string, ValueExtras | undefined> }
>;

/** What the idle work has computed for one state (kept across runs until the state changes). */
interface Work {
  context: ConfiguratorPanelContext;
  fn: ValueExtrasFn;
  byAttribute: Map<string, Map<string, ValueExtras | undefined>>;
}

/**
 * The value extras (price deltas, availability badges) of a widget, computed after the click's
 * paint: a click paints the new choice and price at once, and the extras of the new state are
 * asked from `fn` in idle time, a value at a time, in two batches — the attributes on screen
 * (`first`), shown as soon as they are done, then the others (`rest`: the other steps, ready
 * before the buyer gets there), shown when `showRest`. A new state cancels the work in flight.
 * Until its extras arrive a value keeps the previous state's, marked `pending` (their space
 * stays taken: nothing moves when they arrive).
 */
export function useIdleExtras(
  fn: ValueExtrasFn | undefined,
  context: ConfiguratorPanelContext,
  first: readonly Attribute[],
  rest: readonly Attribute[],
  showRest: boolean,
): ExtrasOf {
  const [shown, setShown] = useState<Shown>(() => new Map());
  const work = useRef<Work | undefined>(undefined);
  useEffect(() => {
    if (!fn) return;
    let w = work.current;
    if (w?.context !== context || w.fn !== fn)
      w = work.current = { context, fn, byAttribute: new Map() };
    const done = w;
    const todo = (attributes: readonly Attribute[]) =>
      attributes.flatMap((attribute) =>
        extrasKeys(attribute)
          .filter((key) => !done.byAttribute.get(attribute.id)?.has(key))
          .map((key) => ({ attribute, key })),
      );
    const show = (attributes: readonly Attribute[]) =>
      startTransition(() =>
        setShown((previous) => {
          const fresh = attributes.filter((a) => {
            const byKey = done.byAttribute.get(a.id);
            return byKey && previous.get(a.id)?.byKey !== byKey;
          });
          if (fresh.length === 0) return previous;
          const next = new Map(previous);
          for (const a of fresh)
            next.set(a.id, { context: done.context, byKey: done.byAttribute.get(a.id)! });
          return next;
        }),
      );
    const batches = [
      { items: todo(first), attributes: first, show: true },
      { items: todo(rest), attributes: rest, show: showRest },
    ];
    let cancel: (() => void) | undefined;
    let batch = 0;
    let index = 0;
    const step = (deadline: Deadline) => {
      cancel = undefined;
      let ran = false;
      while (batch < batches.length) {
        const current = batches[batch]!;
        // At least one value per idle period, then as many as its time allows.
        while (index < current.items.length && (!ran || deadline.timeRemaining() > 2)) {
          const { attribute, key } = current.items[index++]!;
          let byKey = done.byAttribute.get(attribute.id);
          if (!byKey) done.byAttribute.set(attribute.id, (byKey = new Map()));
          byKey.set(key, done.fn(attribute, key, done.context));
          ran = true;
        }
        if (index < current.items.length) break;
        if (current.show) show(current.attributes);
        batch++;
        index = 0;
      }
      if (batch < batches.length) cancel = whenIdle(step);
    };
    // Values already computed for this state (a step change) are shown without waiting.
    if (batches[0]!.items.length === 0) {
      show(first);
      batch = 1;
    }
    cancel = whenIdle(step);
    return () => cancel?.();
  }, [fn, context, first, rest, showRest]);

  return (attribute, key) => {
    if (!fn) return { extras: undefined, pending: false };
    const entry = shown.get(attribute.id);
    return { extras: entry?.byKey.get(key), pending: entry?.context !== context };
  };
}
