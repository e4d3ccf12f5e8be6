import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type Ref,
} from 'react';
import { FormField } from '../../react/components/FormField.tsx';
import { useMessages } from '../../react/i18n/messages.ts';
import type { QuoteFormProps } from '../../react/panels/QuoteForm.tsx';
import { QUOTE_LIMITS, quoteSchema } from '../../react/panels/quoteSchema.ts';
import { SendUnavailable } from '../../react/panels/SendUnavailable.tsx';
import { loadedQuoteForm, loadQuoteForm } from './loadQuoteForm.ts';

/** Where the form's own file is: not asked for yet, on its way, or failed (with a retry). */
export type FormFileState = 'waiting' | 'loading' | 'failed';

const EMPTY = { name: '', email: '', company: '', notes: '', requestedDate: '' };
/** How near the viewport (below or above) the placeholder starts fetching the form. */
const NEAR = '300px';
/** The buyer's first press, key or focus inside the widget fetches the form at the latest. */
const PRESSES = ['pointerdown', 'keydown', 'focusin'] as const;

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
  function LazyQuoteForm(props: QuoteFormProps) {
    const [Form, setForm] = useState(current);
    const [state, setState] = useState<FormFileState>('waiting');
    const placeholder = useRef<HTMLElement>(null);
    const begin = useCallback(() => {
      setState('loading');
      load().then(
        (component) => setForm(() => component),
        () => setState('failed'),
      );
    }, []);
    useEffect(() => {
      const el = placeholder.current;
      if (Form || state !== 'waiting' || !el) return;
      const root = el.getRootNode() as Document | ShadowRoot;
      // Whichever comes first asks, once (the others are removed when the state changes).
      let asked = false;
      const ask = () => {
        if (asked) return;
        asked = true;
        begin();
      };
      const io =
        typeof IntersectionObserver === 'function'
          ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && ask(), {
              rootMargin: NEAR,
            })
          : undefined;
      io?.observe(el);
      // Safari has no requestIdleCallback: the next task stands in for it.
      const idle = typeof requestIdleCallback === 'function';
      const timer = idle ? requestIdleCallback(ask) : window.setTimeout(ask, 1);
      for (const type of PRESSES) root.addEventListener(type, ask, { capture: true });
      return () => {
        io?.disconnect();
        if (idle) cancelIdleCallback(timer);
        else clearTimeout(timer);
        for (const type of PRESSES) root.removeEventListener(type, ask, { capture: true });
      };
    }, [Form, state, begin]);
    if (Form) return <Form {...props} />;
    return <QuoteFormPlaceholder {...props} ref={placeholder} state={state} onRetry={begin} />;
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
  state: FormFileState;
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
