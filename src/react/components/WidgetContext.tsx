import { createContext, useContext } from 'react';
import type { Attribute, ProductModel, Domains, ValueState } from '../../engine/index.ts';
import type { DerivedSelection, SessionEvent, SessionSnapshot } from '../../core/index.ts';
import type { EngineClient } from '../engine/EngineClient.ts';
import type { ConfiguratorPanelContext, ValueExtrasFn } from '../engine/valueExtras.ts';
import type { Translate } from '../i18n/messages.ts';
import type { ExtrasOf, ExtrasReading } from './useIdleExtras.ts';
import type { PeekStore } from '../preview/peekStore.ts';

/**
 * What every part of one widget instance reads during render: the model, the engine client and
 * the values derived from the store (never stored themselves).
 */
export interface WidgetContextValue {
  model: ProductModel;
  client: EngineClient;
  derived: DerivedSelection;
  domains: Domains | undefined;
  /** A worker answer for the newest selection is still on its way. */
  pending: boolean;
  panel: ConfiguratorPanelContext;
  valueExtras: ValueExtrasFn | undefined;
  /** The value extras on screen (computed after the click's paint, see `useIdleExtras`). */
  extrasOf: ExtrasOf;
  /** The widget's messages in its `locale` (English when the language has no catalogue). */
  t: Translate;
  /**
   * The buyer picked `key` of `attribute` (for a multi: toggled the item). Available values are
   * chosen at once; conflicting or impossible ones open the explanation with its repair.
   */
  pick: (attribute: Attribute, key: string) => void;
  /** Sends an event to the widget's configurator session. */
  send: (event: SessionEvent) => void;
  /** The session's current snapshot (steps, completeness, messages). */
  snapshot: SessionSnapshot;
  /** The value the buyer points at or focuses: the picture shows it before it is chosen. */
  peek: PeekStore;
}

const WidgetContext = createContext<WidgetContextValue | null>(null);

/** Provides the derived widget values to the fields. */
export const WidgetProvider = WidgetContext.Provider;

/** The derived values of the nearest widget. Throws outside `<Configurator>`. */
export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('useWidget must be used inside <Configurator>');
  return value;
}

/** The state of one value, `available` until the domains are known. */
export function valueState(
  domains: Domains | undefined,
  attribute: string,
  key: string,
): ValueState {
  return domains?.[attribute]?.[key] ?? 'available';
}

/**
 * The extras (price delta, availability) of one value, if the host supplies them. They follow the
 * selection after the paint: a click paints the new choice at once (with the previous state's
 * extras, marked pending), and the new deltas and badges come in idle time.
 */
export function useValueExtras(attribute: Attribute, key: string): ExtrasReading {
  return useWidget().extrasOf(attribute, key);
}
