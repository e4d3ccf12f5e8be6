import { useId, useMemo, useRef, type ComponentType, type Ref } from 'react';
import { FormField } from '../../react/components/FormField.tsx';
import { useMessages } from '../../react/i18n/messages.ts';
import type { QuoteFormProps } from '../../react/panels/QuoteForm.tsx';
import { QUOTE_LIMITS, quoteSchema } from '../../react/panels/quoteSchema.ts';
import { SendUnavailable } from '../../react/panels/SendUnavailable.tsx';
import { useSplitFile, type SplitFileState } from '../split/useSplitFile.ts';
import { loadedQuoteForm, loadQuoteForm } from './loadQuoteForm.ts';

const EMPTY = { name: '', email: '', company: '', notes: '', requestedDate: '' };

/**
 * A quote form that loads its code (react-hook-form, its zod resolver and the form) from its own
 * file: `<QuoteForm>`'s props, and until `load` resolves a placeholder of the same height (the
 * form's fields, disabled, and the reasons Send is unavailable, as the form will show them). The
 * file is fetched when the placeholder comes near the viewport, when the page is next idle, or on
 * the buyer's first press in the widget, whichever is first; if it fails, the placeholder says so
 * with a retry (the configuration is never touched).
 *
 * @example
 * const QuoteForm = createLazyQuoteForm(loadQuoteForm, loadedQuoteForm);
 */
export function createLazyQuoteForm(
  load: () => Promise<ComponentType<QuoteFormProps>>,
  current: () => ComponentType<QuoteFormProps> | undefined,
): ComponentType<QuoteFormProps> {
  const file = { load, loaded: current };
  function LazyQuoteForm(props: QuoteFormProps) {
    const placeholder = useRef<HTMLElement>(null);
    const {
      value: Form,
      state,
      load: retry,
    } = useSplitFile(file, { idle: true, near: placeholder });
    if (Form) return <Form {...props} />;
    return <QuoteFormPlaceholder {...props} ref={placeholder} state={state} onRetry={retry} />;
  }
  return LazyQuoteForm;
}

/**
 * The form as it will first render (its title, its fields disabled, why Send is unavailable), so
 * nothing moves when it arrives; on failure, a message and a retry instead of Send.
 */
function QuoteFormPlaceholder({
  locale,
  minDate,
  blockedReason,
  missing = [],
  defaultValues,
  state,
  onRetry,
  ref,
}: QuoteFormProps & {
  state: SplitFileState;
  onRetry: () => void;
  ref: Ref<HTMLElement>;
}) {
  const t = useMessages(locale);
  const id = useId();
  const problems = useMemo(() => {
    const check = quoteSchema(t, locale, minDate).safeParse({ ...EMPTY, ...defaultValues });
    return check.success ? [] : [...new Set(check.error.issues.map((i) => i.message))];
  }, [t, locale, minDate, defaultValues]);
  const titleId = `${id}-title`;
  const whyId = `${id}-why`;
  const failed = state === 'failed';
  const blocked = problems.length > 0 || blockedReason !== undefined;
  const value = (name: keyof typeof EMPTY) => defaultValues?.[name] ?? '';
  const field = (name: keyof typeof EMPTY, label: string, optional: boolean) => (
    <FormField
      id={`${id}-${name}`}
      label={label}
      optional={optional ? t('form.optional') : undefined}
      error={undefined}
    >
      {(aria) =>
        name === 'notes' ? (
          <textarea {...aria} name={name} rows={3} value={value(name)} disabled readOnly />
        ) : (
          <input
            {...aria}
            name={name}
            type={name === 'email' ? 'email' : name === 'requestedDate' ? 'date' : 'text'}
            {...(name === 'requestedDate' ? { min: minDate } : { maxLength: QUOTE_LIMITS[name] })}
            value={value(name)}
            disabled
            readOnly
          />
        )
      }
    </FormField>
  );
  return (
    <section
      ref={ref}
      className="madeto-panel madeto-quote"
      data-state={failed ? 'unavailable' : 'loading'}
      aria-labelledby={titleId}
      aria-busy={!failed || undefined}
    >
      <h3 id={titleId}>{t('form.title')}</h3>
      <form noValidate aria-labelledby={titleId} onSubmit={(e) => e.preventDefault()}>
        {field('name', t('form.name'), false)}
        {field('email', t('form.email'), false)}
        {field('company', t('form.company'), true)}
        {field('notes', t('form.notes'), true)}
        {field('requestedDate', t('form.requestedDate'), true)}
        <SendUnavailable
          id={whyId}
          heading={t('form.whyDisabled')}
          problems={problems}
          blockedReason={blockedReason}
          missing={missing}
        />
        {failed ? (
          <>
            <p className="madeto-form-failure" role="alert">
              {t('form.loadFailed')}
            </p>
            <button type="button" onClick={onRetry}>
              {t('form.loadRetry')}
            </button>
          </>
        ) : (
          <button type="submit" disabled aria-describedby={blocked ? whyId : undefined}>
            {t('form.submit')}
          </button>
        )}
      </form>
      {!failed && (
        <p className="madeto-visually-hidden" role="status">
          {t('form.loading')}
        </p>
      )}
    </section>
  );
}

/**
 * What the shop app has in place of `src/react/panels/QuoteForm.tsx` (swapped in by `build.ts`):
 * the form, loaded from `madeto-form.<hash>.js` beside the app.
 */
export const QuoteForm = createLazyQuoteForm(loadQuoteForm, loadedQuoteForm);
