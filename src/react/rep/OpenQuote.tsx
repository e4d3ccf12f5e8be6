import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { RepTranslate } from './i18n/repMessages.ts';
import type { QuoteView } from './quoteApi.ts';

/**
 * Reopening a stored quote: its number (a small form of its own: Enter or "Open"), and, once a
 * quote with several revisions is open, the revision to show.
 */
export function OpenQuote(props: {
  t: RepTranslate;
  stored: QuoteView | undefined;
  onOpen: (number: string, revision?: number) => void;
}) {
  const { t, stored } = props;
  const id = useId();
  const form = useForm<{ number: string }>({ defaultValues: { number: '' } });
  const number = useWatch({ control: form.control, name: 'number' }).trim();
  return (
    <div className="madeto-rep-open">
      <form onSubmit={(e) => void form.handleSubmit((v) => props.onOpen(v.number.trim()))(e)}>
        <label htmlFor={`${id}-number`}>{t('rep.quoteNumber')}</label>
        <input id={`${id}-number`} {...form.register('number')} autoComplete="off" />
        <button type="submit" disabled={number === ''}>
          {t('rep.open')}
        </button>
      </form>
      {stored?.revisions && stored.revisions.length > 1 && (
        <label>
          {t('rep.revision')}
          <select
            value={stored.revision}
            onChange={(e) => props.onOpen(stored.number, Number(e.target.value))}
          >
            {stored.revisions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
