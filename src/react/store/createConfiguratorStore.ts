import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Selection, SelectionValue } from '../../engine/model/types.ts';

/**
 * What the buyer did in one widget instance — intent only. Domains, price and promise are derived
 * from it by the engine, never stored here (shared/STYLE.md, rule 4).
 */
export interface ConfiguratorState {
  selection: Selection;
  quantity: number;
  /** Earlier selections, newest last, for undo. */
  past: Selection[];
  /** Undone selections, for redo. */
  future: Selection[];
  select: (attribute: string, value: SelectionValue) => void;
  clear: (attribute: string) => void;
  setQuantity: (quantity: number) => void;
  reset: () => void;
  undo: () => void;
  redo: () => void;
}

export type ConfiguratorStore = StoreApi<ConfiguratorState>;

/**
 * Creates the store of one widget instance. Two widgets on a page each create their own, so they
 * never share state.
 *
 * @example
 * const [store] = useState(() => createConfiguratorStore({ frame: 'steel' }));
 */
export function createConfiguratorStore(initial: Selection = {}, quantity = 1): ConfiguratorStore {
  return createStore<ConfiguratorState>()((set) => {
    const change = (next: (s: Selection) => Selection) =>
      set((state) => {
        const selection = next(state.selection);
        if (selection === state.selection) return state;
        return { selection, past: [...state.past, state.selection], future: [] };
      });
    return {
      selection: initial,
      quantity,
      past: [],
      future: [],
      select: (attribute, value) =>
        change((s) => (s[attribute] === value ? s : { ...s, [attribute]: value })),
      clear: (attribute) =>
        change((s) => {
          if (!(attribute in s)) return s;
          const { [attribute]: _removed, ...rest } = s;
          return rest;
        }),
      setQuantity: (q) => set({ quantity: Math.max(1, Math.floor(q)) }),
      reset: () => change((s) => (Object.keys(s).length === 0 ? s : {})),
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
