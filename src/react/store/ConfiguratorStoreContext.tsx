import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Selection } from '../../engine/index.ts';
import {
  createConfiguratorStore,
  type ConfiguratorState,
  type ConfiguratorStore,
} from './createConfiguratorStore.ts';

const StoreContext = createContext<ConfiguratorStore | null>(null);

/** Provides one configurator store to a widget instance (created once, on first render). */
export function ConfiguratorStoreProvider({
  initialSelection,
  initialQuantity,
  children,
}: {
  initialSelection?: Selection;
  initialQuantity?: number;
  children: ReactNode;
}) {
  const [store] = useState(() => createConfiguratorStore(initialSelection, initialQuantity));
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The nearest widget's store itself (for subscriptions outside render). */
export function useConfiguratorStore(): ConfiguratorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useConfigurator must be used inside <ConfiguratorStoreProvider>');
  return store;
}

/** Reads a slice of the nearest widget's store. Throws outside a `ConfiguratorStoreProvider`. */
export function useConfigurator<T>(selector: (state: ConfiguratorState) => T): T {
  return useStore(useConfiguratorStore(), selector);
}
