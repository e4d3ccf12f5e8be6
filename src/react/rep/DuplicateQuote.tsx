import { useId } from 'react';
import type { RepTranslate } from './i18n/repMessages.ts';
import type { QuoteView } from './quoteApi.ts';

/**
 * How the editor duplicates: `server` saves a copy of the stored revision as a new quote on the
 * backend (priced today); `local` keeps the form as an unsaved copy (a draft never saved, or a
 * saved quote with changes the server does not have), which the next save creates as a new quote.
 */
export type DuplicateMode = 'server' | 'local';

/** The mode of the Duplicate button: on the server only what the server holds, unchanged. */
export const duplicateMode = (stored: QuoteView | undefined, dirty: boolean): DuplicateMode =>
  stored && !dirty ? 'server' : 'local';

/**
 * The editor's "Duplicate" button with a line that says what it will do (referenced by
 * `aria-describedby`): copy the saved revision on the server, or copy the unsaved draft or
 * changes here.
 */
export function DuplicateQuote(props: {
  t: RepTranslate;
  stored: QuoteView | undefined;
  /** The form differs from the stored revision. */
  dirty: boolean;
  disabled: boolean;
  onDuplicate: (mode: DuplicateMode) => void;
}) {
  const { t, stored } = props;
  const hint = useId();
  const mode = duplicateMode(stored, props.dirty);
  const text =
    mode === 'server' && stored
      ? t('rep.duplicateHint.saved', { revision: stored.revision })
      : t(stored ? 'rep.duplicateHint.changed' : 'rep.duplicateHint.draft');
  return (
    <span className="madeto-rep-duplicate" data-state={mode}>
      <button
        type="button"
        aria-describedby={hint}
        disabled={props.disabled}
        onClick={() => props.onDuplicate(mode)}
      >
        {t('rep.duplicate')}
      </button>
      <small id={hint}>{text}</small>
    </span>
  );
}
