// The stylesheets after the production build, in real Chromium: Vite lowers CSS for its default
// browser targets (Lightning CSS turns light-dark() into variables keyed to color-scheme), which
// the dev server and the browser tests never do. A palette that only works unlowered once shipped
// borderless buttons and inputs; these checks run on what the build emits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../chromium.ts';

const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'madeto-css-'));
let css: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: out,
      minify: true,
      lib: {
        entry: join(root, 'test/embed/fixtures/stylesEntry.ts'),
        formats: ['es'],
        fileName: () => 'styles.js',
      },
    },
  });
  css = ((await import(pathToFileURL(join(out, 'styles.js')).href)) as { default: string }).default;
  browser = await launchChromium();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

/** Computed styles of a widget (theme, host style on its wrapper) rendered with the built CSS. */
async function computed(theme: string, hostStyle = '') {
  await page.setContent(
    `<div style="${hostStyle}"><div class="madeto" data-theme="${theme}">` +
      '<button>Go</button><input aria-label="x"><section class="madeto-panel">p</section>' +
      '<p class="madeto-rep-approval">a</p></div></div>',
  );
  await page.addStyleTag({ content: css });
  return page.evaluate(() => {
    const at = (s: string) => getComputedStyle(document.querySelector(s)!);
    return {
      background: at('.madeto').backgroundColor,
      text: at('.madeto').color,
      buttonBorder: `${at('button').borderTopStyle} ${at('button').borderTopColor}`,
      inputBorder: `${at('input').borderTopStyle} ${at('input').borderTopColor}`,
      panel: at('.madeto-panel').backgroundColor,
      approval: at('.madeto-rep-approval').borderTopColor,
    };
  });
}

describe('the built stylesheets', () => {
  it('were lowered for older browsers (otherwise this file tests nothing new)', () => {
    expect(css).toMatch(/lightningcss-(light|dark)/);
  });

  it.each([
    [
      'light',
      '',
      {
        background: 'rgb(255, 255, 255)',
        text: 'rgb(27, 29, 33)',
        buttonBorder: 'solid rgb(201, 206, 216)',
        inputBorder: 'solid rgb(201, 206, 216)',
        panel: 'rgb(244, 246, 249)',
        approval: 'rgb(179, 38, 30)',
      },
    ],
    [
      'dark',
      '',
      {
        background: 'rgb(22, 24, 29)',
        text: 'rgb(232, 234, 239)',
        buttonBorder: 'solid rgb(71, 78, 90)',
        inputBorder: 'solid rgb(71, 78, 90)',
        panel: 'rgb(33, 37, 44)',
        approval: 'rgb(255, 138, 128)',
      },
    ],
    [
      'dark',
      '--madeto-border: rgb(1, 2, 3); --madeto-surface: rgb(4, 5, 6); --madeto-danger: rgb(7, 8, 9)',
      {
        background: 'rgb(22, 24, 29)',
        text: 'rgb(232, 234, 239)',
        buttonBorder: 'solid rgb(1, 2, 3)',
        inputBorder: 'solid rgb(1, 2, 3)',
        panel: 'rgb(4, 5, 6)',
        approval: 'rgb(7, 8, 9)',
      },
    ],
  ])('data-theme=%s, host style %j', async (theme, hostStyle, want) => {
    expect(await computed(theme, hostStyle)).toEqual(want);
  });
});
