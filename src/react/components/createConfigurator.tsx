import { checkQuantity, quantityLimits } from '../../core/index.ts';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { parseModel, type ProductModel, type Selection } from '../../engine/index.ts';
import type { EngineMode } from '../engine/EngineClient.ts';
import { useEngine, WORKER_THRESHOLD } from '../engine/useEngine.ts';
import { useMessages } from '../i18n/messages.ts';
import type { ConfiguratorPanelContext, ValueExtrasFn } from '../engine/valueExtras.ts';
import { documentQuery, type DocumentKind } from '../queries/documentQuery.ts';
import { modelQuery } from '../queries/modelQuery.ts';
import { ConfiguratorStoreProvider } from '../store/ConfiguratorStoreContext.tsx';
import { planLoad } from '../url/planLoad.ts';
import { ConfiguratorBody } from './ConfiguratorBody.tsx';
import type { InsightsLink } from '../insights/insightsLink.ts';
import { PopularHintsProvider, usePopularHints } from '../insights/popularHints.ts';
import { WidgetErrorBoundary } from './WidgetErrorBoundary.tsx';
import { ErrorState, LoadingSkeleton } from './LoadState.tsx';
import { StickySlotProvider } from './StickySlot.tsx';
import { AvailabilityAge } from './AvailabilityAge.tsx';
import type { ConfiguratorRepOptions, RepModeProps } from '../rep/RepMode.tsx';

/** What `onReady` reports: the loaded model, the mode, and where its engine runs (`null` in rep mode). */
export interface ConfiguratorReadyInfo {
  modelId: string;
  modelVersion: string;
  mode: 'buyer' | 'rep';
  engine: EngineMode | null;
}

/** What `onLoadError` reports: the model could not be loaded (`model`) or compiled (`engine`). */
export interface ConfiguratorLoadError {
  code: 'model' | 'engine';
  message: string;
}

/** The widget's colour scheme: light, dark, or the host's `prefers-color-scheme`. */
export type ConfiguratorTheme = 'light' | 'dark' | 'auto';

/** The props of `<Configurator>`. Resources are objects or URLs (loaded through react-query). */
export interface ConfiguratorProps {
  /** A parsed model, a model document (parsed here), or the URL of one. */
  model: ProductModel | string | object;
  /** The pricing document or its URL; handed to the panels and value extras. */
  pricing?: string | object;
  /**
   * The availability snapshot or its URL (e.g. the backend's `/api/availability`); refreshed every
   * `availabilityRefreshMs` (default 60 s; a conditional request with the last ETag) and on focus.
   */
  availability?: string | object;
  /** How often (ms) a URL `availability` is fetched again (default 60,000). */
  availabilityRefreshMs?: number;
  /**
   * When the availability's `snapshotAt` is older than this many minutes, the widget tells the
   * buyer the dates rest on old stock information (default: never).
   */
  availabilityMaxAgeMinutes?: number;
  /** The buyer's language and number/date format (BCP 47, e.g. `de-DE`; default English). */
  locale?: string;
  /** The currency prices are shown in (ISO 4217); by default the pricing document's base currency. */
  currency?: string;
  /** Whose contract prices apply: a customer id, or an object with `customerId` or `id`. */
  customer?: unknown;
  /** The first choices when neither the URL nor `savedSelection` holds any. */
  initialSelection?: Selection;
  /** The first quantity when neither the URL nor `savedSelection` holds one (default 1). */
  initialQuantity?: number;
  /**
   * A configuration saved earlier with `encodeSelection` (e.g. kept with a quote): loaded unless
   * the URL holds one; a different model version is migrated and what was dropped is named.
   */
  savedSelection?: string;
  /** Called with the effective selection whenever it changes. */
  onChange?: (selection: Selection, info: { complete: boolean }) => void;
  /** The submit adapter (issue 6), passed through to the panels. */
  submit?: unknown;
  /** Where configuration events go (issue 20; absent: none are reported). */
  insights?: InsightsLink | undefined;
  /** The configuration's key on `insights` (a rep's quote line); default one per widget. */
  insightsKey?: string | undefined;
  /**
   * The URL of the backend's popular values (`GET /api/insights/popular`): each value buyers
   * choose most says "Popular with buyers". Absent (the default): no hints and no request.
   */
  popular?: string | undefined;
  /** `light` (default), `dark`, or `auto` (the host's `prefers-color-scheme`). */
  theme?: ConfiguratorTheme;
  /** Text direction; inherited from the page when absent. */
  dir?: 'ltr' | 'rtl';
  /** `steps`: one group at a time with a step list; `all`: every group on one page. */
  layout?: 'steps' | 'all';
  /** The URL parameter key (`madeto-<key>`) that holds the selection; `false` keeps it out. */
  urlKey?: string | false;
  /** Run the engine in a Web Worker above this many solver attributes (0: always). */
  workerThreshold?: number;
  /**
   * The decision diagram's node limit (default the engine's `DEFAULT_MAX_NODES`): a model past it
   * answers through the exact SAT fallback instead (cheapest / fastest completion need the diagram).
   */
  maxNodes?: number;
  /**
   * The URL of this model's compiled file (`madeto compile model.json -o x.compiled.bin.gz`): the
   * worker loads the diagram from it instead of compiling (a file made for another model,
   * version or content is the widget's engine error, `BAD_COMPILED`).
   */
  compiled?: string;
  /** Price delta and availability badge per value. */
  valueExtras?: ValueExtrasFn;
  /** The summary slot: price, promise, quote form (rendered beside the selection summary). */
  panels?: (context: ConfiguratorPanelContext) => ReactNode;
  /** The host's QueryClient; by default the widget creates its own. */
  queryClient?: QueryClient;
  /** `buyer` (default): the configurator; `rep`: a sales rep's quote editor (needs `rep`, `pricing`). */
  mode?: 'buyer' | 'rep';
  /** Rep mode only: the backend, the rep's token, the host's clock and the starting quote. */
  rep?: ConfiguratorRepOptions;
  /**
   * Called once per loaded model when the widget is usable: the model loaded, the engine ready and
   * the first choices (domains) on screen; in rep mode once the editor renders.
   */
  onReady?: (info: ConfiguratorReadyInfo) => void;
  /** Called when the model cannot be loaded or compiled (the widget shows the error too). */
  onLoadError?: (error: ConfiguratorLoadError) => void;
}

/** Keeps the latest host callback in a ref, so effects can call it without re-running. */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}

/**
 * Calls `report(value)` once per distinct truthy `value` (a load error, a loaded model): not again
 * on re-renders, nor when StrictMode replays the effects of a mount.
 */
function useOncePer<T>(value: T | null | undefined, report: (value: T) => void) {
  const latest = useLatest(report);
  const last = useRef<T | undefined>(undefined);
  useEffect(() => {
    if (!value || last.current === value) return;
    last.current = value;
    latest.current(value);
  }, [value, latest]);
}

/** The `snapshotAt` of an availability document, when it has one. */
function snapshotAtOf(document: unknown): string | undefined {
  const at = (document as { snapshotAt?: unknown } | null)?.snapshotAt;
  return typeof at === 'string' ? at : undefined;
}

function isProductModel(x: object): x is ProductModel {
  return 'document' in x && 'attributes' in x && 'constraints' in x;
}

/** Loads a resource given as an object or a URL; `undefined` when not given. */
function useResource(kind: DocumentKind, source: string | object | undefined, refreshMs?: number) {
  const url = typeof source === 'string' ? source : '';
  const query = useQuery({ ...documentQuery(kind, url, refreshMs), enabled: url !== '' });
  return typeof source === 'string' ? query : { data: source, error: null, refetch: undefined };
}

/** The component behind `mode="rep"` (the rep's quote editor), or `null` in a buyer-only build. */
export type RepEditor = ComponentType<RepModeProps> | null;

/**
 * Makes the configurator component with `repEditor` behind `mode="rep"`. `<Configurator>` has the
 * rep's editor; `<BuyerConfigurator>` leaves it (and its weight) out, for builds that only serve
 * buyers: a shop's embed app, and each line of a rep's quote.
 *
 * The widget loads the model (and pricing and availability), then walks the buyer through the
 * model's groups with exact value states, explanations with repairs, undo, "complete for me", a
 * shareable URL and a live region. Every instance owns its store.
 */
export function createConfigurator(repEditor: RepEditor) {
  return function Configurator(props: ConfiguratorProps) {
    const [own] = useState(() =>
      props.queryClient
        ? undefined
        : new QueryClient({ defaultOptions: { queries: { retry: 1 } } }),
    );
    return (
      <QueryClientProvider client={props.queryClient ?? own!}>
        <ConfiguratorLoader {...props} repEditor={repEditor} />
      </QueryClientProvider>
    );
  };
}

function ConfiguratorLoader({
  repEditor: Editor,
  ...props
}: ConfiguratorProps & { repEditor: RepEditor }) {
  const source = props.model;
  const remote = useQuery({
    ...modelQuery(typeof source === 'string' ? source : ''),
    enabled: typeof source === 'string',
  });
  const local = useMemo((): { model?: ProductModel; error?: Error } => {
    if (typeof source === 'string') return {};
    try {
      return { model: isProductModel(source) ? source : parseModel(source) };
    } catch (error) {
      return { error: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [source]);
  const pricing = useResource('pricing', props.pricing);
  const availability = useResource(
    'availability',
    props.availability,
    props.availabilityRefreshMs ?? 60_000,
  );
  const t = useMessages(props.locale ?? 'en');
  const model = typeof source === 'string' ? remote.data : local.model;
  const error = typeof source === 'string' ? remote.error : local.error;
  useOncePer(error, (e) => props.onLoadError?.({ code: 'model', message: e.message }));
  const repReady =
    props.mode === 'rep' &&
    props.rep &&
    model &&
    !(props.pricing !== undefined && pricing.data === undefined)
      ? model
      : undefined;
  useOncePer(repReady, (m) =>
    props.onReady?.({ modelId: m.id, modelVersion: m.version, mode: 'rep', engine: null }),
  );
  const frame = (children: ReactNode) => (
    <div className="madeto" data-theme={props.theme ?? 'light'} dir={props.dir} lang={props.locale}>
      <WidgetErrorBoundary
        title={t('widget.crashed')}
        hint={t('widget.crashedHint')}
        retryLabel={t('widget.retry')}
      >
        {children}
      </WidgetErrorBoundary>
      {[pricing, availability].map((r, i) =>
        r.error ? (
          <p key={i} className="madeto-notice" role="alert">
            {t(i === 0 ? 'widget.pricingError' : 'widget.availabilityError', {
              message: r.error.message,
            })}{' '}
            {r.refetch && (
              <button type="button" onClick={() => void r.refetch?.()}>
                {t('widget.retry')}
              </button>
            )}
          </p>
        ) : null,
      )}
      {props.availabilityMaxAgeMinutes !== undefined && availability.data !== undefined && (
        <AvailabilityAge
          snapshotAt={snapshotAtOf(availability.data)}
          maxAgeMinutes={props.availabilityMaxAgeMinutes}
          locale={props.locale ?? 'en'}
        />
      )}
    </div>
  );
  if (error)
    return frame(
      <ErrorState
        title={t('widget.loadError')}
        message={error.message}
        retryLabel={t('widget.retry')}
        onRetry={typeof source === 'string' ? () => void remote.refetch() : undefined}
      />,
    );
  if (!model) return frame(<LoadingSkeleton label={t('widget.loadingProduct')} />);
  if (props.mode === 'rep')
    return frame(
      !Editor ? (
        <ErrorState title={t('widget.loadError')} message={t('widget.repUnavailable')} />
      ) : props.pricing !== undefined && pricing.data === undefined ? (
        <LoadingSkeleton label={t('widget.loadingProduct')} />
      ) : (
        <Editor
          model={model}
          pricingData={pricing.data}
          availabilityData={availability.data}
          rep={props.rep}
          locale={props.locale}
          currency={props.currency}
        />
      ),
    );
  return frame(
    <ConfiguratorInstance
      key={`${model.id}@${model.version}`}
      {...props}
      model={model}
      pricingData={props.pricing === undefined ? null : pricing.data}
      availabilityData={props.availability === undefined ? null : availability.data}
    />,
  );
}

function ConfiguratorInstance(
  props: ConfiguratorProps & {
    model: ProductModel;
    pricingData: unknown;
    availabilityData: unknown;
  },
) {
  const { model } = props;
  const urlKey = props.urlKey ?? model.id;
  const [plan] = useState(() =>
    planLoad(model, urlKey, props.initialSelection, props.initialQuantity, props.savedSelection),
  );
  const engine = useEngine(
    model,
    props.workerThreshold ?? WORKER_THRESHOLD,
    props.maxNodes,
    props.compiled,
  );
  const popular = usePopularHints(props.popular, model.id);
  const t = useMessages(props.locale ?? 'en');
  useOncePer(engine.status === 'error' ? engine.error : undefined, (e) =>
    props.onLoadError?.({ code: 'engine', message: e.message }),
  );
  const { onReady } = props;
  const client = engine.status === 'ready' ? engine.client : undefined;
  const ready = useMemo(
    () =>
      onReady && client
        ? () =>
            onReady({
              modelId: model.id,
              modelVersion: model.version,
              mode: 'buyer',
              engine: client.mode,
            })
        : undefined,
    [onReady, client, model],
  );
  const panelBase = useMemo(
    () => ({
      locale: props.locale ?? 'en',
      currency: props.currency,
      customer: props.customer,
      pricing: props.pricingData,
      availability: props.availabilityData,
      submit: props.submit,
    }),
    [
      props.locale,
      props.currency,
      props.customer,
      props.pricingData,
      props.availabilityData,
      props.submit,
    ],
  );
  switch (engine.status) {
    case 'compiling':
      return <LoadingSkeleton label={t('widget.preparing')} />;
    case 'error':
      return (
        <ErrorState
          title={t('widget.compileError')}
          message={engine.error.message}
          retryLabel={t('widget.retry')}
        />
      );
    case 'ready':
      return (
        <ConfiguratorStoreProvider
          initialSelection={plan.selection}
          {...(typeof plan.quantity === 'number' &&
          checkQuantity(plan.quantity, quantityLimits(model)).state === 'ok'
            ? { initialQuantity: plan.quantity }
            : {})}
        >
          <StickySlotProvider>
            <PopularHintsProvider value={popular}>
              <ConfiguratorBody
                model={model}
                client={engine.client}
                plan={plan}
                layout={props.layout ?? 'steps'}
                urlKey={urlKey}
                panelBase={panelBase}
                valueExtras={props.valueExtras}
                panels={props.panels}
                onChange={props.onChange}
                onReady={ready}
                insights={props.insights}
                insightsKey={props.insightsKey}
              />
            </PopularHintsProvider>
          </StickySlotProvider>
        </ConfiguratorStoreProvider>
      );
    default:
      return engine satisfies never;
  }
}
