import { createContext, useContext, type ReactNode } from 'react';
import type { Attribute, ProductModel, Domains, ValueState } from '../../engine/index.ts';
import type { DerivedSelection, SessionEvent, SessionSnapshot } from '../../core/index.ts';
import type { EngineClient } from '../engine/EngineClient.ts';
import type { ConfiguratorPanelContext, ValueExtrasFn } from '../engine/valueExtras.ts';
import type { Translate } from '../i18n/messages.ts';
import type { ExtrasStore } from './useIdleExtras.ts';
import type { PeekStore } from '../preview/peekStore.ts';

/** The session a widget renders, as React reads it (`useSyncExternalStore`). */
export interface SessionSource {
  getSnapshot: () => SessionSnapshot;
  subscribe: (listener: () => void) => () => void;
}

/**
 * The parts of one widget instance that stay the same from click to click: the model, the engine
 * client, the messages, the actions and the stores. A component that reads only these (and its
 * own slice of the state through `useWidgetState`) is not re-rendered by a click that does not
 * change its slice.
 */
export interface WidgetStatic {
  model: ProductModel;
  client: EngineClient;
  /** The widget's messages in its `locale` (English when the language has no catalogue). */
  t: Translate;
  /**
   * The buyer picked `key` of `attribute` (for a multi: toggled the item). Available values are
   * chosen at once; conflicting or impossible ones open the explanation with its repair.
   */
  pick: (attribute: Attribute, key: string) => void;
  /** Sends an event to the widget's configurator session. */
  send: (event: SessionEvent) => void;
  /** The session itself: its state is read through `useWidgetState` (a slice, not all of it). */
  session: SessionSource;
  /** The value extras on screen (computed after the click's paint, see `useIdleExtras`). */
  extras: ExtrasStore;
  valueExtras: ValueExtrasFn | undefined;
  /** The value the buyer points at or focuses: the picture shows it before it is chosen. */
  peek: PeekStore;
}

/**
 * What a part of the widget that follows every state reads during render: the stable parts plus
 * the values derived from the session's current snapshot (never stored themselves). Its value
 * changes with every snapshot, so every reader re-renders with every click: fields read
 * `useWidgetStatic` and `useWidgetState` instead.
 */
export interface WidgetContextValue extends WidgetStatic {
  derived: DerivedSelection;
  domains: Domains | undefined;
  /** A worker answer for the newest selection is still on its way. */
  pending: boolean;
  panel: ConfiguratorPanelContext;
  /** The session's current snapshot (steps, completeness, messages). */
  snapshot: SessionSnapshot;
}

const WidgetContext = createContext<WidgetContextValue | null>(null);
const WidgetStaticContext = createContext<WidgetStatic | null>(null);

/**
 * Provides a widget to its parts: `stable` (the same object for the widget's life) to the fields,
 * `value` (a new object with every state) to the parts that follow every state.
 */
export function WidgetProvider({
  value,
  stable,
  children,
}: {
  value: WidgetContextValue;
  stable: WidgetStatic;
  children: ReactNode;
}) {
  return (
    <WidgetStaticContext value={stable}>
      <WidgetContext value={value}>{children}</WidgetContext>
    </WidgetStaticContext>
  );
}

/**
 * The derived values of the nearest widget; re-renders the caller with every state of the session.
 * Throws outside `<Configurator>`.
 */
export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('useWidget must be used inside <Configurator>');
  return value;
}

/** The stable parts of the nearest widget (no re-render by a click). Throws outside `<Configurator>`. */
export function useWidgetStatic(): WidgetStatic {
  const value = useContext(WidgetStaticContext);
  if (!value) throw new Error('useWidgetStatic must be used inside <Configurator>');
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
