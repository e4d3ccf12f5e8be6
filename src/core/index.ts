/**
 * The Madeto configurator core: a framework-free session over the engine (what a click does, which
 * selection counts, when it is complete). `src/react` renders it; it enters here only.
 */
export { createSession } from './createSession.ts';
export type { IntentStore, Session, SessionOptions } from './createSession.ts';
export type { CompletionContext, CompletionObjective, EnginePort } from './enginePort.ts';
export type { DroppedChoice, DroppedReason, LoadSource, SessionEvent } from './events.ts';
export {
  applyChanges,
  clearValue,
  initialIntent,
  loadSelection,
  MAX_HISTORY,
  redo,
  replaceSelection,
  setValue,
  undo,
} from './intent.ts';
export type { Intent } from './intent.ts';
export { plantToday, priceOf, promiseOf } from './outcomes.ts';
export type { LineInput, Loaded, PriceOutcome, PromiseOutcome, SessionData } from './outcomes.ts';
export { checkQuantity, DEFAULT_QUANTITY_LIMITS, quantityLimits } from './quantity.ts';
export type { QuantityCheck, QuantityLimits, QuantityProblem } from './quantity.ts';
export type {
  Activity,
  Announcement,
  AnnouncementEntry,
  Conflict,
  LineOutcomes,
  LoadNotice,
  SessionMessages,
  SessionSnapshot,
} from './snapshot.ts';
export { missingChoices, steps } from './steps.ts';
export type { MissingChoice, MissingReason, Step, StepState } from './steps.ts';
export { textRefusal } from './textCheck.ts';
export type { TextRefusal } from './textCheck.ts';
export { deriveSelection } from './deriveSelection.ts';
export type { DerivedSelection } from './deriveSelection.ts';
export { relevantNow } from './relevantNow.ts';
export { daysBetween, deltasOf, valueOutlook, withValue } from './valueOutlook.ts';
export type {
  AvailabilityBadge,
  AvailabilityState,
  OutlookFactory,
  OutlookLine,
  ValueOutlook,
} from './valueOutlook.ts';
export { isValidValue, keyToValue, textProblem, valueKeys } from './valueKeys.ts';
export { createInsightReporter } from './insightReporter.ts';
export type {
  BatchAnswer,
  BatchSender,
  InsightReporter,
  InsightReporterOptions,
} from './insightReporter.ts';
