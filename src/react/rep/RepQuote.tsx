import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  type CustomerQuoteWire,
  type Snapshot,
  type ProductModel,
  type Pricing,
  customerDocument,
  type SellerConfig,
  parseRepQuote,
  type RepQuote as RepQuoteData,
} from '../../engine/index.ts';
import { plantToday } from '../../core/index.ts';
import { ApprovalPanel } from './ApprovalPanel.tsx';
import { CompareLines } from './CompareLines.tsx';
import { draftPrice } from './draftPrice.ts';
import { DuplicateQuote, type DuplicateMode } from './DuplicateQuote.tsx';
import { OpenQuote } from './OpenQuote.tsx';
import { QuoteDocument } from './QuoteDocument.tsx';
import { QuoteLines } from './QuoteLines.tsx';
import { QuoteTermsFields } from './QuoteTermsFields.tsx';
import { RepDiscounts } from './RepDiscounts.tsx';
import { callFailure } from './callFailure.ts';
import { repQuoteApi, type QuoteUser, type QuoteView } from './quoteApi.ts';
import { SendQuote } from './SendQuote.tsx';
import { UNNAMED_SELLER } from './sellerConfig.ts';
import { repFormat } from './repFormat.ts';
import { QuoteApiError } from './apiCall.ts';
import { createInsightsLink } from '../insights/insightsLink.ts';
import {
  fieldOfPath,
  LINE_DISCOUNT_FIELDS,
  lineDiscountLabel,
  quoteFromForm,
  relocaliseDiscounts,
  relocaliseLines,
  repQuoteFormSchemaFor,
  repQuoteResolver,
  toFormValues,
  type RepQuoteFormValues,
} from './repQuoteForm.ts';

/** The rep's side of the backend the editor talks to (`repQuoteApi`). */
export type RepQuoteApi = Omit<ReturnType<typeof repQuoteApi>, 'events'> &
  Partial<Pick<ReturnType<typeof repQuoteApi>, 'events'>>;

/** The props of `<RepQuote>`, the widget's rep mode. */
export interface RepQuoteProps {
  /** The products a line may use (configured in the widget). */
  models: readonly ProductModel[];
  /** The parsed pricing the draft is priced with. */
  pricing: Pricing;
  /** The parsed availability snapshot the draft is promised with (none: no delivery dates). */
  snapshot?: Snapshot | undefined;
  /**
   * The backend's origin (`''`: this page's) and how to sign in: a bearer `token`, or (a page
   * signed in with the session cookie) that session's `csrfToken`.
   */
  apiBase: string;
  /** The rep's bearer token (a machine client, or a host that holds one). */
  token?: string | undefined;
  /** The CSRF token of the session, when the page is signed in with the session cookie. */
  csrfToken?: string | undefined;
  /** Who is signed in, when the host knows (else asked from `GET /api/me`). */
  user?: QuoteUser | undefined;
  /** The seller on the draft's document (`parseSellerConfig` of `seller.json`). */
  seller?: SellerConfig | undefined;
  /** A stored revision to start from (opened or converted by the host), instead of `initial`. */
  start?: QuoteView | undefined;
  /** How the host got `start` (said in the status line). */
  startedBy?: 'open' | 'convert' | undefined;
  /** Told whenever a revision is saved, opened, approved or sent (the host refreshes its lists). */
  onStored?: ((view: QuoteView) => void) | undefined;
  /** "Now" (ISO instant) and today's date: the clock is the host's. */
  now: string;
  /** The quote to start from (a draft); `open` reopens a stored one by number. */
  initial: RepQuoteData;
  /** Builds the customer's link from a share token. */
  shareUrl?: (token: string) => string;
  /** Locale of the words, money, percentages and dates (`de-DE`: German); default English. */
  locale?: string;
  /** The backend calls; default `repQuoteApi(apiBase, token)` (stories hand in a stand-in). */
  api?: RepQuoteApi;
}

/**
 * A call to the backend: save (a new quote, or a revision of `number`), reopen a revision, or
 * duplicate a stored revision as a new quote.
 */
type QuoteCall =
  | { kind: 'save'; quote: RepQuoteData; number: string | undefined }
  | { kind: 'open'; number: string; revision: number | undefined }
  | { kind: 'convert'; number: string }
  | { kind: 'duplicate'; number: string; revision: number };

/** What the editor says about saving, as `data-state`: the call's state, or a notice of its own. */
type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'error'; message: string };

/**
 * A sales rep's quote editor: several configured lines, the customer, the rep's discounts with the
 * engine's guardrails (approval required shown, never clamped), validity, ship policy and notes,
 * in one react-hook-form checked by a zod/mini schema (errors next to their fields); the price and
 * promise derive from the watched values. Save, reopen (any revision, with what changed),
 * duplicate and revise on the reference backend; a share link; a printable document; a comparison
 * of two lines. Words, money, percentages and dates follow `locale`, money the quote's currency.
 */
export function RepQuote(props: RepQuoteProps) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 0 } } }));
  return (
    <QueryClientProvider client={client}>
      <RepQuoteEditor {...props} />
    </QueryClientProvider>
  );
}

function RepQuoteEditor(props: RepQuoteProps) {
  const locale = props.locale ?? 'en';
  // The plant's day of the host's `now` (the session's one "today"), not the UTC date.
  const today = plantToday(
    props.models[0]!,
    { snapshot: props.snapshot ? { state: 'ready', value: props.snapshot } : { state: 'absent' } },
    props.now,
  );
  const schemas = (currency: string) => repQuoteFormSchemaFor(locale, currency, today);
  // The locale the form's values are typed in (and its messages said in): it follows `locale`.
  const typedIn = useRef(locale);
  const form = useForm<RepQuoteFormValues>({
    // Read at each check: after a language switch, messages come in the new language.
    resolver: (values, context, options) =>
      repQuoteResolver(typedIn.current, today)(values, context, options),
    // Checked on save, then on every change: no error appears on blur, where it would shift the
    // layout under the pointer between press and release and swallow the click on Save.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
    defaultValues: toFormValues(
      props.start?.quote ?? props.initial,
      repFormat(locale, (props.start?.quote ?? props.initial).pricing.currency),
    ),
  });
  const values = useWatch({ control: form.control }) as RepQuoteFormValues;
  const currency = values.pricing.currency;
  const f = repFormat(locale, currency);
  const { t } = f;
  const [stored, setStored] = useState<QuoteView | undefined>(props.start);
  const [active, setActive] = useState<string | undefined>();
  // A notice (a refused save, a duplicate) outranks the last call's state until the next call.
  const [notice, setNotice] = useState<Status | undefined>(() => {
    const s = props.start;
    if (!s || !props.startedBy) return undefined;
    const at = { number: s.number, revision: s.revision };
    return {
      kind: 'saved',
      message:
        props.startedBy === 'convert' && s.convertedFrom
          ? t('rep.converted', { ...at, from: s.convertedFrom })
          : t('rep.opened', at),
    };
  });
  const api = useMemo(
    () =>
      props.api ?? repQuoteApi(props.apiBase, { token: props.token, csrfToken: props.csrfToken }),
    [props.api, props.apiBase, props.token, props.csrfToken],
  );
  // The configured lines' events, channel rep (none with a stand-in API that has no `events`).
  // One insights link per quote on screen: its lines' sessions (by line id and product) end with
  // it, so another quote opened here (reopened, duplicated, converted) starts sessions of its own.
  const [quoteEpoch, setQuoteEpoch] = useState(0);
  const { insights } = useMemo(
    () => ({
      quoteEpoch,
      insights: api.events ? createInsightsLink('rep', api.events) : undefined,
    }),
    [api, quoteEpoch],
  );
  // The quote's line sessions end with it: another quote opened here, or the editor closed
  // (`abandoned` for a line never completed). Released at the next task: StrictMode holds again.
  useEffect(() => insights?.hold(), [insights]);
  const me = useQuery({
    queryKey: ['madeto', 'rep-me', props.apiBase, props.token],
    queryFn: api.me,
    enabled: props.user === undefined && (Boolean(props.token) || Boolean(props.csrfToken)),
  });
  const user: QuoteUser | undefined = props.user ?? me.data;
  const data = useMemo(
    () => ({
      pricing: props.pricing,
      models: props.models,
      snapshot: props.snapshot,
      now: props.now,
    }),
    [props.pricing, props.models, props.snapshot, props.now],
  );

  // The price derives from the watched values: lines, discounts, ship policy and pricing context.
  const priceKey = JSON.stringify([
    values.lines,
    values.discounts,
    values.shipPolicy,
    values.pricing,
  ]);
  const derived = useMemo(
    () => draftPrice(values, schemas(currency), f, data),
    // `values` is a new object on every render; `priceKey` is what the price depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [priceKey, data, locale, today, f],
  );

  // After a refused save, focus the first field with an error, once it is on screen (the errors
  // of fields set through `setValue` may render a commit after the refusal).
  const section = useRef<HTMLElement>(null);
  const approvalId = `${useId()}-approval`;
  const [refusals, setRefusals] = useState(0);
  const focused = useRef(0);
  const errorCount = countErrors(form.formState.errors);
  useEffect(() => {
    // Wait for the form's errors: a discount marked as typed may be on screen before them.
    if (refusals === focused.current || errorCount === 0) return;
    const first = section.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    focused.current = refusals;
    first.focus();
  }, [refusals, errorCount]);

  // A new locale: what was typed in the discount fields moves to its decimal notation, and the
  // errors on screen are checked again, to be said in the new language.
  useEffect(() => {
    if (typedIn.current === locale) return;
    const from = repFormat(typedIn.current, currency);
    typedIn.current = locale;
    const to = repFormat(locale, currency);
    form.setValue('discounts', relocaliseDiscounts(form.getValues('discounts'), from, to));
    form.setValue('lines', relocaliseLines(form.getValues('lines'), from, to));
    if (Object.keys(form.formState.errors).length > 0) void form.trigger();
  }, [locale, currency, form]);

  const call = useMutation({
    mutationFn: (c: QuoteCall) => {
      switch (c.kind) {
        case 'save':
          return api.save(c.quote, c.number);
        case 'open':
          return api.open(c.number, c.revision);
        case 'duplicate':
          return api.duplicate(c.number, c.revision);
        case 'convert':
          return api.convert(c.number);
        default:
          return c satisfies never;
      }
    },
    onMutate: () => setNotice(undefined),
    onSuccess: (v, c) => {
      // A saved quote's lines count as the rep channel's "quoted" on the server (every line,
      // once, whether or not it was opened here: `recordQuotedLines`).
      if (c.kind !== 'save') setQuoteEpoch((n) => n + 1);
      setStored(v);
      form.reset(toFormValues(v.quote, repFormat(locale, v.quote.pricing.currency)));
      props.onStored?.(v);
    },
  });
  const status: Status =
    notice ??
    (call.isPending
      ? { kind: 'saving' }
      : call.isError
        ? { kind: 'error', message: callFailure(call.error, callNumber(call.variables), f) }
        : call.isSuccess
          ? { kind: 'saved', message: doneMessage(call.variables, call.data) }
          : { kind: 'idle' });
  function doneMessage(c: QuoteCall, v: QuoteView): string {
    const at = { number: v.number, revision: v.revision };
    switch (c.kind) {
      case 'save':
        return t('rep.saved', at);
      case 'open':
        return t('rep.opened', at);
      case 'convert':
        return t('rep.converted', { ...at, from: c.number });
      case 'duplicate':
        return t('rep.duplicatedAs', {
          ...at,
          from: c.number,
          fromRevision: c.revision,
          date: f.date(v.quote.pricing.date),
        });
      default:
        return c satisfies never;
    }
  }
  const duplicate = (mode: DuplicateMode) => {
    if (mode === 'server' && stored)
      call.mutate({ kind: 'duplicate', number: stored.number, revision: stored.revision });
    else {
      setStored(undefined);
      setQuoteEpoch((n) => n + 1);
      setNotice({ kind: 'saved', message: t('rep.duplicated') });
    }
  };
  const save = form.handleSubmit(
    async (valid) => {
      // A document discount above the lines' total is refused here (the schema cannot know it).
      const tooLarge = derived.discountErrors.documentDiscount;
      if (tooLarge !== undefined) {
        form.setError('discounts.documentDiscount', { message: tooLarge });
        setNotice({ kind: 'invalid', message: t('rep.fixErrors', { count: 1 }) });
        setRefusals((n) => n + 1);
        return;
      }
      // The engine's own check stays the last word on what is sent.
      const parsed = parseRepQuote(quoteFromForm(valid, f));
      if (!parsed.ok) {
        const message = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        setNotice({ kind: 'error', message });
        return;
      }
      await call
        .mutateAsync({ kind: 'save', quote: parsed.quote, number: stored?.number })
        .catch((e: unknown) => {
          // The error is shown from the call's state; a refusal naming fields marks them too.
          if (!(e instanceof QuoteApiError)) return;
          let marked = 0;
          for (const issue of e.issues) {
            const field = fieldOfPath(issue.path, valid.lines);
            if (!field) continue;
            form.setError(field, {
              message: t('rep.error.refused', { field: fieldLabel(field), reason: issue.message }),
            });
            marked++;
          }
          if (marked > 0) setRefusals((n) => n + 1);
        });
    },
    (errors) => {
      const count = countErrors(errors);
      setNotice({ kind: 'invalid', message: t('rep.fixErrors', { count }) });
      setRefusals((n) => n + 1);
    },
  );
  // The label a field is named by in a message from the backend (in the rep's language).
  const fieldLabel = (field: NonNullable<ReturnType<typeof fieldOfPath>>): string => {
    const [head, a, , key] = field.split('.');
    if (head === 'discounts')
      return a === 'documentDiscount'
        ? t('rep.documentDiscount', { currency })
        : t(a === 'additionalPercent' ? 'rep.additionalPercent' : 'rep.partnerPercent');
    const line = values.lines[Number(a)]?.lineId ?? '';
    return key === 'additionalPercent' || key === 'partnerPercent'
      ? lineDiscountLabel(t, key, line)
      : t('rep.lineQuantity', { line });
  };
  const open = (number: string, revision?: number) =>
    call.mutate({ kind: 'open', number, revision });
  const convert = (number: string) => call.mutate({ kind: 'convert', number });
  // Reloads the stored revision (after an approval or a send: its state and document moved on).
  const reload = () => {
    if (stored) void api.open(stored.number, stored.revision).then(accept, () => {});
  };
  const accept = (v: QuoteView) => {
    setStored(v);
    props.onStored?.(v);
  };
  const dirty = form.formState.isDirty;
  // New availability (the feed changed, a hold came or went): a draft's promise derives from it;
  // a stored revision shown as saved is asked for again (the backend promises it net of every
  // hold but its own, which the feed cannot tell apart here).
  const seenSnapshot = useRef(props.snapshot);
  useEffect(() => {
    if (seenSnapshot.current === props.snapshot) return;
    seenSnapshot.current = props.snapshot;
    if (stored && !dirty) reload();
    // Only a new snapshot asks again (not a save, which answers with the revision as stored).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.snapshot]);
  // The customer's document: the backend's own for a stored revision as saved; for a draft or
  // unsaved changes, the engine's `customerDocument` of what the form describes.
  const doc: CustomerQuoteWire | undefined =
    stored && !dirty
      ? stored.document
      : derived.kind === 'unpriceable'
        ? undefined
        : customerDocument({
            number: '',
            revision: 0,
            createdAt: props.now,
            quote: derived.quote,
            priced: derived.priced,
            models: props.models,
            seller: props.seller ?? UNNAMED_SELLER,
            state: 'draft',
            approvalStatus: derived.kind === 'approval-required' ? 'required' : 'not-needed',
            approval: null,
            changed: false,
            order: null,
          });
  const guardrails =
    stored && !dirty ? stored.guardrails : derived.kind === 'unpriceable' ? [] : derived.violations;
  const errors = form.formState.errors;
  const lineErrors = Object.fromEntries(
    values.lines.flatMap((l, i) => {
      const message = errors.lines?.[i]?.quantity?.message;
      return message ? [[l.lineId, message] as const] : [];
    }),
  );
  // A discount typed out of range is marked as it is typed (the preview leaves it out); one the
  // backend refused at its path is marked with the backend's reason until it is changed.
  const discountErrors = { ...derived.discountErrors };
  for (const key of ['additionalPercent', 'partnerPercent', 'documentDiscount'] as const) {
    const refused = errors.discounts?.[key]?.message;
    if (discountErrors[key] === undefined && refused) discountErrors[key] = refused;
  }
  const lineDiscountErrors = Object.fromEntries(
    values.lines.map((l, i) => {
      const own = { ...derived.lineDiscountErrors[l.lineId] };
      for (const key of LINE_DISCOUNT_FIELDS) {
        const refused = errors.lines?.[i]?.discounts?.[key]?.message;
        if (own[key] === undefined && refused) own[key] = refused;
      }
      return [l.lineId, own] as const;
    }),
  );
  // A field typed through `setValue` is checked on every change once a save was refused.
  const change = (invalid: boolean) => ({
    shouldValidate: invalid || refusals > 0,
    shouldDirty: true,
  });
  const share = stored?.shareToken;
  const shareHref = share && (props.shareUrl ? props.shareUrl(share) : `#/shared/${share}`);

  return (
    <div
      className="madeto madeto-rep"
      lang={locale}
      data-state={derived.kind === 'unpriceable' ? 'error' : derived.kind}
    >
      <section aria-label={t('rep.quote')} className="madeto-rep-form" ref={section}>
        <h2>
          {stored
            ? t('rep.storedTitle', { number: stored.number, revision: stored.revision })
            : t('rep.newQuote')}
        </h2>
        {stored && (
          <p className="madeto-rep-state" data-state={stored.state}>
            {t('rep.state.label', { state: t(`rep.state.${stored.state}`) })}
            {stored.convertedFrom &&
              ` · ${t('rep.convertedFrom', { number: stored.convertedFrom })}`}
          </p>
        )}
        <OpenQuote t={t} stored={stored} onOpen={open} onConvert={convert} />
        <QuoteTermsFields form={form} t={t} today={today} />
        <QuoteLines
          locale={locale}
          lines={values.lines}
          onChange={(lines) => form.setValue('lines', lines, change(errors.lines !== undefined))}
          errors={lineErrors}
          discountErrors={lineDiscountErrors}
          models={props.models}
          pricing={props.pricing}
          price={derived.kind === 'unpriceable' ? undefined : derived.priced.price}
          active={active}
          onActivate={setActive}
          violations={derived.kind === 'unpriceable' ? undefined : derived.violations}
          approvalId={approvalId}
          insights={insights}
        />
        <RepDiscounts
          approvalId={approvalId}
          lines={values.lines}
          locale={locale}
          discounts={values.discounts}
          onChange={(d) => form.setValue('discounts', d, change(errors.discounts !== undefined))}
          errors={discountErrors}
          currency={currency}
          violations={derived.kind === 'unpriceable' ? undefined : derived.violations}
          incompleteLines={derived.kind === 'unpriceable' ? [] : derived.incompleteLines}
        />
        <div className="madeto-rep-actions">
          <button type="button" onClick={(e) => void save(e)} disabled={status.kind === 'saving'}>
            {stored ? t('rep.saveRevision') : t('rep.save')}
          </button>
          <DuplicateQuote
            t={t}
            stored={stored}
            dirty={dirty}
            disabled={status.kind === 'saving'}
            onDuplicate={duplicate}
          />
          <button type="button" onClick={() => window.print()}>
            {t('rep.print')}
          </button>
        </div>
        <p role="status" data-state={status.kind}>
          {status.kind === 'saving'
            ? t('rep.saving')
            : status.kind === 'idle'
              ? ''
              : status.message}
        </p>
        {stored && !dirty && (
          <ApprovalPanel
            key={`${stored.number}/${stored.revision}/${stored.approvalStatus}`}
            stored={stored}
            approve={api.approve}
            user={user}
            locale={locale}
            onApproved={reload}
          />
        )}
        <SendQuote f={f} stored={stored} dirty={dirty} send={api.send} onSent={reload} />
        {shareHref && (
          <p>
            {t('rep.customerLink')} <a href={shareHref}>{shareHref}</a>
          </p>
        )}
        <CompareLines
          t={t}
          locale={locale}
          lineIds={values.lines.map((l) => l.lineId)}
          quote={derived.kind === 'unpriceable' ? undefined : derived.quote}
          data={data}
          models={props.models}
        />
      </section>
      {!doc ? (
        <p role="alert">
          {t('rep.unpriceable', {
            message: derived.kind === 'unpriceable' ? derived.message : '',
          })}
        </p>
      ) : (
        <QuoteDocument
          document={doc}
          audience="rep"
          guardrails={guardrails}
          {...(stored && !dirty && { changes: stored.changes })}
          locale={locale}
        />
      )}
    </div>
  );
}

/** The quote number a call is about (what an error names). */
function callNumber(c: QuoteCall | undefined): string | undefined {
  return c && 'number' in c ? c.number : undefined;
}

/** How many fields a react-hook-form error tree names (its leaves with a message). */
function countErrors(errors: object): number {
  let n = 0;
  for (const [key, value] of Object.entries(errors) as [string, unknown][]) {
    if (key === 'ref' || typeof value !== 'object' || value === null) continue;
    if ('message' in value && typeof value.message === 'string') n++;
    else n += countErrors(value);
  }
  return n;
}
