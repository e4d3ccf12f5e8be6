import { afterEach, describe, expect, it } from 'vitest';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';
import { sharedStyleSheet } from '../../src/embed/styles.ts';

// Theming contract (embed.md): colours are --madeto-* custom properties a host sets on the widget
// or any ancestor; data-theme picks light or dark. Checked on computed styles in Chromium.

afterEach(() => document.body.replaceChildren());

/** A `.madeto` root with a panel inside, under a wrapper carrying the host's `style`. */
function widget(theme: string, hostStyle = ''): { root: HTMLElement; panel: HTMLElement } {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('style', hostStyle);
  const root = document.createElement('div');
  root.className = 'madeto';
  root.dataset['theme'] = theme;
  const panel = document.createElement('section');
  panel.className = 'madeto-panel';
  root.append(panel);
  wrapper.append(root);
  document.body.append(wrapper);
  return { root, panel };
}

const bg = (el: Element) => getComputedStyle(el).backgroundColor;
const fg = (el: Element) => getComputedStyle(el).color;

describe('palette: light and dark from one light-dark() declaration', () => {
  it.each([
    ['light', 'rgb(255, 255, 255)', 'rgb(27, 29, 33)', 'rgb(244, 246, 249)'],
    ['dark', 'rgb(22, 24, 29)', 'rgb(232, 234, 239)', 'rgb(33, 37, 44)'],
  ])('data-theme=%s → background %s, text %s, panel %s', (theme, background, text, panel) => {
    const w = widget(theme);
    expect(bg(w.root)).toBe(background);
    expect(fg(w.root)).toBe(text);
    expect(bg(w.panel)).toBe(panel);
  });

  it('data-theme=auto follows the page colour scheme (Chromium headless reports light)', () => {
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(bg(widget('auto').root)).toBe(dark ? 'rgb(22, 24, 29)' : 'rgb(255, 255, 255)');
  });
});

describe('host overrides win over the defaults', () => {
  it.each([
    ['light', '--madeto-bg: rgb(1, 2, 3)', 'root', 'rgb(1, 2, 3)'],
    ['dark', '--madeto-bg: rgb(1, 2, 3)', 'root', 'rgb(1, 2, 3)'],
    ['light', '--madeto-surface: rgb(4, 5, 6)', 'panel', 'rgb(4, 5, 6)'],
    ['dark', '--madeto-surface: rgb(4, 5, 6)', 'panel', 'rgb(4, 5, 6)'],
    [
      'light',
      '--madeto-surface: rgb(4, 5, 6); --madeto-panel-bg: rgb(7, 8, 9)',
      'panel',
      'rgb(7, 8, 9)',
    ],
  ] as const)('data-theme=%s, ancestor sets %s → %s background %s', (theme, style, at, want) => {
    const w = widget(theme, style);
    expect(bg(w[at])).toBe(want);
  });
});

describe('inside the embed shadow root', () => {
  function shadowWidget(hostStyle: string): HTMLElement {
    const host = document.createElement('div');
    host.setAttribute('style', hostStyle);
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sharedStyleSheet()];
    const root = document.createElement('div');
    root.className = 'madeto';
    root.dataset['theme'] = 'light';
    shadow.append(root);
    return root;
  }

  it.each([
    ['', 'rgb(255, 255, 255)'],
    ['--madeto-bg: rgb(10, 20, 30)', 'rgb(10, 20, 30)'],
  ])('host element style %j → widget background %s', (style, want) => {
    expect(bg(shadowWidget(style))).toBe(want);
  });
});
