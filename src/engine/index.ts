/** The Madeto engine: pure TypeScript, no React, DOM, fetch or clock. */
export { parseModel } from './model/parseModel.ts';
export { attributeLabel, selectionLabel, valueLabel } from './model/labels.ts';
export { parseRule } from './model/rules/parseRule.ts';
export { attributesOf } from './model/rules/ast.ts';
export type { Expr, Literal } from './model/rules/ast.ts';
export { ModelError } from './model/types.ts';
export type {
  Attribute,
  Constraint,
  ModelIssue,
  ProductModel,
  Selection,
  SelectionValue,
} from './model/types.ts';
export { compile, DEFAULT_MAX_NODES, DEFAULT_MAX_WORK } from './solver/compile.ts';
export type { CompiledModel, CompileOptions } from './solver/compile.ts';
export { compileReordered } from './solver/reorder/compileReordered.ts';
export type { ReorderLimits, ReorderRequest } from './solver/reorder/compileReordered.ts';
export { domains } from './solver/domains.ts';
export { count } from './solver/count.ts';
export { hasValidCompletion } from './solver/hasValidCompletion.ts';
export { validate } from './solver/validate.ts';
export { SolverError } from './solver/SolverError.ts';
export type { SolverErrorCode } from './solver/SolverError.ts';
export type {
  Domains,
  Explanation,
  Repair,
  SelectionChange,
  ValueState,
  Violation,
} from './solver/types.ts';
export { explain } from './solver/explain.ts';
export { repair } from './solver/repair.ts';
export { complete } from './solver/complete.ts';
export {
  createConfiguratorEngine,
  diagramEngine,
  satFallbackEngine,
} from './sat/createConfiguratorEngine.ts';
export type { ConfiguratorEngine } from './sat/createConfiguratorEngine.ts';
export { reconcileSelection } from './solver/reconcileSelection.ts';
export type { CompletionObjective } from './solver/complete.ts';
export { serializeCompiled, deserializeCompiled, isCompiledFile } from './solver/serialize.ts';
export type { SerializedCompiled } from './solver/serialize.ts';
export { encodeCompiled, decodeCompiled, isCompiledBinary } from './solver/compiledBinary.ts';
export { lintModelSemantics } from './solver/lintModelSemantics.ts';
export { promise } from './leadtime/promise.ts';
export type { PromiseOptions, PromiseRequestInput, PromiseResult } from './leadtime/promise.ts';
export type * from './leadtime/result.ts';
export { parseSnapshot, parsePromiseRequest, SnapshotError } from './leadtime/parseSnapshot.ts';
export type { Snapshot, PromiseRequest } from './leadtime/schema.ts';
export { dateSchema, instantSchema, localDateTimeSchema } from './leadtime/schema.ts';
export { jsonPath } from './model/jsonPath.ts';
export { lintSnapshot } from './leadtime/lintSnapshot.ts';
export { modelBomLines } from './leadtime/modelBom.ts';
export {
  activeHolds,
  capacityHours,
  netOfHolds,
  promiseConsumption,
  promiseHolding,
  type Hold,
  type HoldNeed,
} from './leadtime/holds.ts';
export { buyerSubject } from './leadtime/buyerWords.ts';
export type { PriceDelta, ValidAlternatives } from './leadtime/suggestions.ts';
export { evaluate } from './model/evaluate.ts';
export { parsePricing } from './pricing/parsePricing.ts';
export { parsePriceRequest } from './pricing/parsePriceRequest.ts';
export { PricingError } from './pricing/PricingError.ts';
export type { PricingIssue } from './pricing/PricingError.ts';
export type { PriceRequest } from './pricing/requestSchema.ts';
export type { Pricing, RoundingPolicy } from './pricing/schema.ts';
export { price } from './pricing/price.ts';
export type { PriceResult, LineResult, ChargeResult, PricingData } from './pricing/price.ts';
export type {
  WaterfallStep,
  WaterfallKind,
  PriceViolation,
  TierHint,
} from './pricing/waterfall.ts';
export { optionDeltas, priceDeltaPerUnit, priceDeltaHook } from './pricing/optionDeltas.ts';
export type { DeltaQuery, OptionDeltas } from './pricing/optionDeltas.ts';
export { lintPricing, lintPricingJson } from './pricing/lintPricing.ts';
export { minorUnits } from './pricing/money.ts';
export {
  orderPayloadSchema,
  orderDiscountsSchema,
  parseOrderPayload,
  idempotencyKeySchema,
  PAYLOAD_VERSION,
} from './orders/schema.ts';
export type {
  OrderPayload,
  OrderPayloadInput,
  PayloadIssue,
  BomNeed,
  RoutingNeed,
} from './orders/schema.ts';
export { verifyOrder } from './orders/verifyOrder.ts';
export type { OrderVerification, VerifyOptions } from './orders/verifyOrder.ts';
export type { OrderDifference, DifferenceCode } from './orders/difference.ts';
export { buildOrderPayload } from './orders/buildOrder.ts';
export type { BuildOrderInput } from './orders/buildOrder.ts';
export { productionNeeds } from './orders/needs.ts';
export type { ProductionNeeds } from './orders/needs.ts';
export { contentHash, canonicalJson, modelHash } from './orders/contentHash.ts';
export { sha256Hex } from './orders/sha256.ts';
export { importXcsp } from './import/xcsp.ts';
export { importDimacs } from './import/dimacs.ts';
export { ImportError } from './import/ImportError.ts';
export {
  parseRepQuote,
  repQuoteSchema,
  draftQuote,
  DRAFT_VALID_DAYS,
  priceQuote,
  quotedFigures,
  quoteChanges,
  compareConfigurations,
  QUOTE_STATES,
  quoteState,
  applyQuoteEvent,
  userRoleWire,
  userWire,
  meWire,
  errorWire,
  quoteStateWire,
  approvalStatusWire,
  approvalWire,
  guardrailWire,
  quoteActivityWire,
  optionInWordsWire,
  customerLineWire,
  sellerWire,
  cannotAcceptWire,
  customerQuoteWire,
  quotedFiguresWire,
  quoteChangeWire,
  priceResultWire,
  lineMarginWire,
  repQuoteWire,
  pipelineItemWire,
  pipelinePageWire,
  approvalQueueWire,
  sendResultWire,
  acceptResultWire,
  devMailWire,
  submissionWire,
  quoteLookupWire,
  customerDocument,
  lineMargins,
  sellerFileSchema,
  parseSellerFile,
  DEFAULT_SELLER,
} from './quotes/index.ts';
export type {
  RepQuote,
  RepQuoteInput,
  RepQuoteLine,
  PricedQuote,
  QuoteData,
  QuoteChange,
  QuoteChangeKind,
  QuotedFigures,
  ConfigurationComparison,
  QuoteState,
  QuoteFacts,
  QuoteEvent,
  QuoteEventResult,
  QuoteEventRefusal,
  ApprovalStatus,
  MeWire,
  ErrorWire,
  CustomerQuoteWire,
  RepQuoteWire,
  PipelineItemWire,
  PipelinePageWire,
  ApprovalQueueWire,
  SendResultWire,
  AcceptResultWire,
  DevMailWire,
  SellerWire,
  SubmissionWire,
  QuoteLookupWire,
  SellerConfig,
  CustomerDocumentInput,
} from './quotes/index.ts';
// Used by the other layers (which enter the engine here only, see eslint.config.js).
export { PromiseInputError } from './leadtime/planOrder.ts';
export type { LintFinding } from './lintFinding.ts';
export { isOnStep } from './model/parseModel.ts';
export type { ModelDocument } from './model/schema.ts';
export { model3dVariant, type Model3d, type Model3dVariant } from './model/model3d.ts';
export { seededRandom, shuffled } from './random.ts';
export { FALSE } from './solver/mdd.ts';
export { readJsonBytes, readJsonText, JSON_LIMITS } from './json/readJsonText.ts';
export type { JsonLimits, JsonProblem, JsonRead } from './json/readJsonText.ts';
export { isInstant, dateOf, dayOf } from './leadtime/time.ts';
export { optimalCompletion } from './optimize/optimalCompletion.ts';
export type {
  Objective,
  OptimalCompletion,
  OptimalCompletionInput,
} from './optimize/optimalCompletion.ts';
export { OptimizeError } from './optimize/OptimizeError.ts';
export { composeView } from './visuals/composeView.ts';
export type { ComposedLayer, ComposedView } from './visuals/composeView.ts';
export { lintVisuals } from './visuals/lintVisuals.ts';
export type { LintVisualsOptions } from './visuals/lintVisuals.ts';
export type { ModelVisuals, View, VisualLayer, LayerSource } from './visuals/types.ts';
export * from './insights/index.ts';
export { linePicture, linePictureSchema } from './orders/picture.ts';
export { pictureSvg } from './orders/pictureSvg.ts';
export type { LinePictureView, PictureSvgOptions } from './orders/pictureSvg.ts';
export type { LinePicture } from './orders/picture.ts';
export { selectionIssues } from './model/selectionIssues.ts';
