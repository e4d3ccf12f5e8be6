import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { createSession, type SessionData, type SessionEvent } from '../../core/index.ts';
import type { Attribute, ProductModel, Selection } from '../../engine/index.ts';
import type { EngineClient } from '../engine/EngineClient.ts';
import { enginePort } from '../engine/enginePort.ts';
import type { ConfiguratorPanelContext, ValueExtrasFn } from '../engine/valueExtras.ts';
import { useMessages } from '../i18n/messages.ts';
import { nowInstant } from '../panels/clock.ts';
import { valueLabel } from '../panels/labels.ts';
import { randomOpaqueId, type InsightsLink } from '../insights/insightsLink.ts';
import { customerIdOf, pricingOf, snapshotOf } from '../panels/panelEngine.ts';
import { useConfiguratorStore } from '../store/ConfiguratorStoreContext.tsx';
import type { LoadPlan } from '../url/planLoad.ts';
import { urlWithSelection, writeUrlSelection } from '../url/urlSelection.ts';
import { announcementText } from './announcementText.ts';
import { ChangeReporter } from './ChangeReporter.tsx';
import { ExplainDialog } from './ExplainDialog.tsx';
import { LiveRegion } from './LiveRegion.tsx';
import { MigrationNotice } from './MigrationNotice.tsx';
import { QuantityField } from './QuantityField.tsx';
import { SelectionSummary } from './SelectionSummary.tsx';
import { ShareButton } from './ShareButton.tsx';
import { SoftButton } from './SoftButton.tsx';
import { StepNav } from './StepNav.tsx';
import { StepSections } from './StepSections.tsx';
import { ProductModel3D } from './ProductModel3D.tsx';
import { StickySlot } from './StickySlot.tsx';
import { Toolbar } from './Toolbar.tsx';
import { afterPaint, PaintedContext } from './useAfterPaint.ts';
import { useIdleExtras } from './useIdleExtras.ts';
import { useSessionAfterPaint } from './useSessionAfterPaint.ts';
import { WidgetProvider, type WidgetContextValue, type WidgetStatic } from './WidgetContext.tsx';
import { ProductPreview } from '../preview/ProductPreview.tsx';
import { createPeekStore } from '../preview/peekStore.ts';
import { useWide } from '../preview/useWide.ts';

/** What the body needs besides the store: the ready engine and the host's options. */
export interface ConfiguratorBodyProps {
  model: ProductModel;
  client: EngineClient;
  plan: LoadPlan;
  layout: 'steps' | 'all';
  urlKey: string | false;
  panelBase: Omit<
    ConfiguratorPanelContext,
    'model' | 'selection' | 'quantity' | 'complete' | 'announce'
  >;
  valueExtras: ValueExtrasFn | undefined;
  panels: ((context: ConfiguratorPanelContext) => ReactNode) | undefined;
  onChange: ((selection: Selection, info: { complete: boolean }) => void) | undefined;
  /** Called once, when the first domains are on screen (the widget is usable). */
  onReady?: (() => void) | undefined;
  /** Where configuration events go (absent: none are reported). */
  insights?: InsightsLink | undefined;
  /** The configuration's key on `insights` (a rep's quote line); default one per widget. */
  insightsKey?: string | undefined;
}

/** Values effects hand to callbacks that run outside render (the documents, step focus). */
interface Latest {
  sentData: SessionData;
  focusStep: string | undefined;
}

/** A mutable holder outside React's state: written by effects, read by callbacks. */
function box<T extends object>(value: T): { get: () => T; set: (patch: Partial<T>) => void } {
  let current = value;
  return {
    get: () => current,
    set: (patch) => {
      current = { ...current, ...patch };
    },
  };
}

/** The session's documents from the widget's loaded pricing and availability. */
function sessionData(base: ConfiguratorBodyProps['panelBase']): SessionData {
  return {
    pricing: pricingOf(base.pricing),
    snapshot: snapshotOf(base.availability),
    customerId: customerIdOf(base.customer),
    currency: base.currency,
  };
}

/**
 * The loaded widget: a configurator session (src/core) rendered — steps, fields, summary, panel
 * slot, explanation dialog and live region. What a click does, which selection counts and when it
 * is complete are the session's; this component lays out its snapshot and sends its events.
 */
export function ConfiguratorBody(props: ConfiguratorBodyProps) {
  const { model, client, plan, layout, urlKey, panelBase, valueExtras, panels, onChange } = props;
  const store = useConfiguratorStore();
  const t = useMessages(panelBase.locale);
  const data = useMemo(() => sessionData(panelBase), [panelBase]);
  // The documents "cheapest"/"fastest" search with are read when the buyer asks (not during render).
  const [latest] = useState(() => box<Latest>({ sentData: data, focusStep: undefined }));
  const [session] = useState(() =>
    createSession(model, data, {
      port: enginePort(client, () => latest.get().sentData),
      clock: nowInstant,
      store,
    }),
  );
  // The frame around the fields follows a plain choice after its paint (the fields read the
  // session themselves); a new step, a conflict or fields appearing come with the event's paint.
  const { snapshot: snap, painted } = useSessionAfterPaint(session);
  const [peek] = useState(createPeekStore);
  const layoutRef = useRef<HTMLDivElement>(null);
  const wide = useWide(layoutRef);
  const preview = model.visuals ? <ProductPreview /> : null;
  // Configuration events (issue 20): the session's transitions, batched to the backend under
  // this widget's key (kept through React StrictMode's second effect run: opened once).
  const insights = props.insights;
  const [ownKey] = useState(randomOpaqueId);
  const insightsKey = props.insightsKey ?? ownKey;
  useEffect(
    () => insights?.connect(insightsKey, model.id, session),
    [insights, insightsKey, session, model.id],
  );
  const send = useCallback((event: SessionEvent) => void session.send(event), [session]);
  useEffect(() => {
    if (latest.get().sentData === data) return;
    latest.set({ sentData: data });
    send({ type: 'setData', data });
  }, [data, send, latest]);

  // The live region says the session's latest announcement (the panels' go through it too).
  const said = snap.messages.announcement;
  const message = said ? announcementText(model, said, t) : '';
  const titleId = useId();
  // After a step change the new step's heading takes focus, so keyboard users continue there.
  // Looked up in the form's own root: inside the embed's shadow root `document` cannot see it.
  const formRef = useRef<HTMLFormElement>(null);
  // Kept until the heading is there: a render committed before the step's own (another update
  // in flight) must not use the request up.
  useEffect(() => {
    const { focusStep } = latest.get();
    if (focusStep === undefined) return;
    const root = formRef.current?.getRootNode() as Document | ShadowRoot | undefined;
    const heading = root?.getElementById(`${titleId}-${focusStep}`);
    if (!heading) return;
    heading.focus();
    latest.set({ focusStep: undefined });
  });

  // Once per mount: the loaded selection; what does not fit is dropped and named.
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    send({
      type: 'load',
      selection: plan.selection,
      quantity: plan.quantity,
      source: plan.source,
      fromVersion: plan.fromVersion,
      dropped: plan.dropped,
    });
  }, [plan, send]);

  // The price and the promise are not read here: they are computed when the panels (a deferred
  // render) first ask, after the click's paint.
  const { effective, complete, outcomes, now, today, missing } = snap;
  const quantity = snap.intent.quantity;
  // Written after the click's paint (a discrete event's effects would run before it): at once in
  // a render that is itself after the paint.
  useEffect(() => {
    if (urlKey === false) return;
    const write = () => writeUrlSelection(urlKey, model, effective.shown, quantity);
    if (!painted) return afterPaint(write);
    write();
  }, [urlKey, model, effective.shown, quantity, painted]);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const onReadyRef = useRef(props.onReady);
  useEffect(() => {
    onReadyRef.current = props.onReady;
  }, [props.onReady]);
  const readied = useRef(false);
  useEffect(() => {
    if (readied.current || snap.domains === undefined) return;
    readied.current = true;
    onReadyRef.current?.();
  }, [snap.domains]);

  const goTo = useCallback(
    (id: string) => {
      send({ type: 'goToStep', step: id });
      latest.set({ focusStep: id });
    },
    [send, latest],
  );
  const announce = useCallback((m: string) => send({ type: 'say', text: m }), [send]);
  const panel = useMemo(
    (): ConfiguratorPanelContext => ({
      ...panelBase,
      model,
      selection: effective.shown,
      quantity,
      setQuantity: (q) => send({ type: 'setQuantity', input: q }),
      complete,
      announce,
      session: {
        get price() {
          return outcomes.price;
        },
        get promise() {
          return outcomes.promise;
        },
        now,
        today,
        missing,
        goToStep: goTo,
        outlook: (make) => session.outlook(make),
      },
    }),
    [
      panelBase,
      model,
      effective.shown,
      quantity,
      complete,
      announce,
      send,
      outcomes,
      now,
      today,
      missing,
      goTo,
      session,
    ],
  );
  // Reads the session's selection when called: the same function for the widget's life, so the
  // memoised fields are not re-rendered by a new one.
  const pick = useCallback(
    (attribute: Attribute, key: string) => {
      const chosen = session.getSnapshot().effective.shown[attribute.id];
      if (attribute.type === 'multi' && Array.isArray(chosen) && chosen.includes(key))
        return send({ type: 'unchoose', attribute: attribute.id, key });
      send({ type: 'choose', attribute: attribute.id, key });
    },
    [session, send],
  );

  const { steps } = snap;
  const current = snap.step;
  // The extras of the step on screen first, then of the others (ready before the buyer is there).
  // Keyed by the ids shown: steps are rebuilt with each selection, their attributes seldom change.
  const onScreen = (current?.attributes ?? []).map((a) => a.id).join(' ');
  const [first, rest] = useMemo(() => {
    const inStep = new Set(onScreen.split(' '));
    return [
      model.attributes.filter((a) => inStep.has(a.id)),
      model.attributes.filter((a) => !inStep.has(a.id)),
    ];
  }, [model, onScreen]);
  const extras = useIdleExtras(valueExtras, panel, first, rest, layout === 'all', session);

  // The fields read these and their own slice of the snapshot: a click re-renders a field only
  // when its slice changed.
  const stable = useMemo(
    (): WidgetStatic => ({ model, client, t, pick, send, session, extras, valueExtras, peek }),
    [model, client, t, pick, send, session, extras, valueExtras, peek],
  );
  const context: WidgetContextValue = {
    ...stable,
    derived: effective,
    domains: snap.domains,
    pending: snap.pending,
    panel,
    snapshot: snap,
  };
  const index = current ? steps.indexOf(current) : -1;
  const conflictAttribute =
    snap.conflict && model.attributes.find((a) => a.id === snap.conflict?.attribute);

  return (
    <PaintedContext value={painted}>
      <WidgetProvider value={context} stable={stable}>
        <div
          ref={layoutRef}
          className="madeto-layout"
          data-state={complete ? 'valid' : 'incomplete'}
          data-engine={client.mode}
          data-pending={snap.pending || undefined}
        >
          <header className="madeto-header">
            <h2 id={titleId}>{model.name}</h2>
            <Toolbar />
            {urlKey !== false && (
              <ShareButton
                locale={panelBase.locale}
                title={t('share.title', { product: model.name })}
                getUrl={() =>
                  urlWithSelection(window.location.href, urlKey, model, effective.shown, quantity)
                }
              />
            )}
          </header>
          {snap.messages.load && (
            <MigrationNotice
              notice={snap.messages.load}
              onDismiss={() => send({ type: 'dismissNotice' })}
            />
          )}
          {layout === 'steps' && current && (
            <StepNav steps={steps} current={current.id} onStep={goTo} />
          )}
          {/* The picture: above the options in a narrow slot, atop the sticky summary when wide. */}
          {!wide && preview}
          <form
            ref={formRef}
            className="madeto-steps"
            aria-labelledby={titleId}
            onSubmit={(e) => e.preventDefault()}
          >
            <StepSections titleId={titleId} layout={layout} />
            {layout === 'steps' && steps.length > 1 && (
              <div className="madeto-step-actions">
                <SoftButton
                  off={index <= 0}
                  reason={t('steps.firstStep')}
                  onClick={() => goTo(steps[index - 1]!.id)}
                >
                  {t('steps.back')}
                </SoftButton>
                <SoftButton
                  off={index >= steps.length - 1}
                  reason={t('steps.lastStep')}
                  onClick={() => goTo(steps[index + 1]!.id)}
                >
                  {t('steps.next')}
                </SoftButton>
              </div>
            )}
          </form>
          <aside className="madeto-aside" aria-label={t('widget.summary')}>
            {wide && preview}
            {model.document.model3d && (
              <ProductModel3D
                model3d={model.document.model3d}
                selection={effective.shown}
                locale={panelBase.locale}
                valueLabel={(a, v) => valueLabel(model, a, v)}
              />
            )}
            {/* With panels the price panel owns the quantity (and its tier hints). */}
            {!panels && <QuantityField />}
            <SelectionSummary />
            {panels && <div className="madeto-panels">{panels(panel)}</div>}
          </aside>
          <StickySlot />
          <ChangeReporter onChange={onChangeRef} />
          <LiveRegion message={message} />
          {snap.conflict && conflictAttribute && (
            <ExplainDialog
              conflict={snap.conflict}
              attribute={conflictAttribute}
              onApply={() => send({ type: 'repair' })}
              onClose={() => send({ type: 'dismiss' })}
            />
          )}
        </div>
      </WidgetProvider>
    </PaintedContext>
  );
}
