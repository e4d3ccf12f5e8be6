import { afterEach, describe, expect, it } from 'vitest';
import { defineElement, MadetoConfiguratorElement, TAG_NAME } from '../../src/embed/element.ts';
import { mount } from '../../src/embed/mount.tsx';
import type { EmbedOptions } from '../../src/embed/options.ts';
import { RepConfigurator } from '../../src/embed/RepConfigurator.tsx';
import { enableRepMode } from '../../src/embed/repEditor.ts';
import quotePrintCss from '../../src/react/styles/quote-print.css?inline';

// As in the rep app and `madeto/element`: rep mode is in this build.
enableRepMode(RepConfigurator, quotePrintCss);

defineElement();
afterEach(() => document.body.replaceChildren());

interface Seen {
  type: string;
  detail: Record<string, unknown>;
}

/** A connected `<madeto-configurator>` on the desk model, recording its madeto-* events. */
function element(attributes: Record<string, string> = {}): {
  el: MadetoConfiguratorElement;
  of: (type: string) => Seen[];
} {
  const el = document.createElement(TAG_NAME) as MadetoConfiguratorElement;
  el.setAttribute('model', '/catalogue/desk.json');
  el.setAttribute('engine', 'page');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const seen: Seen[] = [];
  for (const type of ['madeto-ready', 'madeto-error', 'madeto-change'])
    el.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
  document.body.append(el);
  return { el, of: (type) => seen.filter((s) => s.type === type) };
}

const radio = (el: Element, value: string) =>
  el.shadowRoot?.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`) ?? null;

/** Waits for the desk's choices, then picks the aluminium frame (not the model's default). */
async function pickAluminium(el: Element): Promise<void> {
  await expect.poll(() => radio(el, 'aluminium'), { timeout: 10_000 }).not.toBeNull();
  radio(el, 'aluminium')!.click();
  await expect.poll(() => radio(el, 'aluminium')?.checked).toBe(true);
}

describe('an observed attribute changed after mount: the widget updates, the selection stays', () => {
  it.each([
    ['locale', 'de-DE', 'locale', 'de-DE'],
    ['currency', 'CHF', 'currency', 'CHF'],
    ['theme', 'dark', 'theme', 'dark'],
    ['layout', 'steps', 'layout', 'steps'],
    ['layout', 'all', 'layout', 'all'],
    ['pricing', '/catalogue/pricing.json', 'pricing', '/catalogue/pricing.json'],
    [
      'availability',
      '/catalogue/availability.json',
      'availability',
      '/catalogue/availability.json',
    ],
    ['submit', 'event', 'submit', 'event'],
    ['engine', 'worker', 'engine', 'worker'],
    ['url-key', '', 'urlKey', false],
  ] as const)('%s="%s" → option %s = %j', async (attribute, value, option, expected) => {
    const { el, of } = element();
    await pickAluminium(el);
    el.setAttribute(attribute, value);
    expect(el.widget?.getState().options[option]).toEqual(expected);
    await expect.poll(() => radio(el, 'aluminium')?.checked).toBe(true);
    // The same model: it is not loaded again.
    expect(of('madeto-ready')).toHaveLength(1);
    expect(of('madeto-error')).toEqual([]);
  });

  it('a removed attribute falls back (theme) and a changed model loads the new one', async () => {
    const { el, of } = element({ theme: 'dark' });
    await pickAluminium(el);
    await expect.poll(() => el.shadowRoot!.querySelector('[data-theme="dark"]')).not.toBeNull();
    el.removeAttribute('theme');
    expect(el.widget?.getState().options.theme).toBeUndefined();
    await expect.poll(() => el.shadowRoot!.querySelector('[data-theme="dark"]')).toBeNull();
    el.setAttribute('model', '/catalogue/bike.json');
    await expect.poll(() => of('madeto-ready'), { timeout: 10_000 }).toHaveLength(2);
    expect(of('madeto-ready').map((e) => (e.detail['model'] as { id: string }).id)).toEqual([
      'DESK',
      'BIKE',
    ]);
  });

  it('a wrong attribute value is reported and the rest keeps working', async () => {
    const { el, of } = element();
    await pickAluminium(el);
    el.setAttribute('theme', 'neon');
    expect(of('madeto-error').map((e) => e.detail)).toContainEqual(
      expect.objectContaining({ version: 1, code: 'options', option: 'theme' }),
    );
    expect(radio(el, 'aluminium')?.checked).toBe(true);
  });
});

describe('<html lang>', () => {
  it('without a locale option, the widget follows a change of <html lang>', async () => {
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'en-GB';
      const { el } = element();
      await pickAluminium(el);
      const lang = () => el.shadowRoot!.querySelector('.madeto')?.getAttribute('lang');
      expect(lang()).toMatch(/^en/);
      document.documentElement.lang = 'de-DE';
      await expect.poll(lang).toMatch(/^de/);
      expect(radio(el, 'aluminium')?.checked).toBe(true);
      el.setAttribute('locale', 'en-GB');
      document.documentElement.lang = 'de-AT';
      await expect.poll(lang).toMatch(/^en/);
    } finally {
      document.documentElement.lang = before;
    }
  });
});

describe('the JSON child', () => {
  it('added after the element is read, and read again when it changes', async () => {
    const el = document.createElement(TAG_NAME) as MadetoConfiguratorElement;
    document.body.append(el);
    const json = document.createElement('script');
    json.type = 'application/json';
    json.textContent = JSON.stringify({ model: '/catalogue/desk.json', engine: 'page' });
    el.append(json);
    await pickAluminium(el);
    expect(el.widget?.getState().options).toMatchObject({ model: '/catalogue/desk.json' });
    json.textContent = JSON.stringify({ model: '/catalogue/desk.json', theme: 'dark' });
    await expect.poll(() => el.shadowRoot!.querySelector('[data-theme="dark"]')).not.toBeNull();
    expect(el.widget?.getState().options.engine).toBeUndefined();
    expect(radio(el, 'aluminium')?.checked).toBe(true);
  });
});

describe('connected, removed, moved', () => {
  it('removing the element unmounts its React root; inserting it again mounts afresh', async () => {
    const { el } = element();
    await pickAluminium(el);
    const first = el.widget!;
    el.remove();
    await expect.poll(() => first.getState().status).toBe('unmounted');
    expect(el.widget).toBeUndefined();
    expect(el.shadowRoot!.querySelector('[part="root"]')).toBeNull();
    document.body.append(el);
    expect(el.widget).toBeDefined();
    expect(el.widget).not.toBe(first);
    // A fresh widget: the model's defaults, not the old selection.
    await expect.poll(() => radio(el, 'aluminium'), { timeout: 10_000 }).not.toBeNull();
    expect(radio(el, 'aluminium')!.checked).toBe(false);
    expect(el.shadowRoot!.querySelectorAll('[part="root"]')).toHaveLength(1);
    expect(el.shadowRoot!.adoptedStyleSheets).toHaveLength(1);
  });

  it('a move (removed and inserted in one task) keeps the widget and the selection', async () => {
    const { el } = element();
    await pickAluminium(el);
    const handle = el.widget!;
    const other = document.createElement('section');
    document.body.append(other);
    other.append(el);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.widget).toBe(handle);
    expect(handle.getState().status).toBe('mounted');
    expect(radio(el, 'aluminium')?.checked).toBe(true);
  });

  it('mount() on an element that already has a widget returns that widget, updated', async () => {
    const { el } = element();
    await pickAluminium(el);
    const handle = el.widget!;
    expect(mount(el, { theme: 'dark' })).toBe(handle);
    expect(handle.getState().options.theme).toBe('dark');
    expect(radio(el, 'aluminium')?.checked).toBe(true);
    expect(el.shadowRoot!.querySelectorAll('[part="root"]')).toHaveLength(1);
  });
});

describe('a missing model or rep token after mount: nothing is shown, the option is named', () => {
  it.each([
    ['the model attribute removed', 'model', (el: Element) => el.removeAttribute('model')],
    ['mode="rep" without a token', 'rep.token', (el: Element) => el.setAttribute('mode', 'rep')],
  ])('%s → madeto-error on %s, no choices left', async (_name, option, change) => {
    const { el, of } = element();
    await pickAluminium(el);
    change(el);
    expect(of('madeto-error').map((e) => e.detail)).toContainEqual(
      expect.objectContaining({ version: 1, code: 'options', option }),
    );
    await expect.poll(() => el.shadowRoot!.querySelectorAll('input').length).toBe(0);
    expect(el.widget?.getState().status).toBe('mounted');
  });

  it('mode="rep" with the token from config renders the quote editor', async () => {
    const { el } = element({ pricing: '/catalogue/pricing.json' });
    await pickAluminium(el);
    // The pricing document names attributes of all three catalogue models.
    const models = ['desk', 'bike', 'sofa'].map((id) => `/catalogue/${id}.json`);
    el.config = { rep: { token: 'rep-token', models } };
    el.setAttribute('mode', 'rep');
    await expect
      .poll(() => el.shadowRoot!.querySelector('section.madeto-rep-form'), {
        timeout: 10_000,
      })
      .not.toBeNull();
    expect(el.widget?.getState().options).toMatchObject({
      mode: 'rep',
      rep: { token: 'rep-token' },
    });
  });
});

describe('rep mode: documents the editor cannot use are reported', () => {
  it('a pricing document naming attributes of no rep model → madeto-error on pricing', async () => {
    const { el, of } = element({ pricing: '/catalogue/pricing.json', mode: 'rep' });
    el.config = { rep: { token: 'rep-token' } };
    await expect
      .poll(() => of('madeto-error').map((e) => e.detail), { timeout: 10_000 })
      .toContainEqual({
        version: 1,
        code: 'options',
        option: 'pricing',
        message: expect.stringMatching(/^options: pricing: [\s\S]*stainGuard/),
      });
  });
});

describe('the config property', () => {
  it('set before the element is defined: taken over on upgrade, JS options win', async () => {
    // A tag of its own, defined only after `config` was set on the plain element.
    const tag = 'madeto-upgrade-test';
    const el = document.createElement(tag) as HTMLElement & { config?: Partial<EmbedOptions> };
    el.setAttribute('model', '/catalogue/desk.json');
    el.setAttribute('theme', 'light');
    const options = {
      theme: 'dark',
      engine: 'page',
      initialSelection: { frame: 'aluminium' },
    } as const satisfies Partial<EmbedOptions>;
    el.config = options;
    // A read-only property set on the plain element is dropped, not left to hide the getter.
    (el as unknown as { widget: unknown }).widget = 'set by the page';
    document.body.append(el);
    expect(el.shadowRoot).toBeNull();
    customElements.define(tag, class extends MadetoConfiguratorElement {});
    expect(el).toBeInstanceOf(MadetoConfiguratorElement);
    expect([Object.hasOwn(el, 'config'), Object.hasOwn(el, 'widget')]).toEqual([false, false]);
    const upgraded = el as MadetoConfiguratorElement;
    expect(upgraded.widget?.getState().status).toBe('mounted');
    expect(upgraded.config).toEqual(options);
    expect(upgraded.widget?.getState().options).toMatchObject(options);
    await expect.poll(() => radio(el, 'aluminium')?.checked, { timeout: 10_000 }).toBe(true);
    expect(el.shadowRoot!.querySelector('[data-theme="dark"]')).not.toBeNull();
  });

  it.each([
    ['given to mount()', (el: MadetoConfiguratorElement) => void mount(el, { theme: 'dark' })],
    ['set as config', (el: MadetoConfiguratorElement) => void (el.config = { theme: 'dark' })],
  ])('JS options %s survive removal and re-insertion', async (_name, give) => {
    const { el } = element();
    await pickAluminium(el);
    give(el);
    const first = el.widget!;
    el.remove();
    await expect.poll(() => first.getState().status).toBe('unmounted');
    expect(el.config).toMatchObject({ theme: 'dark' });
    el.config = { currency: 'CHF' };
    document.body.append(el);
    expect(el.widget?.getState().options).toMatchObject({ theme: 'dark', currency: 'CHF' });
    await expect.poll(() => el.shadowRoot!.querySelector('[data-theme="dark"]')).not.toBeNull();
  });

  it('set after mount: merged like update(), the selection stays', async () => {
    const { el } = element();
    await pickAluminium(el);
    el.config = { theme: 'dark' };
    el.config = { currency: 'CHF' };
    expect(el.config).toEqual({ theme: 'dark', currency: 'CHF' });
    expect(el.widget?.getState().options).toMatchObject({ theme: 'dark', currency: 'CHF' });
    await expect.poll(() => el.shadowRoot!.querySelector('[data-theme="dark"]')).not.toBeNull();
    expect(radio(el, 'aluminium')?.checked).toBe(true);
  });
});

describe('host listeners and callbacks that throw', () => {
  it('a madeto-change listener that throws does not break the widget', async () => {
    const { el, of } = element();
    el.addEventListener('madeto-change', () => {
      throw new Error('host listener bug');
    });
    // The browser reports a throwing listener as an uncaught error; here it is expected.
    const reported: string[] = [];
    const swallow = (e: ErrorEvent) => {
      reported.push(e.message);
      if (e.message.includes('host listener bug')) e.preventDefault();
    };
    window.addEventListener('error', swallow);
    try {
      await pickAluminium(el);
      radio(el, 'steel')?.click();
      await expect.poll(() => radio(el, 'steel')?.checked).toBe(true);
      expect(of('madeto-change').map((e) => e.detail['selection'])).toContainEqual(
        expect.objectContaining({ frame: 'steel' }),
      );
      // Reported by the browser as the page error it is, not as a madeto-error.
      expect(reported).toContainEqual(expect.stringContaining('host listener bug'));
      expect(of('madeto-error')).toEqual([]);
    } finally {
      window.removeEventListener('error', swallow);
    }
  });

  it('an onChange callback that throws is a madeto-error (host-callback); the widget goes on', async () => {
    const { el, of } = element();
    el.config = {
      onChange: () => {
        throw new Error('host callback bug');
      },
    };
    await pickAluminium(el);
    radio(el, 'steel')?.click();
    await expect.poll(() => radio(el, 'steel')?.checked).toBe(true);
    expect(of('madeto-error').map((e) => e.detail)).toContainEqual({
      version: 1,
      code: 'host-callback',
      message: expect.stringContaining('host callback bug'),
    });
  });
});
