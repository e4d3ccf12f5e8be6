import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { BuyerConfigurator } from '../react/components/BuyerConfigurator.tsx';
import type {
  ConfiguratorProps,
  ConfiguratorReadyInfo,
} from '../react/components/createConfigurator.tsx';
import { defaultPanels } from '../react/panels/defaultPanels.tsx';
import { lazyValueExtras } from '../react/panels/lazyValueExtras.ts';
import { createEventAdapter } from '../react/submit/eventAdapter.ts';
import { createHttpAdapter } from '../react/submit/httpAdapter.ts';
import {
  createHttpBatchSender,
  createInsightsLink,
  type InsightsLink,
} from '../react/insights/insightsLink.ts';
import type { OrderPayload } from '../engine/index.ts';
import { watchBuyerChanges } from './buyerChanges.ts';
import { callHost, emit, EVENT_DETAIL_VERSION, STATE_ATTRIBUTE } from './events.ts';
import { keepFocusInside } from './focusKeeper.ts';
import { catalogueReady, loadCatalogue } from './i18n/loadCatalogue.ts';
import { HostReporter } from './HostReporter.tsx';
import {
  CHOICES,
  checkJsOptions,
  readAttributes,
  readJsonChild,
  resolveLocale,
  type EmbedOptions,
  type OptionsIssue,
} from './options.ts';
import { repEditor } from './repEditor.ts';
import { adoptStyles } from './styles.ts';

/** What `getState()` returns: the latest selection the widget reported. */
export interface MountedState {
  status: 'mounted' | 'unmounted';
  options: Partial<EmbedOptions>;
  selection: Record<string, unknown>;
  complete: boolean;
}

/** The handle `Madeto.mount` returns. */
export interface MountedWidget {
  /** Merges new options (JS options win) and re-renders. */
  update(options: Partial<EmbedOptions>): void;
  getState(): MountedState;
  /** Unmounts React; the shadow root stays (empty) so the element can be mounted again. */
  unmount(): void;
}

const mounted = new WeakMap<Element, MountedWidget>();
/** Each element's JS options, merged; kept after `unmount()` so the element can mount again. */
const jsOptions = new WeakMap<Element, Partial<EmbedOptions>>();

/**
 * Where the widget's configuration events go: an explicit URL, else `events` beside a `submit`
 * URL (`/api/quotes` → `/api/events`); none with `insights: false` or without a backend URL.
 */
function insightsFor(
  el: HTMLElement,
  insights: EmbedOptions['insights'],
  submit: EmbedOptions['submit'],
  mode: EmbedOptions['mode'],
): (InsightsLink & { url: string }) | undefined {
  if (insights === false) return undefined;
  const base = el.ownerDocument.location?.href ?? undefined;
  let url: string | undefined;
  try {
    if (typeof insights === 'string') url = new URL(insights, base).href;
    else if (typeof submit === 'string' && submit !== 'event')
      url = new URL('events', new URL(submit, base)).href;
  } catch {
    return undefined;
  }
  return url === undefined
    ? undefined
    : { url, ...createInsightsLink(mode === 'rep' ? 'rep' : 'shop', createHttpBatchSender(url)) };
}

/**
 * Where the widget's popular values come from: an explicit URL, else `insights/popular` beside a
 * `submit` URL (`/api/quotes` → `/api/insights/popular`); none unless the shop turned hints on.
 */
function popularFor(href: string | undefined, popular: EmbedOptions['popular'], submit: unknown) {
  try {
    return typeof popular === 'string'
      ? new URL(popular, href).href
      : popular === true && typeof submit === 'string' && submit !== 'event'
        ? new URL('insights/popular', new URL(submit, href)).href
        : undefined;
  } catch {
    return undefined; // an unreadable URL: no hints
  }
}

function submitFor(
  el: HTMLElement,
  submit: EmbedOptions['submit'],
  insights?: InsightsLink | undefined,
): ConfiguratorProps['submit'] {
  if (submit === undefined) return undefined;
  if (submit === 'event') return createEventAdapter(el);
  const send =
    typeof submit === 'string'
      ? createHttpAdapter({ url: submit })
      : (payload: OrderPayload) => submit(payload);
  return async (payload: OrderPayload) => {
    emit(el, 'madeto-submit', { version: EVENT_DETAIL_VERSION, payload });
    try {
      const response = await send(payload);
      const line = payload.lines[0];
      if (line) insights?.submitted(payload.kind, line.selection);
      emit(el, 'madeto-submitted', { version: EVENT_DETAIL_VERSION, payload, response });
      return response;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      emit(el, 'madeto-error', { version: EVENT_DETAIL_VERSION, code: 'submit', message });
      throw error;
    }
  };
}

/**
 * Mounts the widget into `el`'s open shadow root with its own React root, store and QueryClient.
 * Options: defaults < JSON child < attributes < `options`. Mounting an element twice returns the
 * first handle, updated.
 *
 * @example
 * const widget = mount(document.querySelector('#desk')!, { model: '/models/desk.json' });
 * widget.update({ locale: 'de-DE' });
 */
export function mount(el: HTMLElement, options: Partial<EmbedOptions> = {}): MountedWidget {
  const existing = mounted.get(el);
  if (existing) {
    existing.update(options);
    return existing;
  }
  const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  const container = document.createElement('div');
  container.setAttribute('part', 'root');
  // The loader's reserved height stays until the widget is usable (or failed, or has nothing to
  // show): no collapse to a skeleton and back, so the page below does not jump twice. The host's
  // `data-madeto-state` (`loading`, then `ready` or `failed`) lets the page's own reservation
  // (its CSS, from the first paint) go at the same moment.
  container.className = 'madeto-reserve';
  el.setAttribute(STATE_ATTRIBUTE, 'loading');
  const release = (state: 'ready' | 'failed' = 'failed') => {
    container.classList.remove('madeto-reserve');
    el.setAttribute(STATE_ATTRIBUTE, state);
  };
  shadow.append(container);
  const root: Root = createRoot(container);
  const stopKeepingFocus = keepFocusInside(shadow, container);
  // `madeto-change` only for what the buyer did, never for the load (nor a new model's load).
  const changes = watchBuyerChanges(shadow);
  let shownModel: EmbedOptions['model'] | undefined;
  let insightsLink: (InsightsLink & { url: string }) | undefined;
  const valueExtras = lazyValueExtras();
  let js = options;
  jsOptions.set(el, js);
  let status: MountedState['status'] = 'mounted';
  let selection: Record<string, unknown> = {};
  let complete = false;
  let current: Partial<EmbedOptions> = {};

  let queryClient: QueryClient | undefined;
  const report = (issue: OptionsIssue) =>
    emit(el, 'madeto-error', {
      version: EVENT_DETAIL_VERSION,
      code: 'options',
      option: issue.option,
      message: `${issue.source}: ${issue.message}`,
    });
  const onRepIssue = (option: string, message: string) =>
    report({ source: 'options', option, message });
  // Stable for the widget's life: the events fire once per model load, not per render.
  const onReady = (info: ConfiguratorReadyInfo) => {
    release('ready');
    emit(el, 'madeto-ready', {
      version: EVENT_DETAIL_VERSION,
      element: el.localName,
      mode: info.mode,
      model: { id: info.modelId, version: info.modelVersion },
      engine: info.engine === null ? null : info.engine === 'worker' ? 'worker' : 'page',
    });
  };
  const onLoadError: ConfiguratorProps['onLoadError'] = (error) => {
    release();
    emit(el, 'madeto-error', { version: EVENT_DETAIL_VERSION, ...error });
  };

  const render = () => {
    const json = readJsonChild(el);
    const attrs = readAttributes(el);
    const jsIssues = checkJsOptions(js);
    // A German widget renders once its catalogue is there (never English first); the loader has
    // usually preloaded it beside the app. Options are read again then, and reported once.
    const wanted = js.locale ?? attrs.options.locale ?? json.options.locale;
    const language = resolveLocale(
      typeof wanted === 'string' ? wanted : undefined,
      el.ownerDocument,
    );
    if (!catalogueReady(language)) {
      void loadCatalogue(el.ownerDocument).then(() => status === 'mounted' && render());
      return;
    }
    [...json.issues, ...attrs.issues, ...jsIssues].forEach(report);
    // A JS word option with a wrong value (reported) is ignored, like a wrong attribute.
    const valid: Partial<EmbedOptions> = { ...js };
    for (const { option } of jsIssues)
      if (option in CHOICES || option === 'maxNodes')
        delete valid[option as keyof typeof CHOICES | 'maxNodes'];
    const repMerged = json.options.rep || js.rep ? { ...json.options.rep, ...js.rep } : undefined;
    current = { ...json.options, ...attrs.options, ...valid, ...(repMerged && { rep: repMerged }) };
    const {
      model,
      onChange,
      submit,
      locale,
      mode,
      engine,
      rep,
      insights: insightsOption,
      popular,
      ...rest
    } = current;
    // Without a model, or in rep mode without a token, the widget shows nothing (not what an
    // earlier update rendered) and says which option is missing.
    if (model === undefined) {
      release();
      root.render(null);
      return report({
        source: 'options',
        option: 'model',
        message: 'no model: set the `model` attribute, a JSON child or the `model` option',
      });
    }
    if (model !== shownModel) changes.reset();
    shownModel = model;
    const RepConfigurator = repEditor();
    if (mode === 'rep' && !RepConfigurator) {
      release();
      root.render(null);
      return report({
        source: 'options',
        option: 'mode',
        message:
          'rep mode is not part of the shop app: load the rep app with <script src=".../loader.js" data-app="rep">',
      });
    }
    if (mode === 'rep' && !rep?.token) {
      release();
      root.render(null);
      return report({
        source: 'options',
        option: 'rep.token',
        message:
          "rep mode needs the rep's token: Madeto.mount(el, { rep: { token } }) or el.config = { rep: { token } }",
      });
    }
    const props: ConfiguratorProps = {
      ...(rest as Omit<ConfiguratorProps, 'model'>),
      model,
      locale: resolveLocale(locale, el.ownerDocument),
      urlKey: current.urlKey ?? false,
      onReady,
      onLoadError,
      ...(engine === 'page' && { workerThreshold: Infinity }),
      ...(engine === 'worker' && { workerThreshold: 0 }),
      panels: (context) => (
        <>
          {defaultPanels(context)}
          <HostReporter context={context} target={el} />
        </>
      ),
      valueExtras,
      onChange: (next, info) => {
        selection = next;
        complete = info.complete;
        if (changes.changed(next, info.complete))
          emit(el, 'madeto-change', { version: EVENT_DETAIL_VERSION, selection: next, complete });
        callHost(el, 'onChange', onChange, next, info);
      },
    };
    // One link per options change would restart the reporter: kept while the URL stays the same.
    const link = insightsFor(el, insightsOption, submit, mode);
    if (link && (!insightsLink || insightsLink.url !== link.url)) insightsLink = link;
    if (!link) insightsLink = undefined;
    if (insightsLink) props.insights = insightsLink;
    const popularUrl = popularFor(el.ownerDocument.location?.href, popular, submit);
    if (popularUrl) props.popular = popularUrl;
    const adapter = submitFor(el, submit, insightsLink);
    if (adapter) props.submit = adapter;
    if (mode === 'rep' && RepConfigurator && rep?.token) {
      queryClient ??= new QueryClient({ defaultOptions: { queries: { retry: 1 } } });
      root.render(
        <StrictMode>
          <RepConfigurator
            props={props}
            rep={{ ...rep, token: rep.token }}
            queryClient={queryClient}
            onIssue={onRepIssue}
          />
        </StrictMode>,
      );
    } else
      root.render(
        <StrictMode>
          <BuyerConfigurator {...props} />
        </StrictMode>,
      );
  };

  // The locale falls back to <html lang>: a shop that switches its language follows through.
  const lang = new MutationObserver(() => render());
  lang.observe(el.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'] });

  const handle: MountedWidget = {
    update(next) {
      if (status === 'unmounted') return;
      js = { ...js, ...next };
      jsOptions.set(el, js);
      render();
    },
    getState: () => ({ status, options: current, selection, complete }),
    unmount() {
      if (status === 'unmounted') return;
      status = 'unmounted';
      stopKeepingFocus();
      changes.stop();
      lang.disconnect();
      root.unmount();
      queryClient?.clear();
      container.remove();
      mounted.delete(el);
    },
  };
  mounted.set(el, handle);
  render();
  return handle;
}

/**
 * The JS options an element's widget was given (`mount`, then every `update`), merged; kept after
 * `unmount()`, so `<madeto-configurator>` mounts again with them when it is inserted again.
 */
export function lastJsOptions(el: Element): Partial<EmbedOptions> | undefined {
  return jsOptions.get(el);
}

/** Sets what `lastJsOptions(el)` returns while `el` has no widget (the element's `config`). */
export function keepJsOptions(el: Element, options: Partial<EmbedOptions>): void {
  jsOptions.set(el, options);
}

/** The handle of a mounted element, if any. */
export function mountedWidget(el: Element): MountedWidget | undefined {
  return mounted.get(el);
}
