/** Rep quotes: several configured lines with discounts, priced, promised and compared. */
export { parseRepQuote, repQuoteSchema } from './repQuote.ts';
export type { RepQuote, RepQuoteInput, RepQuoteLine } from './repQuote.ts';
export { draftQuote, DRAFT_VALID_DAYS } from './draftQuote.ts';
export { priceQuote } from './priceQuote.ts';
export type { PricedQuote, QuoteData } from './priceQuote.ts';
export { quotedFigures, quoteChanges } from './quoteChanges.ts';
export type { QuoteChange, QuoteChangeKind, QuotedFigures } from './quoteChanges.ts';
export { compareConfigurations } from './compareConfigurations.ts';
export type { ConfigurationComparison } from './compareConfigurations.ts';
export { QUOTE_STATES, quoteState, applyQuoteEvent } from './quoteState.ts';
export type {
  QuoteState,
  QuoteFacts,
  QuoteEvent,
  QuoteEventResult,
  QuoteEventRefusal,
  ApprovalStatus,
} from './quoteState.ts';
export * from './wire.ts';
export { customerDocument, lineMargins } from './customerDocument.ts';
export { sellerFileSchema, parseSellerFile, DEFAULT_SELLER } from './sellerConfig.ts';
export type { SellerConfig, CustomerDocumentInput } from './customerDocument.ts';
