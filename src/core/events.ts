import type { Selection } from '../engine/index.ts';
import type { CompletionObjective } from './enginePort.ts';
import type { SessionData } from './outcomes.ts';

/** Where a loaded selection came from. */
export type LoadSource = 'link' | 'saved' | 'initial' | 'none';

/** Why a loaded choice (or the loaded quantity) could not be kept. */
export type DroppedReason = 'unknown-attribute' | 'unknown-value' | 'conflict' | 'quantity';

/** A loaded choice that was not kept, named for the buyer. */
export interface DroppedChoice {
  attribute: string;
  /** The attribute's label, or its id when the model no longer has it. */
  label: string;
  /** The loaded value as written. */
  value: string;
  reason: DroppedReason;
}

/**
 * Everything that can happen to a session. Each is one transition of the intent (and of the
 * session's messages); the ones that need the engine ask the session's `EnginePort` first.
 * Value keys are as in `Domains`.
 */
export type SessionEvent =
  /** Picks a value (a multi: adds the item). Available values are chosen; others open the
   * conflict (`snapshot.conflict`) with the explanation and the nearest repair. */
  | { type: 'choose'; attribute: string; key: string }
  /** Removes a multi item (`key`) or clears the attribute. */
  | { type: 'unchoose'; attribute: string; key?: string | undefined }
  /** Opens the explanation of a value without choosing it. */
  | { type: 'explain'; attribute: string; key: string }
  /** Applies the open conflict's repair (one undoable step). */
  | { type: 'repair' }
  /** Closes the open conflict without changing anything. */
  | { type: 'dismiss' }
  | { type: 'complete'; objective: CompletionObjective }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset' }
  /** A typed quantity: accepted within the limits, else refused and named (never replaced). */
  | { type: 'setQuantity'; input: string | number }
  /** A typed text value: stored as typed; a value the model refuses is named, never cut. */
  | { type: 'setText'; attribute: string; text: string }
  | { type: 'goToStep'; step: string }
  | { type: 'nextStep' }
  | { type: 'previousStep' }
  /** A selection from a link or a saved configuration; what cannot be kept is dropped and named. */
  | {
      type: 'load';
      selection: Selection;
      quantity?: number | undefined;
      source: LoadSource;
      fromVersion?: string | undefined;
      dropped?: readonly DroppedChoice[] | undefined;
    }
  | { type: 'dismissNotice' }
  /** New pricing or availability documents (loaded, refreshed). */
  | { type: 'setData'; data: SessionData };
