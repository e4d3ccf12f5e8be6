/** The Madeto widget's public API (React). The panels (price, promise, quote) add theirs here. */
export { Configurator } from './components/Configurator.tsx';
export { BuyerConfigurator } from './components/BuyerConfigurator.tsx';
export type { ConfiguratorProps, ConfiguratorTheme } from './components/Configurator.tsx';
export { AttributeField } from './components/AttributeField.tsx';
export { ShareButton } from './components/ShareButton.tsx';
export type { ShareButtonProps, SharePlatform, ShareState } from './components/ShareButton.tsx';
export { StickySummary } from './components/StickySummary.tsx';
export type { StickySummaryProps } from './components/StickySummary.tsx';
export type {
  AvailabilityState,
  ConfiguratorPanelContext,
  ValueExtras,
  ValueExtrasFn,
} from './engine/valueExtras.ts';
export type { CompletionObjective } from './engine/engineOps.ts';
export { WORKER_THRESHOLD } from './engine/useEngine.ts';
export { createConfiguratorStore } from './store/createConfiguratorStore.ts';
export type { ConfiguratorState, ConfiguratorStore } from './store/createConfiguratorStore.ts';
export { decodeSelection, encodeSelection } from './url/selectionParam.ts';
export type { SavedSelection } from './url/selectionParam.ts';
export {
  RepQuote,
  RepMode,
  QuoteLines,
  RepDiscounts,
  QuoteDocument,
  QuoteComparison,
  SharedQuoteView,
  repQuoteApi,
  sharedQuoteApi,
  QuoteApiError,
} from './rep/index.ts';
export type {
  ConfiguratorRepOptions,
  RepQuoteProps,
  QuoteLinesProps,
  RepDiscountsProps,
  QuoteDocumentProps,
  QuotePromise,
  QuoteComparisonProps,
  SharedQuoteViewProps,
  QuoteView,
} from './rep/index.ts';
