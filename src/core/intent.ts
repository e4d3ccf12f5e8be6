import type { Selection, SelectionChange, SelectionValue } from '../engine/index.ts';

/**
 * What the buyer did in one configurator session — intent only (shared/STYLE.md, rule 4). The
 * effective selection, domains, steps, price and promise are derived from it, never stored.
 */
export interface Intent {
  selection: Selection;
  quantity: number;
  /** The group id of the step on screen (undefined: the first one). */
  step: string | undefined;
  /** Earlier selections, newest last, for undo. */
  past: Selection[];
  /** Undone selections, for redo. */
  future: Selection[];
  /** Attribute ids, most recently chosen last (for `repair`, which keeps recent choices). */
  recency: string[];
}

/** Most undo steps kept: a long session must not grow without bound. */
export const MAX_HISTORY = 200;

function sameSelection(a: Selection, b: Selection): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y))
      return x.length === y.length && x.every((v, i) => v === y[i]);
    return x === y;
  });
}

function bump(recency: readonly string[], touched: readonly string[]): string[] {
  return [...recency.filter((id) => !touched.includes(id)), ...touched];
}

/**
 * An intent for a first selection (no history; recency in the selection's key order).
 *
 * @example
 * initialIntent({ frame: 'steel' }, 2).recency // ['frame']
 */
export function initialIntent(selection: Selection = {}, quantity = 1): Intent {
  return {
    selection,
    quantity,
    step: undefined,
    past: [],
    future: [],
    recency: Object.keys(selection),
  };
}

/**
 * Replaces the selection in one undoable step; `touched` lists the attributes the buyer just
 * chose (most recent last). Returns `intent` itself when nothing changes.
 *
 * @example
 * replaceSelection(initialIntent(), { frame: 'steel' }, ['frame']).past // [{}]
 */
export function replaceSelection(
  intent: Intent,
  selection: Selection,
  touched: readonly string[] = [],
): Intent {
  if (selection === intent.selection || sameSelection(selection, intent.selection)) return intent;
  return {
    ...intent,
    selection,
    past: [...intent.past, intent.selection].slice(-MAX_HISTORY),
    future: [],
    recency: bump(intent.recency, touched),
  };
}

/** Sets one attribute (undoable). */
export function setValue(intent: Intent, attribute: string, value: SelectionValue): Intent {
  return replaceSelection(intent, { ...intent.selection, [attribute]: value }, [attribute]);
}

/** Clears one attribute (undoable); `intent` itself when it was not set. */
export function clearValue(intent: Intent, attribute: string): Intent {
  if (!Object.hasOwn(intent.selection, attribute)) return intent;
  const { [attribute]: _removed, ...rest } = intent.selection;
  return replaceSelection(intent, rest);
}

/**
 * Sets a loaded selection (a link, a saved configuration) without an undo step; `intent` itself
 * when it already is exactly that (so nothing derived from it is recomputed).
 */
export function loadSelection(intent: Intent, selection: Selection, quantity?: number): Intent {
  if (
    sameSelection(selection, intent.selection) &&
    (quantity ?? intent.quantity) === intent.quantity &&
    intent.past.length === 0 &&
    intent.future.length === 0
  )
    return intent;
  return {
    ...intent,
    selection,
    quantity: quantity ?? intent.quantity,
    past: [],
    future: [],
    recency: Object.keys(selection),
  };
}

/** The previous selection; `intent` itself when there is none. */
export function undo(intent: Intent): Intent {
  const previous = intent.past.at(-1);
  if (!previous) return intent;
  return {
    ...intent,
    selection: previous,
    past: intent.past.slice(0, -1),
    future: [intent.selection, ...intent.future],
  };
}

/** The undone selection again; `intent` itself when there is none. */
export function redo(intent: Intent): Intent {
  const [next, ...future] = intent.future;
  if (!next) return intent;
  return { ...intent, selection: next, past: [...intent.past, intent.selection], future };
}

/**
 * Applies an engine repair's changes to a stored selection (text and hidden choices stay).
 *
 * @example
 * applyChanges({ frame: 'wood', top: 'oak' }, [{ attribute: 'frame', from: 'wood', to: 'steel' }])
 * // { frame: 'steel', top: 'oak' }
 */
export function applyChanges(selection: Selection, changes: readonly SelectionChange[]): Selection {
  const next: Record<string, SelectionValue> = { ...selection };
  for (const c of changes) {
    if (c.to === undefined) delete next[c.attribute];
    else next[c.attribute] = c.to;
  }
  return next;
}
