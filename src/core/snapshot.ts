import type {
  Domains,
  Explanation,
  ProductModel,
  Repair,
  SelectionChange,
  SelectionValue,
} from '../engine/index.ts';
import type { DerivedSelection } from './deriveSelection.ts';
import type { DroppedChoice, LoadSource } from './events.ts';
import type { Intent } from './intent.ts';
import type { PriceOutcome, PromiseOutcome } from './outcomes.ts';
import type { QuantityCheck, QuantityLimits } from './quantity.ts';
import type { MissingChoice, Step } from './steps.ts';
import type { TextRefusal } from './textCheck.ts';

/** What the live region says after an event, as data (the UI words it in its locale). */
export type Announcement =
  | { code: 'chosen'; attribute: string; value: SelectionValue }
  | { code: 'added' | 'removed'; attribute: string; key: string }
  | { code: 'changed'; changes: readonly SelectionChange[] }
  | { code: 'completed' }
  | { code: 'completeFailed'; message: string }
  | { code: 'text'; text: string };

/** An announcement with the attributes the engine also had to clear to keep it valid. */
export interface AnnouncementEntry {
  /** Increases with every announcement, so the same words are announced again. */
  id: number;
  message: Announcement;
  /** Attribute ids cleared along with the change (a multi item removed, a multi reaching min). */
  cleared: string[];
}

/** A loaded selection, when something was dropped or migrated on the way. */
export interface LoadNotice {
  source: LoadSource;
  fromVersion: string | undefined;
  toVersion: string;
  dropped: DroppedChoice[];
}

/** A value the buyer asked about that is not simply available: its explanation and repair. */
export type Conflict = {
  attribute: string;
  key: string;
  valueState: 'conflict' | 'impossible';
} & (
  | { state: 'loading' }
  | { state: 'ready'; explanation: Explanation; repair: Repair | undefined }
  | { state: 'error'; message: string }
);

/** Something the session is waiting for. */
export type Activity = 'idle' | 'loading' | 'completing';

/** The buyer's messages: the live region, the fields' refusals, the load notice. */
export interface SessionMessages {
  announcement: AnnouncementEntry | undefined;
  /** A typed quantity that was refused (the field keeps showing it, with the reason). */
  quantity: Extract<QuantityCheck, { state: 'refused' }> | undefined;
  /** Text values the model refuses, by attribute id (stored as typed, left out of the line). */
  texts: ReadonlyMap<string, TextRefusal>;
  load: LoadNotice | undefined;
}

/** The one price and one promise of a line, each computed when first read. */
export interface LineOutcomes {
  readonly price: PriceOutcome;
  readonly promise: PromiseOutcome;
}

/**
 * One state of a session: the intent, everything derived from it (one price and one promise at
 * one instant), and the buyer's messages. Immutable; a new object after every change.
 */
export interface SessionSnapshot {
  model: ProductModel;
  intent: Intent;
  /** The effective selection (relevant, well-formed): what is priced, promised and sent. */
  effective: DerivedSelection;
  domains: Domains | undefined;
  /** An engine answer (domains) for the newest selection is still on its way. */
  pending: boolean;
  domainsError: Error | undefined;
  steps: Step[];
  /** The step on screen (the intent's, else the first). */
  step: Step | undefined;
  /** What keeps the configuration from being complete; empty exactly when `complete`. */
  missing: MissingChoice[];
  complete: boolean;
  quantityLimits: QuantityLimits;
  /** The instant this state was computed at (the injected clock), ISO-8601. */
  now: string;
  /** The plant's calendar day of `now`: the pricing date, the earliest requestable date. */
  today: string;
  /**
   * The price and the promise of the line, computed when first read and shared by every snapshot
   * of the same line (the same object until the selection, quantity or documents change): a click
   * can paint before they are computed.
   */
  outcomes: LineOutcomes;
  /** `outcomes.price` (computed when first read). */
  readonly price: PriceOutcome;
  /** `outcomes.promise` (computed when first read). */
  readonly promise: PromiseOutcome;
  conflict: Conflict | undefined;
  activity: Activity;
  messages: SessionMessages;
}
