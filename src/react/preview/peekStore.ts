import type { ProductModel, Selection, SelectionValue } from '../../engine/index.ts';

/** A value the buyer points at or focuses, shown in the picture before it is chosen. */
export interface Peek {
  attribute: string;
  key: string;
  type: 'choice' | 'multi';
}

/** A tiny external store of the current peek, so hovering re-renders only the picture. */
export interface PeekStore {
  get: () => Peek | undefined;
  /** Sets the peek; `undefined` clears it, `leave` clears it only if it is still that value. */
  set: (peek: Peek | undefined) => void;
  leave: (peek: Peek) => void;
  subscribe: (listener: () => void) => () => void;
}

/** One widget instance's peek store (created once by the widget body). */
export function createPeekStore(): PeekStore {
  let current: Peek | undefined;
  const listeners = new Set<() => void>();
  const set = (peek: Peek | undefined) => {
    if (peek?.attribute === current?.attribute && peek?.key === current?.key) return;
    current = peek;
    for (const l of listeners) l();
  };
  return {
    get: () => current,
    set,
    leave: (peek) => {
      if (current?.attribute === peek.attribute && current.key === peek.key) set(undefined);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The selection with the peeked value in it: a choice replaced, a multi item added. Unchanged
 * (the same object) when the value is already chosen, so the picture does not redraw.
 */
export function peekSelection(selection: Selection, peek: Peek | undefined): Selection {
  if (!peek) return selection;
  const chosen = selection[peek.attribute];
  if (peek.type === 'choice')
    return chosen === peek.key ? selection : { ...selection, [peek.attribute]: peek.key };
  const items = Array.isArray(chosen) ? (chosen as readonly string[]) : [];
  return items.includes(peek.key)
    ? selection
    : { ...selection, [peek.attribute]: [...items, peek.key] };
}

/**
 * The selection the picture draws: what the buyer chose, and each model default for what is not
 * chosen yet (an empty configuration shows the product as it comes, not a bare floor). Layers of
 * attributes that are not relevant stay hidden through their own conditions.
 */
export function pictureSelection(model: ProductModel, selection: Selection): Selection {
  const out: Record<string, SelectionValue> = { ...selection };
  for (const a of model.attributes)
    if (out[a.id] === undefined && a.default !== undefined) out[a.id] = a.default;
  return out;
}
