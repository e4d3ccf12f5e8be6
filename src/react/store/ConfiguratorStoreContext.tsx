import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Selection } from '../../engine/model/types.ts';
import {
  createConfiguratorStore,
  type ConfiguratorState,
  type ConfiguratorStore,
} from './createConfiguratorStore.ts';

const StoreContext = createContext<ConfiguratorStore | null>(null);

/** Provides one configurator store to a widget instance (created once, on first render). */
export function ConfiguratorStoreProvider({
  initialSelection,
  children,
}: {
  initialSelection?: Selection;
  children: ReactNode;
}) {
  const [store] = useState(() => createConfiguratorStore(initialSelection));
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Reads a slice of the nearest widget's store. Throws outside a `ConfiguratorStoreProvider`. */
export function useConfigurator<T>(selector: (state: ConfiguratorState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useConfigurator must be used inside <ConfiguratorStoreProvider>');
  return useStore(store, selector);
}
