import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Selection } from '../../engine/index.ts';
import { useStickySlot } from '../components/StickySlot.tsx';
import { StickySummary } from '../components/StickySummary.tsx';
import type { ConfiguratorPanelContext } from '../engine/valueExtras.ts';
import { useMessages } from '../i18n/messages.ts';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';
import { priceOutcome, pricingDate, promiseOutcome } from './panelEngine.ts';
import { newIdempotencyKey, quotePayload } from './quotePayload.ts';
import { SubmitError } from '../submit/SubmitError.ts';
import type { SubmitAdapter } from '../submit/types.ts';
import { useOutbox } from '../submit/useOutbox.ts';
import { useAfterPaint } from '../components/useAfterPaint.ts';
import { nowInstant } from './clock.ts';
import { PriceSummary } from './PriceSummary.tsx';
import { PromiseSummary } from './PromiseSummary.tsx';
import { QuoteForm } from './QuoteForm.tsx';
import { useBatchedAnnounce } from './useAnnounce.ts';
import type { QuoteValues } from './quoteSchema.ts';

/** The props of `<PanelStack>`: the context and the ways to change the widget from a panel. */
export interface PanelStackProps {
  /** What the widget hands its panels: model, selection, quantity, documents, locale, submit. */
  context: ConfiguratorPanelContext;
  /** The current instant (ISO-8601); by default the real clock when the stack mounts. */
  now?: string;
  /** Applies choices a panel suggests (a delivery suggestion's change). */
  onApply?: (patch: Selection) => void;
  /** Sets the quantity (a price tier's "Order 50 and save …"). */
  onQuantity?: (quantity: number) => void;
}

/**
 * Price, delivery and the quote form, sharing one `now`. The form's earliest date is the promised
 * delivery date (today in the plant's zone while there is none); it sends a `quote-request`
 * payload (orders.md, built by the engine's `buildOrderPayload`) through the context's `submit`
 * (issue 6's adapter), and is blocked until the configuration is complete and priced.
 */
export function PanelStack({ context: outer, now, onApply, onQuantity }: PanelStackProps) {
  const announce = useBatchedAnnounce(outer.announce);
  // The engines run while the panels render: a click paints the new choice first, and the
  // panels follow after that paint (the previous figures stay until then, marked pending).
  const deferred = useAfterPaint(outer);
  const context = useMemo(() => ({ ...deferred, announce }), [deferred, announce]);
  const t = useMessages(context.locale);
  const [clock] = useState(nowInstant);
  // The session's one instant when inside the widget; else the host's, else the mount time.
  const at = now ?? context.session?.now ?? clock;
  const promised = promiseOutcome(context, at);
  const minDate =
    ('result' in promised && promised.result.deliveryDate) || pricingDate(context, at);
  const priced = priceOutcome(context, pricingDate(context, at));
  const submit = context.submit;
  // Every submission goes through the outbox (stored before sending, resumed on the next load).
  const adapter = useMemo<SubmitAdapter>(
    () =>
      typeof submit === 'function'
        ? (submit as SubmitAdapter)
        : () => Promise.reject(new Error('no submit adapter')),
    [submit],
  );
  const stack = useRef<HTMLDivElement>(null);
  const stickySlot = useStickySlot();
  const outbox = useOutbox({ adapter, namespace: `madeto:${context.model.id}` });
  // One idempotency key per submission chain: kept across retries, renewed after a success.
  const key = useRef<string>(undefined);
  const blockedReason = !context.complete
    ? t('form.incomplete')
    : typeof submit !== 'function'
      ? t('form.noAdapter')
      : !('result' in priced)
        ? t('form.noPrice')
        : undefined;
  // An incomplete configuration names each missing choice with a link to its step.
  const session = context.session;
  const missingLinks = useMemo(
    () =>
      (session?.missing ?? []).map((m) => ({
        attribute: m.attribute,
        text: t(m.reason === 'refused' ? 'form.stillToFix' : 'form.stillToChoose', {
          attribute: m.label,
        }),
        where: t('form.inStep', {
          step: context.model.groups.find((g) => g.id === m.step)?.label ?? m.step,
        }),
        onOpen: () => session?.goToStep(m.step),
      })),
    [session, t, context.model],
  );
  const onSubmit = async (customer: QuoteValues) => {
    if (typeof submit !== 'function' || !('result' in priced))
      throw new Error(blockedReason ?? t('form.noAdapter'));
    key.current ??= newIdempotencyKey();
    const payload = quotePayload({
      context,
      price: priced.result,
      promise: 'result' in promised ? promised.result : undefined,
      now: context.session?.now ?? nowInstant(),
      idempotencyKey: key.current,
      customer,
    });
    try {
      const ack = await outbox.submit(payload);
      key.current = undefined;
      return ack;
    } catch (error) {
      // A refusal by the backend ends the chain; a retryable failure keeps the key (and the outbox
      // keeps the payload, to be resent on the next load).
      if (error instanceof SubmitError && !error.retryable) key.current = undefined;
      throw error;
    }
  };
  // The same elements while the deferred context is unchanged: the render of a click (which
  // still shows the previous figures here) skips both panels instead of redrawing them as they were.
  const summaries = useMemo(
    () => (
      <>
        {/* A source the widget was not given (no pricing / availability prop) has no panel. */}
        {context.pricing !== null && (
          <PriceSummary context={context} now={at} {...(onQuantity && { onQuantity })} />
        )}
        {context.availability !== null && (
          <PromiseSummary context={context} now={at} {...(onApply && { onApply })} />
        )}
      </>
    ),
    [context, at, onQuantity, onApply],
  );
  // Kept while the outcomes are (a click's render, before the panels take the new state).
  const sticky = useMemo(
    () => (
      <StickySummary
        price={priced}
        promise={promised}
        locale={context.locale}
        onReview={() => {
          stack.current?.scrollIntoView({ block: 'start' });
          stack.current?.focus({ preventScroll: true });
        }}
      />
    ),
    [priced, promised, context.locale],
  );
  // The form too: a click's render (the previous state here until after the paint) keeps it, so
  // the click's paint does not wait for the form's render. The latest `onSubmit` is called.
  const latestSubmit = useRef(onSubmit);
  useEffect(() => {
    latestSubmit.current = onSubmit;
  });
  const submitLatest = useCallback((customer: QuoteValues) => latestSubmit.current(customer), []);
  const form = useMemo(
    () => (
      <QuoteForm
        locale={context.locale}
        minDate={minDate}
        onSubmit={submitLatest}
        {...(blockedReason !== undefined && { blockedReason })}
        missing={missingLinks}
      />
    ),
    [context.locale, minDate, submitLatest, blockedReason, missingLinks],
  );
  return (
    <div
      ref={stack}
      className="madeto-panel-stack"
      tabIndex={-1}
      data-pending={deferred !== outer || undefined}
    >
      {/* The narrow slot's sticky bar shows these same two outcomes; "Review" comes back here. */}
      {stickySlot &&
        (context.pricing !== null || context.availability !== null) &&
        createPortal(sticky, stickySlot)}
      {summaries}
      {form}
    </div>
  );
}

function StorePanels({ context }: { context: ConfiguratorPanelContext }) {
  const select = useConfigurator((s) => s.select);
  const setQuantity = useConfigurator((s) => s.setQuantity);
  // Stable callbacks (the latest setter behind them): the panels' elements can then be kept while
  // their deferred context is unchanged.
  const quantitySetter = useRef(context.setQuantity ?? setQuantity);
  useEffect(() => {
    quantitySetter.current = context.setQuantity ?? setQuantity;
  });
  const onQuantity = useCallback((quantity: number) => quantitySetter.current(quantity), []);
  const onApply = useCallback(
    (patch: Selection) => {
      for (const [attribute, value] of Object.entries(patch)) select(attribute, value);
    },
    [select],
  );
  return <PanelStack context={context} onQuantity={onQuantity} onApply={onApply} />;
}

/**
 * The panel slot of `<Configurator panels={defaultPanels}>`: price, delivery and quote form,
 * wired to the widget's store (suggestions change the selection, tier hints the quantity).
 * Renders only inside a `<Configurator>`; elsewhere use `<PanelStack>` with callbacks.
 */
export function defaultPanels(context: ConfiguratorPanelContext): ReactNode {
  return <StorePanels context={context} />;
}
