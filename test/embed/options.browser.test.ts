import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '../../src/embed/mount.tsx';
import { readAttributes, readJsonChild, resolveLocale } from '../../src/embed/options.ts';

function element(attributes: Record<string, string>, json?: string): HTMLElement {
  const el = document.createElement('div');
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  if (json !== undefined) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = json;
    el.append(script);
  }
  document.body.append(el);
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('readAttributes', () => {
  it.each([
    [{ model: '/m.json', locale: 'de-DE' }, { model: '/m.json', locale: 'de-DE' }, []],
    [{ 'url-key': '' }, { urlKey: false }, []],
    [{ 'url-key': 'desk' }, { urlKey: 'desk' }, []],
    [{ theme: 'neon' }, {}, ['attribute theme: "neon" is not light, dark or auto']],
    [
      { layout: 'grid', currency: 'EUR' },
      { currency: 'EUR' },
      ['attribute layout: "grid" is not steps or all'],
    ],
  ])('%j → %j', (attributes, options, issues) => {
    const read = readAttributes(element(attributes));
    expect(read.options).toEqual(options);
    expect(read.issues.map((i) => `${i.source}: ${i.message}`)).toEqual(issues);
  });
});

describe('readJsonChild', () => {
  it.each([
    ['{"model":"/m.json","theme":"dark"}', { model: '/m.json', theme: 'dark' }, 0],
    ['{"model":{"id":"X"}}', { model: { id: 'X' } }, 0],
    ['{not json', {}, 1],
    ['{"theme":"neon"}', {}, 1],
  ])('%s → %j', (json, options, issueCount) => {
    const read = readJsonChild(element({}, json));
    expect(read.options).toEqual(options);
    expect(read.issues).toHaveLength(issueCount);
  });

  it('names the path of a wrong field', () => {
    const read = readJsonChild(element({}, '{"layout":7}'));
    expect(read.issues[0]!.message).toMatch(/^layout: /);
  });
});

describe('resolveLocale', () => {
  it.each([
    ['fr-FR', 'de', 'fr-FR'],
    [undefined, 'de-AT', 'de-AT'],
  ])('explicit %s, <html lang=%s> → %s', (explicit, lang, expected) => {
    document.documentElement.lang = lang;
    expect(resolveLocale(explicit, document)).toBe(expected);
  });

  it('falls back to the browser', () => {
    document.documentElement.lang = '';
    expect(resolveLocale(undefined, document)).toBe(navigator.language);
  });
});

describe('mount: defaults < JSON child < attributes < JS options', () => {
  it('merges in that order and keeps one handle per element', () => {
    const el = element(
      { theme: 'dark', locale: 'de-DE' },
      '{"model":"/json.json","theme":"light","layout":"all","currency":"CHF"}',
    );
    const widget = mount(el, { locale: 'fr-FR' });
    expect(widget.getState()).toMatchObject({
      status: 'mounted',
      options: {
        model: '/json.json',
        theme: 'dark',
        layout: 'all',
        currency: 'CHF',
        locale: 'fr-FR',
      },
    });
    expect(mount(el, { currency: 'EUR' })).toBe(widget);
    expect(widget.getState().options.currency).toBe('EUR');
    expect(el.shadowRoot?.adoptedStyleSheets).toHaveLength(1);
    widget.unmount();
    expect(widget.getState().status).toBe('unmounted');
  });
});
