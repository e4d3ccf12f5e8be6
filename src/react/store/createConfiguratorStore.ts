import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  clearValue,
  initialIntent,
  loadSelection,
  redo,
  replaceSelection,
  setValue,
  undo,
  type Intent,
} from '../../core/index.ts';
import type { Selection, SelectionValue } from '../../engine/index.ts';

/**
 * What the buyer did in one widget instance — intent only. Domains, price and promise are derived
 * from it by the engine, never stored here (shared/STYLE.md, rule 4).
 */
export interface ConfiguratorState extends Intent {
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
  // The transitions are the session's (src/core/intent.ts); the methods keep the store usable on
  // its own (stories, hosts that drive it directly).
  return createStore<ConfiguratorState>()((set) => ({
    ...initialIntent(initial, Math.max(1, Math.floor(quantity))),
    select: (attribute, value) => set((s) => setValue(s, attribute, value)),
    clear: (attribute) => set((s) => clearValue(s, attribute)),
    replace: (selection, touched = []) => set((s) => replaceSelection(s, selection, touched)),
    load: (selection, q) =>
      set((s) =>
        loadSelection(s, selection, q === undefined ? undefined : Math.max(1, Math.floor(q))),
      ),
    setQuantity: (q) => set({ quantity: Number.isFinite(q) ? Math.max(1, Math.floor(q)) : 1 }),
    setStep: (step) => set({ step }),
    reset: () => set((s) => replaceSelection(s, {})),
    undo: () => set((s) => undo(s)),
    redo: () => set((s) => redo(s)),
  }));
}
