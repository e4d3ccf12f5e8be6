import { afterEach, describe, expect, it } from 'vitest';
import { mount, type MountedWidget } from '../../src/embed/mount.tsx';
import { sharedStyleSheet } from '../../src/embed/styles.ts';
import type { EmbedOptions } from '../../src/embed/options.ts';
import deskJson from '../../public/catalogue/desk.json';
import { RepConfigurator } from '../../src/embed/RepConfigurator.tsx';
import { enableRepMode } from '../../src/embed/repEditor.ts';
import quotePrintCss from '../../src/react/styles/quote-print.css?inline';

// As in the rep app and `madeto/element`: rep mode is in this build.
enableRepMode(RepConfigurator, quotePrintCss);

interface Seen {
  type: string;
  detail: Record<string, unknown>;
}

let widget: MountedWidget | undefined;
afterEach(() => {
  widget?.unmount();
  widget = undefined;
  document.body.replaceChildren();
});

/** Mounts a widget on a fresh element and records its madeto-* events. */
function mounted(options: Partial<EmbedOptions>) {
  const el = document.createElement('div');
  document.body.append(el);
  const seen: Seen[] = [];
  for (const type of ['madeto-ready', 'madeto-error', 'madeto-change'])
    el.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
  widget = mount(el, { urlKey: false, ...options });
  return { el, seen, of: (type: string) => seen.filter((s) => s.type === type) };
}

describe('madeto-ready: once the widget is usable, with where the engine runs', () => {
  it.each([
    ['auto (a small model stays on the page)', undefined, 'page'],
    ['page', 'page', 'page'],
    ['worker', 'worker', 'worker'],
  ] as const)('engine %s → %s', async (_name, engine, expected) => {
    const { el, of } = mounted({ model: deskJson, ...(engine && { engine }) });
    expect(of('madeto-ready')).toEqual([]);
    // The host's state, for the page's own height reservation: loading, then ready.
    expect(el.getAttribute('data-madeto-state')).toBe('loading');
    await expect.poll(() => of('madeto-ready'), { timeout: 10_000 }).toHaveLength(1);
    expect(el.getAttribute('data-madeto-state')).toBe('ready');
    expect(el.shadowRoot!.querySelectorAll('input[type="radio"]').length).toBeGreaterThan(0);
    expect(of('madeto-ready')[0]!.detail).toEqual({
      version: 1,
      element: 'div',
      mode: 'buyer',
      model: { id: 'DESK', version: deskJson.version },
      engine: expected,
    });
    // An update re-renders, it does not load the model again: no second madeto-ready.
    widget!.update({ theme: 'dark' });
    await expect.poll(() => el.shadowRoot!.querySelector('[data-theme="dark"]')).not.toBeNull();
    expect(of('madeto-ready')).toHaveLength(1);
  });

  it.each([
    ['an invalid model document', { ...deskJson, attributes: 'none' }],
    ['a model URL that answers 404', '/no-such-model.json'],
  ])('%s → madeto-error code model, no madeto-ready', async (_name, model) => {
    const { el, of } = mounted({ model });
    await expect
      .poll(() => of('madeto-error'), { timeout: 10_000 })
      .toEqual([
        {
          type: 'madeto-error',
          detail: { version: 1, code: 'model', message: expect.any(String) },
        },
      ]);
    expect(of('madeto-ready')).toEqual([]);
    // The page's own reservation lets go: no empty hole.
    expect(el.getAttribute('data-madeto-state')).toBe('failed');
  });
});

describe('a model with no valid configuration', () => {
  // Two constraints that cannot both hold: the model parses, but no build is valid.
  const contradictory = {
    ...deskJson,
    constraints: [
      ...deskJson.constraints,
      { id: 'only-steel', message: 'Steel only.', rule: "frame = 'steel'" },
      { id: 'only-aluminium', message: 'Aluminium only.', rule: "frame = 'aluminium'" },
    ],
  };

  it.each(['page', 'worker'] as const)(
    'engine %s → madeto-error code engine naming it, no madeto-ready, an alert in the widget',
    async (engine) => {
      const { el, of } = mounted({ model: contradictory, engine });
      await expect.poll(() => of('madeto-error'), { timeout: 10_000 }).toHaveLength(1);
      expect(of('madeto-error')[0]!.detail).toEqual({
        version: 1,
        code: 'engine',
        message: expect.stringContaining('no configuration of DESK is valid'),
      });
      expect(of('madeto-ready')).toEqual([]);
      expect(el.getAttribute('data-madeto-state')).toBe('failed');
      await expect
        .poll(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '')
        .toContain('no configuration of DESK is valid');
    },
  );
});

describe('mount: options', () => {
  it('with rep mode in the build, the shared stylesheet has the rep quote document too', () => {
    const selectors = [...sharedStyleSheet().cssRules].map((r) => (r as CSSStyleRule).selectorText);
    expect(selectors).toEqual(expect.arrayContaining(['.madeto', '.madeto-quote-document']));
  });

  it('a wrong JS word option is ignored, so the attribute below it applies', () => {
    const el = document.createElement('div');
    el.setAttribute('theme', 'dark');
    document.body.append(el);
    const errors: unknown[] = [];
    el.addEventListener('madeto-error', (e) => errors.push((e as CustomEvent).detail));
    widget = mount(el, { model: deskJson, theme: 'neon' as never });
    expect(widget.getState().options.theme).toBe('dark');
    expect(errors).toContainEqual(expect.objectContaining({ code: 'options', option: 'theme' }));
  });

  it.each([
    [
      'a rep.models entry that does not load',
      { models: [deskJson, '/no-such-model.json'] },
      'rep.models.1',
      /^options: rep\.models\.1: /,
    ],
    [
      'an invalid rep.initial',
      { initial: { rep: '' } },
      'rep.initial',
      /^options: rep\.initial\.\w+/,
    ],
  ])('rep mode: %s is a madeto-error naming the option', async (_name, rep, option, message) => {
    const { of } = mounted({
      model: deskJson,
      mode: 'rep',
      pricing: {},
      rep: { token: 't0ken', ...rep },
    });
    await expect
      .poll(() => of('madeto-error').map((e) => e.detail), { timeout: 10_000 })
      .toContainEqual(
        expect.objectContaining({
          code: 'options',
          option,
          message: expect.stringMatching(message),
        }),
      );
  });
});

describe('keyboard inside the shadow root', () => {
  it("Next moves the focus to the new step's heading (looked up in the shadow root, not document)", async () => {
    const { el, of } = mounted({ model: deskJson, layout: 'steps' });
    await expect.poll(() => of('madeto-ready'), { timeout: 10_000 }).toHaveLength(1);
    const shadow = el.shadowRoot!;
    const next = [...shadow.querySelectorAll('button')].find((b) => b.textContent === 'Next')!;
    next.focus();
    next.click();
    await expect.poll(() => shadow.activeElement?.tagName).toMatch(/^H\d$/);
    expect(shadow.activeElement?.closest('section')?.hidden).not.toBe(true);
  });
});
