import * as z from 'zod/mini';

/** The widget's options as the host writes them (attributes, a JSON child, or `Madeto.mount`). */
export interface EmbedOptions {
  /** The model document (an object) or its URL. Required. */
  model: string | object;
  pricing?: string | object;
  availability?: string | object;
  /**
   * Where quote requests go: a URL (POSTed by the HTTP adapter), `"event"` (a `madeto-submit`
   * event the host answers), or a function `(payload) => Promise<unknown>` (JS options only).
   */
  submit?: string | ((payload: unknown) => Promise<unknown>);
  locale?: string;
  currency?: string;
  theme?: 'light' | 'dark' | 'auto';
  layout?: 'steps' | 'all';
  /** The URL parameter key for the selection; `false` (attribute `url-key=""`) keeps it out. */
  urlKey?: string | false;
  customer?: unknown;
  initialSelection?: Record<string, unknown>;
  /** Called with the selection on every change; a throw is reported as `madeto-error`. */
  onChange?: (selection: Record<string, unknown>, info: { complete: boolean }) => void;
}

const resource = z.union([z.string(), z.record(z.string(), z.unknown())]);
const jsonOptions = z.partial(
  z.object({
    model: resource,
    pricing: resource,
    availability: resource,
    submit: z.string(),
    locale: z.string(),
    currency: z.string(),
    theme: z.enum(['light', 'dark', 'auto']),
    layout: z.enum(['steps', 'all']),
    urlKey: z.union([z.string(), z.literal(false)]),
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
  'url-key': 'urlKey',
} as const satisfies Record<string, keyof EmbedOptions>;

/** A problem with the host's options, reported as a `madeto-error` with its source. */
export interface OptionsIssue {
  source: string;
  message: string;
}

/** Reads the `<script type="application/json">` child; issues name the path that is wrong. */
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
    return { options: {}, issues: [{ source: 'json-child', message: `invalid JSON: ${message}` }] };
  }
  const parsed = jsonOptions.safeParse(raw);
  if (parsed.success) return { options: parsed.data as Partial<EmbedOptions>, issues: [] };
  return {
    options: {},
    issues: parsed.error.issues.map((i) => ({
      source: 'json-child',
      message: `${i.path.map(String).join('.') || '(root)'}: ${i.message}`,
    })),
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
    if (key === 'theme' && !['light', 'dark', 'auto'].includes(value))
      issues.push({
        source: `attribute ${attr}`,
        message: `"${value}" is not light, dark or auto`,
      });
    else if (key === 'layout' && !['steps', 'all'].includes(value))
      issues.push({ source: `attribute ${attr}`, message: `"${value}" is not steps or all` });
    else options[key] = key === 'urlKey' && value === '' ? false : value;
  }
  return { options: options as Partial<EmbedOptions>, issues };
}

/** The locale: the option, then `<html lang>`, then the browser. */
export function resolveLocale(explicit: string | undefined, doc: Document): string {
  return explicit || doc.documentElement.lang || navigator.language || 'en';
}
