/**
 * The npm entry `madeto`: the React component, its panels and the engine. Safe for server
 * rendering: nothing here touches `window`, `document` or `customElements` when imported.
 */
export * from '../../react/index.ts';
export { defaultPanels, PanelStack } from '../../react/panels/defaultPanels.tsx';
export { createValueExtras } from '../../react/panels/valueExtras.ts';
export * from '../../engine/index.ts';
export type { CompletionObjective } from '../../engine/index.ts';
/** `RepQuote` is the React rep editor here; the engine's quote document type is `RepQuoteData`. */
export { RepQuote } from '../../react/index.ts';
export type { RepQuote as RepQuoteData } from '../../engine/index.ts';
/** What `onReady` and `onLoadError` of `<Configurator>` report. */
export type {
  ConfiguratorLoadError,
  ConfiguratorReadyInfo,
} from '../../react/components/Configurator.tsx';
