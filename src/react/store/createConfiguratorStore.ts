import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Selection, SelectionValue } from '../../engine/index.ts';

/**
 * What the buyer did in one widget instance — intent only. Domains, price and promise are derived
 * from it by the engine, never stored here (shared/STYLE.md, rule 4).
 */
export interface ConfiguratorState {
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
  select: (attribute: string, value: SelectionValue) => void;
  clear: (attribute: string) => void;
  /**
   * Replaces the whole selection in one undoable step (a repair, "complete for me", a URL load).
   * `touched` lists the attributes the buyer just chose, for recency.
   */
  replace: (selection: Selection, touched?: readonly string[]) => void;
  /** Sets a loaded selection (a link, a saved configuration) without an undo step. */
  load: (selection: Selection, quantity?: number) => void;
  setQuantity: (quantity: number) => void;
  setStep: (step: string) => void;
  reset: () => void;
  undo: () => void;
  redo: () => void;
}

export type ConfiguratorStore = StoreApi<ConfiguratorState>;

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
 * Creates the store of one widget instance. Two widgets on a page each create their own, so they
 * never share state. Every selection change is undoable; quantity and step are not history.
 *
 * @example
 * const [store] = useState(() => createConfiguratorStore({ frame: 'steel' }));
 * store.getState().select('top', 'oak');
 * store.getState().undo(); // back to { frame: 'steel' }
 */
export function createConfiguratorStore(initial: Selection = {}, quantity = 1): ConfiguratorStore {
  return createStore<ConfiguratorState>()((set) => {
    const change = (next: (s: Selection) => Selection, touched: readonly string[] = []) =>
      set((state) => {
        const selection = next(state.selection);
        if (selection === state.selection || sameSelection(selection, state.selection))
          return state;
        return {
          selection,
          past: [...state.past, state.selection],
          future: [],
          recency: bump(state.recency, touched),
        };
      });
    return {
      selection: initial,
      quantity: Math.max(1, Math.floor(quantity)),
      step: undefined,
      past: [],
      future: [],
      recency: Object.keys(initial),
      select: (attribute, value) => change((s) => ({ ...s, [attribute]: value }), [attribute]),
      clear: (attribute) =>
        change((s) => {
          if (!(attribute in s)) return s;
          const { [attribute]: _removed, ...rest } = s;
          return rest;
        }),
      replace: (selection, touched = []) => change(() => selection, touched),
      load: (selection, q) =>
        set((state) => ({
          selection,
          quantity: q === undefined ? state.quantity : Math.max(1, Math.floor(q)),
          past: [],
          future: [],
          recency: Object.keys(selection),
        })),
      setQuantity: (q) => set({ quantity: Number.isFinite(q) ? Math.max(1, Math.floor(q)) : 1 }),
      setStep: (step) => set({ step }),
      reset: () => change(() => ({})),
      undo: () =>
        set((state) => {
          const previous = state.past.at(-1);
          if (!previous) return state;
          return {
            selection: previous,
            past: state.past.slice(0, -1),
            future: [state.selection, ...state.future],
          };
        }),
      redo: () =>
        set((state) => {
          const [next, ...future] = state.future;
          if (!next) return state;
          return { selection: next, past: [...state.past, state.selection], future };
        }),
    };
  });
}
