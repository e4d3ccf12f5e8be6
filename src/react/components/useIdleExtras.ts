import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Attribute } from '../../engine/index.ts';
import type { SessionSource } from './WidgetContext.tsx';
import type {
  ConfiguratorPanelContext,
  ValueExtras,
  ValueExtrasFn,
} from '../engine/valueExtras.ts';

/** The extras of one attribute's values as the widget shows them. */
export interface AttributeExtras {
  /** By value key (`Domains` key); absent until the first extras of the attribute arrive. */
  byKey: ReadonlyMap<string, ValueExtras | undefined> | undefined;
  /** The extras on screen belong to an older state (or none came yet): the new ones are coming. */
  pending: boolean;
}

const NO_EXTRAS: AttributeExtras = { byKey: undefined, pending: false };

/**
 * The value extras on screen, as a store the values subscribe to by attribute
 * (`useSyncExternalStore`): extras arriving for one attribute re-render that attribute's values
 * only, and nothing else of the widget.
 */
export interface ExtrasStore {
  subscribe: (listener: () => void) => () => void;
  /** The extras of `attributeId`'s values: the same object until they or their `pending` change. */
  of: (attributeId: string) => AttributeExtras;
}

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

/** A host's extras function that throws gives that value no extras (the others still come). */
function extrasOrNone(
  fn: ValueExtrasFn,
  attribute: Attribute,
  key: string,
  context: ConfiguratorPanelContext,
): ValueExtras | undefined {
  try {
    return fn(attribute, key, context);
  } catch {
    return undefined;
  }
}

/** What is on screen: per attribute, the extras of its values and the state they belong to. */
type Shown = ReadonlyMap<
  string,
  { context: ConfiguratorPanelContext; byKey: ReadonlyMap<string, ValueExtras | undefined> }
>;

/**
 * The store behind `ExtrasStore`: `show` puts computed extras on screen, `follow` a new state,
 * `recheck` a session change. `isCurrent` says whether a state is still the session's line (a
 * click makes the extras on screen pending at once, before the widget follows it).
 */
function createExtrasStore(
  enabled: boolean,
  context: ConfiguratorPanelContext,
  isCurrent: (context: ConfiguratorPanelContext) => boolean,
) {
  let shown: Shown = new Map();
  let current = { enabled, context };
  let live = true;
  const listeners = new Set<() => void>();
  const readings = new Map<string, AttributeExtras>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const store = {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    of: (attributeId: string): AttributeExtras => {
      if (!current.enabled) return NO_EXTRAS;
      const entry = shown.get(attributeId);
      const byKey = entry?.byKey;
      const pending = entry?.context !== current.context || !live;
      const last = readings.get(attributeId);
      if (last && last.byKey === byKey && last.pending === pending) return last;
      const reading = { byKey, pending };
      readings.set(attributeId, reading);
      return reading;
    },
    /** The state whose extras are wanted now: the older ones on screen become pending. */
    follow: (enabled: boolean, context: ConfiguratorPanelContext) => {
      if (current.enabled === enabled && current.context === context) return;
      current = { enabled, context };
      live = isCurrent(context);
      notify();
    },
    /** The session changed: the extras on screen turn pending when their line is not its own. */
    recheck: () => {
      const now = isCurrent(current.context);
      if (now === live) return;
      live = now;
      notify();
    },
    /** Puts the computed extras of `attributes` on screen (those not already there). */
    show: (
      attributes: readonly Attribute[],
      context: ConfiguratorPanelContext,
      computed: ReadonlyMap<string, ReadonlyMap<string, ValueExtras | undefined>>,
    ) => {
      const fresh = attributes.filter((a) => {
        const byKey = computed.get(a.id);
        return byKey && shown.get(a.id)?.byKey !== byKey;
      });
      if (fresh.length === 0) return;
      const next = new Map(shown);
      for (const a of fresh) next.set(a.id, { context, byKey: computed.get(a.id)! });
      shown = next;
      notify();
    },
  };
  return store;
}

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
 * stays taken: nothing moves when they arrive). Returns the store the values read them from (the
 * same for the widget's life): the widget itself is not re-rendered when extras arrive.
 */
export function useIdleExtras(
  fn: ValueExtrasFn | undefined,
  context: ConfiguratorPanelContext,
  first: readonly Attribute[],
  rest: readonly Attribute[],
  showRest: boolean,
  session: SessionSource,
): ExtrasStore {
  const [store] = useState(() =>
    createExtrasStore(fn !== undefined, context, (c) => {
      const s = session.getSnapshot();
      return s.effective.shown === c.selection && s.intent.quantity === c.quantity;
    }),
  );
  useLayoutEffect(() => store.follow(fn !== undefined, context), [store, fn, context]);
  // A click (before the widget follows it, after its paint) makes the extras on screen pending
  // in its own frame: they were computed for the line before it.
  useLayoutEffect(() => session.subscribe(store.recheck), [store, session]);
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
      store.show(attributes, done.context, done.byAttribute);
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
          byKey.set(key, extrasOrNone(done.fn, attribute, key, done.context));
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
    // A function whose code comes in its own file is asked once it is there (a load that fails
    // leaves the extras as they are; the next state asks again).
    let live = true;
    const start = () => {
      if (live) cancel = whenIdle(step);
    };
    if (fn.ready) fn.ready().then(start, () => {});
    else start();
    return () => {
      live = false;
      cancel?.();
    };
  }, [store, fn, context, first, rest, showRest]);

  return store;
}
