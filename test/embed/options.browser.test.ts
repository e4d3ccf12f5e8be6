import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '../../src/embed/mount.tsx';
import {
  checkJsOptions,
  readAttributes,
  readJsonChild,
  resolveLocale,
} from '../../src/embed/options.ts';
import { RepConfigurator } from '../../src/embed/RepConfigurator.tsx';
import { enableRepMode } from '../../src/embed/repEditor.ts';
import quotePrintCss from '../../src/react/styles/quote-print.css?inline';

// As in the rep app and `madeto/element`: rep mode is in this build.
enableRepMode(RepConfigurator, quotePrintCss);

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
    [{ popular: 'on' }, { popular: true }, []],
    [{ popular: 'off' }, { popular: false }, []],
    [{ popular: '/api/insights/popular' }, { popular: '/api/insights/popular' }, []],
    [{ theme: 'neon' }, {}, ['attribute theme: "neon" is not light, dark or auto']],
    [
      { layout: 'grid', currency: 'EUR' },
      { currency: 'EUR' },
      ['attribute layout: "grid" is not steps or all'],
    ],
    [{ mode: 'rep', engine: 'worker' }, { mode: 'rep', engine: 'worker' }, []],
    [{ mode: 'admin' }, {}, ['attribute mode: "admin" is not buyer or rep']],
    [{ engine: 'gpu' }, {}, ['attribute engine: "gpu" is not page, worker or auto']],
    [
      { 'rep-token': 'secret' },
      {},
      [expect.stringMatching(/^attribute rep-token: the rep's token is read from JS options only/)],
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
    ['{"maxNodes":5}', { maxNodes: 5 }, 0],
    ['{"maxNodes":0.5}', {}, 1],
  ])('%s → %j', (json, options, issueCount) => {
    const read = readJsonChild(element({}, json));
    expect(read.options).toEqual(options);
    expect(read.issues).toHaveLength(issueCount);
  });

  it.each([
    ['{"layout":7}', 'layout'],
    ['{"mode":"admin"}', 'mode'],
    ['{"rep":{"apiBase":3}}', 'rep.apiBase'],
    ['{"maxNodes":-1}', 'maxNodes'],
  ])('names the option of a wrong field: %s → %s', (json, option) => {
    const read = readJsonChild(element({}, json));
    expect(read.issues[0]).toMatchObject({
      option,
      message: expect.stringMatching(`^${option}: `),
    });
  });

  it('refuses the rep token from markup but keeps the other rep options', () => {
    const read = readJsonChild(
      element({}, '{"mode":"rep","rep":{"apiBase":"https://api.test","token":"secret"}}'),
    );
    expect(read.options).toEqual({ mode: 'rep', rep: { apiBase: 'https://api.test' } });
    expect(read.issues).toEqual([
      expect.objectContaining({ source: 'json-child', option: 'rep.token' }),
    ]);
  });
});

describe('checkJsOptions', () => {
  it.each([
    [{ model: '/m.json', mode: 'rep', rep: { token: 't', apiBase: '' } }, []],
    [{ engine: 'worker', theme: 'dark' }, []],
    [{ mode: 'seller' }, ['mode: "seller" is not buyer or rep']],
    [{ engine: 'fast' }, ['engine: "fast" is not page, worker or auto']],
    [{ rep: 'token' }, ['rep: an object such as { token, apiBase }']],
    [{ rep: { token: 42 } }, ['rep.token: a string']],
    [{ rep: { models: '/m.json' } }, ['rep.models: a list of model URLs or documents']],
    [{ maxNodes: 5000 }, []],
    [{ maxNodes: 0 }, ['maxNodes: a whole number of nodes, at least 1']],
    [{ maxNodes: '5' }, ['maxNodes: a whole number of nodes, at least 1']],
  ])('%j → %j', (options, messages) => {
    const issues = checkJsOptions(options as never);
    expect(issues.map((i) => i.message)).toEqual(messages);
    for (const issue of issues) expect(issue.message.startsWith(`${issue.option}: `)).toBe(true);
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

describe('mount: option errors name the option', () => {
  it.each([
    ['rep mode without a token', { model: '/m.json' }, { mode: 'rep' }, 'rep.token'],
    ['no model', {}, {}, 'model'],
    ['a bad JS option', { model: '/m.json' }, { engine: 'gpu' }, 'engine'],
  ])('%s → madeto-error on option %s', (_name, attributes, options, option) => {
    const el = element(attributes as Record<string, string>);
    const errors: { code: string; option?: string; message: string }[] = [];
    el.addEventListener('madeto-error', (e) => errors.push((e as CustomEvent).detail));
    const widget = mount(el, options as never);
    expect(errors).toContainEqual(expect.objectContaining({ version: 1, code: 'options', option }));
    widget.unmount();
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
