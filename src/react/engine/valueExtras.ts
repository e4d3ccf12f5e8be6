import type { Attribute, ProductModel, Selection } from '../../engine/index.ts';
import type {
  AvailabilityState,
  MissingChoice,
  OutlookFactory,
  PriceOutcome,
  PromiseOutcome,
  ValueOutlook,
} from '../../core/index.ts';

/** The availability of one value, as a badge (see `AvailabilityState` in src/core). */
export type { AvailabilityState } from '../../core/index.ts';

/**
 * What the price and promise engines add to one value: the formatted price delta ("+€120"), the
 * availability badge ("in stock", "from supplier", "+9 days"), and the raw figures behind them.
 */
export interface ValueExtras {
  priceDelta?: string;
  availability?: string;
  availabilityState?: AvailabilityState;
  /** The price delta as a number (a raw figure for hosts; "Cheapest" is an exact search). */
  cost?: number;
  /** The delivery date's change in days with the value (a raw figure; "Fastest" is an exact search). */
  days?: number;
}

/** What a panel (price, promise, quote form) or a value-extras function sees of the widget. */
export interface ConfiguratorPanelContext {
  model: ProductModel;
  /** The effective selection (relevant, well-formed). */
  selection: Selection;
  quantity: number;
  /** Changes the quantity (one store action; the widget also shows a quantity field). */
  setQuantity?: (quantity: number) => void;
  /** True when every relevant required attribute is assigned and the selection is valid. */
  complete: boolean;
  locale: string;
  currency: string | undefined;
  customer: unknown;
  /** The loaded pricing document (parsed by the price panel); `undefined` while it loads, `null`
   * when the widget has no pricing source. */
  pricing: unknown;
  /** The loaded availability snapshot (refreshed on an interval and on focus); `undefined` while
   * it loads, `null` when the widget has no availability source. */
  availability: unknown;
  /** The host's submit adapter (issue 6), passed through untouched. */
  submit: unknown;
  /** Announces a change (a new price, a new date) in the widget's polite live region. */
  announce: (message: string) => void;
  /**
   * Inside `<Configurator>`: the session's one price and one promise of this state (at `now`,
   * priced on `today`), what is still missing, and a way to open a step. Panels use these
   * instead of computing their own.
   */
  session?: PanelSession | undefined;
}

/** What the widget's session tells the panels (see `ConfiguratorPanelContext.session`). */
export interface PanelSession {
  price: PriceOutcome;
  promise: PromiseOutcome;
  now: string;
  today: string;
  missing: readonly MissingChoice[];
  goToStep: (step: string) => void;
  /**
   * The session's what-ifs of this state (deltas, badges), at the same `now` and `today`, made
   * by `make` (`valueOutlook`) once per state.
   */
  outlook?: ((make: OutlookFactory) => ValueOutlook) | undefined;
}

/** Supplies the extras of a value key (`Domains` key) of an attribute, or nothing. */
export type ValueExtrasFn = ((
  attribute: Attribute,
  key: string,
  context: ConfiguratorPanelContext,
) => ValueExtras | undefined) & {
  /**
   * Loads what the function needs before it is asked (its code in its own file, see
   * `lazyValueExtras`): the widget waits for it before its idle work; absent, nothing to wait for.
   */
  ready?: () => Promise<void>;
};
