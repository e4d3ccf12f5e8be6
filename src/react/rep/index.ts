/** The rep mode: quote editor, lines, discounts, printable document, comparison, shared view. */
export { RepQuote } from './RepQuote.tsx';
export { RepMode } from './RepMode.tsx';
export type { ConfiguratorRepOptions } from './RepMode.tsx';
export type { RepQuoteProps } from './RepQuote.tsx';
export { QuoteLines } from './QuoteLines.tsx';
export type { QuoteLinesProps } from './QuoteLines.tsx';
export { RepDiscounts } from './RepDiscounts.tsx';
export type { RepDiscountsProps } from './RepDiscounts.tsx';
export { QuoteDocument } from './QuoteDocument.tsx';
export type { QuoteDocumentProps, QuotePromise } from './QuoteDocument.tsx';
export { QuoteComparison } from './QuoteComparison.tsx';
export type { QuoteComparisonProps } from './QuoteComparison.tsx';
export { SharedQuoteView } from './SharedQuoteView.tsx';
export type { SharedQuoteViewProps } from './SharedQuoteView.tsx';
export { repQuoteApi, sharedQuoteApi, QuoteApiError } from './quoteApi.ts';
export type { QuoteView } from './quoteApi.ts';
