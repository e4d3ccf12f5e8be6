import type { Domains, ProductModel, Selection, SelectionValue } from '../../engine/index.ts';

/** A value the buyer points at or focuses, shown in the picture before it is chosen. */
export interface Peek {
  attribute: string;
  key: string;
  type: 'choice' | 'multi';
}

/**
 * How long the pointer rests on a value before the picture shows it (hover intent): a pointer
 * passing over options on its way to a click redraws nothing, and the click's frame carries no
 * picture work for a value about to be chosen anyway.
 */
export const PEEK_DWELL_MS = 120;
/** A focus this soon after a press on the same value is the press's focus, not a keyboard peek. */
const PRESS_FOCUS_MS = 1500;

/** A tiny external store of the current peek, so hovering re-renders only the picture. */
export interface PeekStore {
  get: () => Peek | undefined;
  /** Sets the peek now; `undefined` clears it (a keyboard focus arriving, a blur). */
  set: (peek: Peek | undefined) => void;
  /** Clears the peek if it is still that value (now, or a pending hover of it is dropped). */
  leave: (peek: Peek) => void;
  /** The pointer rests on a value: shown after `PEEK_DWELL_MS` unless it leaves or presses first. */
  hover: (peek: Peek) => void;
  /** The pointer leaves a value: cleared after the dwell (passing to a neighbour redraws once). */
  unhover: (peek: Peek) => void;
  /** A press on a value: drops a pending hover; the focus the press brings does not peek. */
  press: (peek: Peek) => void;
  /** Focus arrived on a value: peeks it unless a press on it brought the focus. */
  focus: (peek: Peek) => void;
  subscribe: (listener: () => void) => () => void;
}

const same = (a: Peek | undefined, b: Peek | undefined) =>
  a?.attribute === b?.attribute && a?.key === b?.key;

/** One widget instance's peek store (created once by the widget body). */
export function createPeekStore(): PeekStore {
  let current: Peek | undefined;
  let target: Peek | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pressed: { peek: Peek; at: number } | undefined;
  const listeners = new Set<() => void>();
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const set = (peek: Peek | undefined) => {
    cancel();
    if (same(peek, current)) return;
    current = peek;
    for (const l of listeners) l();
  };
  const later = (peek: Peek | undefined) => {
    target = peek;
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      set(target);
    }, PEEK_DWELL_MS);
  };
  return {
    get: () => current,
    set,
    leave: (peek) => {
      if (timer !== undefined && same(target, peek)) later(current);
      if (same(current, peek)) set(undefined);
    },
    hover: (peek) => later(peek),
    unhover: (peek) => {
      if (same(target, peek) || same(current, peek)) later(undefined);
    },
    press: (peek) => {
      cancel();
      pressed = { peek, at: performance.now() };
    },
    focus: (peek) => {
      if (pressed && same(pressed.peek, peek) && performance.now() - pressed.at < PRESS_FOCUS_MS)
        return;
      set(peek);
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
 * attributes that are not relevant stay hidden through their own conditions. With the `domains`
 * of the choices, a default they rule out gives way to the attribute's first value still open, or
 * the other of a yes / no (a sofa whose first seat is a corner is not drawn with the left armrest
 * it cannot have; a recliner is drawn with the headrest it comes with).
 */
export function pictureSelection(
  model: ProductModel,
  selection: Selection,
  domains?: Domains,
): Selection {
  const out: Record<string, SelectionValue> = { ...selection };
  for (const a of model.attributes) {
    const d = a.default;
    // Not ruled out: available or selected (a conflict or impossible value is).
    const open = (key: unknown) => !/^[ci]/.test(domains?.[a.id]?.[`${key}`] ?? '');
    if (out[a.id] === undefined && d !== undefined)
      out[a.id] = open(d) // a multiple choice's default list is no value key: always kept
        ? d
        : a.type === 'choice'
          ? (a.values.find((v) => open(v.id))?.id ?? d)
          : typeof d === 'boolean'
            ? !d
            : d;
  }
  return out;
}
