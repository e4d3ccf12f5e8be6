import { z } from '../engine/zod.ts';

/**
 * Rep mode's options as the embed takes them. `token` (the rep's bearer token) is read from JS
 * options only: an attribute or a JSON child sits in the page's HTML, where every script on the
 * page, the HTML cache and anyone viewing the source can read it.
 */
export interface EmbedRepOptions {
  /** The backend's origin (`''`, the default: the page's). */
  apiBase?: string;
  /** The rep's bearer token. JS options only (`Madeto.mount(el, { rep: { token } })`). */
  token?: string;
  /** "Now" as an ISO instant; default: the browser's clock when the widget mounts. */
  now?: string;
  /** The quote to start from (a rep quote document); default: an empty draft of the model. */
  initial?: Record<string, unknown>;
  /** The products a line may use (URLs or documents, the widget's model among them). */
  models?: (string | object)[];
  /** Builds the customer's link from a share token (JS only). */
  shareUrl?: (token: string) => string;
}

/** The widget's options as the host writes them (attributes, a JSON child, or `Madeto.mount`). */
export interface EmbedOptions {
  /** The model document (an object) or its URL. Required. */
  model: string | object;
  pricing?: string | object;
  /** The availability snapshot or its URL (e.g. the backend's `/api/availability`). */
  availability?: string | object;
  /** How often availability is fetched again, with its ETag (ms; default 60,000). JSON/JS only. */
  availabilityRefreshMs?: number;
  /** Tell the buyer when availability is older than this many minutes. JSON/JS only. */
  availabilityMaxAgeMinutes?: number;
  /**
   * Where quote requests go: a URL (POSTed by the HTTP adapter), `"event"` (a `madeto-submit`
   * event the host answers), or a function `(payload) => Promise<unknown>` (JS options only).
   */
  submit?: string | ((payload: unknown) => Promise<unknown>);
  locale?: string;
  currency?: string;
  theme?: 'light' | 'dark' | 'auto';
  layout?: 'steps' | 'all';
  /** `buyer` (default): the configurator; `rep`: a sales rep's quote editor (needs `rep.token`). */
  mode?: 'buyer' | 'rep';
  /** Where the engine runs: `auto` (default: a Web Worker for large models), `page` or `worker`. */
  engine?: 'page' | 'worker' | 'auto';
  /**
   * The decision diagram's node limit (default the engine's `DEFAULT_MAX_NODES`): a model past it
   * answers through the exact SAT fallback (on the page: its file `madeto-sat.<hash>.js`, fetched
   * only then). JSON/JS only.
   */
  maxNodes?: number;
  /** Rep mode: backend, token (JS only), clock, starting quote, products. */
  rep?: EmbedRepOptions;
  /** The URL parameter key for the selection; `false` (attribute `url-key=""`) keeps it out. */
  urlKey?: string | false;
  customer?: unknown;
  initialSelection?: Record<string, unknown>;
  /**
   * Configuration events for the manufacturer's insights (issue 20; no personal data): `true`
   * (the default when `submit` is a URL: sent to `events` beside it, e.g. `/api/events`), a URL,
   * or `false` (attribute `insights="off"`) to send none.
   */
  insights?: boolean | string;
  /**
   * "Popular with buyers" on the value buyers choose most (issue 20): `true` (attribute
   * `popular="on"`) asks `insights/popular` beside a `submit` URL (`/api/quotes` →
   * `/api/insights/popular`), a URL asks there; `false` or absent (the default): no hints and no
   * request.
   */
  popular?: boolean | string;
  /** Called with the selection on every change; a throw is reported as `madeto-error`. */
  onChange?: (selection: Record<string, unknown>, info: { complete: boolean }) => void;
}

/** The options that take one of a few words, and those words. */
export const CHOICES = {
  theme: ['light', 'dark', 'auto'],
  layout: ['steps', 'all'],
  mode: ['buyer', 'rep'],
  engine: ['page', 'worker', 'auto'],
} as const satisfies Partial<Record<keyof EmbedOptions, readonly string[]>>;

const resource = z.union([z.string(), z.record(z.string(), z.unknown())]);
const jsonOptions = z.partial(
  z.object({
    model: resource,
    pricing: resource,
    availability: resource,
    availabilityRefreshMs: z.int().check(z.minimum(1000)),
    availabilityMaxAgeMinutes: z.number().check(z.positive()),
    submit: z.string(),
    locale: z.string(),
    currency: z.string(),
    theme: z.enum(CHOICES.theme),
    layout: z.enum(CHOICES.layout),
    mode: z.enum(CHOICES.mode),
    engine: z.enum(CHOICES.engine),
    maxNodes: z.int().check(z.minimum(1)),
    rep: z.partial(
      z.object({
        apiBase: z.string(),
        now: z.string(),
        initial: z.record(z.string(), z.unknown()),
        models: z.array(resource),
      }),
    ),
    urlKey: z.union([z.string(), z.literal(false)]),
    insights: z.union([z.string(), z.boolean()]),
    popular: z.union([z.string(), z.boolean()]),
    customer: z.unknown(),
    initialSelection: z.record(z.string(), z.unknown()),
  }),
);

/** The attribute names the element reads (kebab-case), and the option each one sets. */
export const ATTRIBUTES = {
  model: 'model',
  pricing: 'pricing',
  availability: 'availability',
  submit: 'submit',
  locale: 'locale',
  currency: 'currency',
  theme: 'theme',
  layout: 'layout',
  mode: 'mode',
  engine: 'engine',
  'url-key': 'urlKey',
  insights: 'insights',
  popular: 'popular',
} as const satisfies Record<string, keyof EmbedOptions>;

/** A problem with the host's options, reported as a `madeto-error` naming its source and option. */
export interface OptionsIssue {
  /** `attribute <name>`, `json-child` or `options` (JS). */
  source: string;
  /** The option's path, e.g. `theme` or `rep.token`. */
  option: string;
  message: string;
}

const TOKEN_ONLY_JS =
  "the rep's token is read from JS options only (Madeto.mount(el, { rep: { token } }) or the " +
  'config property), never from markup, where any script or a cached page can read it';

const words = (list: readonly string[]) =>
  list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : (list[0] ?? '');

function choiceIssue(key: string, value: unknown): string | undefined {
  const list = (CHOICES as Record<string, readonly string[]>)[key];
  if (!list || list.includes(value as string)) return undefined;
  return `${JSON.stringify(value)} is not ${words(list)}`;
}

/** Reads the `<script type="application/json">` child; issues name the option that is wrong. */
export function readJsonChild(el: Element): {
  options: Partial<EmbedOptions>;
  issues: OptionsIssue[];
} {
  const script = el.querySelector(':scope > script[type="application/json"]');
  if (!script?.textContent?.trim()) return { options: {}, issues: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(script.textContent);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      options: {},
      issues: [{ source: 'json-child', option: '(root)', message: `invalid JSON: ${message}` }],
    };
  }
  const rep = (raw as { rep?: unknown } | null)?.rep;
  const token: OptionsIssue[] =
    rep && typeof rep === 'object' && 'token' in rep
      ? [{ source: 'json-child', option: 'rep.token', message: `rep.token: ${TOKEN_ONLY_JS}` }]
      : [];
  const parsed = jsonOptions.safeParse(raw);
  if (parsed.success) return { options: parsed.data as Partial<EmbedOptions>, issues: token };
  return {
    options: {},
    issues: [
      ...token,
      ...parsed.error.issues.map((i) => {
        const option = i.path.map(String).join('.') || '(root)';
        return { source: 'json-child', option, message: `${option}: ${i.message}` };
      }),
    ],
  };
}

/** Reads the element's attributes (only those present); bad enum values are issues. */
export function readAttributes(el: Element): {
  options: Partial<EmbedOptions>;
  issues: OptionsIssue[];
} {
  const options: Record<string, unknown> = {};
  const issues: OptionsIssue[] = [];
  for (const [attr, key] of Object.entries(ATTRIBUTES)) {
    const value = el.getAttribute(attr);
    if (value === null) continue;
    const problem = choiceIssue(key, value);
    if (problem) issues.push({ source: `attribute ${attr}`, option: key, message: problem });
    else if (key === 'insights' || key === 'popular')
      options[key] =
        value === 'off' || value === 'false'
          ? false
          : value === 'on' || value === ''
            ? true
            : value;
    else options[key] = key === 'urlKey' && value === '' ? false : value;
  }
  for (const attr of ['rep-token', 'token'])
    if (el.hasAttribute(attr))
      issues.push({ source: `attribute ${attr}`, option: 'rep.token', message: TOKEN_ONLY_JS });
  return { options: options as Partial<EmbedOptions>, issues };
}

/**
 * Checks the JS options (`Madeto.mount`, `update`, the `config` property) where a wrong value
 * would otherwise fail silently: the word options and rep mode's fields. Issues name the option.
 */
export function checkJsOptions(options: Partial<EmbedOptions>): OptionsIssue[] {
  const issues: OptionsIssue[] = [];
  const add = (option: string, message: string) =>
    issues.push({ source: 'options', option, message: `${option}: ${message}` });
  for (const key of Object.keys(CHOICES)) {
    const value = (options as Record<string, unknown>)[key];
    const problem = value === undefined ? undefined : choiceIssue(key, value);
    if (problem) add(key, problem);
  }
  const { maxNodes } = options as { maxNodes?: unknown };
  if (maxNodes !== undefined && !(Number.isInteger(maxNodes) && (maxNodes as number) >= 1))
    add('maxNodes', 'a whole number of nodes, at least 1');
  const rep = options.rep as Record<string, unknown> | undefined;
  if (rep !== undefined && (typeof rep !== 'object' || rep === null))
    add('rep', 'an object such as { token, apiBase }');
  else if (rep) {
    for (const key of ['apiBase', 'token', 'now'] as const)
      if (rep[key] !== undefined && typeof rep[key] !== 'string') add(`rep.${key}`, 'a string');
    if (rep['models'] !== undefined && !Array.isArray(rep['models']))
      add('rep.models', 'a list of model URLs or documents');
    if (rep['shareUrl'] !== undefined && typeof rep['shareUrl'] !== 'function')
      add('rep.shareUrl', 'a function (token) => URL');
  }
  return issues;
}

/** The locale: the option, then `<html lang>`, then the browser. */
export function resolveLocale(explicit: string | undefined, doc: Document): string {
  return explicit || doc.documentElement.lang || navigator.language || 'en';
}
