import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ORDER_NUMBER, REQUEST_NUMBER } from './callFailure.ts';
import type { RepTranslate } from './i18n/repMessages.ts';
import type { QuoteView } from './quoteApi.ts';

/** What "Open" says about a number it does not open as a rep quote. */
type Hint = { kind: 'request' | 'order'; number: string } | undefined;

/**
 * Reopening a stored quote: its number (a small form of its own: Enter or "Open"), and, once a
 * quote with several revisions is open, the revision to show. A buyer's request number
 * (`Q-2026-000001`) is not a rep quote: it is said, with "Convert … to a quote" next to it; an
 * order number is said to be one.
 */
export function OpenQuote(props: {
  t: RepTranslate;
  stored: QuoteView | undefined;
  onOpen: (number: string, revision?: number) => void;
  onConvert: (number: string) => void;
}) {
  const { t, stored } = props;
  const id = useId();
  const [hint, setHint] = useState<Hint>();
  const form = useForm<{ number: string }>({ defaultValues: { number: '' } });
  const number = useWatch({ control: form.control, name: 'number' }).trim();
  const submit = (typed: string) => {
    const n = typed.trim().toUpperCase();
    if (REQUEST_NUMBER.test(n)) setHint({ kind: 'request', number: n });
    else if (ORDER_NUMBER.test(n)) setHint({ kind: 'order', number: n });
    else {
      setHint(undefined);
      props.onOpen(n);
    }
  };
  return (
    <div className="madeto-rep-open">
      <form onSubmit={(e) => void form.handleSubmit((v) => submit(v.number))(e)}>
        <label htmlFor={`${id}-number`}>{t('rep.quoteNumber')}</label>
        <input id={`${id}-number`} {...form.register('number')} autoComplete="off" />
        <button type="submit" disabled={number === ''}>
          {t('rep.open')}
        </button>
      </form>
      {hint && (
        <p role="status" data-state={hint.kind}>
          {t(hint.kind === 'request' ? 'rep.open.request' : 'rep.open.order', {
            number: hint.number,
          })}{' '}
          {hint.kind === 'request' && (
            <button
              type="button"
              onClick={() => {
                setHint(undefined);
                props.onConvert(hint.number);
              }}
            >
              {t('rep.open.convert', { number: hint.number })}
            </button>
          )}
        </p>
      )}
      {stored && stored.revisions.length > 1 && (
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
