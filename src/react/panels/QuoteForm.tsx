import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormField } from '../components/FormField.tsx';
import { useMessages } from '../i18n/messages.ts';
import { QUOTE_LIMITS, quoteSchema, type QuoteInput, type QuoteValues } from './quoteSchema.ts';
import { SendUnavailable } from './SendUnavailable.tsx';

/** Where the form is: typing, sending, sent, or failed (with a retry). */
export type QuoteFormState = 'editing' | 'submitting' | 'success' | 'failure';

/** The props of `<QuoteForm>`. */
export interface QuoteFormProps {
  locale: string;
  /**
   * Sends the request (issue 6's submit adapter plugs in here); rejects on failure. A resolved
   * `{ number }` is shown with the thank-you.
   */
  onSubmit: (values: QuoteValues) => Promise<unknown>;
  /** The earliest requested date `YYYY-MM-DD`: today, or the promised delivery date. */
  minDate: string;
  /** Blocks submitting with a reason (e.g. the configuration is not complete yet). */
  blockedReason?: string;
  /** What the configuration still needs, each with a way to its step (shown as links). */
  missing?: readonly MissingLink[];
  defaultValues?: Partial<QuoteInput>;
  /**
   * The state the form opens in (default `editing`): sending, sent or failed shown at once, for a
   * designer's story or a help page, without sending anything. The form then goes on as usual.
   */
  initialState?: QuoteFormState;
  /** With `initialState: 'failure'`: the reason shown (what `onSubmit` would have rejected with). */
  initialFailure?: string;
}

/** A choice still missing from the configuration, and how to get to its step. */
export interface MissingLink {
  attribute: string;
  /** "Choose Frame", "Correct Engraving". */
  text: string;
  /** The step's name, e.g. "in “Structure”". */
  where: string;
  onOpen: () => void;
}

const EMPTY: QuoteInput = { name: '', email: '', company: '', notes: '', requestedDate: '' };

/**
 * The quote request form (react-hook-form with the zod schema of `quoteSchema`): name, email,
 * company, notes and requested date, each error shown under its field once touched; the submit
 * button is disabled while the form is invalid, and unavailable (aria-disabled, keeping the focus)
 * while sending; then success (the focus moves to its message), or failure with a retry of the
 * same values. `data-state` on the form: editing, submitting, success, failure.
 */
export function QuoteForm({
  locale,
  onSubmit,
  minDate,
  blockedReason,
  missing = [],
  defaultValues,
  initialState = 'editing',
  initialFailure = '',
}: QuoteFormProps) {
  const t = useMessages(locale);
  const id = useId();
  const schema = useMemo(() => quoteSchema(t, locale, minDate), [t, locale, minDate]);
  const form = useForm<QuoteInput, unknown, QuoteValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { ...EMPTY, ...defaultValues },
  });
  const { register, handleSubmit, formState, reset, control } = form;
  // Why Send is unavailable, said next to it: the form's own problems (also before a field is
  // touched), then the configuration's.
  const values = useWatch({ control });
  const formProblems = useMemo(() => {
    const check = schema.safeParse({ ...EMPTY, ...values });
    return check.success ? [] : [...new Set(check.error.issues.map((i) => i.message))];
  }, [schema, values]);
  const whyId = `${id}-why`;
  const [state, setState] = useState<QuoteFormState>(initialState);
  const [failure, setFailure] = useState(initialFailure);
  const [number, setNumber] = useState<string>();
  // The form is replaced by the thank-you on success: the focus (on the submit button) follows
  // to the message instead of falling to the page's <body>.
  const done = useRef<HTMLParagraphElement>(null);
  const hadFocus = useRef(false);
  useEffect(() => {
    if (state !== 'success') return;
    if (hadFocus.current) done.current?.focus();
    hadFocus.current = false;
  }, [state]);

  const send = handleSubmit(async (values) => {
    setState('submitting');
    try {
      const ack = await onSubmit(values);
      // An adapter's acknowledgement may carry the backend's quote number (issue 6's `SubmitAck`).
      const n =
        typeof ack === 'object' && ack !== null ? (ack as { number?: unknown }).number : undefined;
      setNumber(typeof n === 'string' ? n : undefined);
      setState('success');
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setState('failure');
    }
  });

  const titleId = `${id}-title`;
  if (state === 'success')
    return (
      <section className="madeto-panel madeto-quote" data-state={state} aria-labelledby={titleId}>
        <h3 id={titleId}>{t('form.title')}</h3>
        <p role="status" ref={done} tabIndex={-1}>
          {number === undefined ? t('form.success') : t('form.successNumber', { number })}
        </p>
        <button
          type="button"
          onClick={() => {
            reset({ ...EMPTY, ...defaultValues });
            setState('editing');
          }}
        >
          {t('form.again')}
        </button>
      </section>
    );

  const e = formState.errors;
  const submitting = state === 'submitting';
  return (
    <section className="madeto-panel madeto-quote" data-state={state} aria-labelledby={titleId}>
      <h3 id={titleId}>{t('form.title')}</h3>
      <form
        noValidate
        aria-labelledby={titleId}
        aria-busy={submitting || undefined}
        data-state={state}
        onSubmit={(event) => {
          // While sending, the button stays focusable (aria-disabled) and a second press is ignored.
          if (submitting) return event.preventDefault();
          const form = event.currentTarget;
          const root = form.getRootNode() as Document | ShadowRoot;
          hadFocus.current = form.contains(root.activeElement);
          void send(event);
        }}
      >
        <FormField id={`${id}-name`} label={t('form.name')} error={e.name?.message}>
          {(aria) => (
            <input
              {...aria}
              {...register('name')}
              autoComplete="name"
              maxLength={QUOTE_LIMITS.name}
              required
            />
          )}
        </FormField>
        <FormField id={`${id}-email`} label={t('form.email')} error={e.email?.message}>
          {(aria) => (
            <input {...aria} {...register('email')} type="email" autoComplete="email" required />
          )}
        </FormField>
        <FormField
          id={`${id}-company`}
          label={t('form.company')}
          optional={t('form.optional')}
          error={e.company?.message}
        >
          {(aria) => (
            <input
              {...aria}
              {...register('company')}
              autoComplete="organization"
              maxLength={QUOTE_LIMITS.company}
            />
          )}
        </FormField>
        <FormField
          id={`${id}-notes`}
          label={t('form.notes')}
          optional={t('form.optional')}
          error={e.notes?.message}
        >
          {(aria) => (
            <textarea {...aria} {...register('notes')} rows={3} maxLength={QUOTE_LIMITS.notes} />
          )}
        </FormField>
        <FormField
          id={`${id}-date`}
          label={t('form.requestedDate')}
          optional={t('form.optional')}
          error={e.requestedDate?.message}
        >
          {(aria) => <input {...aria} {...register('requestedDate')} type="date" min={minDate} />}
        </FormField>
        {state !== 'submitting' && (
          <SendUnavailable
            id={whyId}
            heading={t('form.whyDisabled')}
            problems={formProblems}
            blockedReason={blockedReason}
            missing={missing}
          />
        )}
        {state === 'failure' && (
          <p className="madeto-form-failure" role="alert">
            {t('form.failure', { message: failure })}
          </p>
        )}
        <button
          type="submit"
          disabled={formProblems.length > 0 || blockedReason !== undefined}
          aria-describedby={
            formProblems.length > 0 || blockedReason !== undefined ? whyId : undefined
          }
          aria-disabled={submitting || undefined}
        >
          {submitting
            ? t('form.submitting')
            : state === 'failure'
              ? t('form.retry')
              : t('form.submit')}
        </button>
      </form>
    </section>
  );
}
